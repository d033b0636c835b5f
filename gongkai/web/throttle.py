"""Log-in throttling per (user name, client address), with a growing delay (issue 11).

Counting per address alone let one person's typos lock every reviewer at that machine out; counting per
name alone lets anyone lock a colleague out from anywhere. Per pair, the first `free` failures cost
nothing, then each further failure doubles the wait before the next attempt of that pair is heard
(base, 2·base, 4·base …, at most `cap`). A success or `forget` seconds of quiet clears the pair; an
administrator can clear it at once (/admin/logins). State lives in the server process, like the sessions."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Callable

MAX_PAIRS = 10_000  # bound the memory a flood of invented names can take


@dataclass
class Held:
    name: str
    address: str
    failures: int
    wait_seconds: int


class LoginThrottle:
    def __init__(self, *, free: int = 3, base: float = 30.0, cap: float = 900.0, forget: float = 86_400.0,
                 clock: Callable[[], float] = time.monotonic):
        self.free, self.base, self.cap, self.forget, self.clock = free, base, cap, forget, clock
        self._pairs: dict[tuple[str, str], tuple[int, float]] = {}  # (name, address) → (failures, last)
        self._lock = threading.Lock()

    def _delay(self, failures: int) -> float:
        return 0.0 if failures < self.free else min(self.cap, self.base * 2 ** (failures - self.free))

    def _left(self, key: tuple[str, str], now: float) -> float:
        failures, last = self._pairs.get(key, (0, now))
        if now - last > self.forget:
            self._pairs.pop(key, None)
            return 0.0
        return max(0.0, last + self._delay(failures) - now)

    def wait(self, name: str, address: str) -> float:
        """Seconds before this name may try again from this address (0: now)."""
        with self._lock:
            return self._left((name, address), self.clock())

    def fail(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._pairs) >= MAX_PAIRS:
                oldest = min(self._pairs, key=lambda k: self._pairs[k][1])
                self._pairs.pop(oldest)
            failures, _ = self._pairs.get((name, address), (0, now))
            self._pairs[(name, address)] = (failures + 1, now)

    def reset(self, name: str, address: str) -> bool:
        """Clear a pair (a successful log-in, or an administrator's unlock); True if it was held."""
        with self._lock:
            return self._pairs.pop((name, address), None) is not None

    def held(self) -> list[Held]:
        """Pairs with failures on record, the longest wait first (the administrator's page)."""
        now = self.clock()
        with self._lock:
            rows = [Held(name, address, failures, int(self._left((name, address), now) + 0.999))
                    for (name, address), (failures, _) in list(self._pairs.items())]
        return sorted((r for r in rows if (r.name, r.address) in self._pairs),
                      key=lambda r: (-r.wait_seconds, -r.failures, r.name))
