#!/bin/sh
# tests/run.sh UNIT_BIN CHRONICLE [SAN_UNIT_BIN SAN_CHRONICLE]
#
# Runs every test tier from the repository root: the unit tests, the golden
# CLI tests (tests/cli/run.sh) and the seed ingest tests (tests/seeds.sh);
# then, when the sanitizer binaries are given and exist, the unit tests, the
# CLI tests and the seed tests again under them. Each part ends with a line
# "N passed, N failed"; the parts are summed, and the very last line printed
# is "N passed, N failed" (", N skipped" added when a part was skipped).
# Exit status 1 when anything failed.
set -u

if [ $# -lt 2 ]; then
    echo "usage: sh tests/run.sh UNIT_BIN CHRONICLE [SAN_UNIT_BIN SAN_CHRONICLE]" >&2
    exit 2
fi
cd "$(dirname "$0")/.." || exit 1

total_passed=0
total_failed=0
total_skipped=0
OUT=$(mktemp "${TMPDIR:-/tmp}/chr-run.XXXXXX") || exit 1
trap 'rm -f "$OUT"' EXIT INT TERM

# part LABEL COMMAND...: runs one part, shows its output, adds its counts.
part() {
    label=$1
    shift
    echo "== $label"
    "$@" >"$OUT" 2>&1
    cat "$OUT"
    if grep -q '^[a-z]*: skipped' "$OUT"; then
        total_skipped=$((total_skipped + 1))
        return
    fi
    counts=$(awk 'match($0, /[0-9]+ passed, [0-9]+ failed/) {
                      s = substr($0, RSTART, RLENGTH); split(s, w, " ");
                      p = w[1]; f = w[3]; found = 1 }
                  END { if (found) print p, f }' "$OUT")
    if [ -z "$counts" ]; then
        echo "run: $label gave no \"N passed, N failed\" line: counted as 1 failed"
        total_failed=$((total_failed + 1))
        return
    fi
    set -- $counts
    total_passed=$((total_passed + $1))
    total_failed=$((total_failed + $2))
}

# binary LABEL PATH: fails the part when the program is missing.
runnable() {
    if [ -x "$2" ]; then
        return 0
    fi
    echo "== $1"
    echo "run: $2 not found or not executable: counted as 1 failed"
    total_failed=$((total_failed + 1))
    return 1
}

UNIT=$1
CHR=$2
runnable unit "$UNIT" && part "unit ($UNIT)" "$UNIT"
if runnable cli "$CHR"; then
    part "cli ($CHR)" sh tests/cli/run.sh "$CHR"
    part "seeds ($CHR)" sh tests/seeds.sh "$CHR"
fi

# Sanitizer builds: only when given and built.
if [ $# -ge 3 ] && [ -x "$3" ]; then
    part "unit, sanitizers ($3)" "$3"
fi
if [ $# -ge 4 ] && [ -x "$4" ]; then
    part "cli, sanitizers ($4)" sh tests/cli/run.sh "$4"
    part "seeds, sanitizers ($4)" sh tests/seeds.sh "$4"
fi

if [ "$total_skipped" -gt 0 ]; then
    echo "$total_passed passed, $total_failed failed, $total_skipped skipped"
else
    echo "$total_passed passed, $total_failed failed"
fi
[ "$total_failed" -eq 0 ]
