# places.mk — the gazetteer of src/resources/places.c (issue 5, item 5).
#
# At build time a host tool (tools/gen_places.c) compiles the committed
# data/places*.tsv into const C tables, $(BUILD)/gen/places_data.c, which
# src/resources/places.c #includes: nothing is loaded at run time.
#
#   make places-data   regenerate data/places.tsv and data/places-countries.tsv
#                      from ../shared/data/gazetteer (GeoNames cities1000,
#                      mledoze/countries) with tools/conv_places.c; the
#                      hand-written data/places-regions.tsv and
#                      data/places-updates.tsv are left alone.

PLACES_DATA := $(BUILD)/gen/places_data.c
PLACES_SRC  := data/places.tsv data/places-countries.tsv \
               data/places-regions.tsv data/places-updates.tsv
GAZETTEER   ?= ../shared/data/gazetteer

$(BUILD)/gen/gen-places: tools/gen_places.c src/resources/places_fold.h
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -Isrc $(shell pkg-config --cflags libutf8proc 2>/dev/null) \
	  -o $@ tools/gen_places.c $(shell pkg-config --libs libutf8proc 2>/dev/null)

$(PLACES_DATA): $(BUILD)/gen/gen-places $(PLACES_SRC)
	$(BUILD)/gen/gen-places $@ data

$(BUILD)/src/resources/places.o: $(PLACES_DATA)

$(BUILD)/gen/conv-places: tools/conv_places.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -o $@ tools/conv_places.c \
	  $(shell pkg-config --libs jansson 2>/dev/null)

.PHONY: places-data
places-data: $(BUILD)/gen/conv-places
	$(BUILD)/gen/conv-places $(GAZETTEER)/cities1000.tsv \
	  $(GAZETTEER)/countries.json data
