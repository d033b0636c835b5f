#!/usr/bin/env bash
# README command (a): set up, then run the main job on the embedded defaults over the sample inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
# --keep: the bundled samples stay in place; a second run finds nothing new (content hashes).
exec .venv/bin/gongkai nightly --inbox samples/inbox --keep "$@"
