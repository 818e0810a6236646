#!/usr/bin/env bash
# Ingest benchmark: the 21,578 Reuters-21578 stories, converted to JSONL,
# ingested into a fresh SQLite store by the release binary. Records
# documents/s and peak RSS in bench/results/ingest.md (appends a row).
#
# Reuters-21578 is for benchmarks only and is never copied into the repo: it
# is read from ../shared and the script skips, saying so, when that is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
src=$shared/data/news/reuters21578
if [ ! -d "$src" ]; then
  echo "skip: $src not found (Reuters-21578 is read from ../shared, never shipped)" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
python3 "$root/bench/reuters_to_jsonl.py" "$src" "$work/reuters.jsonl"

/usr/bin/time -v -o "$work/time.txt" "$bin" --db "$work/bench.db" --json ingest "$work/reuters.jsonl" > "$work/report.json"
docs=$(python3 -c "import json,sys;r=json.load(open(sys.argv[1]));print(r['stored'])" "$work/report.json")
wall=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
secs=$(python3 -c "
p='$wall'.split(':'); s=0.0
for x in p: s=s*60+float(x)
print(s)")
rate=$(python3 -c "print(round($docs/$secs))")
rss_mib=$(python3 -c "print(round($rss_kb/1024,1))")

# A second run must store nothing new.
"$bin" --db "$work/bench.db" --json ingest "$work/reuters.jsonl" > "$work/again.json"
again=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['stored'])" "$work/again.json")

line="| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $docs | ${secs}s | $rate docs/s | $rss_mib MiB | $again |"
echo "stored $docs Reuters stories in ${secs}s: $rate docs/s, peak RSS $rss_mib MiB (re-run stored $again)"
out=$root/bench/results/ingest.md
if [ ! -f "$out" ]; then
  mkdir -p "$(dirname "$out")"
  cat > "$out" <<'HDR'
# Ingest benchmark: Reuters-21578 into SQLite

`bench/ingest.sh`: 21,578 stories converted to JSONL, one `untangle ingest`
process (release build, start-up and FTS indexing included) into a fresh
SQLite store on this 2-core machine. Target: ≥ 2,000 documents/s, peak RSS
< 500 MiB. The last column is what a second run stored (must be 0).

| date | commit | documents | wall | rate | peak RSS | re-run stored |
|---|---|---|---|---|---|---|
HDR
fi
echo "$line" >> "$out"

# The bounded fuzz run of the parsers is part of this benchmark.
FUZZ_SECONDS=${FUZZ_SECONDS:-60} "$root/bench/fuzz.sh"
