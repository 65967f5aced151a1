# mk/ner.mk — the statistical named-entity tagger (src/extract/ner*.c).
#
#   make train-ner   trains on ../shared/data/ner/eng.train (dev eng.testa),
#                    prints the dev F1 of every epoch, writes data/ner-model.txt
#   make eval-ner    eng.testa phrase-level F1 (conlleval) and tokens/s of the
#                    built-in model; skips when ../shared/data/ner is absent
#   make ner-gazetteer  regenerates data/ner-gazetteer.tsv from ../shared/data
#
# The weights (data/ner-model.txt) and gazetteer (data/ner-gazetteer.tsv) are
# compiled into $(BUILD)/gen/ner_model_data.c by tools/gen_ner_model.c and
# included by src/extract/ner_model.c: the library needs no file at run time.

NER_DATA    ?= ../shared/data/ner
NER_MODEL   := data/ner-model.txt
NER_GAZ     := data/ner-gazetteer.tsv
NER_EPOCHS  ?= 15
NER_GEN     := $(BUILD)/gen/ner_model_data.c
NER_HOSTSRC := src/extract/ner_feat.c src/extract/ner_lab.c
NER_HOSTHDR := src/extract/ner_int.h tools/ner_model_io.h tools/ner_conll.h

.PHONY: train-ner eval-ner ner-gazetteer

$(BUILD)/gen/gen-ner-model: tools/gen_ner_model.c $(NER_HOSTSRC) $(NER_HOSTHDR)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -Isrc -Itools -o $@ tools/gen_ner_model.c $(NER_HOSTSRC) -lm

$(NER_GEN): $(BUILD)/gen/gen-ner-model $(wildcard $(NER_MODEL)) $(wildcard $(NER_GAZ))
	$(BUILD)/gen/gen-ner-model $(NER_MODEL) $(NER_GAZ) $@

$(BUILD)/src/extract/ner_model.o: $(NER_GEN)

$(BUILD)/gen/train-ner: tools/train_ner.c $(NER_HOSTSRC) $(NER_HOSTHDR)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -g -Isrc -Itools -o $@ tools/train_ner.c $(NER_HOSTSRC) -lm

$(BUILD)/conlleval: tools/conlleval.c $(NER_HOSTSRC) $(NER_HOSTHDR)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 -Isrc -Itools -o $@ tools/conlleval.c $(NER_HOSTSRC) -lm

$(BUILD)/ner-eval: tools/eval_ner.c $(LIBA) $(NER_HOSTHDR)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itools -o $@ tools/eval_ner.c $(LIBA) $(LDLIBS)

train-ner: $(BUILD)/gen/train-ner
	@if [ ! -f $(NER_DATA)/eng.train ]; then \
	  echo "train-ner: $(NER_DATA)/eng.train not found, skipped"; \
	else \
	  $(BUILD)/gen/train-ner $(NER_DATA)/eng.train $(NER_DATA)/eng.testa \
	    $(NER_GAZ) $(NER_MODEL) $(NER_EPOCHS); \
	fi

eval-ner: $(BUILD)/ner-eval
	@if [ ! -f $(NER_DATA)/eng.testa ]; then \
	  echo "eval-ner: $(NER_DATA)/eng.testa not found, skipped"; \
	else \
	  $(BUILD)/ner-eval $(NER_DATA)/eng.testa; \
	fi

ner-gazetteer:
	python3 tools/ner_gazetteer.py ../shared/data > $(NER_GAZ)
