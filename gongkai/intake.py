"""Nightly intake, plain Python: inbox → extract → review → store, crash-safe and idempotent.

For every inbox file, in this order:
  1. a journal row (content hash + name, state `claimed`) is committed;
  2. the file is extracted and reviewed (no side effects);
  3. a verified copy goes to its destination: the content-addressed archive `<data_dir>/archive/ab/cdef…`,
     the quarantine `<data_dir>/quarantine/` with an error JSON beside it, or the sealed area;
  4. ONE transaction writes document + proposal + first review task + audit event and marks the
     journal row `done`;
  5. the inbox file is removed.
A kill at any point leaves either a `claimed` row (steps 1–4: the next run redoes the file; copies are
idempotent and overwrite nothing that differs) or a `done` row with the file still in the inbox (step 5:
the next run only removes it). So every inbox file ends exactly once as processed or quarantined.

With `keep_originals` step 5 is left out and the journal alone recognises finished files.

To retry a quarantined file, put it back into the inbox under another name: a file whose hash and name
are already in the journal is treated as a leftover of an interrupted run.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import socket
import stat
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from gongkai import search
from gongkai.documents import ExtractedDocument, Proposal
from gongkai.errors import GongkaiError
from gongkai.extract import extract_file, file_sha256, iter_files, open_nofollow
from gongkai.filemodes import create_private, private_dir
from gongkai.policy import load_routing
from gongkai.review.routing import due_date
from gongkai.settings import Settings
from gongkai.store import repository as repo
from gongkai.store.db import Store, open_store

log = logging.getLogger(__name__)

ACTOR = "system:intake"
DEFAULT_BATCH_SIZE = 25
NEAR_DUPLICATE_EXACT_BYTES = 64 * 1024 * 1024  # shingles kept for exact near-duplicate checks within a run
KILL_HOOK = "GONGKAI_INTAKE_KILL_AT"  # tests only: "<checkpoint>:<n>" kills this process (SIGKILL) there


class TransientError(Exception):
    """A failure worth retrying as a whole batch (database unreachable or locked, disk hiccup)."""


class RunLocked(Exception):
    """Another nightly run holds the run lock: this one has nothing to do."""

    def __init__(self) -> None:
        super().__init__("另一次夜间收件正在运行，本次未处理任何文件 / another nightly run holds the lock; "
                         "this run processed nothing")


class ClaimLost(Exception):
    """Another worker claimed this file after us (a re-run batch): its result is the one that counts."""


def is_transient(exc: BaseException) -> bool:
    return isinstance(exc, (TransientError, OperationalError)) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated)


@dataclass
class InboxFile:
    path: Path
    name: str  # relative to the inbox, POSIX separators: the journal key with the hash
    sha256: str  # content hash; for a link (symbolic or hard), a hash of the link itself: never read
    size: int
    symlink: bool = False
    hardlinks: int = 1  # st_nlink: more than one name means the content may belong to a file outside the inbox


@dataclass
class ItemResult:
    name: str
    sha256: str
    outcome: str  # processed | sealed | quarantined | skipped | error
    disclosure: str | None = None
    secrecy: str | None = None
    route: str | None = None
    error: dict | None = None
    format: str | None = None
    pages: int = 0
    seconds: float = 0.0
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


_hits: Counter = Counter()


def _checkpoint(name: str) -> None:
    """Crash-test hook: with GONGKAI_INTAKE_KILL_AT=name:n, die like kill -9 the n-th time `name` is reached."""
    spec = os.environ.get(KILL_HOOK)
    if not spec or not spec.startswith(name + ":"):
        return
    _hits[name] += 1
    if _hits[name] >= int(spec.split(":", 1)[1]):
        os.kill(os.getpid(), signal.SIGKILL)


def make_reviewer(settings: Settings):
    """The current model when one is installed (`gongkai train`), else the rules alone."""
    from gongkai.classify import registry
    from gongkai.proposer import Proposer as Reviewer

    rules_dir = Path(settings.rules_dir) if settings.rules_dir else None
    models_dir = Path(settings.models_dir) if settings.models_dir else None
    if registry.current_version(models_dir) is None:
        log.warning("no trained model (models/CURRENT): proposals come from the rules alone")
        return Reviewer(settings, model=None, rules_dir=rules_dir)
    return Reviewer(settings, model=registry.load(models_dir=models_dir), rules_dir=rules_dir)


def _identity(path: Path) -> tuple[str, int, bool, int]:
    """(hash, size, symlink, hard links) from the directory entry itself, never through a link."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):  # it may point outside the inbox
        target = os.readlink(path).encode("utf-8", "surrogateescape")
        return hashlib.sha256(b"symlink\0" + target).hexdigest(), 0, True, 1
    if info.st_nlink > 1 and not stat.S_ISDIR(info.st_mode):
        # Another name of a file that may live outside the inbox (and belong to someone else): it is
        # refused before its content is read, so the key is the inode, not the content.
        return (hashlib.sha256(f"hardlink\0{info.st_dev}:{info.st_ino}".encode()).hexdigest(), info.st_size,
                False, info.st_nlink)
    return file_sha256(path), info.st_size, False, 1


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_HOST = socket.gethostname()


