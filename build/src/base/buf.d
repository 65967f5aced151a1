build/src/base/buf.o: src/base/buf.c include/chronicle.h
include/chronicle.h:
