"""Audit events keyed with an HMAC (issue 14): column audit_events.mac.

Events written before this migration are signed here, once, with the store's key: the operator
adopts the history as it stands at the upgrade (run `gongkai audit verify` before upgrading to know
it was intact). Later, an event without a valid HMAC is reported by `audit verify`.

Revision ID: 0003_audit_mac
Revises: 0002_users
Create Date: 2026-12-03
"""
from alembic import context, op
import sqlalchemy as sa


revision = '0003_audit_mac'
down_revision = '0002_users'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('mac', sa.String(length=64), nullable=True))
    key = context.config.attributes.get("audit_key")
    if key is None:
        return
    from gongkai.store.audit_key import mac

    events = sa.table('audit_events', sa.column('id', sa.Integer), sa.column('hash', sa.String),
                      sa.column('mac', sa.String))
    conn = op.get_bind()
    for event_id, event_hash in conn.execute(sa.select(events.c.id, events.c.hash)).all():
        conn.execute(events.update().where(events.c.id == event_id).values(mac=mac(key, event_hash)))


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('mac')
