#!/bin/sh
# tests/seeds.sh CHRONICLE — ingest tests on the five real seed articles in
# ../shared/seeds (relative to the repository root), when that directory is
# there. Each check counts as one test:
#   1. ingest exits 0
#   2. the store holds exactly 2 stories
#   3. one story holds exactly documents 000, 001, 003
#   4. another holds exactly documents 002, 004
#   5. a second ingest reports 5 duplicates and stores nothing new
#   6. the export is byte-identical after the second ingest
# Ends with "seeds: N passed, N failed", or "seeds: skipped (...)" when the
# seeds are absent. Plain sh, grep, awk: no jq or python needed.
set -u

if [ $# -lt 1 ]; then
    echo "usage: tests/seeds.sh CHRONICLE" >&2
    exit 2
fi
CHR=$1
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SEEDS=$ROOT/../shared/seeds
if [ ! -d "$SEEDS" ]; then
    echo "seeds: skipped (../shared/seeds absent)"
    exit 0
fi
case $CHR in
/*) ;;
*) CHR=$(pwd)/$CHR ;;
esac

passed=0
failed=0
check() { # check NAME CONDITION-STATUS
    if [ "$2" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL seeds: $1"
    fi
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/chr-seeds.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
DB=$TMP/seeds.db

"$CHR" ingest --db "$DB" "$SEEDS" 2>"$TMP/ingest1.err"
st=$?
[ $st -ne 0 ] && sed 's/^/  | /' "$TMP/ingest1.err"
check "ingest exits 0 (got $st)" $st

"$CHR" stories --db "$DB" >"$TMP/stories" 2>&1
# Story ids: the first column of every line after the header.
ids=$(awk 'NR > 1 && $1 ~ /^[0-9]+$/ { print $1 }' "$TMP/stories")
n=$(echo "$ids" | grep -c '[0-9]')
[ "$n" -eq 2 ]
st=$?
[ $st -ne 0 ] && sed 's/^/  | /' "$TMP/stories"
check "exactly 2 stories (got $n)" $st

# For each story, the sorted three-digit prefixes of its document ids.
: >"$TMP/groups"
for id in $ids; do
    "$CHR" show --db "$DB" "$id" |
        awk '/^document / { print $2 }' | sed 's|.*/||' | cut -c1-3 |
        sort | tr '\n' ' ' | sed 's/ $//' >>"$TMP/groups"
    echo >>"$TMP/groups"
done
grep -qx '000 001 003' "$TMP/groups"
st=$?
[ $st -ne 0 ] && sed 's/^/  | story: /' "$TMP/groups"
check "one story is 000 001 003" $st
grep -qx '002 004' "$TMP/groups"
st=$?
[ $st -ne 0 ] && sed 's/^/  | story: /' "$TMP/groups"
check "one story is 002 004" $st

"$CHR" export --db "$DB" --format json >"$TMP/first.json" 2>&1
"$CHR" ingest --db "$DB" "$SEEDS" 2>"$TMP/ingest2.err"
grep -q 'stored 0, duplicates 5,' "$TMP/ingest2.err"
st=$?
[ $st -ne 0 ] && sed 's/^/  | /' "$TMP/ingest2.err"
check "second ingest reports 5 duplicates" $st

"$CHR" export --db "$DB" --format json >"$TMP/second.json" 2>&1
cmp -s "$TMP/first.json" "$TMP/second.json"
check "export byte-identical after the second ingest" $?

echo "seeds: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
