#!/usr/bin/env bash
# Event benchmark: untangle's events mapped to two external label spaces.
#
#  - ISAF press releases (724, hand-coded answers): accuracy of province,
#    start date, target group, minimum killed and minimum captured.
#  - ACLED 2022 sample (9,000 notes): admin1 accuracy and actor1 recall of
#    the event extracted from each note.
#
# Mapping and scoring rules: bench/events_eval.py (module docstring).
# Both data sets are evaluation-only: read from ../shared, never copied into
# the repo; the script skips, saying so, when they are absent. Appends a row
# to bench/results/events.md. `--errors N` prints N misses per field.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
isaf=$shared/data/events/isaf-press-releases.jsonl
acled=$shared/data/events/acled-2022-sample.csv
if [ ! -f "$isaf" ] || [ ! -f "$acled" ]; then
  echo "skip: $isaf or $acled not found (evaluation data is read from ../shared, never shipped)" >&2
  exit 0
fi
errors=0
if [ "${1:-}" = "--errors" ]; then errors=${2:-10}; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
eval_py="$root/bench/events_eval.py"

python3 "$eval_py" isaf-input "$isaf" "$work/isaf.jsonl"
"$bin" extract "$work/isaf.jsonl" --json > "$work/isaf.json"
isaf_res=$(python3 "$eval_py" isaf-score "$isaf" "$work/isaf.json" --errors "$errors")

python3 "$eval_py" acled-input "$acled" "$work/acled.jsonl"
"$bin" extract "$work/acled.jsonl" --json > "$work/acled.json"
acled_res=$(python3 "$eval_py" acled-score "$acled" "$work/acled.json" --errors "$errors")

echo "$isaf_res" | sed '$d'
echo "$acled_res" | sed '$d'
isaf_json=$(echo "$isaf_res" | tail -1)
acled_json=$(echo "$acled_res" | tail -1)
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -)
if [ -n "$(git -C "$root" status --porcelain -- crates bench 2>/dev/null)" ]; then commit="$commit+"; fi
row=$(python3 - "$isaf_json" "$acled_json" "$commit" <<'PY'
import json, sys, datetime
i, a, c = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
f = lambda x: f"{x:.3f}"
print("ISAF (n=%d)      province %s  date %s  target %s  killed %s  captured %s" % (
    i["documents"], f(i["province"]), f(i["date"]), f(i["target"]), f(i["killed"]), f(i["captured"])), file=sys.stderr)
print("ISAF date diagnostics: untangle reads a full day for %s of releases;"
      " within one day of the answer %s" % (f(i["date_in_text"]), f(i["date_within_1_day"])), file=sys.stderr)
print("ISAF date ceilings from the text alone: answer a day the text names (or up to a week before) %s;"
      " the same without the shifted months' one-day-early answers %s (the best a faithful reader scores)" % (
          f(i["date_answer_derivable"]), f(i["date_ceiling_faithful"])), file=sys.stderr)
print("ISAF date accuracy where the key is consistent with the text (answer derivable, outside the shifted months): %s (n=%d)" % (
    f(i["date_where_key_consistent"]), i["releases_key_consistent"]), file=sys.stderr)
print("ISAF months whose answers mostly sit one day before the day the text states"
      " (answer = prediction - 1 / releases with a full-day prediction): %s;"
      " date accuracy outside them %s (n=%d)" % (
          ", ".join(f"{m} {v}" for m, v in i["date_shifted_months"].items()) or "none",
          f(i["date_outside_shifted_months"]), i["releases_outside_shifted_months"]), file=sys.stderr)
print("ACLED (n=%d)    admin1 %s (answered %s)  actor1 recall: agents %s, entities %s  (notes with an event %s)" % (
    a["documents"], f(a["admin1"]), f(a["admin1_answered"]), f(a["actor1_agents"]),
    f(a["actor1_entities"]), f(a["with_event"])), file=sys.stderr)
print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
    datetime.date.today().isoformat(), c, f(i["province"]), f(i["date"]), f(i["target"]),
    f(i["killed"]), f(i["captured"]), f(a["admin1"]), f(a["actor1_agents"]), f(a["actor1_entities"])))
PY
)
out=$root/bench/results/events.md
if [ ! -f "$out" ]; then
  mkdir -p "$(dirname "$out")"
  cat > "$out" <<'HDR'
# Event benchmark: ISAF press releases and ACLED notes

`bench/events.sh` runs the release `untangle extract --json` over

- the 724 ISAF press releases (2009–2013) with hand-coded answers
  (`../shared/data/events/isaf-press-releases.jsonl`): the press release
  text only (the instruction prefix stripped, no answer fed in, no
  publication date: untangle reads the dateline itself). Each document's
  events and entities are mapped to the label space by the rules in
  `bench/events_eval.py` and scored as document-level accuracy: province,
  start date (exact day), target group (exact set, empty when none),
  minimum killed and minimum captured (exact counts; vague quantifiers read
  as minimum counts: a couple 2, a few/several/multiple 3, numerous 4).
  Targets: province ≥ 0.90, date ≥ 0.85, target group ≥ 0.80, killed ≥
  0.75, captured ≥ 0.75.
- the 9,000 ACLED notes (Jan–Jun 2022, many countries;
  `../shared/data/events/acled-2022-sample.csv`), each a document with
  `published` = its event_date. admin1: the main event's place as its
  province/state (else the first place of the note with one), compared
  with the folded admin1 (equal, or one the other's leading words).
  actor1 recall: actor1 with its bracketed qualifier dropped, found (folded)
  among the main event's agents, or among all the note's entities.

Both data sets are evaluation-only and never copied into the repo. A `+`
after the commit means uncommitted changes in `crates/` or `bench/`.

| date | commit | ISAF province | date | target group | killed | captured | ACLED admin1 | actor1 recall (agents) | actor1 recall (entities) |
|---|---|---|---|---|---|---|---|---|---|
HDR
fi
echo "$row" >> "$out"
