/* A lexicon compiled from data/ into a temporary file, for tests that code
 * actors.  Tests run from the repository root (tests/run_all.sh). */
#ifndef MARSAD_TEST_LEXICON_FIXTURE_H
#define MARSAD_TEST_LEXICON_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "lexicon.h"

static char fixture_path[64];

static inline lexicon *compile_test_lexicon(void)
{
    snprintf(fixture_path, sizeof fixture_path, "/tmp/marsad-test-lexicon-XXXXXX");
    int fd = mkstemp(fixture_path);
    if (fd < 0)
        return NULL;
    close(fd);
    if (!lexicon_compile("data", fixture_path, false))
        return NULL;
    return lexicon_open(fixture_path);
}

static inline void remove_test_lexicon(lexicon *lex)
{
    lexicon_close(lex);
    unlink(fixture_path);
}

/* cmocka group setup and teardown for tests that share one lexicon. */
static lexicon *lex;

static inline int setup_lexicon(void **state)
{
    (void)state;
    lex = compile_test_lexicon();
    return lex ? 0 : -1;
}

static inline int teardown_lexicon(void **state)
{
    (void)state;
    remove_test_lexicon(lex);
    return 0;
}

/* The ANT corpus of ../shared (or $SHARED), or a cmocka skip with the reason
 * when it is absent.  Must be called from inside a test. */
#define OPEN_ANT_CORPUS_OR_SKIP(f)                                                                \
    do {                                                                                         \
        const char *shared_ = getenv("SHARED") ? getenv("SHARED") : "../shared";                 \
        char path_[4096];                                                                        \
        snprintf(path_, sizeof path_, "%s/corpora/ant/articles.jsonl", shared_);                 \
        (f) = fopen(path_, "r");                                                                 \
        if (!(f)) {                                                                              \
            print_message("skipping: %s not found (../shared is absent)\n", path_);              \
            skip();                                                                              \
        }                                                                                        \
    } while (0)

#endif
