#!/bin/sh
# Chronicle throughput benchmark.
#
#   sh bench/run.sh GEN CHRONICLE        (make bench does this)
#
# For each corpus size it generates a synthetic corpus with GEN (chr-gen) and
# measures wall time and peak memory (max RSS) of:
#   analyze        chronicle analyze --json CORPUS           (output counted, discarded)
#   ingest         chronicle ingest --quiet --db DB CORPUS   (fresh store)
#   ingest-again   the same ingest again: every document is a duplicate
# Ingest rows also give the memory of the story and copy indexes per million
# articles (ingest --stats: their bytes per stored article).
# Each row gives seconds, articles/s and ms per article (time per article
# should stay flat as the corpus grows: the issue's scale requirement), MB/s
# of input and peak memory; ingest rows note the store's size per article.
#
# Environment:
#   BENCH_SIZES   corpus sizes in articles          (default "10000 100000")
#   BENCH_SEED    generator seed                    (default 42)
#   BENCH_FORMAT  jsonl or txt                      (default jsonl)
#   BENCH_DIR     work directory                    (default ${TMPDIR:-/tmp}/chronicle-bench)
#   BENCH_BUDGET  seconds for the whole run; a step whose time, estimated from
#                 the previous size, would pass it is skipped   (default 420)
#   BENCH_KEEP    1 keeps the corpora and stores afterwards     (default 0)
#   BENCH_STEPS   the steps to run, in this order, from "analyze ingest
#                 ingest-again" (default all three; e.g. "ingest
#                 ingest-again" for a 1M run without the analyze step)
# Peak memory comes from /usr/bin/time (Debian package "time"); without it the
# script polls VmHWM in /proc, which is close but may miss a last spike.

GEN=${1:?usage: run.sh GEN CHRONICLE}
CHR=${2:?usage: run.sh GEN CHRONICLE}
SIZES=${BENCH_SIZES:-10000 100000}
SEED=${BENCH_SEED:-42}
FORMAT=${BENCH_FORMAT:-jsonl}
W=${BENCH_DIR:-${TMPDIR:-/tmp}/chronicle-bench}
BUDGET=${BENCH_BUDGET:-420}
STEPS=${BENCH_STEPS:-analyze ingest ingest-again}
for s in $STEPS; do
    case $s in analyze|ingest|ingest-again) ;;
    *) echo "bench: unknown step '$s' in BENCH_STEPS (analyze, ingest, ingest-again)" >&2; exit 2;; esac
done

for f in "$GEN" "$CHR"; do
    [ -x "$f" ] || { echo "bench: $f is not an executable (run make first)" >&2; exit 2; }
done
case $FORMAT in jsonl|txt) ;; *) echo "bench: BENCH_FORMAT must be jsonl or txt" >&2; exit 2;; esac
mkdir -p "$W" || exit 2
RESULTS="$W/results.txt"
: > "$RESULTS"
START=$(date +%s)
if [ -x /usr/bin/time ] && [ -z "${BENCH_NO_TIME:-}" ]; then MEM="max RSS from /usr/bin/time"; else MEM="VmHWM polled from /proc"; fi

echo "chronicle bench: $(nproc) cores, $(uname -sm), sizes: $SIZES, steps: $STEPS, format: $FORMAT, seed: $SEED"
echo "work dir: $W; memory: $MEM; budget: ${BUDGET}s"
echo

# calc FORMAT EXPR: floating-point arithmetic through awk, printed with FORMAT.
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }

# step CMD...: runs CMD with stdout counted in lines; sets SECS, PEAK_KB, RC, LINES.
step() {
    rm -f "$W/fifo" "$W/lines" "$W/time"
    mkfifo "$W/fifo" || exit 2
    wc -l < "$W/fifo" > "$W/lines" &
    wcpid=$!
    if [ -x /usr/bin/time ] && [ -z "${BENCH_NO_TIME:-}" ]; then
        /usr/bin/time -f "%e %M %x" -o "$W/time" "$@" > "$W/fifo" 2> "$W/stderr"
        wait $wcpid
        set -- $(tail -n 1 "$W/time")
        SECS=$1 PEAK_KB=$2 RC=$3
    else
        t0=$(date +%s.%N)
        "$@" > "$W/fifo" 2> "$W/stderr" &
        pid=$!
        PEAK_KB=0
        while :; do
            set -- $(awk '/^State:/ { s = $2 } /^VmHWM:/ { h = $2 } END { print s, h }' \
                     "/proc/$pid/status" 2>/dev/null)
            [ -z "$1" ] || [ "$1" = Z ] && break
            [ -n "$2" ] && PEAK_KB=$2
            sleep 0.1
        done
        wait $pid
        RC=$?
        t1=$(date +%s.%N)
        SECS=$(calc %.2f "$t1 - $t0")
        wait $wcpid
    fi
    LINES=$(tr -d ' ' < "$W/lines")
    rm -f "$W/fifo"
}

