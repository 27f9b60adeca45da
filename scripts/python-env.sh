#!/usr/bin/env bash
# Builds (once) the Python virtual environment the tests run client code in, and prints its python.
# Usage: PY=$(bash scripts/python-env.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/tests/fixtures/python/venv"
req="$root/tests/fixtures/python/requirements.txt"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  python3 -m venv "$venv" >&2
  "$venv/bin/python" -m pip install --quiet --retries 0 --timeout 3 -r "$req" >&2
  cp "$req" "$stamp"
fi
echo "$venv/bin/python"
