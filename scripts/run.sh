#!/usr/bin/env bash
# README command (a): set up, run the nightly intake over the sample inbox on the embedded defaults
# (SQLite in var/, Prefect's temporary server), then serve the review UI on http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
# --keep: the bundled samples stay in place; a second run finds nothing new (content hashes).
.venv/bin/gongkai nightly --inbox samples/inbox --keep || echo "run.sh: the nightly run reported errors (above)" >&2
# Demo reviewers, one per role, for trying the sample proposals (never use this password for real work).
printf 'demo-password\n' | .venv/bin/gongkai users add-demo --password-stdin >/dev/null
cat <<'MSG'

审核界面 / review UI: http://127.0.0.1:8000/
演示账号 / demo accounts (password: demo-password):
  baomi (保密审查员, 绝密)  bangong (办公室, 内部)  fenguan (分管领导, 机密)  zhuyao (主要领导, 绝密)
  keshi (科室, 内部)        admin (管理员)
The sample's sealed and personal-data documents wait at 保密审查: log in as baomi first. Ctrl-C stops the server.
MSG
exec .venv/bin/gongkai web "$@"