# row SIZE MB STEP SECS PEAK_KB NOTE
row() {
    if [ "$4" = - ]; then
        printf '%-9s %-8s %-13s %8s %10s %7s %8s %9s  %s\n' "$1" "$2" "$3" - - - - - "$6"
    else
        s=$4; [ "$(calc %d "$s < 0.01")" = 1 ] && s=0.01
        printf '%-9s %-8s %-13s %8.2f %10.0f %7.3f %8.2f %9.1f  %s\n' "$1" "$2" "$3" "$4" \
            "$(calc %f "$1 / $s")" "$(calc %f "1000 * $s / $1")" \
            "$(calc %f "$2 / $s")" "$(calc %f "$5 / 1024")" "$6"
    fi
}
HEAD=$(printf '%-9s %-8s %-13s %8s %10s %7s %8s %9s  %s' articles input_MB step seconds articles/s ms/art MB/s peak_MB note)

prev_n=0
for n in $SIZES; do
    if [ "$FORMAT" = jsonl ]; then corpus="$W/corpus-$n.jsonl"; else corpus="$W/corpus-$n"; fi
    rm -rf "$corpus"
    t0=$(date +%s)
    "$GEN" --docs "$n" --seed "$SEED" --format "$FORMAT" --out "$corpus" 2>/dev/null \
        || { echo "bench: $GEN failed for $n articles" >&2; exit 1; }
    if [ "$FORMAT" = jsonl ]; then
        bytes=$(wc -c < "$corpus")
    else
        bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    fi
    mb=$(calc %.1f "$bytes / 1e6")
    echo "== $n articles, $mb MB ($FORMAT, generated in $(( $(date +%s) - t0 ))s)"
    echo "$HEAD"
    db="$W/bench-$n.db"
    rm -f "$db" "$db-wal" "$db-shm"
    for s in $STEPS; do
        # Skip when the previous size says this one would not fit the budget.
        if [ "$prev_n" -gt 0 ]; then
            prev=$(awk -v s="$s" -v n="$prev_n" '$1 == n && $3 == s { print $4 }' "$RESULTS")
            now=$(( $(date +%s) - START ))
            if [ -n "$prev" ] && [ "$prev" != - ] &&
               [ "$(calc %d "$now + $prev * $n / $prev_n > $BUDGET")" = 1 ]; then
                est=$(calc %.0f "$prev * $n / $prev_n")
                r=$(row "$n" "$mb" "$s" - 0 "skipped: about ${est}s would pass BENCH_BUDGET=$BUDGET")
                echo "$r"; echo "$r" >> "$RESULTS"; continue
            fi
        fi
        case $s in
            analyze) step "$CHR" analyze --json "$corpus" ;;
            *)       step "$CHR" ingest --quiet --stats --db "$db" "$corpus" ;;
        esac
        note=""
        if [ "$RC" != 0 ]; then
            note="FAILED (exit $RC): $(tail -n 1 "$W/stderr" | cut -c1-80)"
        elif [ "$s" = analyze ] && [ "$LINES" != "$n" ]; then
            note="$LINES output lines for $n articles"
        elif [ "$s" != analyze ] && [ -f "$db" ]; then
            note="store $(calc %.1f "$(wc -c < "$db") / 1e6") MB, $(calc %.1f "$(wc -c < "$db") / 1024 / $n") KB/article"
            # the indexes' memory per stored article (ingest --stats):
            # bytes per article = MB per million articles
            idx=$(sed -n 's/.*story index [0-9.]* MB (\([0-9]*\) bytes a document), copy index [0-9.]* MB (\([0-9]*\) bytes a document).*/\1 \2/p' "$W/stderr" | tail -n 1)
            [ "$s" = ingest ] && [ -n "$idx" ] && note="$note; index memory a million articles: stories $(echo $idx | cut -d' ' -f1) MB, copies $(echo $idx | cut -d' ' -f2) MB"
        fi
        if [ "$RC" != 0 ]; then
            r=$(row "$n" "$mb" "$s" - 0 "$note")
        else
            r=$(row "$n" "$mb" "$s" "$SECS" "$PEAK_KB" "$note")
        fi
        echo "$r"; echo "$r" >> "$RESULTS"
    done
    echo
    prev_n=$n
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$corpus" "$db" "$db-wal" "$db-shm"
done

echo "== summary ($(nproc) cores, $(( $(date +%s) - START ))s in all)"
echo "$HEAD"
cat "$RESULTS"
