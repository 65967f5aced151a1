# mk/actors.mk — the actor dictionary (issue 5): tools/gen_actors.c, a host
# tool, compiles data/actors-updates.tsv, data/actors.tsv,
# data/actors-agents.tsv and data/actors-members.tsv into const tables
# ($(BUILD)/gen/actors_data.c) included by src/resources/actors.c.
#   make actors-data   regenerate data/actors*.tsv from ../shared/data
#                      (tools/conv_actors.c; needs libjansson)

ACTORS_DATA := data/actors-updates.tsv data/actors.tsv data/actors-agents.tsv \
               data/actors-members.tsv
ACTORS_GEN  := $(BUILD)/gen/actors_data.c

# The tool folds with the library's own src/text/words.c (and what it
# needs), so that its keys are the library's keys.
GEN_ACTORS_SRC := tools/gen_actors.c src/text/words.c src/text/utf8.c src/base/arena.c
$(BUILD)/gen/gen-actors: $(GEN_ACTORS_SRC) src/resources/actors.h src/text/text.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -D_GNU_SOURCE -Iinclude -Isrc $(shell pkg-config --cflags libutf8proc 2>/dev/null) \
	  -o $@ $(GEN_ACTORS_SRC) $(shell pkg-config --libs libutf8proc 2>/dev/null || echo -lutf8proc) -lxxhash

$(ACTORS_GEN): $(BUILD)/gen/gen-actors $(ACTORS_DATA)
	$(BUILD)/gen/gen-actors $@ $(ACTORS_DATA)

$(BUILD)/src/resources/actors.o: $(ACTORS_GEN)

.PHONY: actors-data
actors-data:
	@mkdir -p $(BUILD)/gen
	$(CC) -std=c11 $(WARN) -O2 -o $(BUILD)/gen/conv-actors tools/conv_actors.c -ljansson
	$(BUILD)/gen/conv-actors ../shared/data data