def _partial(target: Path) -> Path:
    """Where a copy is written before its atomic rename; names the writer (thread, host, process) so
    that two workers never share one, and leftovers of dead processes can be cleared."""
    return target.with_name(f".{target.name}.t{threading.get_ident()}.{_HOST}.{os.getpid()}.part")


def remove_stale_partials(data_dir: Path) -> int:
    """Delete partial copies left by a killed process of this host (a live writer's are kept)."""
    removed = 0
    for folder in (data_dir / "archive", data_dir / "quarantine", data_dir / "sealed"):
        if not folder.is_dir():
            continue
        for part in folder.rglob(".*.part"):
            stem, pid, _ = part.name.rsplit(".", 2)
            if not stem.endswith("." + _HOST) or not pid.isdigit():
                continue
            try:
                os.kill(int(pid), 0)
                alive = True
            except ProcessLookupError:
                alive = False
            except PermissionError:
                alive = True
            if not alive:
                part.unlink(missing_ok=True)
                removed += 1
    return removed


def _write_atomic(target: Path, data: bytes) -> None:
    private_dir(target.parent)
    tmp = _partial(target)
    with os.fdopen(create_private(tmp, exclusive=False), "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def copy_verified(src: Path, target: Path, sha256: str) -> None:
    """Copy `src` to `target` atomically, checking the copy's hash. Idempotent: an intact copy is kept."""
    if target.exists() and file_sha256(target) == sha256:
        return
    private_dir(target.parent)
    tmp = _partial(target)
    digest = hashlib.sha256()
    with open_nofollow(src) as fin, os.fdopen(create_private(tmp, exclusive=False), "wb") as fout:
        for block in iter(lambda: fin.read(1 << 20), b""):
            digest.update(block)
            fout.write(block)
        fout.flush()
        os.fsync(fout.fileno())
    if digest.hexdigest() != sha256:
        tmp.unlink(missing_ok=True)
        raise TransientError(f"{src} changed while it was being copied")
    os.replace(tmp, target)
    _fsync_dir(target.parent)


def archive_relpath(sha256: str) -> str:
    return f"archive/{sha256[:2]}/{sha256[2:]}"


def quarantine_relpath(item: InboxFile) -> str:
    # The hash keeps names unique; the name hash separates equal contents under different names.
    tag = hashlib.sha256(item.name.encode("utf-8", "surrogateescape")).hexdigest()[:6]
    return f"quarantine/{item.sha256[:12]}-{tag}-{Path(item.name).name}"


def _sealed_payload(proposal: Proposal) -> dict:
    """A sealed document's proposal without any of its text: labels, marks, rule ids and articles only."""
    payload = proposal.as_dict()
    payload["pii"] = []
    for reason in payload["reasons"]:
        reason["evidence"] = [{"rule": e["rule"]} for e in reason["evidence"]]
        reason["features"] = []
        reason["note"] = ""
    return payload


def _sealed_mark(proposal: Proposal) -> dict:
    mark = proposal.marks.get("secrecy_mark") or {}
    return {"level": mark.get("level"), "period": mark.get("period"), "mark": mark.get("raw"),
            "copy_no": proposal.marks.get("copy_no")}


class Intake:
    """Processes inbox files into the store. Holds the loaded rules and model: make one per process."""

    def __init__(self, settings: Settings | None = None, *, store: Store | None = None, reviewer=None,
                 keep_originals: bool = False):
        """`keep_originals` leaves the inbox untouched (e.g. the bundled sample inbox): the journal then
        alone recognises finished files, and a re-run reports them as skipped."""
        self.settings = settings or Settings()
        self.keep_originals = keep_originals
        self.data_dir = private_dir(Path(self.settings.data_dir).resolve())
        self.store = store or open_store(self.settings)
        self._reviewer = reviewer
        self._own_reviewer = None  # the reviewer built here from the settings: the one workers can rebuild
        self._near = None
        self._pool = None  # gongkai.workers.ReviewPool, started on the first batch that can use it

    @property
    def reviewer(self):
        if self._reviewer is None:
            self._reviewer = self._own_reviewer = make_reviewer(self.settings)
        return self._reviewer

    # --- finding work -------------------------------------------------------------------------

    def scan(self, inbox: Path | str) -> list[InboxFile]:
        """Every file in the inbox (recursive, sorted), identified by content hash. Names starting
        with a dot are left alone: copy tools write partial files that way."""
        inbox = Path(inbox).resolve()
        remove_stale_partials(self.data_dir)
        found = []
        for path, _root in iter_files([inbox]):
            if path.name.startswith("."):
                continue
            try:
                sha, size, link, names = _identity(path)
            except (FileNotFoundError, GongkaiError):
                continue  # removed, or replaced by a link, while we were looking: the next run sees it
            found.append(InboxFile(path, path.relative_to(inbox).as_posix(), sha, size, link, names))
        return found

    def pending(self, files: Iterable[InboxFile]) -> list[InboxFile]:
        """The files whose (hash, name) the journal has not finished: the new work of a run."""
        with self.store.session() as s:
            return [f for f in files if (item := repo.find_item(s, f.sha256, f.name)) is None or item.state != "done"]

    # --- processing ---------------------------------------------------------------------------

    @contextmanager
    def run_lock(self, *, wait: bool = False) -> Iterator[bool]:
        """One nightly run at a time over this store: yields False when another run holds the lock
        (unless `wait`). Workers of the run need not take it: the run that scheduled them holds it."""
        with self.store.exclusive("nightly", wait=wait) as held:
            yield held

    def run(self, inbox: Path | str, *, run_id: str | None = None, batch_size: int | None = None,
            on_result: Callable[[ItemResult], None] | None = None, wait: bool = False) -> list[ItemResult]:
        """Scan and process the whole inbox in this process (the flow does the same in batches).
        Raises `RunLocked` when another run holds the lock and `wait` is false."""
        with self.run_lock(wait=wait) as held:
            if not held:
                raise RunLocked()
            run_id = run_id or new_run_id()
            files = self.scan(inbox)
            size = batch_size or DEFAULT_BATCH_SIZE
            results: list[ItemResult] = []
            for start in range(0, len(files), size):
                for result in self.process(files[start:start + size], run_id, inbox=inbox):
                    results.append(result)
                    if on_result:
                        on_result(result)
            return results

    def process(self, files: Iterable[InboxFile], run_id: str, *, inbox: Path | str | None = None) -> list[ItemResult]:
        """One batch. A file's own failure is quarantined; a transient failure is raised so the whole
        batch can be retried (everything already done is recognised and reported as before).
        `inbox` is no longer needed (links are refused wherever they point); callers may still pass it."""
        results = []
        files = list(files)
        pool = self._review_pool()
        if pool is not None:  # the workers hold rules and model; this process never loads them
            return self._process_in_pool(files, run_id, pool)
        self.reviewer  # load rules and model first: an unusable model stops the batch, not every file
        search.warm_up()  # jieba's dictionary loads here, not inside a document's write transaction
        for f in files:
            started = time.perf_counter()
            try:
                result = self.process_one(f, run_id)
            except Exception as exc:
                if is_transient(exc):
                    raise
                result = _internal_error(f, exc)
            result.seconds = round(time.perf_counter() - started, 4)
            results.append(result)
        _forget_texts()
        return results

    # --- worker processes (gongkai.workers) ----------------------------------------------------

    def _review_pool(self):
        """The pool of worker processes, when this intake may use one: `processes` resolves to more than
        one, and no reviewer was given to the intake (a test's rules-only one cannot be rebuilt in a
        worker from the settings)."""
        from gongkai.workers import ReviewPool, resolve_processes

        if self._reviewer is not None and self._reviewer is not self._own_reviewer:
            return None
        if self._pool is None:
            processes = resolve_processes(self.settings)
            if processes <= 1:
                return None
            self._pool = ReviewPool(self.settings, processes)
        return self._pool

    def check_ready(self) -> None:
        """Load the rules and the model where the files will be reviewed (the workers, or this process),
        so that an unusable model stops the run at once, with its message."""
        pool = self._review_pool()
        if pool is not None:
            pool.ready()
        else:
            self.reviewer

    def close(self) -> None:
        """Stop the worker processes (they are also stopped when the process exits)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def _process_in_pool(self, files: list[InboxFile], run_id: str, pool) -> list[ItemResult]:
        """One batch with extraction and review in the workers. Claims are made here, in inbox order,
        before a file is sent out; results are stored here, in the same order, as they come back — so
        each file still goes claimed → stored → committed → removed, as in `process_one`."""
        results: list[ItemResult | None] = [None] * len(files)
        started = [0.0] * len(files)
        claimed: list[tuple[int, int]] = []  # (index, token) of the files to extract
        for i, f in enumerate(files):
            started[i] = time.perf_counter()
            try:
                token = self._claim(f, run_id)
            except Exception as exc:
                if is_transient(exc):
                    raise
                results[i] = _internal_error(f, exc)
                continue
            if isinstance(token, ItemResult):
                results[i] = token
            else:
                claimed.append((i, token))
        work = [(i, token) for i, token in claimed if files[i].hardlinks <= 1]  # hard links are never read
        size = max(1, min(8, -(-len(work) // (2 * pool.processes))))  # a few chunks per worker: no long tail
        chunks = [work[k:k + size] for k in range(0, len(work), size)]
        futures = [pool.submit([str(files[i].path) for i, _ in chunk]) for chunk in chunks]
        chunk_of = {i: n for n, chunk in enumerate(chunks) for i, _ in chunk}
        reviewed: dict[int, tuple] = {}
        for i, token in claimed:
            f = files[i]
            if i in chunk_of and i not in reviewed:  # its chunk: wait for it (the workers go on meanwhile)
                n = chunk_of[i]  # a dead worker or an unusable model raises here and stops the batch
                reviewed.update(zip((j for j, _ in chunks[n]), _chunk_result(futures[n])))
            try:
                result = self._finish_claimed(f, run_id, token, reviewed.pop(i, None))
            except Exception as exc:
                if is_transient(exc):
                    raise
                result = _internal_error(f, exc)
            results[i] = result
        for i, result in enumerate(results):
            result.seconds = round(time.perf_counter() - started[i], 4)
        _forget_texts()
        return results

    def process_one(self, f: InboxFile, run_id: str) -> ItemResult:
        claimed = self._claim(f, run_id)
        if isinstance(claimed, ItemResult):
            return claimed
        return self._finish_claimed(f, run_id, claimed, None)

    def _finish_claimed(self, f: InboxFile, run_id: str, claimed: int, reviewed: tuple | None) -> ItemResult:
        """Everything after the claim: extract and review (unless a worker did: `reviewed`), store, commit."""
        try:
            return self._work(f, run_id, claimed, reviewed)
        except ClaimLost:
            return self._taken_over(f)
        except Exception as exc:
            # A worker whose file was taken over meets the other's side effects (the inbox file gone):
            # not an error of this file, the other worker's outcome stands.
            if not is_transient(exc) and self._lost(f, claimed):
                return self._taken_over(f)
            raise

    def _claim(self, f: InboxFile, run_id: str) -> int | ItemResult:
        """Claim the file in the journal; returns the claim's token (its attempt number), or the result
        when there is nothing to do. A later claim (a retried or duplicated batch) supersedes ours, and
        only the holder of the latest claim may record an outcome."""
        for attempt in range(2):
            try:
                with self.store.session() as s:
                    item = _locked_item(s, f)
                    if item is not None and item.state == "done" and item.outcome != "changed":
                        return self._leftover(f, item, run_id, repo.document_by_id(s, item.document_id))
                    if not f.symlink and not os.path.lexists(f.path):
                        return ItemResult(f.name, f.sha256, "skipped", note="no longer in the inbox")
                    existing = None if f.symlink or f.hardlinks > 1 else repo.document_by_sha(s, f.sha256)
                    item = repo.claim_item(s, f.sha256, f.name, run_id)
                    if existing is not None:  # the same content came before under another name
                        repo.finish_item(s, item, "duplicate", document_id=existing.id, location=existing.archive_path)
                        repo.append_audit(s, ACTOR, "intake.duplicate", document_id=existing.id,
                                          after={"source": f.name, "sha256": f.sha256})
                    token = item.attempts
            except IntegrityError:  # a concurrent worker inserted the row first (PostgreSQL): claim it again
                if attempt:
                    raise
                continue
            break
        if existing is not None:
            self._remove(f)
            return ItemResult(f.name, f.sha256, "skipped", note="same content as an earlier document")
        _checkpoint("claimed")
        return token

    def _lost(self, f: InboxFile, token: int) -> bool:
        with self.store.session() as s:
            item = repo.find_item(s, f.sha256, f.name)
            return item is None or item.state != "claimed" or item.attempts != token

    def _taken_over(self, f: InboxFile) -> ItemResult:
        return ItemResult(f.name, f.sha256, "skipped", note="taken over by another worker, whose result stands")

    def _work(self, f: InboxFile, run_id: str, token: int, reviewed: tuple | None = None) -> ItemResult:
        if f.hardlinks > 1:
            error = GongkaiError("hardlink_refused", f"{f.name}: {f.hardlinks} names for one file").as_dict()
            return self._quarantine(f, ExtractedDocument(source=str(f.path), sha256=f.sha256), error, run_id, token)
        doc, proposal = reviewed if reviewed is not None else (extract_file(f.path, self.settings), None)
        if doc.ok and not f.symlink and doc.sha256 != f.sha256:
            # Still being written: leave it for the next run, which sees the new content as a new file.
            with self.store.session() as s:
                repo.finish_item(s, _own_item(s, f, token), "changed")
            return ItemResult(f.name, f.sha256, "error", error={"code": "internal", "message": "changed while being read"},
                              note="changed while being read; left in the inbox for the next run")
        if (doc.error or {}).get("code") == "not_found":  # gone since the scan: nothing to quarantine
            with self.store.session() as s:
                repo.finish_item(s, _own_item(s, f, token), "changed")
            return ItemResult(f.name, f.sha256, "skipped", note="no longer in the inbox")
        if doc.ok:
            doc.duplicate_of = self._near_duplicate(doc)
        if proposal is None:
            proposal = self.reviewer.review(doc).proposal
        else:  # reviewed in a worker, which cannot know the earlier documents of the run
            proposal.duplicate_of = doc.duplicate_of
        error = doc.error or proposal.error
        if error:
            return self._quarantine(f, doc, error, run_id, token)
        if proposal.sealed:
            return self._seal(f, doc, proposal, run_id, token)
        return self._archive(f, doc, proposal, run_id, token)

    def _leftover(self, f: InboxFile, item, run_id: str, document=None, *, remove: bool = True) -> ItemResult:
        """A finished journal row whose inbox file is still (or no longer) there: only tidy up."""
        if remove:
            self._remove(f)
        if item.run_id != run_id:
            return ItemResult(f.name, f.sha256, "skipped", note=f"already {item.outcome}")
        # Finished earlier in this same run (a retried batch): report it as it was the first time.
        result = ItemResult(f.name, f.sha256, {"duplicate": "skipped"}.get(item.outcome, item.outcome),
                            error=item.error, note="finished before a retry")
        if document is not None and item.outcome in {"processed", "sealed"}:
            proposal = document.proposals[-1] if document.proposals else None
            result.format, result.pages = document.format, document.pages
            if proposal is not None:
                result.disclosure, result.secrecy, result.route = proposal.disclosure, proposal.secrecy, proposal.route
        return result

    def recorded_results(self, files: Iterable[InboxFile], run_id: str, error: str) -> list[ItemResult]:
        """What the journal says became of these files in this run; `error` for the others (a batch
        that failed for good, after retries: its unfinished files stay in the inbox)."""
        results = []
        with self.store.session() as s:
            for f in files:
                item = repo.find_item(s, f.sha256, f.name)
                if item is not None and item.state == "done" and item.run_id == run_id and item.outcome != "changed":
                    results.append(self._leftover(f, item, run_id, repo.document_by_id(s, item.document_id), remove=False))
                else:
                    results.append(ItemResult(f.name, f.sha256, "error", error={"code": "internal", "message": error}))
        return results

    def _remove(self, f: InboxFile) -> None:
        if self.keep_originals:
            return
        try:
            f.path.unlink()
        except FileNotFoundError:
            pass

    def _near_duplicate(self, doc: ExtractedDocument) -> str | None:
        with self.store.session() as s:
            earlier = repo.document_by_text_sha(s, doc.text_sha256) if doc.text_sha256 else None
            if earlier is not None and earlier.sha256 != doc.sha256:
                return earlier.sha256
        if self._near is None:
            from gongkai.extract.identity import NearDuplicateIndex

            # Exact shingles for the first ~64 MB of text, estimates after: memory stays flat in the inbox size.
            self._near = NearDuplicateIndex(threshold=self.settings.near_duplicate_threshold,
                                            max_exact_bytes=NEAR_DUPLICATE_EXACT_BYTES)
        match = self._near.add(doc.sha256, doc.text)
        return match.key if match is not None and match.key != doc.sha256 else None

    def _commit(self, f: InboxFile, doc: ExtractedDocument, payload: dict, *, run_id: str, outcome: str,
                location: str, text: str | None, meta: dict, mark: dict | None, token: int) -> ItemResult:
        """The one transaction per document. Returns `skipped` if a concurrent run stored it first;
        raises `ClaimLost` (and writes nothing) if another worker has claimed the file since."""
        stage = payload.get("route") or "保密审查"
        try:
            with self.store.session() as s:
                item = _own_item(s, f, token)
                if repo.document_by_sha(s, doc.sha256) is not None:
                    raise IntegrityError("document exists", None, Exception())
                document = repo.add_document(
                    s, sha256=doc.sha256, source_name=f.name, format=doc.format, pages=doc.pages, size=f.size,
                    text=text, text_sha256=doc.text_sha256 if text is not None else None, meta=meta,
                    warnings=[asdict(w) for w in doc.warnings] if text is not None else [],
                    sealed=outcome == "sealed", secrecy_mark=mark,
                    archive_path=location if outcome == "processed" else None,
                    duplicate_of=doc.duplicate_of, run_id=run_id)
                search.index_document(s, document)  # found by search from this commit on (sealed: never)
                proposal = repo.add_proposal(s, document, payload)
                # Who works at the stage, and the Art. 26 deadline in working days, come from rules/routing.yaml.
                routing = load_routing()
                due, _ = due_date(routing, date.today())
                task = repo.open_task(s, document, proposal, stage, routing.role_of(stage), due_date=due)
                repo.append_audit(s, ACTOR, f"intake.{outcome}", document_id=document.id, after={
                    "source": f.name, "sha256": doc.sha256, "disclosure": payload.get("disclosure"),
                    "secrecy": payload.get("secrecy"), "route": stage, "task_id": task.id, "run_id": run_id})
                repo.finish_item(s, item, outcome, document_id=document.id, location=location)
        except IntegrityError:
            with self.store.session() as s:  # stored meanwhile by a concurrent batch: a duplicate
                existing = repo.document_by_sha(s, doc.sha256)
                item = _own_item(s, f, token)
                repo.finish_item(s, item, "duplicate", document_id=existing.id if existing else None,
                                 location=existing.archive_path if existing else None)
            _checkpoint("committed")
            self._remove(f)
            return ItemResult(f.name, f.sha256, "skipped", note="stored concurrently under another name")
        _checkpoint("committed")
        self._remove(f)
        _checkpoint("removed")
        return ItemResult(f.name, f.sha256, outcome, disclosure=payload.get("disclosure"),
                          secrecy=payload.get("secrecy"), route=stage, format=doc.format, pages=doc.pages)

    def _archive(self, f: InboxFile, doc: ExtractedDocument, proposal: Proposal, run_id: str, token: int) -> ItemResult:
        rel = archive_relpath(doc.sha256)
        copy_verified(f.path, self.data_dir / rel, doc.sha256)
        _checkpoint("stored")
        return self._commit(f, doc, proposal.as_dict(), run_id=run_id, outcome="processed", location=rel,
                            text=doc.text, meta=doc.metadata, mark=proposal.marks.get("secrecy_mark"), token=token)

    def _seal(self, f: InboxFile, doc: ExtractedDocument, proposal: Proposal, run_id: str, token: int) -> ItemResult:
        from gongkai.sealing import seal

        alert = seal(f.path, doc.sha256, proposal.marks, self.data_dir, move=False)
        _checkpoint("stored")
        rel = Path(alert["sealed_as"]).resolve().relative_to(self.data_dir).as_posix()
        # Metadata without anything taken from the text (a guessed title may itself be secret).
        meta = {k: v for k, v in doc.metadata.items() if k in {"ocr", "page_count", "producer", "creator"}}
        return self._commit(f, doc, _sealed_payload(proposal), run_id=run_id, outcome="sealed", location=rel,
                            text=None, meta=meta, mark=_sealed_mark(proposal), token=token)

    def _quarantine(self, f: InboxFile, doc: ExtractedDocument, error: dict, run_id: str, token: int) -> ItemResult:
        if self._lost(f, token):  # before writing anything: the other worker's files are the ones that count
            raise ClaimLost()
        rel = quarantine_relpath(f)
        target = self.data_dir / rel
        record = {"source": f.name, "sha256": f.sha256, "error": error, "run_id": run_id,
                  "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                  "warnings": [asdict(w) for w in doc.warnings]}
        if f.symlink:  # keep where it pointed, never what it points to
            record["link_target"] = os.readlink(f.path)
        elif f.hardlinks > 1:  # the decision, written down: refused unread, nothing copied
            record["hard_links"] = f.hardlinks
            record["decision"] = "refused before reading; the content was neither read nor copied"
        else:
            copy_verified(f.path, target, f.sha256)
        _write_atomic(target.with_name(target.name + ".error.json"),
                      json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
        _checkpoint("stored")
        with self.store.session() as s:
            repo.finish_item(s, _own_item(s, f, token), "quarantined", error=error, location=rel)
            repo.append_audit(s, ACTOR, "intake.quarantined", after={
                "source": f.name, "sha256": f.sha256, "error": error.get("code"), "location": rel, "run_id": run_id})
        _checkpoint("committed")
        self._remove(f)
        _checkpoint("removed")
        return ItemResult(f.name, f.sha256, "quarantined", error=error, format=doc.format)


def _internal_error(f: InboxFile, exc: Exception) -> ItemResult:
    log.exception("intake failed on %s; the file stays in the inbox", f.name)
    return ItemResult(f.name, f.sha256, "error", error={"code": "internal", "message": f"{type(exc).__name__}: {exc}"})


def _chunk_result(future) -> list:
    """A worker's chunk; a worker that died (killed, out of memory) makes the batch worth retrying."""
    from concurrent.futures.process import BrokenProcessPool

    from gongkai.workers import WorkerStartFailed

    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise TransientError(f"a worker process died: {exc}") from exc
    except WorkerStartFailed as exc:  # rules or model unusable: stops the batch, as in one process
        raise exc.as_gongkai_error() from None


def _forget_texts() -> None:
    """Memoised jieba words of this batch's texts are never asked for again in a nightly run: dropping
    them keeps memory flat however large the inbox (they help training, which re-reads its corpus)."""
    from gongkai.classify import features

    features.forget_words()


def _locked_item(s, f: InboxFile):
    """The journal row of this file, locked until the transaction ends (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already serialises writers), so that two claims cannot both read the same token."""
    item = repo.find_item(s, f.sha256, f.name)
    if item is not None:
        s.refresh(item, with_for_update=True)
    return item


def _own_item(s, f: InboxFile, token: int):
    """The journal row, if our claim is still the latest; else `ClaimLost` (the transaction rolls back)."""
    item = _locked_item(s, f)
    if item is None or item.state != "claimed" or item.attempts != token:
        raise ClaimLost()
    return item


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]


