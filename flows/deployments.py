"""`gongkai schedule`: serve the nightly deployment (cron, default 02:00 Asia/Shanghai) — and the
retraining deployment once `flows/retrain.py` exists — from this process.

Schedules need a real Prefect server (the temporary one cannot schedule). Without PREFECT_API_URL we
start `prefect server start --host 127.0.0.1 --port 4200` as a child process, offline, and stop it on
exit; its UI is then at http://127.0.0.1:4200.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from flows.nightly import REPO, configure_prefect_env

configure_prefect_env()

log = logging.getLogger(__name__)
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TIMEZONE = "Asia/Shanghai"


def api_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def start_server(host: str = "127.0.0.1", port: int = 4200, *, wait_seconds: float = 120,
                 log_file: Path | None = None, home: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` and wait until its API answers. Returns (process, api_url)."""
    api_url = f"http://{host}:{port}/api"
    out = open(log_file, "ab") if log_file else subprocess.DEVNULL
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": os.environ.get("PREFECT_UI_ENABLED", "true")}
    env.pop("PREFECT_API_URL", None)
    if home is not None:
        env["PREFECT_HOME"] = str(home)
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)],
                            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {proc.returncode}")
        if api_healthy(api_url):
            return proc, api_url
        time.sleep(0.5)
    proc.terminate()
    raise TimeoutError(f"prefect server did not answer at {api_url} within {wait_seconds:.0f} s")


def deployments(inbox: str, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE, batch_size: int = 25) -> list:
    from prefect.schedules import Cron

    from flows.nightly import nightly

    found = [nightly.to_deployment(name="nightly", schedule=Cron(cron, timezone=timezone),
                                   parameters={"inbox": str(Path(inbox).resolve()), "batch_size": batch_size},
                                   description="每晚收件 / nightly intake", tags=["gongkai"])]
    try:  # the retraining flow (issue 7) joins the same process once it exists
        from flows import retrain
    except ImportError:
        return found
    if hasattr(retrain, "deployment"):
        found.append(retrain.deployment())
    return found


def serve(inbox: str, *, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE, batch_size: int = 25,
          port: int = 4200) -> None:
    """Serve the deployments until interrupted, with a Prefect server of our own if none is configured."""
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, api_url = start_server(port=port, log_file=Path(os.environ["PREFECT_HOME"]) / "server.log")
        os.environ["PREFECT_API_URL"] = api_url
        print(f"Prefect UI: http://127.0.0.1:{port}  (server log: {os.environ['PREFECT_HOME']}/server.log)", flush=True)
    elif not api_healthy(os.environ["PREFECT_API_URL"]):
        raise RuntimeError(f"PREFECT_API_URL={os.environ['PREFECT_API_URL']} does not answer; start `prefect server start`")
    try:
        from prefect import serve as prefect_serve
        from prefect.settings import PREFECT_API_URL, temporary_settings

        # Prefect read its settings at import: hand it the server's address explicitly.
        with temporary_settings(updates={PREFECT_API_URL: os.environ["PREFECT_API_URL"]}):
            prefect_serve(*deployments(inbox, cron, timezone, batch_size))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    serve(sys.argv[1] if len(sys.argv) > 1 else str(REPO / "var" / "inbox"))
