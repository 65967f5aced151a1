#!/bin/sh
# Builds examples/crawl.warc.gz: a small WARC 1.0 crawl for Chronicle's tests.
# Records (each gzipped on its own, then concatenated, as crawlers write them):
#   1. warcinfo
#   2. request  for the NWA page (casimir-summit-nwa.html)
#   3. response with that page (HTTP/1.1 200, text/html)
#   4. response with a Solvik Morning Star page on Storm Hedda (written below)
#   5. response with a robots.txt (text/plain; a reader should skip it)
# Deterministic: fixed dates and record ids, gzip -n. Needs only sh and gzip.
# Usage: sh examples/make-warc.sh   (from anywhere)
set -eu
cd "$(dirname "$0")"
OUT=crawl.warc.gz
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM

# record TYPE ID DATE URI CONTENT-TYPE BLOCKFILE [EXTRA-HEADER]: appends one gzipped record.
record() {
    {
        printf 'WARC/1.0\r\n'
        printf 'WARC-Type: %s\r\n' "$1"
        printf 'WARC-Record-ID: <urn:uuid:%s>\r\n' "$2"
        printf 'WARC-Date: %s\r\n' "$3"
        [ -n "$4" ] && printf 'WARC-Target-URI: %s\r\n' "$4"
        [ -n "${7:-}" ] && printf '%s\r\n' "$7"
        printf 'Content-Type: %s\r\n' "$5"
        printf 'Content-Length: %d\r\n' "$(wc -c < "$6")"
        printf '\r\n'
        cat "$6"
        printf '\r\n\r\n'
    } | gzip -n -9 >> "$TMP/out"
}

# http_response BODYFILE CONTENT-TYPE DATE > BLOCK
http_response() {
    printf 'HTTP/1.1 200 OK\r\n'
    printf 'Content-Type: %s\r\n' "$2"
    printf 'Content-Length: %d\r\n' "$(wc -c < "$1")"
    printf 'Date: %s\r\n' "$3"
    printf 'Server: nginx\r\n'
    printf 'Connection: close\r\n'
    printf '\r\n'
    cat "$1"
}

cat > "$TMP/solvik.html" <<'EOF'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Repair ship reaches Holm as blackout enters third day | Solvik Morning Star</title>
<meta name="author" content="Johan Ekberg">
<meta property="og:title" content="Repair ship reaches Holm as blackout enters third day">
<meta property="og:site_name" content="Solvik Morning Star">
<meta property="article:published_time" content="2024-10-23T11:20:00+02:00">
</head>
<body>
<div class="gdpr">We value your privacy. We and our partners use cookies. <button>Agree</button></div>
<header><a href="/">Solvik Morning Star</a>
<nav><a href="/local">Local</a> | <a href="/islands">Islands</a> | <a href="/national">National</a> | <a href="/sport">Sport</a> | <a href="/jobs">Jobs</a></nav></header>
<article>
<h1>Repair ship reaches Holm as blackout enters third day</h1>
<p class="byline">By Johan Ekberg</p>
<p>A cable repair ship reached the waters off Holm on Wednesday, as some 35,000 households on the islands of Holm and Lis&ouml; spent a third day without mains electricity after Storm Hedda.</p>
<p>Kaurenian Grid said divers from the vessel, the Sea Mender, would begin inspecting the Skerry Link as soon as the swell allowed. About 3,000 homes in Holm town have had power since Tuesday evening from the island's old diesel plant.</p>
<p>"We expect to restore power within a week if the weather holds," chief executive Mikael Sund said at a briefing in Solvik. "But I will not make promises the sea can break."</p>
<p>Two large generators sent by Dorsland's government arrived on the morning ferry and were connected to the clinic and the care home on Holm. Veltria has offered a team of grid engineers, Prime Minister Marta Lindqvist said in Nordhaven.</p>
<p>Prime Minister Aino Rask, who visited Holm on Wednesday, said the storm had shown why the islands needed a second cable. "One cable is one storm away from a crisis," she told islanders at the harbour.</p>
<p>The Skerry Link, laid in 1983, is the only power connection between the islands and the mainland.</p>
</article>
<aside><h2>Also on Solvik Morning Star</h2><ul>
<li><a href="/islands/ferry-timetable">Winter ferry timetable published</a></li>
<li><a href="/local/harbour-fees">Harbour fees to rise in January</a></li></ul></aside>
<footer>&copy; 2024 Solvik Morning Star. Solvik, Kaurenia.</footer>
</body>
</html>
EOF

printf 'User-agent: *\nDisallow: /search\nSitemap: https://www.northernwire.example/sitemap.xml\n' > "$TMP/robots.txt"

printf 'software: chronicle examples/make-warc.sh\r\nformat: WARC File Format 1.0\r\nhostname: crawler.example\r\nisPartOf: chronicle-examples\r\ndescription: invented pages for tests; CC0\r\n' > "$TMP/info"
: > "$TMP/out"
record warcinfo 6c7f0b1e-0001-4000-8000-000000000001 2024-10-24T06:00:00Z "" \
    application/warc-fields "$TMP/info"

NWA=https://www.northernwire.example/2024/04/17/nsc-summit-coast-guard
printf 'GET /2024/04/17/nsc-summit-coast-guard HTTP/1.1\r\nHost: www.northernwire.example\r\nUser-Agent: chronicle-example-crawler/1.0\r\nAccept: text/html\r\n\r\n' > "$TMP/req"
record request 6c7f0b1e-0002-4000-8000-000000000002 2024-10-24T06:00:01Z "$NWA" \
    "application/http; msgtype=request" "$TMP/req"
http_response casimir-summit-nwa.html "text/html; charset=utf-8" \
    "Thu, 24 Oct 2024 06:00:01 GMT" > "$TMP/resp1"
record response 6c7f0b1e-0003-4000-8000-000000000003 2024-10-24T06:00:01Z "$NWA" \
    "application/http; msgtype=response" "$TMP/resp1" \
    "WARC-Concurrent-To: <urn:uuid:6c7f0b1e-0002-4000-8000-000000000002>"

http_response "$TMP/solvik.html" "text/html; charset=utf-8" \
    "Thu, 24 Oct 2024 06:00:03 GMT" > "$TMP/resp2"
record response 6c7f0b1e-0004-4000-8000-000000000004 2024-10-24T06:00:03Z \
    https://www.solvikmorningstar.example/islands/2024/10/23/repair-ship-holm \
    "application/http; msgtype=response" "$TMP/resp2"

http_response "$TMP/robots.txt" "text/plain" "Thu, 24 Oct 2024 06:00:04 GMT" > "$TMP/resp3"
record response 6c7f0b1e-0005-4000-8000-000000000005 2024-10-24T06:00:04Z \
    https://www.northernwire.example/robots.txt \
    "application/http; msgtype=response" "$TMP/resp3"

mv "$TMP/out" "$OUT"
echo "wrote $(pwd)/$OUT ($(wc -c < "$OUT") bytes)"
