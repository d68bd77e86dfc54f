#!/usr/bin/env bash
# Builds the Python package (python/) into a fresh virtual environment and runs its tests,
# the two-node Ray cluster test included. Called by .ci/run after `cargo test`, whose debug
# build of the command line the tests compare against (built here if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
exec </dev/null

command -v python3 >/dev/null || { echo "missing python3 (3.9 or later, with venv)" >&2; exit 1; }
venv=target/python-ci
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check -r python/requirements-ci.txt
export VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" PYO3_PYTHON="$PWD/$venv/bin/python"

echo "== cargo clippy -p recoupe-py -- -D warnings"
cargo clippy -p recoupe-py --all-targets --locked -- -D warnings
echo "== maturin develop (debug build, into $venv)"
(cd python && maturin develop --locked --quiet)
echo "== mypy python/recoupe (against the native module's stubs)"
mypy --ignore-missing-imports --cache-dir target/mypy-cache python/recoupe
echo "== pytest python/tests"
if [ -z "${RECOUPE_BIN:-}" ]; then
  cargo build --locked --quiet
fi
bin="${RECOUPE_BIN:-$PWD/target/debug/recoupe}"
RECOUPE_BIN="$bin" RECOUPE_REQUIRE_RAY=1 python -m pytest -q -p no:cacheprovider python/tests
