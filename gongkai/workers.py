"""Worker processes for the nightly intake (issue 13): extraction and review, the CPU-bound part, on
every core.

A worker only reads: it extracts files and proposes labels, and hands back (document, proposal). Every
side effect — the journal, the archive, the store, removing inbox files — stays in the process that
owns the run, in the order of the inbox, so that the crash-safety argument of `gongkai.intake` is
unchanged: a file is claimed before it is sent to a worker and finished after its result came back,
and a kill at any moment leaves claimed rows that the next run redoes.

Each worker loads the rules and the model once, when it starts (`_start`), and reviews files in
chunks, so that the model predicts a chunk at a time (one vectorised call instead of one per file).
Workers are started with "spawn": the owner holds database connections and threads (Prefect's), which
a forked child must not inherit.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from gongkai.documents import ExtractedDocument, Proposal
from gongkai.settings import Settings

log = logging.getLogger(__name__)

_SETTINGS: Settings | None = None
_REVIEWER = None
_FAILED: tuple[str, str] | None = None  # (code, detail) when the rules or the model could not be loaded


class WorkerStartFailed(Exception):
    """The worker could not load the rules or the model; carries the GongkaiError's code and detail
    (a GongkaiError itself does not survive pickling)."""

    def __init__(self, code: str, detail: str):
        super().__init__(code, detail)
        self.code, self.detail = code, detail

    def as_gongkai_error(self):
        from gongkai.errors import GongkaiError

        return GongkaiError(self.code, self.detail)


def resolve_processes(settings: Settings) -> int:
    """`processes` = 0 means one per core (cores this process may run on, not all the machine's)."""
    wanted = int(getattr(settings, "processes", 1))
    if wanted > 0:
        return wanted
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start(values: dict) -> None:
    """Worker initialiser: the same settings as the owner, rules and model loaded once."""
    global _SETTINGS, _REVIEWER, _FAILED
    from gongkai.errors import GongkaiError
    from gongkai.filemodes import restrict_umask
    from gongkai.intake import make_reviewer

    restrict_umask()
    _watch_owner(os.getppid())
    _SETTINGS = Settings(values, environ={})
    try:
        _REVIEWER = make_reviewer(_SETTINGS)
    except GongkaiError as exc:  # said to the owner with the first chunk, which stops the batch
        _FAILED = (exc.code, exc.detail)


def _watch_owner(owner: int) -> None:
    """Exit when the owner dies (kill -9 included): an orphaned worker would keep reviewing files whose
    results nobody stores, and keep the owner's output pipes open."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == owner:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="owner-watch", daemon=True).start()


def review_files(paths: list[str]) -> list[tuple[ExtractedDocument, Proposal]]:
    """Extract and review a chunk of files (runs in a worker, or in the owner when there is no pool)."""
    from gongkai.extract import extract_file

    if _FAILED is not None:
        raise WorkerStartFailed(*_FAILED)
    documents = [extract_file(path, _SETTINGS) for path in paths]
    return [(r.document, r.proposal) for r in _REVIEWER.review_many(documents)]


class ReviewPool:
    """A pool of worker processes that extract and review; one per core by default."""

    def __init__(self, settings: Settings, processes: int):
        self.processes = processes
        self._settings = settings
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                self.processes, mp_context=multiprocessing.get_context("spawn"),
                initializer=_start, initargs=(self._settings.as_dict(),))
        return self._executor

    def submit(self, paths: list[str]) -> Future:
        try:
            return self._pool().submit(review_files, paths)
        except BrokenProcessPool:  # a worker died (killed, out of memory): start a fresh pool
            self.close()
            return self._pool().submit(review_files, paths)

    def ready(self) -> None:
        """Start the workers now and wait until they have loaded the rules and the model; raises the
        GongkaiError a worker met (e.g. model_incompatible)."""
        try:
            self.submit([]).result()
        except WorkerStartFailed as exc:
            raise exc.as_gongkai_error() from None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
