# marsad — build, test, benchmark.
#   make            build/marsad
#   make check      unit and CLI tests, normal build and ASan+UBSan build
#   make bench      throughput figures over ../shared/corpora/ant
#   make eval       scores against ../shared/eval gold (where present)
#   make train-ner  retrains models/ner.model on ../shared/ner/anercorp/train.txt
#   make fuzz       libFuzzer harnesses, FUZZ_SECONDS each (fuzz/fuzz.mk)

CC      ?= cc
SHARED  ?= ../shared
PKGS    := libutf8proc cmocka jansson sqlite3 gumbo libpq libmicrohttpd
# Debian's libstemmer-dev ships no .pc file: link it by name.
STEMMER_LIBS := -lstemmer
CFLAGS  ?= -O2 -g
WARN    := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-missing-field-initializers
DEFS    := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libutf8proc jansson sqlite3 gumbo libpq libmicrohttpd 2>/dev/null) $(STEMMER_LIBS)
TEST_LIBS  := $(shell pkg-config --libs cmocka 2>/dev/null)
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

STAGES  := text lexicon actors ner events store server
LIB_SRC := $(foreach s,$(STAGES),$(wildcard src/$(s)/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
TESTS   := $(patsubst tests/%.c,%,$(wildcard tests/test_*.c))
INCLUDES := $(foreach s,$(STAGES) cli,-Isrc/$(s)) -Ibuild/gen

GEN := build/gen/event_scales.h build/gen/fold_rules.h build/gen/number_words.h build/gen/number_qualifiers.h build/gen/spelling_variants.h build/gen/date_words.h build/gen/function_words.inc

.PHONY: all check test asan bench eval clean setup demo train-ner
# Keep test objects: make would otherwise delete them after linking and
# print that after the test summary, which must be the last line.
.SECONDARY:
all: build/marsad build/lexicon.bin build/web/index.html build/ner.model

LEXICON_TABLES := $(wildcard $(addprefix data/,countries.tsv orgs.tsv groups.tsv media.tsv sectors.tsv places.tsv people_names.tsv people_roles.tsv triggers.tsv modality_cues.tsv speech_verbs.tsv casualty_words.tsv))
build/lexicon.bin: build/marsad $(LEXICON_TABLES)
	build/marsad compile-lexicon -o $@ data

# The NER model is committed (models/README.md says how it was made); the
# binary finds it beside itself.
build/ner.model: models/ner.model
	@mkdir -p $(@D)
	cp $< $@

train-ner: build/marsad build/lexicon.bin
	build/marsad train-ner $(SHARED)/ner/anercorp/train.txt --holdout 10 --clusters data/ner_clusters.tsv --word-stats data/ner_word_stats.tsv --brown data/ner_brown.tsv --bits 19 --seeds 3 -o models/ner.model
	cp models/ner.model build/ner.model

build/gen/fold_rules.h: data/normalize.tsv scripts/tsv_to_fold_rules.awk
	@mkdir -p $(@D)
	awk -f scripts/tsv_to_fold_rules.awk $< > $@.tmp && mv $@.tmp $@
build/gen/number_words.h: data/number_words.tsv scripts/tsv_to_rows.awk
	@mkdir -p $(@D)
	awk -v columns=3 -f scripts/tsv_to_rows.awk $< > $@.tmp && mv $@.tmp $@
build/gen/date_words.h: data/date_words.tsv scripts/tsv_to_rows.awk
	@mkdir -p $(@D)
	awk -v columns=3 -f scripts/tsv_to_rows.awk $< > $@.tmp && mv $@.tmp $@
build/gen/spelling_variants.h: data/spelling_variants.tsv scripts/tsv_to_rows.awk
	@mkdir -p $(@D)
	awk -v columns=2 -f scripts/tsv_to_rows.awk $< > $@.tmp && mv $@.tmp $@
build/gen/event_scales.h: data/event_scales.tsv scripts/tsv_to_rows.awk
	@mkdir -p $(@D)
	awk -v columns=4 -f scripts/tsv_to_rows.awk $< > $@.tmp && mv $@.tmp $@
build/gen/number_qualifiers.h: data/number_qualifiers.tsv scripts/tsv_to_rows.awk
	@mkdir -p $(@D)
	awk -v columns=2 -f scripts/tsv_to_rows.awk $< > $@.tmp && mv $@.tmp $@
build/gen/function_words.inc: data/function_words.tsv scripts/tsv_to_word_lists.awk
	@mkdir -p $(@D)
	awk -f scripts/tsv_to_word_lists.awk $< > $@.tmp && mv $@.tmp $@

# Two object trees: build/obj (normal) and build/asan/obj (sanitizers).
build/obj/%.o: %.c $(GEN)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(WARN) $(CFLAGS) $(DEFS) $(INCLUDES) $(PKG_CFLAGS) -MMD -MP -c $< -o $@
build/asan/obj/%.o: %.c $(GEN)
	@mkdir -p $(@D)
	@echo "  CC asan $<"
	@$(CC) $(WARN) -O1 -g $(SAN) $(DEFS) $(INCLUDES) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

LIB_OBJ      := $(patsubst %.c,build/obj/%.o,$(LIB_SRC))
ASAN_LIB_OBJ := $(patsubst %.c,build/asan/obj/%.o,$(LIB_SRC))

build/libmarsad.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^
build/asan/libmarsad.a: $(ASAN_LIB_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	ar rcs $@ $^

build/marsad: $(patsubst %.c,build/obj/%.o,$(CLI_SRC)) build/libmarsad.a
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) -lpthread -lm
build/asan/marsad: $(patsubst %.c,build/asan/obj/%.o,$(CLI_SRC)) build/asan/libmarsad.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lpthread -lm

build/tests/%: build/obj/tests/%.o build/libmarsad.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS) -lpthread -lm
build/asan/tests/%: build/asan/obj/tests/%.o build/asan/libmarsad.a
	@mkdir -p $(@D)
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS) -lpthread -lm

