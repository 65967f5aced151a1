# Quotation stage (issue 6): `make eval-quotes` scores direct quotations
# and named speakers on PolNeAR dev (../shared/data/quotes/polnear/dev;
# skips with a message when absent). QUOTES_DATA overrides the folder
# (e.g. .../polnear/train), QUOTES_EVAL_FLAGS=-v lists the errors.
.PHONY: eval-quotes

QUOTES_DATA ?= ../shared/data/quotes/polnear/dev

$(BUILD)/chr-eval-quotes: bench/eval_quotes.c $(LIBA)
	@mkdir -p $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

eval-quotes: $(BUILD)/chr-eval-quotes
	@$(BUILD)/chr-eval-quotes $(QUOTES_EVAL_FLAGS) $(QUOTES_DATA)
