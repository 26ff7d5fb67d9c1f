#!/usr/bin/env bash
# Regenerates the report in results/: results/README.md and the PNG figures in results/figures/,
# from paired comparisons run by `shanzhi compare` (common random numbers):
#   (a) the seed's reform package (scenarios/guangling.toml) against the pre-reform baseline
#       (scenarios/baseline.toml): satisfaction over time with 95% bands across replicates;
#   (b) each lever alone: every scenarios/policies/*.toml against the scenario its `extends`
#       chain starts from (baseline.toml or guangling.toml), ranked by Δ mean satisfaction;
#   (c) who gains: Δ satisfaction of vulnerable residents against everyone else;
#   (d) cost-effectiveness: satisfaction gained per ¥1m of extra full public cost a year (gains only;
#       savings are read as satisfaction lost per ¥1m saved in the table);
#   (e) the package's effect with its uncertainty over the model's assumptions (`compare
#       --assumptions default`: K Latin-hypercube draws of every assumed number over its plausible
#       range, run on the small district), the assumptions most associated with it, and how far the
#       small district's effects agree with the default district's.
#
# Usage: scripts/make_report.sh [--quick] [--out DIR] [--shanzhi BIN] [--no-build]
#                               [--replicates N] [--weeks N]
#   default   the default district (336,000 residents), R = 5 paired replicates, the scenarios'
#             own horizon (5 years after a 1-year burn-in): 80 runs, about 10 minutes on 2 quiet
#             cores. Two `shanzhi compare` calls, one per reference, each running its reference
#             once per replicate for all the policies compared with it.
#   --quick   the 12,000-resident small district (district keys set as in
#             scenarios/small_district.toml), R = 2, 2 years: under a minute (CI smoke test)
#   --replicates N, --weeks N   override R and the recorded weeks
#   --draws K   assumption draws for (e) (default 64 with 3 paired replicates each; --quick: 8 × 1)
#   --out     where README.md and figures/ go (default: results/); the compare outputs and the
#             figures' data go to OUT/runs/report-data/ (not committed)
#   --shanzhi the program to use (default: build/shanzhi, built or brought up to date first
#             unless --no-build)
# Running it again replaces the previous report; nothing else in OUT is touched.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
templates="$root/scripts/report"
quick=0
out="$root/results"
shanzhi=""
build=1
replicates=5
weeks=""
draws=64
draw_replicates=3

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "make_report.sh: $*" >&2; exit 2; }
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value (see --help)"; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 must be a positive whole number, got '$2'"; }

quick_requested=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick_requested=1; shift ;;
    --out) need_value "$@"; out="$2"; shift 2 ;;
    --shanzhi) need_value "$@"; shanzhi="$2"; build=0; shift 2 ;;
    --no-build) build=0; shift ;;
    --replicates) need_value "$@"; positive "$1" "$2"; replicates_set="$2"; shift 2 ;;
    --weeks) need_value "$@"; positive "$1" "$2"; weeks_set="$2"; shift 2 ;;
    --draws) need_value "$@"; positive "$1" "$2"; draws_set="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

# The small district of scenarios/small_district.toml, applied to every scenario in --quick mode.
small_district=(--set district.streets=2 --set district.communities_per_street=2
                --set district.residents_per_community=3000 --set district.residents_per_compound=1500
                --set organizations.per_street=8)
district_sets=()
if [ "$quick_requested" = 1 ]; then
  quick=1
  replicates=2
  weeks=104
  draws=8
  draw_replicates=1
  district_sets=("${small_district[@]}")
fi
replicates=${replicates_set:-$replicates}
draws=${draws_set:-$draws}
[ "$draws" -ge 2 ] || die "--draws must be at least 2"
weeks=${weeks_set:-$weeks}

command -v gnuplot >/dev/null || die "gnuplot is not installed (scripts/setup.sh installs it)"
if [ -z "$shanzhi" ]; then
  shanzhi="$root/build/shanzhi"
  if [ "$build" = 1 ]; then
    echo "==> Building shanzhi (build/)"
    [ -f "$root/build/CMakeCache.txt" ] || cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$root/build" --target shanzhi -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
  fi
fi
[ -x "$shanzhi" ] || die "no shanzhi program at $shanzhi (build it, or pass --shanzhi BIN)"

