#!/bin/sh
# eval-stories.sh SCORER CHRONICLE [DATA.jsonl]
# Ingests the Multi-News validation articles into a fresh store with the
# real `chronicle ingest`, times it, exports, and scores the stories against
# the gold clusters (bench/score_stories.c). Skips when the data is absent.
set -eu
scorer=$1
chr=$2
data=${3:-../shared/data/stories/multinews-val.jsonl}
if [ ! -r "$data" ]; then
    echo "eval-stories: skipped ($data absent)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/chr-eval-stories.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=$(wc -l < "$data")
start=$(date +%s.%N)
"$chr" ingest --quiet --db "$tmp/s.db" "$data" || true
end=$(date +%s.%N)
"$chr" export --db "$tmp/s.db" --format json -o "$tmp/export.json"
secs=$(echo "$end - $start" | bc -l 2>/dev/null || awk "BEGIN{print $end - $start}")
"$scorer" "$data" "$tmp/export.json"
awk -v n="$n" -v s="$secs" -v c="$(nproc)" \
    'BEGIN { printf "ingest: %d articles in %.2f s, %.0f articles/s (%d cores)\n", n, s, n / s, c }'
