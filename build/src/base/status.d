build/src/base/status.o: src/base/status.c include/chronicle.h
include/chronicle.h:
