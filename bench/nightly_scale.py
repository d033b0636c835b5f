"""Benchmark (issue 13): the nightly run at a large bureau's scale, against the plain pdfplumber loop.

Builds an inbox from the published laws in ../shared/real/laws (never copied into the repository: the
inbox is written under --workdir, /tmp by default): 61 % multi-page PDFs with a running header and
"— n —" page numbers (reportlab, WQY Micro Hei), 21 % DOCX (python-docx), 18 % TXT — the mix of the
issue's 400-document inbox. Each document is a different part of a law (laws are cut at paragraph
boundaries into parts of at most --part-chars characters), so no two are near-duplicates.

Then times, on the same files and in the same run, each in a fresh process:
  plain      pdfplumber `extract_text` per page, python-docx paragraphs, TXT decode (no gongkai)
  pdfium     pypdfium2 text of the PDFs alone
  nightly    `gongkai nightly --inbox … --keep --json` on a fresh store (SQLite, and PostgreSQL with
             --postgres), against a running `prefect server` (started here), with --workers processes
CPU seconds are user+system of the process and all its children (workers included), and of the
Prefect server during the run (reported apart, and in the nightly total); peak memory is the largest
sum of RSS over the process tree, sampled every 0.2 s. The machine may be shared: repeat (--repeat),
read CPU rather than wall, and look at the load column.

    .venv/bin/python bench/nightly_scale.py --documents 400 --repeat 3
    .venv/bin/python bench/nightly_scale.py --documents 2000 --repeat 1 --postgres --workers 1,2

Not a test: numbers depend on the machine; BENCHMARKS.md keeps a measured run with its command.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAWS = REPO.parent / "shared" / "real" / "laws"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
MIX = (("pdf", 0.61), ("docx", 0.21), ("txt", 0.18))
CHARS_PER_LINE, LINES_PER_PAGE, FONT_SIZE = 34, 36, 12


# ------------------------------------------------------------------------------------------ the inbox


def law_parts(max_chars: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every law, cut at paragraph boundaries into parts of <= max_chars."""
    parts = []
    for path in sorted(LAWS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        body = text.split("<!-- INFO END -->", 1)[-1]
        title = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), path.stem)
        paragraphs = [p.strip() for p in body.split("\n") if p.strip() and not p.startswith("<!--")]
        chunk: list[str] = []
        size = 0
        for p in paragraphs:
            if chunk and size + len(p) > max_chars:
                parts.append((title, chunk))
                chunk, size = [], 0
            chunk.append(p)
            size += len(p)
        if chunk and size >= 200:
            parts.append((title, chunk))
    return parts


def _pdf(path: Path, title: str, paragraphs: list[str]) -> int:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    lines = [title, ""]
    for p in paragraphs:
        lines.extend(p[i:i + CHARS_PER_LINE] for i in range(0, len(p), CHARS_PER_LINE))
    pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    width, height = A4
    for number, page in enumerate(pages, start=1):
        c.setFont("WQY", 9)  # running header: the law's title, on every page
        c.drawCentredString(width / 2, height - 40, title)
        c.setFont("WQY", FONT_SIZE)
        y = height - 80
        for line in page:
            c.drawString(72, y, line)
            y -= 20
        c.setFont("WQY", 10)
        c.drawCentredString(width / 2, 36, f"— {number} —")
        c.showPage()
    c.save()
    return len(pages)


def _docx(path: Path, title: str, paragraphs: list[str]) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for p in paragraphs:
        doc.add_paragraph(p)
    doc.save(str(path))


def build_inbox(folder: Path, count: int, part_chars: int, seed: int = 13) -> dict:
    marker = folder / ".inbox.json"
    wanted = {"count": count, "part_chars": part_chars, "seed": seed}
    if marker.is_file():
        data = json.loads(marker.read_text())
        if data["params"] == wanted:
            return data
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    parts = law_parts(part_chars)
    if len(parts) < count:
        raise SystemExit(f"only {len(parts)} distinct law parts of <= {part_chars} characters; lower --part-chars")
    rng = random.Random(seed)
    rng.shuffle(parts)
    kinds = [k for k, share in MIX for _ in range(round(share * count))]
    kinds = (kinds + ["pdf"] * count)[:count]
    rng.shuffle(kinds)
    started = time.perf_counter()
    pages = {"pdf": 0, "docx": 0, "txt": 0}
    files = {"pdf": 0, "docx": 0, "txt": 0}
    for n, ((title, paragraphs), kind) in enumerate(zip(parts, kinds)):
        name = folder / f"{n:05d}_{re.sub(r'[^0-9A-Za-z一-鿿]', '', title)[:20]}.{kind}"
        if kind == "pdf":
            pages["pdf"] += _pdf(name, title, paragraphs)
        elif kind == "docx":
            _docx(name, title, paragraphs)
            pages["docx"] += 1
        else:
            name.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
            pages["txt"] += 1
        files[kind] += 1
    data = {"params": wanted, "files": files, "pages": pages, "build_seconds": round(time.perf_counter() - started, 1)}
    marker.write_text(json.dumps(data))
    return data


