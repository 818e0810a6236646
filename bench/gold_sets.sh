#!/usr/bin/env bash
# Extraction figures on every answer-key set the project has, in one run:
# the seed dev set (../shared/eval/dev), the VOA dev set, the held-out set
# and the blind sets 2-12 (crates/extract/tests/gold*). Articles are read
# from ../shared/corpus (WikiEvents texts are evaluation-only and never
# copied here; the VOA ones also ship in data/corpus/voa). Each set is
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
    for dir in "$shared/corpus/wikievents" "$shared/corpus/seed" "$root/data/corpus/voa"; do
      if [ -f "$dir/$b.txt" ]; then cp "$dir/$b.txt" "$work/$name/in/"; break; fi
    done
  done
  "$bin" extract "$work/$name/in" --out "$work/$name/out" > /dev/null
  printf '%-9s %s\n' "$name" "$(python3 "$shared/eval/score.py" --gold "$gold" --pred "$work/$name/out" | tail -1)"
}
run seed "$shared/eval/dev"
run voa "$root/crates/extract/tests/gold"
run heldout "$root/crates/extract/tests/gold_heldout"
for n in 2 3 4 5 6 7 8 9 10 11 12; do
  if [ -d "$root/crates/extract/tests/gold_blind$n" ]; then run "blind$n" "$root/crates/extract/tests/gold_blind$n"; fi
done
