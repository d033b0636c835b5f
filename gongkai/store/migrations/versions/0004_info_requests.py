"""依申请公开 requests (issue 12): the tables of gongkai.info_requests.

Revision ID: 0004_info_requests
Revises: 0003_audit_mac
Create Date: 2026-12-03
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_info_requests'
down_revision = '0003_audit_mac'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('info_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('applicant_type', sa.String(length=16), nullable=False),
    sa.Column('applicant_name', sa.String(length=256), nullable=False),
    sa.Column('applicant_contact', sa.String(length=256), nullable=True),
    sa.Column('channel', sa.String(length=8), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('counted_from', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('extended', sa.Boolean(), nullable=False),
    sa.Column('extension_days', sa.Integer(), nullable=False),
    sa.Column('extension_approver', sa.String(length=128), nullable=True),
    sa.Column('paused_days', sa.Integer(), nullable=False),
    sa.Column('correction_asked_on', sa.Date(), nullable=True),
    sa.Column('correct_by', sa.Date(), nullable=True),
    sa.Column('consult_started_on', sa.Date(), nullable=True),
    sa.Column('proposal', sa.JSON(), nullable=True),
    sa.Column('draft', sa.Text(), nullable=True),
    sa.Column('approval_stage', sa.String(length=32), nullable=True),
    sa.Column('result', sa.String(length=48), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('assignee', sa.String(length=128), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number'),
    sa.UniqueConstraint('year', 'seq', name='uq_info_request_seq')
    )
    with op.batch_alter_table('info_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_info_requests_received_on'), ['received_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_info_requests_status'), ['status'], unique=False)

    op.create_table('info_request_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['info_requests.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('info_request_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_info_request_events_request_id'), ['request_id'], unique=False)

    op.create_table('info_request_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('linked_by', sa.String(length=128), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ),
    sa.ForeignKeyConstraint(['request_id'], ['info_requests.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('request_id', 'document_id', name='uq_info_request_document')
    )
    with op.batch_alter_table('info_request_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_info_request_documents_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_info_request_documents_request_id'), ['request_id'], unique=False)

    op.create_table('info_review_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=True),
    sa.Column('concluded_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['request_id'], ['info_requests.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('info_review_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_info_review_cases_request_id'), ['request_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('info_review_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_info_review_cases_request_id'))
    op.drop_table('info_review_cases')
    with op.batch_alter_table('info_request_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_info_request_documents_request_id'))
        batch_op.drop_index(batch_op.f('ix_info_request_documents_document_id'))
    op.drop_table('info_request_documents')
    with op.batch_alter_table('info_request_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_info_request_events_request_id'))
    op.drop_table('info_request_events')
    with op.batch_alter_table('info_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_info_requests_status'))
        batch_op.drop_index(batch_op.f('ix_info_requests_received_on'))
    op.drop_table('info_requests')
