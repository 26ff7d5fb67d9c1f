# Ranked horizontal bars with 95% interval whiskers (figures b and d of results/README.md).
# Called by scripts/make_report.sh with:
#   gnuplot -e "datafile='F.dat'; outfile='X.png'; chart_title='...'; axis_label='...'; rows=N; value_format='%.2f'" ranked_bars.gp
# Data columns: rank "中文" "English" value lo hi group (group 0: against the baseline,
# 1: against the reform package); rows ordered from the smallest value (bottom) to the largest.

set terminal pngcairo size 1100, (170 + 44 * rows) font "WenQuanYi Micro Hei,10"
set output outfile
set encoding utf8
set title chart_title
set xlabel axis_label
set lmargin 54
set rmargin 6
set yrange [-0.7:rows - 0.3]
set grid xtics lc rgb '#dddddd'
set style fill solid 0.85 noborder
set key inside bottom right vertical box opaque samplen 2
set yzeroaxis lt -1 lc rgb "#444444"
set offsets graph 0.08, graph 0.12, 0, 0
bar_colour(g) = g == 0 ? 0x3182bd : 0xfd8d3c
plot datafile using (0):1:(0):4:($1 - 0.34):($1 + 0.34):(bar_colour($7)):ytic(sprintf("%s  %s", strcol(2), strcol(3))) \
          with boxxyerror lc rgb variable notitle, \
     '' using 4:1:5:6 with xerrorbars pt -1 lw 1.2 lc rgb '#222222' notitle, \
     '' using ($4 >= 0 ? $6 : NaN):1:(sprintf(value_format, $4)) with labels left offset char 0.8, 0 font ",9" notitle, \
     '' using ($4 < 0 ? $5 : NaN):1:(sprintf(value_format, $4)) with labels right offset char -0.8, 0 font ",9" notitle, \
     keyentry with boxes fs solid 0.85 lc rgb '#3182bd' title "相对改革前基线 against the pre-reform baseline", \
     keyentry with boxes fs solid 0.85 lc rgb '#fd8d3c' title "相对改革方案 against the reform package", \
     keyentry with xerrorbars pt -1 lw 1.2 lc rgb '#222222' title "95% 置信区间 95% CI (paired replicates)"
