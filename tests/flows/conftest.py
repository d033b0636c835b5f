"""Prefect for tests: a private PREFECT_HOME, set before Prefect is imported, and one test harness
(a temporary API server, ~15–25 s to start) for the whole session."""
from __future__ import annotations

import os
import tempfile

import pytest

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="gongkai-prefect-home-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "120"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
