#!/usr/bin/env bash
# Extraction figures on every answer-key set the project has, in one run:
# the seed dev set (../shared/eval/dev), the VOA dev set, the held-out set
# and the blind sets 2-39 (crates/extract/tests/gold*). Articles are read
# from ../shared/corpus (WikiEvents texts are evaluation-only and never
# copied here; the VOA ones also ship in data/corpus/voa); blind13/14/16-21/25 are
# CoNLL-2003 stories rebuilt by bench/conll_docs.py, blind15, blind27 and blind28 UN narrative
# pages read as HTML from ../shared/data/sanctions, blind22-24, 30, 31, 33-38 ISAF press
# releases from ../shared/corpus/isaf, blind26 AG News items rebuilt by
# bench/ag_news_docs.py (and blind29, 32 and 39 the same way). Each set is
# extracted by one release `untangle extract` process and scored by
# ../shared/eval/score.py. Skips, saying so, when ../shared is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
if [ ! -f "$shared/eval/score.py" ]; then
  echo "skip: $shared/eval/score.py not found (evaluation data is read from ../shared)" >&2
  exit 0
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {
  local name=$1 gold=$2
  mkdir -p "$work/$name/in" "$work/$name/out"
  for g in "$gold"/*.gold.json; do
    local b
    b=$(basename "$g" .gold.json)
    for dir in "$shared/corpus/wikievents" "$shared/corpus/seed" "$shared/corpus/isaf" "$root/data/corpus/voa" "$conll" "$agnews"; do
      if [ -f "$dir/$b.txt" ]; then cp "$dir/$b.txt" "$work/$name/in/"; break; fi
    done
    # UN narrative summaries: HTML pages as published
    local un="$shared/data/sanctions/un-narratives-2015/1267/narratives/$b.shtml"
    if [ -f "$un" ]; then cp "$un" "$work/$name/in/"; fi
  done
  "$bin" extract "$work/$name/in" --out "$work/$name/out" > /dev/null
  printf '%-9s %s\n' "$name" "$(python3 "$shared/eval/score.py" --gold "$gold" --pred "$work/$name/out" | tail -1)"
}
# the CoNLL-2003 stories of blind sets 13, 14 and 16-21, rebuilt from ../shared
conll="$work/conll"
for n in 13 14 16 17 18 19 20 21 25; do
  d="$root/crates/extract/tests/gold_blind$n"
  if [ -d "$d" ]; then
    nums=$(ls "$d" | sed -n 's/^conll-\([0-9]*\)\.gold\.json$/\1/p')
    # shellcheck disable=SC2086
    python3 "$root/bench/conll_docs.py" "$conll" $nums
  fi
done
# the AG News items of blind set 26, rebuilt the same way
agnews="$work/agnews"
for n in 26 29 32 39 43 47 54 58; do
  d="$root/crates/extract/tests/gold_blind$n"
  if [ -d "$d" ]; then
    rows=$(ls "$d" | sed -n 's/^agnews-\([0-9]*\)\.gold\.json$/\1/p')
    # shellcheck disable=SC2086
    python3 "$root/bench/ag_news_docs.py" "$agnews" $rows
  fi
done
run seed "$shared/eval/dev"
run voa "$root/crates/extract/tests/gold"
run heldout "$root/crates/extract/tests/gold_heldout"
for n in $(seq 2 58); do
  if [ -d "$root/crates/extract/tests/gold_blind$n" ]; then run "blind$n" "$root/crates/extract/tests/gold_blind$n"; fi
done