mkdir -p "$out"
out=$(cd "$out" && pwd)
data="$out/runs/report-data"
figures="$out/figures"
rm -rf "$data"
mkdir -p "$data/compare" "$figures"

started=$(date +%s)
started_utc=$(date -u '+%Y-%m-%d %H:%M UTC')
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")

# --- helpers --------------------------------------------------------------------------------

# The scenario an `extends` chain starts from: baseline or guangling (or "" if neither).
root_scenario() {
  local file="$1" parent
  for _ in 1 2 3 4 5 6 7 8; do
    case "$(basename "$file")" in
      baseline.toml) echo baseline; return ;;
      guangling.toml) echo guangling; return ;;
    esac
    parent=$(sed -n 's/^[[:space:]]*extends[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' "$file" | head -n 1)
    [ -n "$parent" ] || { echo ""; return; }
    file="$(dirname "$file")/$parent"
  done
  echo ""
}

label_zh() { awk -F'\t' -v n="$1" '$1 == n { print $2; found = 1 } END { if (!found) print n }' "$templates/labels.tsv"; }
label_en() { awk -F'\t' -v n="$1" '$1 == n { print $3; found = 1 } END { if (!found) print n }' "$templates/labels.tsv"; }

# A metric's row of a compare.csv as "difference low high baseline policy replicates verdict",
# tab-separated (CSV fields are split with quotes respected: some units hold commas).
metric_row() { awk -v want="$2" -f "$templates/csv.awk" -f "$templates/metric_row.awk" "$1"; }

