"""Benchmark: the nightly intake through the Prefect flow vs the library in a plain loop, and the
flow on 1 vs 2 Dask worker processes. Documents/min and pages/s; Prefect's overhead.

Generates N mixed documents (multi-page PDFs with reportlab, DOCX with python-docx, TXT; a third
each) once into --workdir, starts a real `prefect server` on a free port (Dask workers need one), then
runs each mode in a fresh process on a fresh copy of the inbox and a fresh SQLite store:
  library  Intake.run in a loop, no Prefect
  flow     flows.nightly on the default task runner (one batch at a time, in process)
  dask1    flows.nightly on a local Dask cluster of 1 worker process
  dask2    flows.nightly on a local Dask cluster of 2 worker processes
Run:  .venv/bin/python bench/nightly.py [--documents 2000] [--batch-size 25] [--modes library,flow,dask1,dask2]
Not a test: numbers depend on the machine; BENCHMARKS.md records a measured run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def generate(corpus: Path, count: int, pdf_pages: int) -> dict[str, int]:
    marker = corpus / ".generated.json"
    if marker.is_file():
        data = json.loads(marker.read_text())
        if data["count"] == count and data["pdf_pages"] == pdf_pages:
            return data["pages"]
    shutil.rmtree(corpus, ignore_errors=True)
    from tests.intake.inbox_builders import write_documents

    started = time.perf_counter()
    pages = write_documents(corpus, count, pdf_pages=pdf_pages)
    print(f"generated {count} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    marker.write_text(json.dumps({"count": count, "pdf_pages": pdf_pages, "pages": pages}))
    return pages


def run_mode(mode: str, inbox: str, batch_size: int) -> dict:
    """Child process: one mode, timed around the processing call only."""
    started = time.perf_counter()
    if mode == "library":
        from gongkai.intake import Intake, summarise
        from gongkai.settings import Settings

        summary = summarise(Intake(Settings()).run(inbox, batch_size=batch_size))
    else:
        from flows.nightly import run_nightly

        workers = {"flow": 1, "dask1": 1, "dask2": 2}[mode]
        if mode == "dask1":  # a one-worker cluster: Dask's own cost without parallelism
            from prefect_dask import DaskTaskRunner

            from flows.nightly import nightly
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": 1, "threads_per_worker": 1, "processes": True})
            summary = nightly.with_options(task_runner=runner)(inbox, batch_size=batch_size)
        else:
            summary = run_nightly(inbox, batch_size=batch_size, workers=workers)
    return {"mode": mode, "seconds": time.perf_counter() - started, "summary": summary}


def fresh_schema(url: str, mode: str) -> str:
    """An empty PostgreSQL schema for one mode (dropped and recreated), as a SQLAlchemy URL."""
    import psycopg

    schema = f"gk_bench_{mode}"
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--pdf-pages", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--modes", default="library,flow,dask1,dask2")
    parser.add_argument("--workdir", default="/tmp/gongkai-bench-nightly")
    parser.add_argument("--rounds", type=int, default=2,
                        help="repeat the modes, in reverse order every other round (the machine may be shared)")
    parser.add_argument("--postgres", metavar="URL", nargs="?", const="postgresql+psycopg://postgres@127.0.0.1:5432/test",
                        help="store on PostgreSQL (a fresh schema per mode) instead of SQLite")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # internal: child process mode
    parser.add_argument("--inbox", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_mode(args.run, args.inbox, args.batch_size), ensure_ascii=False))
        return

    work = Path(args.workdir)
    pages = generate(work / "corpus", args.documents, args.pdf_pages)
    total_pages = sum(pages.values())
    from flows.deployments import start_server

    home = work / "prefect-home"
    shutil.rmtree(home, ignore_errors=True)
    server, api_url = start_server(port=_free_port(), home=home, log_file=work / "server.log", wait_seconds=180)
    rows = []
    try:
        modes = args.modes.split(",")
        schedule = [m for r in range(args.rounds) for m in (modes if r % 2 == 0 else modes[::-1])]
        for mode in schedule:
            run_dir = work / mode
            shutil.rmtree(run_dir, ignore_errors=True)
            shutil.copytree(work / "corpus", run_dir / "inbox", ignore=shutil.ignore_patterns(".generated.json"))
            env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_HOME": str(home),
                   "GONGKAI_DATA_DIR": str(run_dir / "var"), "PREFECT_LOGGING_LEVEL": "WARNING"}
            env.pop("GONGKAI_DATABASE_URL", None)
            if args.postgres:
                env["GONGKAI_DATABASE_URL"] = fresh_schema(args.postgres, mode)
            wall, load_before = time.perf_counter(), os.getloadavg()[0]
            out = subprocess.run([sys.executable, __file__, "--run", mode, "--inbox", str(run_dir / "inbox"),
                                  "--batch-size", str(args.batch_size)], env=env, cwd=REPO,
                                 capture_output=True, text=True)
            if out.returncode:
                print(out.stderr[-3000:], file=sys.stderr)
                continue
            result = json.loads(out.stdout.strip().splitlines()[-1])
            result["process_seconds"] = time.perf_counter() - wall
            result["load"] = (load_before, os.getloadavg()[0])
            s = result["summary"]
            rows.append(result)
            print(f"{mode}: {result['seconds']:.1f} s, {s['processed']} processed, {s['quarantined']} quarantined, "
                  f"{s['errors']} errors, load {result['load'][0]:.1f}→{result['load'][1]:.1f}", file=sys.stderr, flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)

    store = "PostgreSQL" if args.postgres else "SQLite"
    print(f"\nstore: {store}; {args.documents} documents ({args.documents // 3} PDFs of {args.pdf_pages} pages, the rest DOCX and TXT; "
          f"{total_pages} pages), batch size {args.batch_size}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}\n")
    print("| mode | round | processed | seconds | documents/min | pages/s | 1-min load before→after |")
    print("|---|---:|---:|---:|---:|---:|---|")
    seen: dict[str, int] = {}
    for r in rows:
        s = r["summary"]
        seen[r["mode"]] = seen.get(r["mode"], 0) + 1
        print(f"| {r['mode']} | {seen[r['mode']]} | {s['processed']} | {r['seconds']:.1f} | "
              f"{s['processed'] / r['seconds'] * 60:.0f} | {s['pages'] / r['seconds']:.1f} | "
              f"{r['load'][0]:.1f}→{r['load'][1]:.1f} |")
    best = {m: min(r["seconds"] for r in rows if r["mode"] == m) for m in dict.fromkeys(r["mode"] for r in rows)}
    if "library" in best:
        print("\nbest of rounds, relative to the library loop: " +
              ", ".join(f"{m} {(t / best['library'] - 1) * 100:+.1f}%" for m, t in best.items()))
    (work / f"results-{store.lower()}.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
