# Chronicle — plain GNU Makefile.
#   make            build libchronicle.a and ./chronicle
#   make check      install deps, build, run every test (unit, golden CLI,
#                   seeds, sanitizer build); ends with "N passed, N failed"
#   make demo       install deps, build, ingest examples/ into chronicle.db
#   make sanitize   build and run the tests under ASan+UBSan
#   make bench      synthetic-corpus throughput benchmark
#   make deps       install the Debian packages the build needs

CC      ?= cc
PKGS    := libxml-2.0 libutf8proc sqlite3 zlib jansson libxxhash libzstd
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Werror
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CPPFLAGS += -Iinclude -Isrc -I$(BUILD) -D_GNU_SOURCE -D_FILE_OFFSET_BITS=64
CFLAGS  := -std=c11 $(WARN) $(OPT) $(PKG_CFLAGS) $(EXTRA_CFLAGS)
LDLIBS  := $(PKG_LIBS) -lpthread -lm
BUILD   ?= build

LIB_SRC := $(sort $(wildcard src/base/*.c src/text/*.c src/read/*.c \
             src/clean/*.c src/doc/*.c src/extract/*.c src/resources/*.c \
             src/corpus/*.c src/store/*.c))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/*.c))
LIBA    := $(if $(filter build,$(BUILD)),libchronicle.a,$(BUILD)/libchronicle.a)
BIN     := $(if $(filter build,$(BUILD)),chronicle,$(BUILD)/chronicle)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TEST_OBJ := $(TEST_SRC:%.c=$(BUILD)/%.o)
DEPS    := $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TEST_OBJ:.o=.d)

.PHONY: all check test demo sanitize sanitize-build bench deps clean \
        eval-extraction eval-stories

all: $(LIBA) $(BIN)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

# The English lexicon of join repair, generated from Debian's SCOWL word
# lists (packages wamerican, wbritish; see data/SOURCES.md) by a host tool.
LEXICON := $(BUILD)/gen/lexicon_data.c
$(BUILD)/gen/gen-lexicon: tools/gen_lexicon.c src/text/lexicon_hash.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -Isrc -o $@ tools/gen_lexicon.c
$(LEXICON): $(BUILD)/gen/gen-lexicon
	$(BUILD)/gen/gen-lexicon $@

$(BUILD)/src/text/lexicon.o: $(LEXICON)

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(BUILD)
	$(AR) rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIBA)
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LDLIBS)

$(BUILD)/unit-tests: $(TEST_OBJ) $(LIBA)
	$(CC) $(CFLAGS) -o $@ $(TEST_OBJ) $(LIBA) $(LDLIBS)

$(BUILD)/chr-gen: bench/gen.c
	@mkdir -p $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< -lm

# Runs the tests of this build (no dependency installation, no sanitizer).
test: all $(BUILD)/unit-tests
	@sh tests/run.sh $(BUILD)/unit-tests ./$(BIN)

check: deps
	@$(MAKE) --no-print-directory all $(BUILD)/unit-tests
	@$(MAKE) --no-print-directory sanitize-build
	@sh tests/run.sh $(BUILD)/unit-tests ./chronicle build-san/unit-tests build-san/chronicle

sanitize-build:
	@$(MAKE) --no-print-directory BUILD=build-san \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  build-san/unit-tests build-san/chronicle

sanitize: sanitize-build
	@sh tests/run.sh build-san/unit-tests build-san/chronicle

demo: deps
	@$(MAKE) --no-print-directory all
	rm -f chronicle.db chronicle.db-wal chronicle.db-shm
	./chronicle ingest --db chronicle.db examples/
	./chronicle stories --db chronicle.db

# Main-text extraction quality against ../shared/data/extraction (skips
# with a message when the data is absent).
$(BUILD)/chr-eval-extraction: bench/eval_extraction.c $(LIBA)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

eval-extraction: $(BUILD)/chr-eval-extraction
	@$(BUILD)/chr-eval-extraction ../shared/data/extraction

# Story clustering quality on the Multi-News validation clusters.
$(BUILD)/chr-score-stories: bench/score_stories.c
	@mkdir -p $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LDLIBS)

eval-stories: all $(BUILD)/chr-score-stories
	@sh bench/eval-stories.sh $(BUILD)/chr-score-stories ./$(BIN)

bench: all $(BUILD)/chr-gen $(BUILD)/chr-eval-extraction
	@sh bench/run.sh $(BUILD)/chr-gen ./$(BIN)
	@echo "== HTML main-text extraction, one core ($$(nproc) cores on this machine)"
	@$(BUILD)/chr-eval-extraction ../shared/data/extraction
	@echo "== named-entity tagger on CoNLL-2003 eng.testa, one core"
	@$(MAKE) --no-print-directory eval-ner | tail -1
	@echo "== quotation stage on PolNeAR dev, one core"
	@$(MAKE) --no-print-directory eval-quotes | tail -1

deps:
	@sh tools/deps.sh

clean:
	rm -rf build build-* libchronicle.a chronicle

# Stage-specific targets (resource compilers, training, evaluation) live in
# mk/*.mk, one file per stage.
-include $(sort $(wildcard mk/*.mk))

-include $(DEPS)
