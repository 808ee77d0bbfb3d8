#!/usr/bin/env bash
# Installs everything the test suite needs (Python packages, Debian's chromium for the browser
# tests) and runs the whole suite: lint first, then every test, browser tests included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if [ ! -x /usr/bin/chromium ]; then
  echo "scripts/test.sh: installing Debian's chromium for the browser tests" >&2
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

python -m ruff check .
# pytest exits 5 when it collects no test, so an empty suite fails here too.
python -m pytest "$@"
