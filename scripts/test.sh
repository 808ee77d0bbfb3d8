#!/usr/bin/env bash
# Installs everything the test suite needs (the project itself, editable, with its test, team
# and cluster extras; when missing, Debian's chromium for the browser tests and Debian's
# postgresql for the shared-store tests, as root or with sudo) and runs the whole suite: lint,
# type check, then every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python -m pip install --quiet --disable-pip-version-check -e ".[dev,team,cluster]"

sudo_cmd=""
[ "$(id -u)" = 0 ] || sudo_cmd="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The shared-store tests start a throwaway cluster of Debian's PostgreSQL (tests/conftest.py).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "scripts/test.sh: installing Debian's ${missing[*]} for the tests" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python -m ruff check .
python -m mypy
# pytest exits 5 when it collects no test, so an empty suite fails here too.
python -m pytest "$@"