def summarise(results: Iterable[ItemResult | dict]) -> dict:
    """The run's account: counts (processed includes sealed), per route, per label, errors, time."""
    rows = [r.as_dict() if isinstance(r, ItemResult) else r for r in results]
    outcome = Counter(r["outcome"] for r in rows)
    done = [r for r in rows if r["outcome"] in {"processed", "sealed"}]
    return {
        "processed": len(done),
        "skipped": outcome["skipped"],
        "quarantined": outcome["quarantined"],
        "errors": outcome["error"],
        "sealed": outcome["sealed"],
        "routed": dict(Counter(r["route"] for r in done if r["route"])),
        "disclosure": dict(Counter(r["disclosure"] for r in done if r["disclosure"])),
        "secrecy": dict(Counter(r["secrecy"] for r in done if r["secrecy"])),
        "error_codes": dict(Counter((r["error"] or {}).get("code", "?") for r in rows if r["outcome"] in {"quarantined", "error"})),
        "pages": sum(r["pages"] for r in done),
        "seconds": round(sum(r["seconds"] for r in rows), 3),
    }


def check_consistency(store: Store, data_dir: Path | str) -> list[str]:
    """Problems where archive, quarantine, sealed area and database disagree (empty when they agree)."""
    data_dir = Path(data_dir)
    problems = []
    with store.session() as s:
        documents = repo.all_documents(s)
        items = repo.all_items(s)
        for item in items:
            if item.state != "done":
                problems.append(f"journal: {item.source_name} still {item.state}")
            elif item.outcome == "quarantined" and not (data_dir / (item.location + ".error.json")).is_file():
                problems.append(f"quarantine: no error file for {item.source_name}")
        for d in documents:
            if d.sealed:
                if d.text is not None:
                    problems.append(f"sealed document {d.sha256[:12]} has text in the store")
                continue
            if not d.archive_path or not (data_dir / d.archive_path).is_file():
                problems.append(f"archive: {d.sha256[:12]} ({d.source_name}) missing")
            elif file_sha256(data_dir / d.archive_path) != d.sha256:
                problems.append(f"archive: {d.archive_path} does not match its hash")
            if len(d.proposals) != 1 or len(d.tasks) != 1:
                problems.append(f"document {d.sha256[:12]}: {len(d.proposals)} proposals, {len(d.tasks)} tasks")
        known = {d.archive_path for d in documents if d.archive_path}
    archive = data_dir / "archive"
    if archive.is_dir():
        for path in archive.rglob("*"):
            rel = path.relative_to(data_dir).as_posix()
            if path.is_file() and rel not in known:
                problems.append(f"archive: {rel} has no document (orphan)")
    return problems
