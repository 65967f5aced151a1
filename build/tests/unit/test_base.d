build/tests/unit/test_base.o: tests/unit/test_base.c tests/unit/t.h \
 src/base/base.h include/chronicle.h
tests/unit/t.h:
src/base/base.h:
include/chronicle.h:
