#!/usr/bin/env bash
# One command for the whole test suite: install what is missing, build, run every test (CTest).
#
#   scripts/run_tests.sh          the test suite (build/)
#   scripts/run_tests.sh --all    what CI runs: the test suite, then the same suite under
#                                 AddressSanitizer + UndefinedBehaviorSanitizer
#                                 (scripts/run_sanitizers.sh, build-asan/), then each input
#                                 reader fuzzed for FUZZ_SECONDS (default 30 here) with libFuzzer
#                                 (scripts/run_fuzz.sh, build-fuzz/)
set -euo pipefail
cd "$(dirname "$0")/.."

all=0
for arg in "$@"; do
  case "$arg" in
    --all) all=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run_tests.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
echo "==> Running the test suite"
ctest --test-dir build --output-on-failure -j "$jobs" --timeout 900
# CMake's Catch2 v2 discovery drops test cases whose names hold commas or semicolons; make sure
# CTest ran every test case the binary has.
# (Catch2 v2 exits with the number of test cases listed, so its status is not an error here.)
in_binary=$( (build/tests/shanzhi_tests --list-test-names-only || true) | grep -c .)
if [ -x build/viz/shanzhi_viz_tests ]; then
  in_viz=$( (build/viz/shanzhi_viz_tests --list-test-names-only || true) | grep -c .)
  in_binary=$((in_binary + in_viz))
fi
# The GUI's screenshot smoke tests and the Python module's suite are plain commands, not Catch2 test cases.
in_ctest=$(ctest --test-dir build -N | grep "Test *#" | grep -v "python_module" | grep -vc "viz_screenshot_smoke")
if [ "$in_binary" != "$in_ctest" ]; then
  echo "run_tests.sh: CTest knows $in_ctest tests but the Catch2 binaries have $in_binary test cases;" >&2
  echo "  a test name probably contains ',' or ';' (CMake splits lists there): rename it." >&2
  exit 1
fi

if [ "$all" = 1 ]; then
  scripts/run_sanitizers.sh
  # 30 s a target in CI (scripts/run_fuzz.sh alone defaults to 60): the fuzzers' corpora also
  # replay in the test suite, and CI's budget is about 40 minutes (docs/reliability.md).
  FUZZ_SECONDS=${FUZZ_SECONDS:-30} scripts/run_fuzz.sh
fi
