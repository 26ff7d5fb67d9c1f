# A metric's row of a compare.csv as "difference low high baseline policy replicates verdict",
# tab-separated, or "missing" in the last field when the metric is not there.
#   awk -v want=satisfaction_mean -f csv.awk -f metric_row.awk compare.csv
{ split_csv($0, f) }
f[1] == want { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f[8], f[9], f[10], f[4], f[6], f[11], f[12]; found = 1; exit }
END { if (!found) printf "\t\t\t\t\t\tmissing\n" }
