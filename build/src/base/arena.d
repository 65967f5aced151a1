build/src/base/arena.o: src/base/arena.c src/base/base.h \
 include/chronicle.h
src/base/base.h:
include/chronicle.h:
