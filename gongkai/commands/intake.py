"""`gongkai nightly` (run the intake flow now) and `gongkai schedule` (serve it on a cron schedule).

The CLI may import `flows`; the library never does. Prefect's environment (PREFECT_HOME=./.prefect,
no telemetry, a patient server start, gongkai's log records forwarded) is set by `flows.nightly`
before Prefect is imported."""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from pathlib import Path


def _inbox_default() -> str | None:
    from gongkai.settings import Settings

    settings = Settings()
    configured = getattr(settings, "inbox_dir", "")  # a setting the lead may add; else `<data_dir>/inbox`
    return configured or str(Path(settings.data_dir) / "inbox")


def register(subparsers) -> None:
    p = subparsers.add_parser("nightly", help="run the nightly intake flow now: inbox → proposals → review queue")
    p.add_argument("--inbox", default=None, help="folder of new documents (default: <data_dir>/inbox)")
    p.add_argument("--json", action="store_true", help="print one JSON summary line at the end, no progress bar")
    p.add_argument("--dask-address", default=None, help="run the batches on this Dask scheduler (tcp://host:8786)")
    p.add_argument("--workers", type=int, default=1, help="local Dask worker processes (needs a Prefect server)")
    p.add_argument("--batch-size", type=int, default=None, help="documents per Prefect task (default 25)")
    p.add_argument("--keep", action="store_true",
                   help="leave the inbox files in place (e.g. the bundled sample inbox); the journal skips them next time")
    p.add_argument("--wait", action="store_true",
                   help="if another run holds the lock, wait for it (default: say so and exit 0)")
    p.set_defaults(func=_cmd_nightly)

    p = subparsers.add_parser("schedule", help="serve the nightly deployment on a cron schedule (Prefect)")
    p.add_argument("--inbox", default=None, help="folder of new documents (default: <data_dir>/inbox)")
    p.add_argument("--cron", default=None, help="cron expression (default: 0 2 * * *, i.e. 02:00)")
    p.add_argument("--timezone", default=None, help="time zone of the cron expression (default: Asia/Shanghai)")
    p.add_argument("--port", type=int, default=4200, help="port of the Prefect server started when PREFECT_API_URL is unset")
    p.set_defaults(func=_cmd_schedule)


def _quiet_prefect(args) -> None:
    if not getattr(args, "verbose", False):
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _count_files(inbox: Path) -> int:
    from gongkai.extract import iter_files

    return sum(1 for path, _ in iter_files([inbox]) if not path.name.startswith("."))


def _cmd_nightly(args: argparse.Namespace) -> int:
    from gongkai.errors import GongkaiError
    from gongkai.intake import DEFAULT_BATCH_SIZE, new_run_id
    from gongkai.settings import Settings

    settings = Settings()
    inbox = Path(args.inbox or _inbox_default())
    if not inbox.is_dir():
        raise GongkaiError("not_found", f"inbox folder {inbox}")
    _quiet_prefect(args)
    from flows.nightly import run_nightly

    batch_size = args.batch_size or getattr(settings, "batch_size", DEFAULT_BATCH_SIZE)
    run_id = new_run_id()
    run = lambda: run_nightly(inbox, batch_size=batch_size, run_id=run_id,  # noqa: E731
                              dask_address=args.dask_address, workers=args.workers, keep_originals=args.keep,
                              wait=args.wait)
    if args.json or not sys.stderr.isatty():
        summary = run()
    else:
        summary = _with_progress(run, inbox, run_id, settings)
    if summary.get("locked"):  # not a failure: the other run does the work
        print(f"gongkai: {summary['message']}", file=sys.stderr)
        if args.json:
            print(json.dumps({"locked": True, "message": summary["message"]}, ensure_ascii=False), flush=True)
        return 0
    if args.json:
        keys = ("processed", "skipped", "quarantined", "errors", "sealed", "routed")
        print(json.dumps({k: summary[k] for k in keys}, ensure_ascii=False), flush=True)
    else:
        _print_summary(summary)
    return 1 if summary["errors"] else 0


def _with_progress(run, inbox: Path, run_id: str, settings) -> dict:
    """A rich progress bar fed by the journal, so it also moves when batches run on Dask workers."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from gongkai.store import open_store
    from gongkai.store import repository as repo

    total = _count_files(inbox)
    store = open_store(settings)
    done = threading.Event()
    with Progress(TextColumn("收件 intake"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
        job = bar.add_task("intake", total=total)

        def poll() -> None:
            while not done.wait(0.5):
                with store.session() as s:
                    bar.update(job, completed=min(repo.count_finished(s, run_id), total))

        watcher = threading.Thread(target=poll, daemon=True)
        watcher.start()
        try:
            return run()
        finally:
            done.set()
            watcher.join()


def _print_summary(summary: dict) -> None:
    print(f"夜间收件 / nightly intake {summary.get('run_id', '')}")
    print(f"  已处理 processed {summary['processed']}（其中封存 sealed {summary['sealed']}），跳过 skipped "
          f"{summary['skipped']}，隔离 quarantined {summary['quarantined']}，错误 errors {summary['errors']}")
    for title, key in (("首个审核环节 first stage", "routed"), ("公开属性 disclosure", "disclosure"),
                       ("密级 secrecy", "secrecy"), ("隔离原因 quarantine codes", "error_codes")):
        if summary.get(key):
            print(f"  {title}: " + "，".join(f"{k} {v}" for k, v in sorted(summary[key].items(), key=lambda kv: -kv[1])))
    if "wall_seconds" in summary:
        print(f"  用时 {summary['wall_seconds']} s，{summary['pages']} 页")


def _cmd_schedule(args: argparse.Namespace) -> int:
    from gongkai.settings import Settings

    settings = Settings()
    from flows.deployments import DEFAULT_CRON, DEFAULT_TIMEZONE, serve

    inbox = args.inbox or _inbox_default()
    Path(inbox).mkdir(parents=True, exist_ok=True)
    serve(inbox, cron=args.cron or getattr(settings, "schedule_cron", "") or DEFAULT_CRON,
          timezone=args.timezone or getattr(settings, "schedule_timezone", "") or DEFAULT_TIMEZONE,
          batch_size=getattr(settings, "batch_size", 25), port=args.port)
    return 0
