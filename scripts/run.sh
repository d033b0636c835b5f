#!/usr/bin/env bash
# README command (a): set up, then run the main job on the embedded defaults over the sample inbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
exec .venv/bin/gongkai classify samples/inbox "$@"
