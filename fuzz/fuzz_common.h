/* What the libFuzzer harnesses of fuzz/ share: a check that aborts with a
 * message (so libFuzzer saves the input), and the text-core properties of
 * tests/text_properties.h. */
#ifndef MARSAD_FUZZ_COMMON_H
#define MARSAD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../tests/text_properties.h"

#define FUZZ_CHECK(cond)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

#define FUZZ_NO_PROBLEM(expr)                                                              \
    do {                                                                                   \
        const char *problem_ = (expr);                                                     \
        if (problem_) {                                                                    \
            fprintf(stderr, "%s:%d: property violated: %s\n", __FILE__, __LINE__, problem_); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