# Runs `shanzhi compare REFERENCE POLICY...` into $data/compare/REFERENCE/NAME/ (one folder per
# policy, named after its scenario); the log keeps what it printed.
run_compare() {
  local reference="$1"; shift
  local dir="$data/compare/$reference" out
  # With one policy compare writes into --out itself; give it the policy's folder.
  out=$([ $# -eq 1 ] && echo "$dir/$(basename "$1" .toml)" || echo "$dir")
  local args=(compare "$root/scenarios/$reference.toml" "$@" -r "$replicates" --out "$out" --force)
  [ -n "$weeks" ] && args+=(--weeks "$weeks")
  [ ${#district_sets[@]} -gt 0 ] && args+=("${district_sets[@]}")
  echo "==> compare against $reference (R=$replicates): $(for f in "$@"; do basename "$f" .toml; done | tr '\n' ' ')"
  "$shanzhi" "${args[@]}" >"$data/compare/$reference.log" 2>&1 ||
    { cat "$data/compare/$reference.log" >&2; echo "make_report.sh: shanzhi compare against $reference failed" >&2; exit 1; }
}

draw() {  # draw TEMPLATE "gnuplot assignments"
  gnuplot -e "$2" "$templates/$1" 2>"$data/gnuplot.log" ||
    { cat "$data/gnuplot.log" >&2; echo "make_report.sh: gnuplot failed on $1" >&2; exit 1; }
}

# --- the comparisons ------------------------------------------------------------------------

# The package and every policy that extends the baseline against the baseline; every policy that
# extends the package against the package.
from_baseline=("$root/scenarios/guangling.toml")
from_package=()
for policy in "$root"/scenarios/policies/*.toml; do
  case "$(root_scenario "$policy")" in
    baseline) from_baseline+=("$policy") ;;
    guangling) from_package+=("$policy") ;;
    *) echo "make_report.sh: skipping $(basename "$policy"): its extends chain reaches neither baseline.toml nor guangling.toml" >&2 ;;
  esac
done
run_compare baseline "${from_baseline[@]}"
[ ${#from_package[@]} -gt 0 ] && run_compare guangling "${from_package[@]}"

# (e) The package across draws of the model's assumptions (the draws run on the small district;
# the seed interval is the scenarios' own district), and, in the full report, the package on the
# small district at the scenarios' own values, to show how far the two districts agree.
assumption_dir="$data/assumptions"
echo "==> the package across $draws draws of the model's assumptions (small district, $draw_replicates paired replicates each)"
assumption_args=(compare "$root/scenarios/baseline.toml" "$root/scenarios/guangling.toml" -r "$replicates"
                 --assumptions default --draws "$draws" --draw-replicates "$draw_replicates" --out "$assumption_dir" --force)
[ -n "$weeks" ] && assumption_args+=(--weeks "$weeks")
[ ${#district_sets[@]} -gt 0 ] && assumption_args+=("${district_sets[@]}")
"$shanzhi" "${assumption_args[@]}" >"$data/assumptions.log" 2>&1 ||
  { cat "$data/assumptions.log" >&2; die "shanzhi compare --assumptions failed"; }
small_package_dir=""
if [ "$quick" = 0 ]; then
  small_package_dir="$data/compare/small-district/guangling"
  echo "==> the package on the small district (R=$replicates), to compare with the default district"
  small_args=(compare "$root/scenarios/baseline.toml" "$root/scenarios/guangling.toml" -r "$replicates"
              --out "$small_package_dir" --force "${small_district[@]}")
  [ -n "$weeks" ] && small_args+=(--weeks "$weeks")
  "$shanzhi" "${small_args[@]}" >"$data/small-district.log" 2>&1 ||
    { cat "$data/small-district.log" >&2; die "shanzhi compare on the small district failed"; }
fi

# Every comparison as "name<TAB>reference<TAB>folder", the package first.
: >"$data/comparisons.tsv"
package_dir="$data/compare/baseline/guangling"
[ -f "$package_dir/compare.csv" ] || die "no results of the package in $package_dir"
printf "guangling\tbaseline\t%s\n" "$package_dir" >>"$data/comparisons.tsv"
for reference in baseline guangling; do
  [ -d "$data/compare/$reference" ] || continue
  for dir in "$data/compare/$reference"/*/; do
    dir=${dir%/}
    [ -f "$dir/compare.csv" ] || continue
    [ "$dir" = "$package_dir" ] && continue
    printf "%s\t%s\t%s\n" "$(basename "$dir")" "$reference" "$dir" >>"$data/comparisons.tsv"
  done
done

# --- figure data ----------------------------------------------------------------------------

bands="$package_dir/timeseries_bands.csv"
for arm in baseline policy difference; do
  awk -F, -v arm="$arm" '$2 == "satisfaction_mean" && $3 == arm { print $1, $4, $5, $6 }' "$bands" >"$data/satisfaction_$arm.dat"
  [ -s "$data/satisfaction_$arm.dat" ] || die "no satisfaction_mean bands in $bands"
done

# (e): the package's effect on satisfaction over time, across seeds and across assumption draws.
awk -F, '$2 == "satisfaction_mean" && $3 == "difference" { print $1, $4, $5, $6 }' \
  "$assumption_dir/timeseries_bands.csv" >"$data/assumption_seed.dat"
awk -F, 'NR > 1 && $3 == "satisfaction_mean" { print $2, $4, $5, $6, $7, $8 }' \
  "$assumption_dir/assumption_bands.csv" >"$data/assumption_draws.dat"
[ -s "$data/assumption_draws.dat" ] || die "no satisfaction_mean bands in $assumption_dir/assumption_bands.csv"

# One line per comparison: name reference group, then the columns of metric_row for the metrics.
summary="$data/effects.tsv"
: >"$summary"
while IFS=$'\t' read -r name reference dir; do
  s=$(metric_row "$dir/compare.csv" satisfaction_mean)
  v=$(metric_row "$dir/compare.csv" satisfaction_vulnerable_mean)
  o=$(metric_row "$dir/compare.csv" satisfaction_nonvulnerable_mean)
  c=$(metric_row "$dir/compare.csv" public_cost_spent_year)
  e=$(metric_row "$dir/compare.csv" satisfaction_per_million_yuan)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$name" "$reference" "$s" "$v" "$o" "$c" "$e" >>"$summary"
done <"$data/comparisons.tsv"
# effects.tsv columns: 1 name, 2 reference, then 7 columns per metric from metric_row:
#   satisfaction 3-9, vulnerable 10-16, others 17-23, spending 24-30, cost-effectiveness 31-37.

# (b) and (d): ranked bars, smallest at the bottom. (awk, not `read`: a tab-separated line with
# empty fields would lose them in bash's word splitting.)
ranked() {  # ranked VALUE_COLUMN OUTFILE [QUADRANT]: rows with a value (and, given QUADRANT, whose
            # verdict, 6 columns on, starts with it), sorted ascending, numbered from 0
  awk -F'\t' -v col="$1" -v want="${3:-}" '$col != "" && (want == "" || index($(col + 6), want) == 1) { print }' \
    "$summary" | sort -t$'\t' -k"$1","$1"g |
    awk -F'\t' -v col="$1" '
      FNR == NR { if ($0 !~ /^#/) { zh[$1] = $2; en[$1] = $3 }; next }
      {
        name = $1
        printf "%d \"%s\" \"%s\" %s %s %s %d\n", FNR - 1, (name in zh ? zh[name] : name), (name in en ? en[name] : name),
          $col, $(col + 1), $(col + 2), ($2 == "baseline" ? 0 : 1)
      }' "$templates/labels.tsv" - >"$2"
}
ranked 3 "$data/lever_effects.dat"
ranked 31 "$data/cost_effectiveness.dat" gain

# (c): the package and the key levers that exist.
: >"$data/who_gains.dat"
for name in guangling precise_targeting purchase_only_200k separation_general_practice three_society_linkage \
            burden_reduction pay_guidance; do
  awk -F'\t' -v n="$name" -v zh="$(label_zh "$name")" -v en="$(label_en "$name")" \
    '$1 == n && $10 != "" && $17 != "" { printf "\"%s\" \"%s\" %s %s %s %s %s %s\n", zh, en, $10, $11, $12, $17, $18, $19 }' \
    "$summary" >>"$data/who_gains.dat"
done

# --- figures --------------------------------------------------------------------------------

if [ "$quick" = 1 ]; then district="小型测试区 small test district (12,000 residents)"; else district="广陵区默认情景 default Guangling district (336,000 residents)"; fi
horizon_package=$(awk -F, 'NR > 1 { w = $1 } END { printf "%.0f", w / 52 }' "$bands")
subtitle="$district; R = $replicates paired replicates (common random numbers); $horizon_package years after a 1-year burn-in"
lever_rows=$(wc -l <"$data/lever_effects.dat")
ce_rows=$(wc -l <"$data/cost_effectiveness.dat")
who_rows=$(wc -l <"$data/who_gains.dat")

rm -f "$figures/satisfaction_over_time.png" "$figures/lever_effects.png" "$figures/who_gains.png" \
      "$figures/cost_effectiveness.png" "$figures/assumption_bands.png"
draw satisfaction_over_time.gp "baseline_data='$data/satisfaction_baseline.dat'; policy_data='$data/satisfaction_policy.dat'; difference_data='$data/satisfaction_difference.dat'; outfile='$figures/satisfaction_over_time.png'; subtitle='$subtitle'"
draw ranked_bars.gp "datafile='$data/lever_effects.dat'; outfile='$figures/lever_effects.png'; rows=$lever_rows; value_format='%+.2f'; chart_title=\"每项政策单独的效果：平均满意度变化（最后一年均值，配对差值）\\nEffect of each lever alone on mean satisfaction (last-year mean, paired difference)\\n{/=9 $district; R = $replicates paired replicates; last-year means}\"; axis_label='满意度变化 Δ mean satisfaction (points, 0–100 scale)'"
draw who_gains.gp "datafile='$data/who_gains.dat'; outfile='$figures/who_gains.png'; groups=$who_rows; subtitle='$district; vs the pre-reform baseline; last-year means'"
assumption_subtitle="seed band: $district, R = $replicates; assumption draws: small district (12,000 residents), K = $draws × $draw_replicates replicates over every assumption's plausible range"
draw assumption_bands.gp "seed_data='$data/assumption_seed.dat'; draws_data='$data/assumption_draws.dat'; outfile='$figures/assumption_bands.png'; subtitle=\"$assumption_subtitle\""
if [ "$ce_rows" -gt 0 ]; then
  draw ranked_bars.gp "datafile='$data/cost_effectiveness.dat'; outfile='$figures/cost_effectiveness.png'; rows=$ce_rows; value_format='%.2f'; chart_title=\"成本效益：公共总成本每年每多投入 100 万元带来的满意度提升\\nCost-effectiveness: satisfaction gained per ¥1 million of extra full public cost a year\\n{/=9 $district; policies that cost more and do better; 95% CI by the delta method over paired replicates}\"; axis_label='满意度提升/百万元 points per ¥1m a year'"
fi

# --- README ---------------------------------------------------------------------------------

finished=$(date +%s)
wall=$((finished - started))
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
times >"$data/times.txt"  # the shell's own `times`: user and sys of every finished child
cpu_seconds=$(tail -n 1 "$data/times.txt" | awk '{
  total = 0
  for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); total += p[1] * 60 + p[2] }
  printf "%.0f", total }')
commit=$(sed -n 's/.*"git_commit": *"\([^"]*\)".*/\1/p' "$package_dir/compare.json" | head -n 1)
version=$(sed -n 's/.*"shanzhi_version": *"\([^"]*\)".*/\1/p' "$package_dir/compare.json" | head -n 1)
cpu_model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
cores=$(nproc 2>/dev/null || echo "?")
command_line="scripts/make_report.sh"
[ "$quick" = 1 ] && command_line="$command_line --quick"
[ -n "${replicates_set:-}" ] && command_line="$command_line --replicates $replicates"
[ -n "${weeks_set:-}" ] && command_line="$command_line --weeks $weeks"

# Section (e) of the README: the package's effect across the model's assumptions, the assumptions
# most associated with it, and (full report) the small district against the default district.
headline_metrics="satisfaction_mean satisfaction_vulnerable_mean unmet_need_share wait_mean_weeks worker_admin_share worker_turnover_annual trust_community_mean public_cost_per_resident_spent_year"
assumption_section() {
  local ran noise metric
  ran=$(sed -n 's/^  \([0-9]*\) of \([0-9]*\) draws ran.*/\1 of \2/p' "$data/assumptions.log" | head -n 1)
  noise=$(awk -v k="$draws" 'BEGIN { printf "%.2f", 2 / sqrt(k) }')
  cat <<SECTION
## (e) 模型假设的不确定性 How much the package's effect depends on the model's assumptions

![assumption bands](figures/assumption_bands.png)

Every number the model assumes is a scenario key with a plausible range (docs/parameters.md,
role *assumption*). \`shanzhi compare scenarios/baseline.toml scenarios/guangling.toml
--assumptions default\` drew all of them together, $draws Latin-hypercube draws over those ranges
(${ran:-?} draws ran), and ran the paired comparison at each draw ($draw_replicates paired
replicates, the same seeds at every draw) on the small district (12,000 residents: the default district is too slow for this). The
blue band is the ordinary 95% seed interval at the scenarios' own values ($district); orange are
the 10–90% and 2.5–97.5% ranges of the effect across the draws. **The assumptions, not the seeds,
set how precisely the model knows the effect**, and every number below is rounded to what the
wider of the two supports (\`assumptions.csv\` keeps every digit).

SECTION
  local seed_district="default district"
  [ "$quick" = 1 ] && seed_district="small district"
  awk -v metrics="$headline_metrics" -v seed_district="$seed_district" -v draws_district="small district" \
    -f "$templates/csv.awk" -f "$templates/assumption_table.awk" "$assumption_dir/assumptions.csv"
  cat <<SECTION

P(sign) is the share of draws in which the effect has the sign shown. The assumptions whose values
go most with the size of the effect on satisfaction across the draws (Spearman rank correlation;
|ρ| below $noise is within noise at $draws draws; a screen at no extra cost: \`--why\` measures
drivers with a Morris design on a chosen factor file):

SECTION
  awk -F, '$2 == "satisfaction_mean" && $3 <= 5 { printf "%d. `%s` (ρ = %+.2f)\n", $3, $4, $5 }' \
    "$assumption_dir/assumption_screening.csv"
  [ -n "$small_package_dir" ] || { echo; return 0; }
  cat <<SECTION

**Do the small and the default district agree?** The same package on the small district (12,000
residents, R = $replicates, the scenarios' own values) against the default district (336,000
residents), paired difference [95% CI]:

| 指标 Metric | 默认区 Default district | 小型测试区 Small district |
|---|---|---|
SECTION
  for metric in $headline_metrics; do
    printf "%s\t%s\t%s\n" "$metric" "$(metric_row "$package_dir/compare.csv" "$metric")" \
      "$(metric_row "$small_package_dir/compare.csv" "$metric")"
  done | awk -F'\t' '{ printf "| `%s` | %.3g [%.3g, %.3g] | %.3g [%.3g, %.3g] |\n", $1, $2, $3, $4, $9, $10, $11 }'
  cat <<SECTION

The small district is not a scaled-down copy: its communities have 3,000 residents against the
default's 7,000, with the same staff and the same purchase budget per community, and 2 streets × 2
communities with 8 social organisations per street. Effects of staff time per resident (unmet
need, the admin share) are therefore larger there, and a cost per resident is several times
higher (street and community costs are shared by fewer residents). Read the assumption bands
above as the *relative* uncertainty of an effect (how wide, and which way it leans), and take its
level, and every cost, from the default district's seed interval.

SECTION
}

effect_table() {
  echo "| 情景 Scenario | 对照 Against | Δ 满意度 Δ satisfaction | Δ 弱势群体 Δ vulnerable | Δ 其他居民 Δ others | Δ 公共总成本 Δ full public cost (¥m/yr) | 满意度/百万元 points per ¥1m | 重复 R | 精度 Precision |"
  echo "|---|---|---|---|---|---|---|---|---|"
  { head -n 1 "$summary"; tail -n +2 "$summary" | sort -t$'\t' -k3,3gr; } | awk -F'\t' '
    FNR == NR { if ($0 !~ /^#/) { zh[$1] = $2; en[$1] = $3 }; next }
    function quadrant(verdict) {
      if (verdict ~ /^saving/) return " lost per ¥1m saved"
      if (verdict ~ /^dominant/) return " (dominant: cheaper, better)"
      if (verdict ~ /^dominated/) return " (dominated: dearer, worse)"
      return ""
    }
    function ci(col, scale, decimals) {
      if ($col == "") return "n/a"
      return sprintf("%.*f [%.*f, %.*f]", decimals, $col / scale, decimals, $(col + 1) / scale, decimals, $(col + 2) / scale)
    }
    {
      name = $1
      printf "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", (name in zh ? zh[name] : name), (name in en ? en[name] : name),
        ($2 == "baseline" ? "基线 baseline" : "改革方案 package"), ci(3, 1, 2), ci(10, 1, 2), ci(17, 1, 2), ci(24, 1e6, 3),
        ci(31, 1, 2) quadrant($37), $8, $9
    }' "$templates/labels.tsv" -
}

# The package's headline effect, rounded to what its assumption band supports (section (e)).
package_effect=$(awk -v metrics="satisfaction_mean" -v seed_district="-" -v draws_district="-" \
                   -f "$templates/csv.awk" -f "$templates/assumption_table.awk" "$assumption_dir/assumptions.csv" |
                 awk -F'|' 'NR == 3 { gsub(/^ +| +$/, "", $3); gsub(/^ +| +$/, "", $5)
                                      print $3 " points (95% seed interval), and " $5 " in 10–90% of the plausible worlds of section (e)" }')
readme="$out/README.md"
{
cat <<EOF
# 结果报告 Results report

本页由一条命令生成 / This page and its figures are generated by one command:

\`\`\`sh
$command_line
\`\`\`

- 生成时间 Generated: $started_utc, from Shanzhi $version, git commit \`$commit\`
- 机器 Machine: $cores cores ($cpu_model); wall time ${wall} s, CPU time of the runs ${cpu_seconds} s
  (user+sys); load average $load_before at the start and $load_after at the end (other work was
  sharing the machine when the load exceeds the core count, which slows the wall time only)
- 设置 Settings: $district; R = $replicates paired replicates for every comparison, $horizon_package
  recorded years after a one-year burn-in. Every comparison uses common random numbers:
  replicate r of the reference and of the policy runs with the same seed (master seed 1), so the
  paired difference isolates the policy.
- 数据 Data: the compare outputs (\`compare.csv\`, \`replicates.csv\`, \`timeseries_bands.csv\`,
  \`compare.json\`) of every comparison are in \`runs/report-data/compare/\` beside this file
  (not committed; rerun the command to get them).

Effects are paired differences policy − reference of the mean over the last recorded year (52
weeks), with 95% Student-t intervals across replicates. Annual spending is the full public cost
paid in that year (\`public_cost_spent_year\`): every instrument (purchase of services, direct grants,
awards, venture grants, staff subsidies, community projects) plus community workers' pay, awards,
training and licensing and the running costs of 居站分设, 全科社工, the street hubs and third-party
assessment (docs/model.md, Public cost).

## (a) 满意度随时间变化 Satisfaction over time

![satisfaction over time](figures/satisfaction_over_time.png)

The seed's reform package (\`scenarios/guangling.toml\`) against the same district before reform
(\`scenarios/baseline.toml\`). Lines are means across replicates, shaded bands their 95%
intervals; week 0 is the end of the one-year burn-in, when the package takes effect (dashed line).
The lower panel is the paired difference. Over the last year the package changes mean
satisfaction by **${package_effect:-n/a}**.

## (b) 每项政策单独的效果 The effect of each lever alone

![effect of each lever](figures/lever_effects.png)

Each file in \`scenarios/policies/\` compared with the scenario its \`extends\` chain starts from:
blue bars add one lever to the **pre-reform baseline** (\`baseline.toml\`), orange bars change one
thing in the **reform package** (\`guangling.toml\`: austerity, a larger purchase budget), so their
effect is relative to the package. The leakage case (\`burden_reduction_leaked\`) extends
\`burden_reduction\` but is compared with the baseline: it shows what is left of the six rules
once they are undone informally. The full package is the top reference bar. Whiskers are 95%
intervals of the paired difference.

## (c) 谁受益 Who gains

![who gains](figures/who_gains.png)

Change in the mean satisfaction of vulnerable residents (elderly living alone, disabled,
minimum-income households and the other vulnerable groups of the model) and of everyone else,
for the package and key levers against the baseline. "Everyone else" is
\`satisfaction_nonvulnerable_mean\`, which \`shanzhi compare\` derives per run as
\`satisfaction_vulnerable_mean + vulnerable_gap\`.

EOF
if [ "$ce_rows" -gt 0 ]; then
cat <<EOF
## (d) 成本效益 Cost-effectiveness

![cost-effectiveness](figures/cost_effectiveness.png)

Satisfaction gained per ¥1 million of extra full public cost a year, ΔS / ΔC: the paired
difference in mean satisfaction over the difference in annual public cost (¥ million), with a 95%
interval by the delta method over the replicate pairs. The figure ranks the policies that cost
more and do better (gains). A cut that lowers satisfaction (austerity) is a saving: its ratio is
satisfaction lost per ¥1m saved, marked so in the table and never drawn as a gain. Levers whose
cost difference is under ¥10,000 a year or not distinguishable from zero have no ratio ("n/a" in
the table). The ratio is district-wide, so it depends on the district's size; compare.csv also
gives it per ¥100 a resident.

EOF
fi
assumption_section
cat <<EOF
## 效果汇总表 Table of effects

Paired difference [95% CI]; satisfaction in points (0–100), spending in ¥ million a year;
"precision" is \`shanzhi compare\`'s verdict on Δ satisfaction (enough: the interval is within
±25% of the effect). These intervals are seed noise only, at the scenarios' own assumed numbers: for
the package, section (e) shows the plausible assumptions moving the effect several times more, so
read differences of tenths of a point between levers as a ranking under those numbers, not as
known magnitudes.

EOF
effect_table
cat <<EOF

## 如何复现 How to reproduce

\`$command_line\` builds \`build/shanzhi\` if needed, runs every comparison above
(two calls, \`build/shanzhi compare REFERENCE POLICY... -r R --out ...\`, one per reference), extracts the figure data with awk and
draws the figures with gnuplot (templates in \`scripts/report/\`, labels in
\`scripts/report/labels.tsv\`). \`--quick\` makes the same report on the 12,000-resident small
district with 2 replicates and 2 years in under a minute (used by the test suite).
Options: \`--out DIR\`, \`--replicates N\`, \`--weeks N\`, \`--shanzhi BIN\`, \`--no-build\`.
EOF
} >"$readme.tmp"
mv "$readme.tmp" "$readme"

echo "Report written to $readme and $figures/ in ${wall} s (load average $load_before -> $load_after)"
