# Figure (e) of results/README.md: the package's effect on satisfaction over time with both kinds
# of uncertainty: the 95% band across seeds at the scenarios' own values, and the 10–90% and
# 2.5–97.5% ranges of the effect across Latin-hypercube draws of the model's assumptions.
# Called by scripts/make_report.sh with:
#   gnuplot -e "seed_data='S.dat'; draws_data='D.dat'; outfile='X.png'; subtitle='...'" assumption_bands.gp
# seed_data columns: week mean lo hi; draws_data columns: week median q10 q90 q2.5 q97.5.

set terminal pngcairo size 1100,560 font "WenQuanYi Micro Hei,10"
set output outfile
set encoding utf8
set lmargin 11
set rmargin 4
set grid lc rgb '#dddddd'
set xrange [-0.05:*]
set xtics 1
set mxtics 4
set title "改革方案对满意度的效果：随机种子区间与模型假设的不确定性\nEffect of the reform package on mean satisfaction: seed interval and uncertainty over the model's assumptions\n{/=9 ".subtitle."}"
set xlabel "改革开始后的年数 Years since the reform started"
set ylabel "满意度差值 Δ points (package − baseline)"
set key top left box opaque
plot draws_data using ($1/52):5:6 with filledcurves fs transparent solid 0.25 noborder lc rgb '#e6550d' title "假设抽样 2.5–97.5%  2.5–97.5% of assumption draws", \
     draws_data using ($1/52):3:4 with filledcurves fs transparent solid 0.35 noborder lc rgb '#e6550d' title "假设抽样 10–90%  10–90% of assumption draws", \
     seed_data using ($1/52):3:4 with filledcurves fs transparent solid 0.5 noborder lc rgb '#3182bd' title "随机种子 95% 区间  95% seed band (own values)", \
     draws_data using ($1/52):2 with lines lw 2 dt 2 lc rgb '#a63603' title "假设抽样中位数  Median over draws", \
     seed_data using ($1/52):2 with lines lw 2 lc rgb '#08519c' title "效果（情景自身取值）Effect at the scenarios' own values", \
     0 with lines dt 3 lc rgb '#555555' notitle
