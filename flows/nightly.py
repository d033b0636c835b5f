"""The nightly intake as a Prefect flow over `gongkai.intake` (the library never imports Prefect).

One task scans the inbox, then one task per batch of documents (a task run costs 10–40 ms here, so
never one per small step). Each batch is idempotent — finished files are recognised — so a batch
that fails on a transient error (database locked or unreachable) is retried whole. The run ends with
a summary artifact: counts per label and per route, errors, durations.

Task runner: threads in this process by default (one at a time: extraction is CPU-bound), or an
existing Dask cluster with `dask_address` (prefect-dask), or a local Dask cluster of `workers`
processes. Dask workers report to the Prefect API: run `prefect server start` and set PREFECT_API_URL,
or every worker process starts a temporary server of its own.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from gongkai.filemodes import restrict_umask

REPO = Path(__file__).resolve().parents[1]
SUMMARY_KEY = "gongkai-nightly-summary"


def configure_prefect_env(home: Path | None = None) -> None:
    """Must run before `import prefect`: offline, quiet, and patient with a slow first start.
    Prefect's home is `.prefect` in the working directory (where the service's data lives), not in
    the checkout: two deployments from one checkout must not share their Prefect database."""
    os.environ.setdefault("PREFECT_HOME", str(home or Path.cwd() / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    # The library logs outside flow runs too (the CLI, tests); those records stay local, silently.
    os.environ.setdefault("PREFECT_LOGGING_TO_API_WHEN_MISSING_FLOW", "ignore")
    loggers = [n for n in os.environ.get("PREFECT_LOGGING_EXTRA_LOGGERS", "").split(",") if n]
    if "gongkai" not in loggers:
        os.environ["PREFECT_LOGGING_EXTRA_LOGGERS"] = ",".join(loggers + ["gongkai"])


restrict_umask()  # the flow's files (store, archive, Prefect's database) are the service account's only
configure_prefect_env()

from prefect import flow, get_run_logger, task  # noqa: E402  (after the environment is set)
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from gongkai.intake import (DEFAULT_BATCH_SIZE, InboxFile, Intake, RunLocked, is_transient,  # noqa: E402
                            new_run_id, summarise)
from gongkai.settings import Settings  # noqa: E402

_INTAKES: dict[tuple, Intake] = {}


def _intake(overrides: dict | None, keep_originals: bool = False) -> Intake:
    """One Intake per process and settings: rules and model are loaded once per worker, not per batch."""
    settings = Settings(overrides or {})  # environment and settings file included in the key
    key = (tuple(sorted(settings.as_dict().items())), keep_originals)
    if key not in _INTAKES:
        _INTAKES[key] = Intake(settings, keep_originals=keep_originals)
    return _INTAKES[key]


def _transient_only(task, task_run, state) -> bool:
    """Retry a batch only for failures that a second attempt can cure."""
    exc = state.data if isinstance(state.data, BaseException) else None
    return exc is not None and is_transient(exc)


@task(name="scan-inbox", retries=3, retry_delay_seconds=[1, 5, 15], cache_policy=NO_CACHE,
      retry_condition_fn=_transient_only)
def scan_inbox(inbox: str, overrides: dict | None = None, keep_originals: bool = False) -> list[dict]:
    intake = _intake(overrides, keep_originals)
    intake.check_ready()  # fail the run at once, with its message, if the rules or the model cannot be loaded
    files = intake.scan(inbox)
    return [{"path": str(f.path), "name": f.name, "sha256": f.sha256, "size": f.size, "symlink": f.symlink,
             "hardlinks": f.hardlinks} for f in files]


def _inbox_file(f: dict) -> InboxFile:
    return InboxFile(Path(f["path"]), f["name"], f["sha256"], f["size"], f["symlink"], f.get("hardlinks", 1))


@task(name="process-batch", retries=3, retry_delay_seconds=[2, 10, 30], cache_policy=NO_CACHE,
      retry_condition_fn=_transient_only)
def process_batch(files: list[dict], run_id: str, inbox: str, overrides: dict | None = None,
                  keep_originals: bool = False) -> list[dict]:
    batch = [_inbox_file(f) for f in files]
    started = time.perf_counter()
    results = [r.as_dict() for r in _intake(overrides, keep_originals).process(batch, run_id, inbox=inbox)]
    get_run_logger().info("batch of %d files in %.1f s", len(batch), time.perf_counter() - started)
    return results


def task_runner(dask_address: str | None = None, workers: int = 1):
    if dask_address or workers > 1:
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    return ThreadPoolTaskRunner(max_workers=1)


@flow(name="gongkai-nightly", task_runner=ThreadPoolTaskRunner(max_workers=1))
def nightly(inbox: str, batch_size: int = DEFAULT_BATCH_SIZE, run_id: str | None = None,
            settings_overrides: dict | None = None, keep_originals: bool = False, wait: bool = False) -> dict:
    """Inbox → proposals and review tasks in the store; returns the run summary. One run at a time:
    while another holds the run lock this one waits (`wait`) or returns at once with `locked` set."""
    logger = get_run_logger()
    run_id = run_id or new_run_id()
    with _intake(settings_overrides, keep_originals).run_lock(wait=wait) as held:
        if not held:
            message = str(RunLocked())
            logger.warning("run %s: %s", run_id, message)
            return {**summarise([]), "run_id": run_id, "files": 0, "batches": 0, "failed_batches": [],
                    "wall_seconds": 0.0, "locked": True, "message": message}
        return _nightly_locked(inbox, batch_size, run_id, settings_overrides, keep_originals)


def _nightly_locked(inbox: str, batch_size: int, run_id: str, settings_overrides: dict | None,
                    keep_originals: bool) -> dict:
    logger = get_run_logger()
    started = time.perf_counter()
    inbox = str(Path(inbox).resolve())
    files = scan_inbox(inbox, settings_overrides, keep_originals)
    batches = [files[i:i + batch_size] for i in range(0, len(files), batch_size)]
    logger.info("run %s: %d files in %d batches", run_id, len(files), len(batches))
    futures = [process_batch.submit(batch, run_id, inbox, settings_overrides, keep_originals) for batch in batches]
    results, failed_batches = [], []
    for batch, future in zip(batches, futures):
        try:
            results.extend(future.result())
        except Exception as exc:  # the batch's unfinished files stay in the inbox for the next run
            logger.error("batch failed after retries: %s", exc)
            failed_batches.append(f"{type(exc).__name__}: {exc}")
            recorded = _intake(settings_overrides, keep_originals).recorded_results(
                [_inbox_file(f) for f in batch], run_id, f"{type(exc).__name__}: {exc}")
            results.extend(r.as_dict() for r in recorded)
    summary = summarise(results)
    summary.update(run_id=run_id, files=len(files), batches=len(batches), failed_batches=failed_batches,
                   wall_seconds=round(time.perf_counter() - started, 3))
    create_markdown_artifact(key=SUMMARY_KEY, markdown=render_summary(summary, results),
                             description=f"gongkai nightly intake {run_id}")
    logger.info("run %s: %s processed (%s sealed), %s skipped, %s quarantined, %s errors", run_id,
                summary["processed"], summary["sealed"], summary["skipped"], summary["quarantined"], summary["errors"])
    return summary


def _table(title: str, counts: dict) -> str:
    rows = "\n".join(f"| {key} | {value} |" for key, value in sorted(counts.items(), key=lambda kv: -kv[1]))
    return f"| {title} | 数量 |\n|---|---|\n{rows or '| — | 0 |'}\n"


def render_summary(summary: dict, results: list[dict]) -> str:
    problems = [r for r in results if r["outcome"] in {"quarantined", "error"}]
    lines = [
        f"# 夜间收件 / Nightly intake `{summary['run_id']}`",
        "",
        f"- 已处理 processed: **{summary['processed']}** (封存 sealed: {summary['sealed']})",
        f"- 跳过 skipped: {summary['skipped']}",
        f"- 隔离 quarantined: {summary['quarantined']}",
        f"- 错误 errors (left in the inbox): {summary['errors']}",
        f"- 页数 pages: {summary['pages']}; 用时 wall time: {summary['wall_seconds']} s "
        f"(document time {summary['seconds']} s, {summary['batches']} batches)",
        "",
        "## 首个审核环节 / First review stage", _table("环节 stage", summary["routed"]),
        "## 公开属性 / Disclosure", _table("公开属性", summary["disclosure"]),
        "## 密级 / Secrecy", _table("密级", summary["secrecy"]),
    ]
    if problems:
        lines += ["## 隔离与错误 / Quarantined and errors", "| 文件 file | 结果 outcome | 代码 code |", "|---|---|---|"]
        lines += [f"| {r['name']} | {r['outcome']} | {(r['error'] or {}).get('code', '')} |" for r in problems[:200]]
    if summary["failed_batches"]:
        lines += ["", "## Failed batches", *[f"- {m}" for m in summary["failed_batches"]]]
    return "\n".join(lines) + "\n"


def run_nightly(inbox: str | Path, *, batch_size: int = DEFAULT_BATCH_SIZE, run_id: str | None = None,
                dask_address: str | None = None, workers: int = 1, settings_overrides: dict | None = None,
                keep_originals: bool = False, wait: bool = False) -> dict:
    """Run the flow now with the chosen task runner (the CLI's entry point)."""
    runner = task_runner(dask_address, workers)
    if dask_address or workers > 1:  # a Dask worker is already one process per core: no pool inside it
        settings_overrides = {"processes": 1, **(settings_overrides or {})}
    return nightly.with_options(task_runner=runner)(str(inbox), batch_size=batch_size, run_id=run_id,
                                                    settings_overrides=settings_overrides,
                                                    keep_originals=keep_originals, wait=wait)


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run_nightly(sys.argv[1] if len(sys.argv) > 1 else str(REPO / "samples" / "inbox")),
                     ensure_ascii=False))
