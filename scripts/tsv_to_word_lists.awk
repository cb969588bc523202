# Turns data/function_words.tsv into one X-macro line a list:
#   FUNCTION_WORDS(name, "word1", "word2", ...)
# included by src/events/function_words.{h,c}.  The header line and '#'
# comments are skipped; a list with no words or a name that is not a C
# identifier stops the build with a message naming the line.
BEGIN { FS = "\t" }
/^#/ { next }
NF == 0 { next }
!header_seen { header_seen = 1; next }
{
    if ($1 !~ /^[a-z_][a-z0-9_]*$/) {
        printf "%s:%d: list name \"%s\" is not a C identifier\n", FILENAME, NR, $1 > "/dev/stderr"
        exit 1
    }
    count = split($2, words, " ")
    if (count == 0) {
        printf "%s:%d: list %s has no words\n", FILENAME, NR, $1 > "/dev/stderr"
        exit 1
    }
    line = "FUNCTION_WORDS(" $1
    for (i = 1; i <= count; i++) {
        w = words[i]
        gsub(/\\/, "&&", w)
        gsub(/"/, "\\\"", w)
        line = line ", \"" w "\""
    }
    print line ")"
}
