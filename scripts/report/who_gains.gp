# Figure (c) of results/README.md: change in satisfaction of vulnerable residents and of everyone
# else, for the reform package and key levers (paired differences with 95% intervals).
# Called by scripts/make_report.sh with:
#   gnuplot -e "datafile='F.dat'; outfile='X.png'; subtitle='...'; groups=N" who_gains.gp
# Data columns: "中文" "English" vulnerable lo hi others lo hi (first row drawn at the top).

set terminal pngcairo size 1100, (190 + 70 * groups) font "WenQuanYi Micro Hei,10"
set output outfile
set encoding utf8
set title "谁受益：弱势群体与其他居民的满意度变化（配对差值与 95% 置信区间）\nWho gains: change in satisfaction of vulnerable residents and of everyone else (paired difference, 95% CI)\n{/=9 ".subtitle."}"
set xlabel "满意度变化 Δ mean satisfaction (points, 0–100 scale)"
set lmargin 54
set rmargin 6
set yrange [-0.6:groups - 0.4]
set grid xtics lc rgb '#dddddd'
set style fill solid 0.85 noborder
set yzeroaxis lt -1 lc rgb '#444444'
set offsets graph 0.06, graph 0.06, 0, 0
set key inside bottom right vertical box opaque samplen 2
row(i) = groups - 1 - i
plot datafile using (NaN):(row($0)):ytic(sprintf("%s  %s", strcol(1), strcol(2))) with points notitle, \
     '' using (0):(row($0) + 0.2):(0):3:(row($0) + 0.02):(row($0) + 0.38) with boxxyerror lc rgb '#d95f0e' title "弱势群体 Vulnerable residents", \
     '' using (0):(row($0) - 0.2):(0):6:(row($0) - 0.38):(row($0) - 0.02) with boxxyerror lc rgb '#2c7fb8' \
          title "其他居民 All other residents", \
     '' using 3:(row($0) + 0.2):4:5 with xerrorbars pt -1 lw 1.2 lc rgb '#222222' notitle, \
     '' using 6:(row($0) - 0.2):7:8 with xerrorbars pt -1 lw 1.2 lc rgb '#222222' title "95% 置信区间 95% CI"