test: build/marsad build/lexicon.bin build/web/index.html build/ner.model $(addprefix build/tests/,$(TESTS))
asan: build/asan/marsad $(addprefix build/asan/tests/,$(TESTS))

# Runs every test twice (normal, then ASan+UBSan); the last line of output
# is "N passed, N failed".
check: test asan
	@SHARED=$(SHARED) sh tests/run_all.sh build build/asan

build/bench: build/obj/bench/bench.o build/libmarsad.a
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) -lpthread -lm

bench: build/marsad build/lexicon.bin build/ner.model build/bench
	@sh bench/run.sh $(SHARED)

eval: build/marsad build/lexicon.bin build/ner.model
	@sh scripts/eval.sh $(SHARED)

# The dashboard of marsad serve: web/ plus its npm packages (web/package-lock.json,
# installed by scripts/setup.sh), bundled into build/web.  Without node_modules
# the page is built without its map, with a message.
WEB_SRC    := $(wildcard web/*.html web/*.js web/*.css)
WEB_VENDOR := $(addprefix web/node_modules/,d3-array/dist/d3-array.min.js d3-geo/dist/d3-geo.min.js topojson-client/dist/topojson-client.min.js)
.PHONY: web loadtest browsertest
web: build/web/index.html
build/web/index.html: $(WEB_SRC) web/package-lock.json $(wildcard web/node_modules/.package-lock.json)
	@mkdir -p build/web
	cp $(WEB_SRC) build/web/
	@if [ -f web/node_modules/d3-geo/dist/d3-geo.min.js ]; then \
	    cat $(WEB_VENDOR) > build/web/vendor.js && cp web/node_modules/world-atlas/countries-110m.json build/web/; \
	else \
	    echo "make web: web/node_modules is missing (cd web && npm ci): the dashboard has no map"; \
	    echo '/* npm packages not installed */' > build/web/vendor.js; \
	fi
	@touch $@

# libFuzzer on the query-string parser of marsad serve alone (make fuzz runs it too)
.PHONY: fuzz-query
fuzz-query:
	@$(MAKE) --no-print-directory fuzz FUZZ_TARGETS=query_params

loadtest: build/marsad
	@sh bench/loadtest.sh $(SHARED)

setup:
	@sh scripts/setup.sh

demo: build/marsad build/lexicon.bin
	@build/marsad code --text --date 2022-09-14 examples/article.txt

clean:
	rm -rf build

include fuzz/fuzz.mk

-include $(shell find build -name '*.d' 2>/dev/null)
