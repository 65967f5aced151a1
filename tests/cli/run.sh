#!/bin/sh
# tests/cli/run.sh CHRONICLE — golden tests of the chronicle program.
#
# Each case is a directory tests/cli/cases/NAME/ holding:
#   cmd              a shell script, run with sh inside the case directory,
#                    with $CHR (the program, absolute path), $CASE (the case
#                    directory, absolute) and $TMP (a fresh empty directory)
#   expected         the expected stdout
#   expected-stderr  the expected stderr (optional: not compared when absent)
#   expected-status  the expected exit status (optional, default 0)
# Before comparing, every occurrence of the $TMP path in stdout and stderr is
# replaced by the literal text $TMP, so that outputs naming files there stay
# stable.
#
# Prints a diff for each failing case and ends with "cli: N passed, N failed".
# UPDATE=1 rewrites the expected files from the actual output instead (then
# review them with git diff before committing). A case name filter may be
# given as a second argument: tests/cli/run.sh ./chronicle ingest
set -u

if [ $# -lt 1 ]; then
    echo "usage: tests/cli/run.sh CHRONICLE [FILTER]" >&2
    exit 2
fi
CHR=$1
FILTER=${2:-}
case $CHR in
/*) ;;
*) CHR=$(pwd)/$CHR ;;
esac
if [ ! -x "$CHR" ]; then
    echo "cli: $CHR is not an executable program" >&2
    echo "cli: 0 passed, 1 failed"
    exit 1
fi
HERE=$(cd "$(dirname "$0")" && pwd)
UPDATE=${UPDATE:-0}
passed=0
failed=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/chr-cli.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT INT TERM

for dir in "$HERE"/cases/*/; do
    [ -f "$dir/cmd" ] || continue
    name=$(basename "$dir")
    case $name in *"$FILTER"*) ;; *) continue ;; esac
    CASE=${dir%/}
    TMP=$WORK/$name
    mkdir -p "$TMP"
    (cd "$CASE" && CHR=$CHR CASE=$CASE TMP=$TMP sh ./cmd) \
        >"$WORK/$name.out.raw" 2>"$WORK/$name.err.raw"
    status=$?
    # Replace the temp path by the text $TMP (| cannot appear in mktemp paths).
    sed "s|$TMP|\$TMP|g" "$WORK/$name.out.raw" >"$WORK/$name.out"
    sed "s|$TMP|\$TMP|g" "$WORK/$name.err.raw" >"$WORK/$name.err"
    rm -rf "$TMP"

    if [ "$UPDATE" = 1 ]; then
        cp "$WORK/$name.out" "$CASE/expected"
        if [ -s "$WORK/$name.err" ] || [ -f "$CASE/expected-stderr" ]; then
            cp "$WORK/$name.err" "$CASE/expected-stderr"
        fi
        if [ "$status" -ne 0 ]; then
            echo "$status" >"$CASE/expected-status"
        else
            rm -f "$CASE/expected-status"
        fi
        echo "cli: updated $name (status $status)"
        passed=$((passed + 1))
        continue
    fi

    want_status=0
    [ -f "$CASE/expected-status" ] && want_status=$(cat "$CASE/expected-status")
    ok=1
    if [ "$status" != "$want_status" ]; then
        echo "FAIL cli/$name: exit status $status, expected $want_status"
        ok=0
    fi
    if [ ! -f "$CASE/expected" ]; then
        echo "FAIL cli/$name: no expected file (run with UPDATE=1)"
        ok=0
    elif ! cmp -s "$WORK/$name.out" "$CASE/expected"; then
        echo "FAIL cli/$name: stdout differs (- expected, + actual)"
        diff -u "$CASE/expected" "$WORK/$name.out" | head -40
        ok=0
    fi
    if [ -f "$CASE/expected-stderr" ] &&
        ! cmp -s "$WORK/$name.err" "$CASE/expected-stderr"; then
        echo "FAIL cli/$name: stderr differs (- expected, + actual)"
        diff -u "$CASE/expected-stderr" "$WORK/$name.err" | head -40
        ok=0
    fi
    if [ $ok = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ ! -f "$CASE/expected-stderr" ] && [ -s "$WORK/$name.err" ]; then
            echo "  stderr was:"
            head -20 "$WORK/$name.err" | sed 's/^/  | /'
        fi
    fi
done

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