# ------------------------------------------------------------------------------------ timed children


def child_plain(inbox: Path) -> dict:
    """What a new user would write: pdfplumber text per page, python-docx paragraphs, TXT decode."""
    import pdfplumber
    from docx import Document

    chars = pages = 0
    for path in sorted(inbox.iterdir()):
        if path.suffix == ".pdf":
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    chars += len(page.extract_text() or "")
                    pages += 1
                    page.close()
        elif path.suffix == ".docx":
            chars += sum(len(p.text) for p in Document(str(path)).paragraphs)
        elif path.suffix == ".txt":
            chars += len(path.read_bytes().decode("utf-8"))
    return {"chars": chars, "pdf_pages": pages}


def child_pdfium(inbox: Path) -> dict:
    import pypdfium2

    chars = pages = 0
    for path in sorted(inbox.glob("*.pdf")):
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            for page in pdf:
                chars += len(page.get_textpage().get_text_range())
                pages += 1
        finally:
            pdf.close()
    return {"chars": chars, "pdf_pages": pages}


class TreeSampler:
    """Largest sum of RSS over a process and its descendants, and their CPU time, sampled."""

    def __init__(self, pid: int, interval: float = 0.2):
        import psutil

        self.root = psutil.Process(pid)
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _run(self, interval: float) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system + t.children_user + t.children_system
                except psutil.NoSuchProcess:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def timed(cmd: list[str], env: dict, cwd: Path) -> dict:
    """Run a child; CPU from the kernel's accounting of waited-for descendants (exact), peak RSS sampled."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(proc.pid)
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])}… exited {proc.returncode}:\n{err[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cpu": cpu, "wall": wall, "peak_mb": sampler.peak / 1048576, "load": load,
            "stdout": out.strip().splitlines()[-1] if out.strip() else "", "stderr": err[-2000:]}


# ---------------------------------------------------------------------------------------- the driver


def bytecode_env(work: Path) -> dict:
    """Children compile each module once, into a cache under the work folder (never into the venv), as
    an installed system does. With PYTHONDONTWRITEBYTECODE set (as in some sandboxes) every process
    would compile scikit-learn, SciPy and Prefect again: ~10 s of CPU per process, measured here."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_up(env: dict, inbox: Path) -> None:
    """One untimed process that imports what the timed ones import, so that all start warm."""
    code = ("import flows.nightly, pdfplumber, docx, pypdfium2\n"
            "from gongkai.intake import make_reviewer\nfrom gongkai.settings import Settings\n"
            "from gongkai.extract import extract_file\nimport glob\n"
            f"r = make_reviewer(Settings())\nr.review(extract_file(sorted(glob.glob({str(inbox)!r} + '/*.pdf'))[0], Settings()))\n")
    subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_schema(url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
        conn.execute(f'CREATE SCHEMA "{name}"')
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{name}"


def server_cpu(proc) -> float:
    import psutil

    try:
        procs = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--part-chars", type=int, default=6000, help="longest law part per document, in characters")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; every other round in reverse order")
    parser.add_argument("--workers", default="1", help="comma-separated counts of worker processes (setting `processes`) for the nightly runs; 0 = one per core")
    parser.add_argument("--modes", default="plain,pdfium,nightly")
    parser.add_argument("--postgres", metavar="URL", nargs="?", const="postgresql+psycopg://postgres@127.0.0.1:5432/test",
                        help="also run the nightly on PostgreSQL (a fresh schema per run)")
    parser.add_argument("--pdf-reader", default="pdfium", help="GONGKAI_PDF_READER for the nightly runs")
    parser.add_argument("--workdir", default="/tmp/gongkai-bench-scale")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--inbox", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = {"plain": child_plain, "pdfium": child_pdfium}[args.child](Path(args.inbox))
        print(json.dumps(result))
        return

    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    inbox = work / f"inbox-{args.documents}"
    built = build_inbox(inbox, args.documents, args.part_chars)
    total_pages = sum(built["pages"].values())
    print(f"inbox {inbox}: {built['files']} files, pages {built['pages']} (built in {built['build_seconds']} s)",
          file=sys.stderr, flush=True)

    modes = args.modes.split(",")
    runs: list[tuple[str, str, int]] = []
    for mode in modes:
        if mode != "nightly":
            runs.append((mode, "", 0))
            continue
        for workers in (int(w) for w in args.workers.split(",")):
            runs.append(("nightly", "sqlite", workers))
            if args.postgres:
                runs.append(("nightly", "postgresql", workers))

    server = api_url = None
    home = work / "prefect-home"
    if any(r[0] == "nightly" for r in runs):
        sys.path.insert(0, str(REPO))
        from flows.deployments import start_server

        shutil.rmtree(home, ignore_errors=True)
        server, api_url = start_server(port=_free_port(), home=home, log_file=work / "server.log", wait_seconds=300)
    rows = []
    base_env = bytecode_env(work)
    warm_up(base_env, inbox)
    try:
        for round_no in range(args.repeat):
            for mode, store, workers in (runs if round_no % 2 == 0 else runs[::-1]):
                env = dict(base_env)
                if mode in ("plain", "pdfium"):
                    cmd = [sys.executable, __file__, "--child", mode, "--inbox", str(inbox)]
                else:
                    data = work / f"var-{store}-{workers}"
                    shutil.rmtree(data, ignore_errors=True)
                    env.update(GONGKAI_DATA_DIR=str(data), PREFECT_API_URL=api_url, PREFECT_HOME=str(home),
                               PREFECT_LOGGING_LEVEL="WARNING", GONGKAI_PROCESSES=str(workers),
                               GONGKAI_PDF_READER=args.pdf_reader)
                    env.pop("GONGKAI_DATABASE_URL", None)
                    if store == "postgresql":
                        env["GONGKAI_DATABASE_URL"] = fresh_schema(args.postgres, f"gk_scale_{workers}")
                    cmd = [sys.executable, "-m", "gongkai.cli", "nightly", "--inbox", str(inbox), "--keep", "--json",
                           "--workers", "1"]
                server_before = server_cpu(server) if server else 0.0
                result = timed(cmd, env, work)
                result["server_cpu"] = (server_cpu(server) - server_before) if (server and mode == "nightly") else 0.0
                result.update(mode=mode, store=store, workers=workers, round=round_no + 1)
                rows.append(result)
                label = f"{mode}{'/' + store + f'/{workers}w' if store else ''}"
                print(f"{label}: cpu {result['cpu']:.1f} s (+server {result['server_cpu']:.1f}), wall {result['wall']:.1f} s, "
                      f"peak {result['peak_mb']:.0f} MB, load {result['load']:.1f}; {result['stdout'][:200]}",
                      file=sys.stderr, flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
    report(rows, args, built, total_pages, work)


def report(rows: list[dict], args, built: dict, total_pages: int, work: Path) -> None:
    def median(values):
        values = sorted(values)
        return values[len(values) // 2] if values else float("nan")

    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["mode"], r["store"], r["workers"]), []).append(r)
    plain = median([r["cpu"] for r in groups.get(("plain", "", 0), [])])
    docs = sum(built["files"].values())
    print(f"\n{docs} documents ({built['files']['pdf']} PDF, {built['files']['docx']} DOCX, {built['files']['txt']} TXT), "
          f"{total_pages} pages ({built['pages']['pdf']} PDF pages); {os.cpu_count()} cores, "
          f"{platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"medians of {args.repeat} round(s)\n")
    print("| command | store | workers | CPU s (of it Prefect server) | wall s | peak RSS MB | CPU ÷ plain loop | "
          "10,000 docs / 50,000 pages: wall min (projected) | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    for (mode, store, workers), rs in groups.items():
        cpu = median([r["cpu"] + r["server_cpu"] for r in rs])
        wall = median([r["wall"] for r in rs])
        server = median([r["server_cpu"] for r in rs])
        peak = max(r["peak_mb"] for r in rs)
        # Linear in documents and in pages: the larger of the two scalings, so the projection is not optimistic.
        scale = max(10_000 / docs, 50_000 / max(total_pages, 1))
        loads = ", ".join(f"{r['load']:.1f}" for r in rs)
        label = {"plain": "plain pdfplumber loop", "pdfium": "pypdfium2 text alone", "nightly": "`gongkai nightly`"}[mode]
        print(f"| {label} | {store or '—'} | {workers if mode == 'nightly' else '—'} | {cpu:.1f} ({server:.1f}) | {wall:.1f} | "
              f"{peak:.0f} | {cpu / plain:.2f} | {wall * scale / 60:.1f} | "
              f"{loads} |")
    (work / f"results-{docs}.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
