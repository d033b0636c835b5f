"""Reviewer accounts, roles and clearance. Passwords are argon2id-hashed (argon2-cffi).

Roles, one per stage (rules/routing.yaml `roles`) plus the administrator, who manages accounts and
reads histories but decides nothing. Clearance uses the secrecy levels: a user receives a document's
text only if their clearance is at least the document's level (`may_read`); whether they may see the
document at all (need-to-know, then this) is gongkai.review.access.may_see, which every endpoint asks."""
from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from gongkai.policy import SECRECY_ORDER
from gongkai.store.models import Decision, Document, Proposal
from gongkai.store.users import User

ROLES = {  # code → name shown in the UI; `--role` accepts either
    "department": "科室", "office": "办公室", "secrecy_officer": "保密审查员",
    "leader_in_charge": "分管领导", "principal_leader": "主要领导", "admin": "管理员",
}
REVIEW_ROLES = tuple(r for r in ROLES if r != "admin")
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("timing-equaliser")  # verify against it for unknown names: same cost


class UserError(ValueError):
    """A bad role, clearance, name or password when creating an account."""


@dataclass(frozen=True)
class Actor:
    """Who is acting: what a web session or a CLI call carries around."""

    name: str
    role: str
    clearance: str
    department: str | None = None  # the 科室 they work in (need-to-know, gongkai.review.access)

    @property
    def role_name(self) -> str:
        return ROLES.get(self.role, self.role)


def role_code(value: str) -> str:
    if value in ROLES:
        return value
    for code, name in ROLES.items():
        if value == name:
            return code
    raise UserError(f"未知角色 / unknown role {value!r}; one of: " + ", ".join(f"{c} ({n})" for c, n in ROLES.items()))


def add_user(s: Session, name: str, password: str, role: str, clearance: str,
             department: str | None = None) -> User:
    name = name.strip()
    if not name or len(name) > 128:
        raise UserError("用户名不能为空且不超过 128 字 / name must be 1–128 characters")
    if clearance not in SECRECY_ORDER:
        raise UserError(f"未知密级 / unknown clearance {clearance!r}; one of {', '.join(SECRECY_ORDER)}")
    if len(password) < 8:
        raise UserError("密码至少 8 位 / password needs at least 8 characters")
    if s.scalar(select(User).where(User.name == name)) is not None:
        raise UserError(f"用户 {name} 已存在 / user {name!r} exists")
    department = (department or "").strip() or None
    if department is not None and (len(department) > 64 or "/" in department):
        raise UserError("科室名称不超过 64 字且不含 / / department: at most 64 characters, no '/'")
    user = User(name=name, password_hash=_HASHER.hash(password), role=role_code(role), clearance=clearance,
                department=department)
    s.add(user)
    s.flush()
    return user


def authenticate(s: Session, name: str, password: str) -> Actor | None:
    user = s.scalar(select(User).where(User.name == name, User.active.is_(True)))
    try:
        _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None:
        return None
    if _HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = _HASHER.hash(password)
    return Actor(user.name, user.role, user.clearance, user.department)


def get_actor(s: Session, name: str) -> Actor | None:
    user = s.scalar(select(User).where(User.name == name, User.active.is_(True)))
    return Actor(user.name, user.role, user.clearance, user.department) if user else None


def list_users(s: Session) -> list[User]:
    return list(s.scalars(select(User).order_by(User.id)))


def _rank(level: str | None) -> int:
    return SECRECY_ORDER.index(level) if level in SECRECY_ORDER else len(SECRECY_ORDER) - 1  # unknown: highest


def document_level(s: Session, document: Document) -> str:
    """The level that guards the text: the highest of the mark on the document, the proposal and the
    latest decision. A sealed document without a readable mark counts as 绝密 (never shown anyway)."""
    levels = []
    if document.secrecy_mark and document.secrecy_mark.get("level"):
        levels.append(document.secrecy_mark["level"])
    elif document.sealed:
        levels.append("绝密")
    proposal = s.scalar(select(Proposal).where(Proposal.document_id == document.id).order_by(Proposal.id.desc()).limit(1))
    if proposal is not None and proposal.secrecy:
        levels.append(proposal.secrecy)
    decided = s.scalar(select(Decision.secrecy).where(Decision.document_id == document.id, Decision.secrecy.is_not(None))
                       .order_by(Decision.id.desc()).limit(1))
    if decided:
        levels.append(decided)
    return max(levels, key=_rank) if levels else "非密"


def clearance_covers(clearance: str, level: str) -> bool:
    return _rank(clearance) >= _rank(level) and clearance in SECRECY_ORDER


def may_read(s: Session, actor: Actor, document: Document) -> bool:
    """May this actor receive the document's text (and evidence, personal data, title)?"""
    if document.sealed and actor.role != "secrecy_officer":
        return False
    return clearance_covers(actor.clearance, document_level(s, document))
