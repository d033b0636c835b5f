"""Who may see a document at all: need-to-know, then clearance (issue 11).

A reviewer sees a document only when they need to (rules/routing.yaml `need_to_know`: it has an open task
at their stage, they acted on it, or it belongs to their 科室) AND they are cleared for its current level
(`users.may_read`, which also keeps sealed documents to the secrecy officer). A document that fails either
test does not exist for that reviewer: every page and every action answers exactly as for a missing id, so
that neither its text, its rule hits, their count, its labels nor what reviewers wrote about it leak.

Both halves are asked on every request, against the document's *current* level: a reviewer who confirmed a
document at 非密 loses sight of it (and of the reasons written since) once someone raises it to 机密."""
from __future__ import annotations

from pathlib import PurePosixPath

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from gongkai.policy import Routing
from gongkai.review.users import Actor, may_read
from gongkai.store.models import Decision, Document, ReviewTask
from gongkai.store.users import User


def document_department(document: Document) -> str | None:
    """The 科室 a document belongs to: its `department` metadata, else the first folder of its path in
    the inbox (an office gives each 科室 its own drop folder), else none."""
    meta = document.meta or {}
    if meta.get("department"):
        return str(meta["department"])
    parts = PurePosixPath(str(document.source_name).replace("\\", "/")).parts
    return parts[0] if len(parts) > 1 else None


def needs_to_know(s: Session, actor: Actor, document: Document, routing: Routing) -> bool:
    rule = routing.need_to_know
    if actor.role in rule.exempt_roles:
        return True
    department = document_department(document)
    members = set(rule.departments.get(department, [])) if department else set()
    if department:  # the accounts of that 科室 (`gongkai users add --department`), beside those listed in the rules
        members |= set(s.scalars(select(User.name).where(User.department == department, User.active.is_(True))))
    if rule.own_department and actor.name in members:
        return True
    if rule.own_stage:
        stages = set(s.scalars(select(ReviewTask.stage).where(
            ReviewTask.document_id == document.id, ReviewTask.status == "open", ReviewTask.role == actor.role)))
        if members:  # a 科室's own stage tasks are for its members only (they were let in above)
            stages -= set(rule.department_stages)
        if stages:
            return True
    if rule.acted_on and s.scalar(select(exists().where(
            Decision.document_id == document.id, Decision.actor == actor.name))):
        return True
    return False


def may_see(s: Session, actor: Actor, document: Document | None, routing: Routing) -> bool:
    """May this actor learn that the document exists (and then read all of it)?"""
    return document is not None and needs_to_know(s, actor, document, routing) and may_read(s, actor, document)
