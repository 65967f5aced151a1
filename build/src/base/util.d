build/src/base/util.o: src/base/util.c src/base/base.h \
 include/chronicle.h
src/base/base.h:
include/chronicle.h:
