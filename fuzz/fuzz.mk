# make fuzz: the libFuzzer harnesses of fuzz/ (fuzz/fuzz_<target>.c), built
# with clang against their own ASan+UBSan+coverage object tree build/fuzz/,
# each run for FUZZ_SECONDS on seeds made at run time from ../shared plus
# the hand-written edge cases of fuzz/seeds/<target>/.  See docs/robustness.md.
#   make fuzz                        every harness, FUZZ_SECONDS each
#   make fuzz FUZZ_TARGETS=code      one harness
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 20
FUZZ_TARGETS ?= $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CLI_SRC := src/cli/cmd_code.c src/cli/article_line.c src/cli/input.c

build/fuzz/obj/%.o: %.c $(GEN)
	@mkdir -p $(@D)
	@echo "  CC fuzz $<"
	@$(FUZZ_CC) $(WARN) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(DEFS) $(INCLUDES) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

build/fuzz/libmarsad.a: $(patsubst %.c,build/fuzz/obj/%.o,$(LIB_SRC) $(FUZZ_CLI_SRC))
	@rm -f $@
	ar rcs $@ $^

build/fuzz/fuzz_%: build/fuzz/obj/fuzz/fuzz_%.o build/fuzz/obj/fuzz/jansson_oracle.o build/fuzz/libmarsad.a
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS) -lpthread -lm

.PHONY: fuzz fuzz-build
fuzz-build: $(addprefix build/fuzz/fuzz_,$(FUZZ_TARGETS))
fuzz: fuzz-build build/lexicon.bin
	@SHARED=$(SHARED) FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run.sh $(FUZZ_TARGETS)
