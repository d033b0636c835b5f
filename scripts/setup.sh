#!/usr/bin/env bash
# Set up gongkai on a fresh Debian machine: system packages, Python environment, the project itself.
# Safe to run again: it installs only what is missing. Usage: scripts/setup.sh [run|test]
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}

# OCR engine with the Simplified Chinese model, and a CJK font (to render pages and build test PDFs).
system_packages=(tesseract-ocr tesseract-ocr-chi-sim fonts-wqy-microhei)
if [ "$mode" = test ]; then
  # LibreOffice converts DOCX to PDF in tests; poppler-utils renders PDFs for inspection.
  system_packages+=(libreoffice-writer-nogui poppler-utils chromium)
fi

missing=()
for pkg in "${system_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# uv installs the pinned environment in seconds; it comes from PyPI like everything else.
python=${PYTHON:-python3}
"$python" -c 'import sys; assert sys.version_info >= (3, 11), "gongkai needs Python 3.11 or newer"'
"$python" -m uv --version >/dev/null 2>&1 || "$python" -m pip install -q uv
[ -x .venv/bin/python ] || "$python" -m uv venv -q --python "$python" .venv
# requirements.lock pins every package (made by `uv pip compile pyproject.toml --extra test`).
"$python" -m uv pip install -q --python .venv/bin/python -r requirements.lock -e ".[test]"

# The default model is trained from corpus/ (deterministic) by the very library versions installed here,
# once; a compatible current model is kept.
.venv/bin/gongkai train --if-missing >/dev/null
# A model is learnt from internal documents: for the service account only (git checks folders out 0755).
chmod -R go-rwx models
