"""Shared fixtures. Real documents live beside the repository in ../shared/real and are never copied in."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL = SHARED / "real"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip(f"{REAL} not present: real-document tests need ../shared/real beside the clone")
    return REAL


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not present: seed-document tests need ../shared/seeds beside the clone")
    return SEEDS


def missing_prerequisite(reason: str) -> None:
    """A tool or service the tests need is not there. On a developer's machine that is a skip with the
    reason; under CI (CI set), where scripts/setup.sh installs every tool, it is a failure, so that a
    broken set-up can never pass as a green run of skipped tests."""
    import os

    if os.environ.get("CI"):
        pytest.fail(f"CI must provide this (scripts/setup.sh installs the tools; PostgreSQL is the machine's service): {reason}", pytrace=False)
    pytest.skip(reason)
