"""The state in force, replayed from the audit chain, and compared with the tables that hold it.

The application reads tables (decisions, review_tasks, proposals, users): quick to query, but anyone
with write access to the database can change them with one UPDATE. The chain is keyed (HMAC), so its
events are what we trust: `replay` rebuilds from them the labels in force, each decision, each task's
stage and status, each account's role and clearance, and what was exported for publication; `compare`
reports every row that differs. `document_problems` does the same for one document, cheaply enough to
run before each review action and before each publication.

What the events carry (written by gongkai.intake, gongkai.review.service, gongkai.review.publish and
the users hook in gongkai.store.users):
- intake.processed / intake.sealed: `after` = proposal labels, first stage (`route`), first `task_id`;
- review.confirm / change / return: `before` = task, stage, labels in force; `after` = decision id,
  next stage and task, labels set;
- review.undo: `before` = the decision undone, the task it opened (now withdrawn) and the labels then
  in force; `after` = the compensating "undo" decision, the reopened task, the labels restored;
- publish.export: files written with their sha256, labels;
- users.add / change / delete: the account's name, role, clearance, active, 科室."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.labels import PUBLIC
from gongkai.store import repository as repo
from gongkai.store.models import AuditEvent, Decision, Document, Proposal, ReviewTask
from gongkai.store.users import User, user_state

DECIDING = ("review.confirm", "review.change")
REVIEWING = DECIDING + ("review.return",)
PUBLISHED_STAGE = "发布"  # the terminal stage after which gongkai.review.service exports (rules/routing.yaml)


def _labels(d: dict) -> tuple | None:
    return (d.get("disclosure"), d.get("secrecy")) if "disclosure" in d else None


def _show(labels: tuple | None) -> str:
    return "/".join(str(x) for x in labels) if labels else "—"


@dataclass
class ChainState:
    proposed: dict[int, tuple] = field(default_factory=dict)  # document → labels of its proposal
    decided: dict[int, tuple] = field(default_factory=dict)  # document → labels of the latest confirm/change
    approved: dict[int, bool] = field(default_factory=dict)  # document → its latest review took it to 发布
    decisions: dict[int, dict] = field(default_factory=dict)
    tasks: dict[int, dict] = field(default_factory=dict)
    users: dict[str, dict] = field(default_factory=dict)
    exports: dict[str, dict] = field(default_factory=dict)  # publication file name → document, sha256
    documents: set[int] = field(default_factory=set)  # documents whose intake event was seen
    problems: list[str] = field(default_factory=list)
    unapproved_exports: list[str] = field(default_factory=list)  # exports with no approval in the chain

    def labels(self, document_id: int) -> tuple | None:
        """The labels in force per the chain: the latest confirm/change, else the proposal."""
        return self.decided.get(document_id) or self.proposed.get(document_id)


def replay(events) -> ChainState:
    """Rebuild the state from events in chain order. Also reports an action whose `before` does not
    match the state the chain had in force: the table it read had been altered before it."""
    st = ChainState()
    for e in events:
        before, after, doc = e.before or {}, e.after or {}, e.document_id
        if e.action.startswith("intake.") and doc is not None and _labels(after) is not None:
            st.documents.add(doc)
            st.proposed[doc] = _labels(after)
            if after.get("task_id") is not None:
                st.tasks[after["task_id"]] = {"document_id": doc, "stage": after.get("route"), "status": "open"}
        elif e.action in REVIEWING:
            in_force, seen = st.labels(doc), _labels(before)
            if in_force is not None and seen is not None and seen != in_force:
                st.problems.append(f"event {e.id} ({e.action}, document {doc}): acted on labels {_show(seen)} but the "
                                   f"chain had {_show(in_force)} in force (the decisions table was altered before it)")
            task_id = before.get("task_id")
            task = st.tasks.get(task_id)
            if task is not None and (task["status"] != "open" or task["stage"] != before.get("stage")):
                st.problems.append(f"event {e.id} ({e.action}, document {doc}): acted on task {task_id} at "
                                   f"{before.get('stage')}, but the chain had it {task['status']} at {task['stage']} "
                                   "(the tasks table was altered before it)")
            st.tasks[task_id] = {"document_id": doc, "stage": before.get("stage"),
                                 "status": "returned" if e.action == "review.return" else "done",
                                 "assignee": e.actor, "role": e.role}
            if after.get("decision_id") is not None:
                st.decisions[after["decision_id"]] = {
                    "document_id": doc, "task_id": task_id, "actor": e.actor, "role": e.role,
                    "action": e.action.removeprefix("review."), "disclosure": after.get("disclosure"),
                    "secrecy": after.get("secrecy"), "reason": e.reason, "justification": after.get("justification"),
                    "event": e.id}
            if e.action in DECIDING:
                st.decided[doc] = _labels(after)
            st.approved[doc] = e.action in DECIDING and after.get("stage") == PUBLISHED_STAGE
            if after.get("task_id") is not None:
                st.tasks[after["task_id"]] = {"document_id": doc, "stage": after.get("stage"), "status": "open"}
        elif e.action == "review.undo":
            _replay_undo(st, e)
        elif e.action == "publish.export":
            if not st.approved.get(doc) or (st.labels(doc) or (None,))[0] != PUBLIC:
                st.unapproved_exports.append(f"event {e.id}: document {doc} was exported for publication "
                                             f"without a {PUBLIC} approval at {PUBLISHED_STAGE} in the chain")
            for name in after.get("files") or []:
                st.exports[name] = {"document_id": doc, "sha256": (after.get("sha256") or {}).get(name)}
        elif e.action in ("users.add", "users.change"):
            if before.get("name") and before["name"] != after.get("name"):
                st.users.pop(before["name"], None)
            # an event written before users had a 科室 has no "department": none, as the migration left it
            st.users[after.get("name")] = {"active": True, **{k: after.get(k) for k in ("role", "clearance", "department")},
                                           **({"active": after["active"]} if "active" in after else {})}
        elif e.action == "users.delete":
            st.users.pop(before.get("name"), None)
    return st


def _replay_undo(st: ChainState, e) -> None:
    """An undo (gongkai.review.service.undo) reopens the task of the action it takes back, withdraws
    the task that action opened, and sets the labels from before it; its compensating "undo" decision
    is a row like any other. It must find the chain in the state it claims to restore from."""
    before, after, doc = e.before or {}, e.after or {}, e.document_id
    in_force, seen = st.labels(doc), _labels(before)
    if in_force is not None and seen is not None and seen != in_force:
        st.problems.append(f"event {e.id} (review.undo, document {doc}): undid labels {_show(seen)} but the chain "
                           f"had {_show(in_force)} in force (the decisions table was altered before it)")
    undone = st.decisions.get(before.get("decision_id"))
    reopened, withdrawn = st.tasks.get(after.get("task_id")), st.tasks.get(before.get("task_id"))
    if (undone is None or undone["actor"] != e.actor or undone["task_id"] != after.get("task_id")
            or reopened is None or reopened["status"] == "open" or withdrawn is None or withdrawn["status"] != "open"):
        st.problems.append(f"event {e.id} (review.undo, document {doc}): undid decision {before.get('decision_id')} "
                           "but the chain does not have it as that reviewer's action with its next task open "
                           "(the tables were altered before it)")
    st.tasks[after.get("task_id")] = {"document_id": doc, "stage": after.get("stage"), "status": "open"}
    st.tasks[before.get("task_id")] = {"document_id": doc, "stage": before.get("stage"), "status": "withdrawn",
                                       "assignee": None, "role": after.get("withdrawn_role")}
    if after.get("decision_id") is not None:
        st.decisions[after["decision_id"]] = {
            "document_id": doc, "task_id": after.get("task_id"), "actor": e.actor, "role": e.role, "action": "undo",
            "disclosure": after.get("disclosure"), "secrecy": after.get("secrecy"), "reason": e.reason,
            "justification": None, "event": e.id}
    st.decided[doc] = _labels(after)  # the undo row is the latest non-return decision, as current_labels reads
    st.approved[doc] = False


def table_labels(s: Session, document_id: int) -> tuple | None:
    """The labels in force as the application reads them (gongkai.review.service.current_labels)."""
    row = s.execute(select(Decision.disclosure, Decision.secrecy).where(
        Decision.document_id == document_id, Decision.action != "return").order_by(Decision.id.desc()).limit(1)).first()
    if row is None:
        row = s.execute(select(Proposal.disclosure, Proposal.secrecy).where(Proposal.document_id == document_id)
                        .order_by(Proposal.id.desc()).limit(1)).first()
    return tuple(row) if row is not None else None


def compare(s: Session, st: ChainState, *, document_id: int | None = None, routing=None) -> list[str]:
    """Every row of the state tables that differs from the chain (one document's rows, or all)."""
    problems: list[str] = []
    only = (lambda column: column == document_id) if document_id is not None else (lambda column: True)  # noqa: E731

    decided: dict[int, tuple] = {}  # document → labels of its latest confirm/change row (rows in id order)
    # populate_existing: rows this session loaded before another transaction committed are read afresh
    # (a reviewer who lost the race must see the winner's row, not a stale copy that looks tampered with)
    for d in s.scalars(select(Decision).where(only(Decision.document_id)).order_by(Decision.id)
                       .execution_options(populate_existing=True)):
        if d.action != "return":
            decided[d.document_id] = (d.disclosure, d.secrecy)
        chained = st.decisions.pop(d.id, None)
        if chained is None:
            problems.append(f"decision {d.id} (document {d.document_id}): no audit event records it (inserted "
                            "outside gongkai)")
            continue
        row = {"document_id": d.document_id, "task_id": d.task_id, "actor": d.actor, "role": d.role,
               "action": d.action, "disclosure": d.disclosure, "secrecy": d.secrecy, "reason": d.reason,
               "justification": d.justification}
        differ = [f"{k} {row[k]!r} ≠ {chained[k]!r}" for k in row if row[k] != chained[k]]
        if differ:
            problems.append(f"decision {d.id} (document {d.document_id}) differs from audit event {chained['event']}: "
                            + ", ".join(differ))
    for decision_id, chained in st.decisions.items():
        if document_id is None or chained["document_id"] == document_id:
            problems.append(f"decision {decision_id} (document {chained['document_id']}) is in the chain "
                            f"(event {chained['event']}) but missing from the table")

    proposed = {doc: (d, sec) for doc, d, sec in s.execute(  # latest proposal per document
        select(Proposal.document_id, Proposal.disclosure, Proposal.secrecy).where(only(Proposal.document_id))
        .order_by(Proposal.id))}
    for doc in s.scalars(select(Document.id).where(only(Document.id)).order_by(Document.id)):
        # the labels in force as gongkai.review.service.current_labels reads them (see table_labels)
        chained, table = st.labels(doc), decided.get(doc) or proposed.get(doc)
        if doc not in st.documents:
            problems.append(f"document {doc}: no intake event records its proposal (inserted outside gongkai)")
        elif chained != table:
            problems.append(f"document {doc}: labels in force {_show(table)} differ from the chain's {_show(chained)}")
        if doc in st.proposed and doc in proposed and proposed[doc] != st.proposed[doc]:
            problems.append(f"document {doc}: proposal {_show(proposed[doc])} differs from the intake event's "
                            f"{_show(st.proposed[doc])}")

    tasks = {t.id: t for t in s.scalars(select(ReviewTask).where(only(ReviewTask.document_id))
                                        .execution_options(populate_existing=True))}
    for task_id, t in sorted(tasks.items()):
        chained = st.tasks.get(task_id)
        if chained is None:
            problems.append(f"task {task_id} (document {t.document_id}, {t.stage}): no audit event opened it "
                            "(inserted outside gongkai)")
            continue
        row = {"document_id": t.document_id, "stage": t.stage, "status": t.status}
        differ = [f"{k} {row[k]!r} ≠ {chained[k]!r}" for k in row if row[k] != chained[k]]
        if chained["status"] != "open":
            differ += [f"{k} {getattr(t, k)!r} ≠ {chained[k]!r}" for k in ("assignee", "role")
                       if getattr(t, k) != chained[k]]
        elif routing is not None and t.stage in routing.stages and t.role != routing.role_of(t.stage):
            differ.append(f"role {t.role!r} ≠ {routing.role_of(t.stage)!r} (rules/routing.yaml)")
        if differ:
            problems.append(f"task {task_id} (document {t.document_id}) differs from the chain: " + ", ".join(differ))
    for task_id, chained in st.tasks.items():
        if task_id not in tasks and (document_id is None or chained["document_id"] == document_id):
            problems.append(f"task {task_id} (document {chained['document_id']}) is in the chain but missing "
                            "from the table")
    return problems


def compare_users(s: Session, st: ChainState, name: str | None = None) -> list[str]:
    problems = []
    query = select(User).order_by(User.id)
    rows = {u.name: user_state(u) for u in s.scalars(query if name is None else query.where(User.name == name))}
    for user, row in rows.items():
        chained = st.users.get(user)
        if chained is None:
            problems.append(f"user {user}: no audit event records the account (inserted outside gongkai)")
            continue
        differ = [f"{k} {row[k]!r} ≠ {chained[k]!r}" for k in ("role", "clearance", "active", "department")
                  if row[k] != chained[k]]
        if differ:
            problems.append(f"user {user} differs from the chain: " + ", ".join(differ))
    for user in st.users:
        if user not in rows and (name is None or user == name):
            problems.append(f"user {user} is in the chain but missing from the table")
    return problems


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compare_publication(st: ChainState, data_dir: Path | str) -> list[str]:
    """Each file in the publication folder was written by an export recorded in the chain, unchanged."""
    folder = Path(data_dir) / "publication"
    problems = []
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.name.endswith(".partial") or not path.is_file():
            continue
        chained = st.exports.get(path.name)
        if chained is None:
            problems.append(f"publication/{path.name}: no audit event records this export")
        elif chained["sha256"] is not None and chained["sha256"] != _sha256(path):
            problems.append(f"publication/{path.name}: content differs from the export recorded for document "
                            f"{chained['document_id']}")
    return problems


def document_problems(s: Session, document_id: int, *, routing=None) -> list[str]:
    """Do this document's labels in force, decisions and tasks verify against the chain? Its events
    must carry valid HMACs and still be linked to their neighbours (none deleted after them)."""
    repo.hold_audit_lock(s)  # a consistent view: no other action half-committed while we compare
    events = repo.audit_events(s, document_id)
    problems = [f"event {e.id} (document {document_id}): altered or forged (hash or HMAC does not verify)"
                for e in events if not repo.authentic(s, e)]
    hashes = [e.hash for e in events]
    followed = set(s.scalars(select(AuditEvent.prev_hash).where(AuditEvent.prev_hash.in_(hashes)))) if hashes else set()
    head = s.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    problems += [f"event {e.id} (document {document_id}): the event after it was deleted"
                 for e in events if e.hash != head and e.hash not in followed]
    state = replay(events)
    return problems + state.problems + compare(s, state, document_id=document_id, routing=routing)


def user_problems(s: Session, name: str) -> list[str]:
    """Does this account's role and clearance verify against the chain? (Authentic events only.)"""
    repo.hold_audit_lock(s)
    events = [e for e in s.scalars(select(AuditEvent).where(AuditEvent.action.like("users.%")).order_by(AuditEvent.id))
              if repo.authentic(s, e)]
    return compare_users(s, replay(events), name)
