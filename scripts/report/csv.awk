# split_csv(line, f): the fields of one CSV line into f[1..n] (RFC 4180 quotes undone; units such
# as "complaints/week per 1,000" hold commas); returns n. Shared by the report's awk programs:
#   awk -f csv.awk -f PROGRAM.awk FILE
function split_csv(line, f,    n, i, c, field, quoted) {
  n = 0; field = ""; quoted = 0
  for (i = 1; i <= length(line); i++) {
    c = substr(line, i, 1)
    if (quoted) {
      if (c == "\"") { if (substr(line, i + 1, 1) == "\"") { field = field c; i++ } else quoted = 0 }
      else field = field c
    } else if (c == "\"") quoted = 1
    else if (c == ",") { f[++n] = field; field = "" }
    else field = field c
  }
  f[++n] = field
  return n
}
