#!/usr/bin/env bash
# Fuzzes Shanzhi's input readers with libFuzzer (clang++-14, AddressSanitizer and
# UndefinedBehaviorSanitizer) in its own build directory, build-fuzz/.
#
#   scripts/run_fuzz.sh                  every target for 60 s each
#   FUZZ_SECONDS=600 scripts/run_fuzz.sh every target for 10 minutes each
#   scripts/run_fuzz.sh csv scenario     only these targets
#
# Targets (fuzz/fuzz_inputs.hpp): scenario (file checks, TOML, schema, extends, rules across keys,
# --set), experiment (experiment file, base scenario, design, run plan), factor_file (the
# [[factor]] file of `sample` and `analyze`), csv (the numeric CSV reader of `analyze`).
#
# Each target starts from tests/fuzz/corpus/TARGET/ and grows a working corpus in
# build-fuzz/corpus/TARGET/ (kept between runs; not committed). A crash leaves its input in
# build-fuzz/crashes/TARGET/ and fails the script: fix the bug, then copy the input to
# tests/fuzz/regressions/TARGET/ so the test suite replays it (tests/reliability/test_fuzz_corpus.cpp).
# The last line for each target gives its executions, for docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(scenario experiment factor_file csv)
seconds=${FUZZ_SECONDS:-60}
targets=("$@")
[ "${#targets[@]}" -eq 0 ] && targets=("${all_targets[@]}")
for t in "${targets[@]}"; do
  case " ${all_targets[*]} " in *" $t "*) ;; *) echo "run_fuzz.sh: unknown target '$t' (${all_targets[*]})" >&2; exit 2 ;; esac
done

scripts/setup.sh --packages-only
command -v clang++-14 >/dev/null || { echo "run_fuzz.sh: clang++-14 not found (Debian package clang-14)" >&2; exit 1; }
jobs=$(nproc 2>/dev/null || echo 2)
echo "==> Configuring build-fuzz/ (clang++-14, libFuzzer + ASan + UBSan)"
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DSHANZHI_FUZZ=ON -DSHANZHI_TESTS=OFF -DSHANZHI_BENCH=OFF -DSHANZHI_GUI=OFF >/dev/null
echo "==> Building ${targets[*]}"
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
if ! cmake --build build-fuzz -j "$jobs" --target "${build_targets[@]}" > build-fuzz/build.log 2>&1; then
  grep -E "error|Error" build-fuzz/build.log | head -n 30 >&2
  echo "run_fuzz.sh: build failed (full log: build-fuzz/build.log)" >&2
  exit 1
fi

export ASAN_OPTIONS="halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
failed=()
for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  crashes=build-fuzz/crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=build-fuzz/fuzz_$t.log
  echo "==> Fuzzing $t for ${seconds} s (log: $log)"
  # -timeout: one input taking longer than 25 s is a hang; -rss_limit_mb: 4 GB is an
  # out-of-memory bug (the largest valid design is bounded well below it).
  if build-fuzz/fuzz/fuzz_"$t" "$corpus" tests/fuzz/corpus/"$t" \
       -max_total_time="$seconds" -max_len=8192 -timeout=25 -rss_limit_mb=4096 \
       -artifact_prefix="$crashes/" -print_final_stats=1 > "$log" 2>&1; then
    execs=$(grep -m1 "stat::number_of_executed_units" "$log" | awk '{print $2}')
    units=$(ls "$corpus" | wc -l)
    echo "    $t: ${execs:-?} executions, no crash; working corpus $units inputs"
  else
    echo "    $t: FAILED; the input is in $crashes/" >&2
    grep -E "ERROR|SUMMARY|==[0-9]+==|runtime error|deadly signal" "$log" | head -n 20 >&2 || true
    failed+=("$t")
  fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "run_fuzz.sh: crashes in ${failed[*]} (see build-fuzz/fuzz_TARGET.log)" >&2
  exit 1
fi
echo "==> Fuzzing passed: ${targets[*]}"
