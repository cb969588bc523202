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

#endif
