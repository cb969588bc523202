# Turns a data/*.tsv table into rows of C string literals, one initializer
# per line: {"col1", "col2", ...},  The header line and '#' comments are
# skipped.  Used at build time for the small tables compiled into the
# binary (number words, qualifiers); the C code never parses TSV at run time.
BEGIN { FS = "\t" }
/^#/ { next }
NF == 0 { next }
!header_seen { header_seen = 1; next }
{
    line = "    {"
    for (i = 1; i <= columns; i++) {
        field = (i <= NF) ? $i : ""
        gsub(/\\/, "&&", field)
        gsub(/"/, "\\\"", field)
        line = line (i > 1 ? ", " : "") "\"" field "\""
    }
    print line "},"
}
