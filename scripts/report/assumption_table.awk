# The table of section (e) of results/README.md, from the assumptions.csv of `shanzhi compare
# --assumptions`: one row per metric named in `metrics` (space-separated, in that order), with
# the effect and its 95% seed interval, the median and the 10–90% and 2.5–97.5% ranges across
# assumption draws, and P(sign). Every number of a row is rounded to what its wider uncertainty
# supports, by the rule `shanzhi compare` prints with (sim/experiments/reported_precision.hpp):
# the last digit shown is the place of the leading digit of the larger of the seed interval's
# half-width and half the 10–90% range.
#   awk -v metrics="satisfaction_mean unmet_need_share" -v seed_district="default district" \
#       -v draws_district="small district" -f csv.awk -f assumption_table.awk assumptions.csv

function floor_of(x) { return (x >= 0 || x == int(x)) ? int(x) : int(x) - 1 }
function decimals(h, most,    d) {
  if (!(h > 0)) return most
  d = -floor_of(log(h) / log(10))
  return d < 0 ? 0 : (d > most ? most : d)
}
function missing(v) { return v == "" || v == "nan" || v == "-nan" }
function shown(v, unit, h,    scale, pre, suf, most, format) {
  if (missing(v)) return "n/a"
  scale = 1; pre = ""; suf = ""; most = 2
  if (index(unit, "share") == 1) { scale = 100; suf = "%"; most = 1 }
  else if (unit == "CNY") { scale = 1e-6; pre = "¥"; suf = "m" }
  format = "%s%s%." decimals(h * scale, most) "f%s"
  return sprintf(format, v > 0 ? "+" : (v < 0 ? "-" : ""), pre, (v < 0 ? -v : v) * scale, suf)
}
BEGIN { count = split(metrics, order, " "); for (i = 1; i <= count; i++) wanted[order[i]] = i }
NR == 1 { n = split_csv($0, header); for (i = 1; i <= n; i++) col[header[i]] = i; next }
{
  split_csv($0, f)
  m = f[col["metric"]]
  if (!(m in wanted)) next
  unit = f[col["unit"]]
  seed_half = (f[col["effect_high"]] - f[col["effect_low"]]) / 2
  band_half = missing(f[col["q90"]]) ? 0 : (f[col["q90"]] - f[col["q10"]]) / 2
  h = seed_half > band_half ? seed_half : band_half
  p = missing(f[col["p_sign"]]) ? "n/a" : sprintf("%.0f%%", 100 * f[col["p_sign"]])
  row[wanted[m]] = sprintf("| `%s` | %s [%s, %s] | %s | [%s, %s] | [%s, %s] | %s |", m,
    shown(f[col["effect"]], unit, h), shown(f[col["effect_low"]], unit, h), shown(f[col["effect_high"]], unit, h),
    shown(f[col["median"]], unit, h), shown(f[col["q10"]], unit, h), shown(f[col["q90"]], unit, h),
    shown(f[col["q2.5"]], unit, h), shown(f[col["q97.5"]], unit, h), p)
}
END {
  print "| 指标 Metric | 效果 [95% 种子区间] Effect [95% seed CI], " seed_district " | 中位数 Median of draws, " draws_district " | 10–90% of draws | 2.5–97.5% of draws | P(sign) |"
  print "|---|---|---|---|---|---|"
  for (i = 1; i <= count; i++) if (i in row) print row[i]
}
