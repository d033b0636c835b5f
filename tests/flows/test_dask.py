"""Scale-out: the nightly batches on a local 2-worker Dask cluster, reporting to a real `prefect server`
started here on a free port (on the temporary server each worker would start a server of its own)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.intake.inbox_builders import SECRET, write_documents

pytestmark = pytest.mark.prefect
REPO = Path(__file__).resolve().parents[2]
RUNNER = """
import json, sys
from flows.nightly import run_nightly
from tests.conftest import missing_prerequisite
print(json.dumps(run_nightly(sys.argv[1], batch_size=2, dask_address=sys.argv[2]), ensure_ascii=False))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    from flows.deployments import start_server

    home = tmp_path_factory.mktemp("prefect-server")
    try:
        proc, api_url = start_server(port=_free_port(), wait_seconds=150, log_file=home / "server.log", home=home)
    except (TimeoutError, RuntimeError, OSError) as exc:
        missing_prerequisite(f"a real `prefect server` could not be started here: {exc}")
    yield api_url
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def _intakes_loaded() -> int:
    module = sys.modules.get("flows.nightly")
    return len(module._INTAKES) if module else 0


def test_batches_run_on_a_two_worker_dask_cluster(prefect_server: str, tmp_path: Path, monkeypatch):
    from distributed import Client, LocalCluster

    inbox = tmp_path / "inbox"
    write_documents(inbox, 9)
    (inbox / "请示.txt").write_text(SECRET, encoding="utf-8")
    # Worker processes inherit this environment: they report to the real server and share the store.
    monkeypatch.setenv("PREFECT_API_URL", prefect_server)
    monkeypatch.setenv("GONGKAI_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.delenv("GONGKAI_DATABASE_URL", raising=False)
    monkeypatch.setenv("GONGKAI_MODELS_DIR", str(tmp_path / "no-models"))  # rules only
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        out = subprocess.run([sys.executable, "-c", RUNNER, str(inbox), cluster.scheduler_address], cwd=REPO,
                             env=dict(os.environ), capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-3000:]
        summary = json.loads(out.stdout.strip().splitlines()[-1])
        per_worker = client.run(_intakes_loaded)
    assert (summary["processed"], summary["sealed"], summary["errors"]) == (10, 1, 0)
    assert summary["batches"] == 5 and not list(inbox.iterdir())
    assert sorted(per_worker.values()) == [1, 1], per_worker  # both workers processed batches


def test_schedule_serves_the_nightly_deployment_with_its_cron_and_time_zone(prefect_server: str, tmp_path: Path):
    import time

    import httpx

    serve = ("import sys; from flows.deployments import serve; "
             "serve(sys.argv[1], cron='30 1 * * *', timezone='Asia/Shanghai')")
    env = {**os.environ, "PREFECT_API_URL": prefect_server, "GONGKAI_DATA_DIR": str(tmp_path / "var")}
    proc = subprocess.Popen([sys.executable, "-c", serve, str(tmp_path / "inbox")], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, found = time.monotonic() + 120, []
        while time.monotonic() < deadline and not found and proc.poll() is None:
            time.sleep(1)
            response = httpx.post(f"{prefect_server}/deployments/filter", json={}, timeout=10)
            found = [d for d in response.json() if d["name"] == "nightly"]
        assert found, proc.stdout.read() if proc.poll() is not None else "no deployment registered in time"
        [schedule] = found[0]["schedules"]
        assert schedule["schedule"]["cron"] == "30 1 * * *"
        assert schedule["schedule"]["timezone"] == "Asia/Shanghai"
        assert found[0]["parameters"]["inbox"] == str((tmp_path / "inbox").resolve())
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_default_schedule_is_two_in_the_morning_in_shanghai(tmp_path: Path):
    from flows.deployments import deployments

    nightly = deployments(str(tmp_path))[0]  # the retraining deployment (issue 7) follows it
    assert nightly.name == "nightly"
    assert (nightly.schedules[0].schedule.cron, nightly.schedules[0].schedule.timezone) == ("0 2 * * *", "Asia/Shanghai")
