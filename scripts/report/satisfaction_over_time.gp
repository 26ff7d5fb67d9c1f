# Figure (a) of results/README.md: satisfaction over time, reform package against the pre-reform
# baseline (mean across paired replicates with 95% t-bands), and their paired difference.
# Called by scripts/make_report.sh with:
#   gnuplot -e "baseline_data='B.dat'; policy_data='P.dat'; difference_data='D.dat'; outfile='X.png'; subtitle='...'" satisfaction_over_time.gp
# Data columns: week mean lo hi (week 0 = end of burn-in, when the reform starts).

set terminal pngcairo size 1100,760 font "WenQuanYi Micro Hei,10"
set output outfile
set encoding utf8
set multiplot
set lmargin 11
set rmargin 4
set grid lc rgb '#dddddd'
set xrange [-0.4:*]
set xtics 1
set mxtics 4

set origin 0, 0.34
set size 1, 0.66
set title "居民满意度随时间变化：改革方案 对比 改革前基线（重复运行均值与 95% 区间）\nResident satisfaction over time: reform package vs pre-reform baseline (mean and 95% band across replicates)\n{/=9 ".subtitle."}"
set ylabel "平均满意度 Mean satisfaction (0–100)"
set format x ""
set key right center box opaque
set arrow 1 from 0, graph 0 to 0, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555'
set label 1 "改革开始\nReform starts" at first 0.06, graph 0.93 left front
plot baseline_data using ($1/52):3:4 with filledcurves fs transparent solid 0.35 noborder lc rgb '#e6550d' title "基线 95% 区间  Baseline 95% band", \
     policy_data using ($1/52):3:4 with filledcurves fs transparent solid 0.35 noborder lc rgb '#3182bd' title "改革方案 95% 区间  Package 95% band", \
     baseline_data using ($1/52):2 with lines lw 2 lc rgb '#a63603' title "改革前基线 Pre-reform baseline", \
     policy_data using ($1/52):2 with lines lw 2 lc rgb '#08519c' title "改革方案 Reform package (guangling)"

set origin 0, 0
set size 1, 0.34
unset label 1
set title "配对差值（改革方案 − 基线）Paired difference (package − baseline), 95% band"
set format x "%g"
set xlabel "改革开始后的年数 Years since the reform started"
set ylabel "满意度差值 Δ points"
set key top left box opaque
plot difference_data using ($1/52):3:4 with filledcurves fs transparent solid 0.35 noborder lc rgb '#31a354' title "95% 区间 band", \
     difference_data using ($1/52):2 with lines lw 2 lc rgb '#006d2c' title "差值均值 Mean difference", \
     0 with lines dt 3 lc rgb '#555555' notitle
unset multiplot
