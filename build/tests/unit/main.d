build/tests/unit/main.o: tests/unit/main.c tests/unit/t.h
tests/unit/t.h:
