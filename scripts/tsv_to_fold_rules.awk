# Turns data/normalize.tsv into a C array of fold rules (build/gen/fold_rules.h).
# Runs at build time with any POSIX awk; the C code never parses the TSV.
BEGIN { FS = "\t"; print "/* generated from data/normalize.tsv by scripts/tsv_to_fold_rules.awk: do not edit */" }
/^#/ || NR == 1 && $1 == "from" { next }
$1 == "from" { next }
NF == 0 { next }
{
    from = $1; to = $2; rule = $3
    n = split(from, ends, /\.\./)
    lo = ends[1]; hi = (n == 2) ? ends[2] : ends[1]
    sub(/^U\+/, "0x", lo); sub(/^U\+/, "0x", hi)
    if (to == "") target = "FOLD_DROP"
    else { target = to; sub(/^U\+/, "0x", target) }
    gsub(/"/, "\\\"", rule)
    printf "    {%s, %s, %s, \"%s\"},\n", lo, hi, target, rule
}
