"""The 科室 a user works in (issue 11, need-to-know): column users.department.

Accounts made before it have none; need-to-know then falls back to the 科室 lists of rules/routing.yaml.

Revision ID: 0006_user_department
Revises: 0005_fulltext
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_user_department'
down_revision = '0005_fulltext'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('department', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('department')
