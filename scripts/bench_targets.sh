#!/usr/bin/env bash
# Measures every speed target of issue 6 and prints the table for docs/performance.md.
#
#   scripts/bench_targets.sh            all targets (about 10 minutes on a quiet 2-core machine)
#   scripts/bench_targets.sh --quick    skips the 5M-resident runs (linearity is then not measured)
#
# Run it on a quiet machine: wall-time figures include whatever else the machine is doing. The
# CPU columns (user + system) are less sensitive to other load. Needs a Release build in build/.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
[ "${1:-}" = "--quick" ] && quick=1
bin=build/shanzhi
[ -x "$bin" ] || { echo "bench_targets.sh: build first (scripts/setup.sh)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== machine"
lscpu | grep -E "^(Model name|CPU\(s\)|Thread|L2|L3)" | sed 's/  */ /g'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (figures below are only as quiet as this)"

# A whole `shanzhi run` of the default district: prints "wall user+sys maxrss_kB".
timed_run() {
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$bin" run scenarios/guangling.toml --threads "$1" --quiet \
    --out "$tmp/run$1" --force
  awk '{printf "%.2f %.2f %d\n", $1, $2 + $3, $4}' "$tmp/time"
}

echo "== default district (scenarios/guangling.toml: 336,000 residents, 52 + 260 weeks)"
read -r wall1 cpu1 rss1 < <(timed_run 1)
read -r wall2 cpu2 rss2 < <(timed_run 2)
echo "1 thread: ${wall1} s wall, ${cpu1} s CPU; 2 threads: ${wall2} s wall, ${cpu2} s CPU; peak ${rss2} kB"

echo "== shanzhi bench (each size in its own process)"
sizes=10000,100000,1000000
[ "$quick" = 1 ] || sizes=$sizes,5000000
"$bin" bench --sizes "$sizes" --threads 1,2 --csv "$tmp/bench.csv"

echo "== one-community sweep (scenarios/experiments/speed_one_community.toml: 20 runs of 7,000 residents)"
sweep_rate() {
  "$bin" sweep scenarios/experiments/speed_one_community.toml --db "$tmp/c$1.sqlite" --threads "$1" \
    | sed -n 's/.*(\([0-9.]*\) runs\/min).*/\1/p'
}
rate1=$(sweep_rate 1)
rate2=$(sweep_rate 2)
echo "1 thread: ${rate1} runs/min; 2 threads: ${rate2} runs/min"

if [ -x build/bench/shanzhi_bench ]; then
  echo "== memory bandwidth (STREAM-style triad)"
  build/bench/shanzhi_bench --benchmark_filter=StreamTriad 2>/dev/null | grep BM_
fi

# Column of the bench CSV for (residents ~ size, threads).
field() {  # size threads column
  awk -F, -v size="$1" -v threads="$2" -v col="$3" \
    'NR == 1 { for (i = 1; i <= NF; ++i) c[$i] = i; next }
     $2 == threads && ($1 / size > 0.99 && $1 / size < 1.01) { print $c[col] }' "$tmp/bench.csv"
}
verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "NOT met"; fi; }

m1_wall=$(field 1000000 2 run_wall_seconds)
m1_setup=$(field 1000000 2 setup_seconds)
m1_total=$(awk "BEGIN { printf \"%.2f\", $m1_wall + $m1_setup }")
m1_wall=$(awk "BEGIN { printf \"%.2f\", $m1_wall }")
m1_bytes=$(field 1000000 2 peak_bytes_per_resident)
m1_cpu_rw=$(awk -F, 'NR > 1 && $2 == 1 && $1 > 990000 && $1 < 1010000 { print $6 / ($1 * $3) }' "$tmp/bench.csv")
speedup=$(awk "BEGIN { printf \"%.2f\", $wall1 / $wall2 }")

echo
echo "== targets"
printf "%-52s %-26s %s\n" "target" "measured" "verdict"
printf "%-52s %-26s %s\n" "default district < 5 s wall (2 threads)" "${wall2} s" "$(verdict "$wall2 < 5")"
printf "%-52s %-26s %s\n" "1M residents, 52 + 260 weeks < 15 s wall (2 threads)" "${m1_total} s (run ${m1_wall} s)" \
  "$(verdict "$m1_total < 15")"
printf "%-52s %-26s %s\n" "peak memory < 300 bytes/resident (1M)" "$(printf %.0f "$m1_bytes") B" "$(verdict "$m1_bytes < 300")"
if [ "$quick" = 0 ]; then
  m5_cpu_rw=$(awk -F, 'NR > 1 && $2 == 1 && $1 > 4950000 && $1 < 5050000 { print $6 / ($1 * $3) }' "$tmp/bench.csv")
  ratio=$(awk "BEGIN { printf \"%.3f\", $m5_cpu_rw / $m1_cpu_rw }")
  printf "%-52s %-26s %s\n" "5M cost per resident-week within 10% of 1M (CPU)" "ratio ${ratio}" \
    "$(verdict "$ratio < 1.10 && $ratio > 0.90")"
fi
printf "%-52s %-26s %s\n" "2 threads >= 1.7x faster than 1 (default district)" "${speedup}x" "$(verdict "$speedup >= 1.7")"
printf "%-52s %-26s %s\n" "one-community sweep >= 200 runs/min (1 thread)" "${rate1} runs/min" "$(verdict "$rate1 >= 200")"
