#!/usr/bin/env bash
# One command for the whole test suite: install what is missing, build, run every test (CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
echo "==> Running the test suite"
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 900
