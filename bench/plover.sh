#!/usr/bin/env bash
# Sentence-level event benchmark on the PLOVER gold-standard records
# (../shared/data/dictionaries/plover/PLOVER_GSR_CAMEO.txt: 322 sentences
# from the CAMEO manual, hand-coded with type, source and target; OEDA,
# CC BY-SA 4.0). Each sentence is one document (published 2000-01-01) of
# one release `untangle extract` process; bench/plover_gsr.py scores type
# recall, source and target recall and the share fully right, per type
# with `--types`. Appends a row to bench/results/plover_gsr.md.
# `--errors N` prints N misses. Skips, saying so, when ../shared is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
gsr=$shared/data/dictionaries/plover/PLOVER_GSR_CAMEO.txt
if [ ! -f "$gsr" ]; then
  echo "skip: $gsr not found" >&2
  exit 0
fi
errors=0
if [ "${1:-}" = "--errors" ]; then errors=${2:-10}; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
python3 "$root/bench/plover_gsr.py" input "$gsr" "$work/in.jsonl"
"$bin" extract "$work/in.jsonl" --json > "$work/out.json"
res=$(python3 "$root/bench/plover_gsr.py" score "$gsr" "$work/out.json" --types --errors "$errors")
echo "$res" | sed '$d' >&2
json=$(echo "$res" | tail -1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -)
if [ -n "$(git -C "$root" status --porcelain -- crates bench data 2>/dev/null)" ]; then commit="$commit+"; fi
row=$(python3 - "$json" "$commit" <<'PY'
import json, sys, datetime
r, c = json.loads(sys.argv[1]), sys.argv[2]
f = lambda x: f"{x:.3f}"
print("PLOVER GSR (n=%d)  type recall %s  source recall %s  target recall %s  full %s  other-type events/record %s" % (
    r["records"], f(r["type_recall"]), f(r["source_recall"]), f(r["target_recall"]), f(r["full"]),
    f(r["extra_per_record"])), file=sys.stderr)
print("| %s | %s | %s | %s | %s | %s | %s |" % (datetime.date.today().isoformat(), c, f(r["type_recall"]),
      f(r["source_recall"]), f(r["target_recall"]), f(r["full"]), f(r["extra_per_record"])))
PY
)
out=$root/bench/results/plover_gsr.md
if [ ! -f "$out" ]; then
  mkdir -p "$(dirname "$out")"
  cat > "$out" <<'HDR'
# Sentence-level events: the PLOVER gold-standard records

`bench/plover.sh` runs the release `untangle extract --json` over the 322
hand-coded sentences of `PLOVER_GSR_CAMEO.txt` (Open Event Data Alliance,
CC BY-SA 4.0; examples from the CAMEO manual, every PLOVER category), one
document per sentence, and scores with `bench/plover_gsr.py` (rules in its
docstring): type recall (an event of the record's type), source and target
recall (over records whose type was found), the share fully right (type,
source and target on one event), and events of other types per record.
The records use the 2016 draft categories, mapped to the current 16 by the
PLOVER manual's table (DEMAND → REQUEST, DISAPPROVE and INVESTIGATE →
ACCUSE, FIGHT → ASSAULT).

These sentences cover diplomacy as much as violence, and none names a
place or time the way a report does, so they measure how far the trigger
lexicon and the argument rules reach beyond the reports the project was
developed on, not the issue's F1 targets. A `+` after the commit means
uncommitted changes.

| date | commit | type recall | source recall | target recall | full | other-type events / record |
|---|---|---|---|---|---|---|
HDR
fi
echo "$row" >> "$out"
echo "$row"
