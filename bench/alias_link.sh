#!/usr/bin/env bash
# Alias-linking benchmark (issue 5): untangle's name matcher vs RapidFuzz
# on held-out aliases of the UN consolidated list (2025), with OFAC names
# from non-UN programmes as names that must not link. Top-1 accuracy,
# false-link rate and time per query of both are appended as a row to
# bench/results/alias_link.md; the method is in that file's header and in
# bench/alias_link.py.
#
# The lists are public data shipped in data/sanctions/ (../shared is used
# when the shipped copy is absent). RapidFuzz (bench/requirements.txt) is
# installed with pip when python3 cannot import it. Raw outputs (reduced
# list, queries, untangle's answers and errors) are kept in
# bench-out/alias_link/.
#
#   bench/alias_link.sh [--seed N]    (default seed 20250419; 1 = development)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
seed=20250419
if [ "${1:-}" = "--seed" ]; then seed=$2; fi
sanctions=$root/data/sanctions
[ -f "$sanctions/un-consolidated-2025-04-19.xml" ] || sanctions=$shared/data/sanctions
un=$sanctions/un-consolidated-2025-04-19.xml
ofac=$sanctions/ofac-2022
if [ ! -f "$un" ] || [ ! -f "$ofac/sdn.csv" ]; then
  echo "skip: UN list or OFAC sdn.csv not found in data/sanctions or ../shared" >&2
  exit 0
fi
if ! python3 -c 'import rapidfuzz' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check "$(grep -i '^rapidfuzz' "$root/bench/requirements.txt")"
fi

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
out=$root/bench-out/alias_link
mkdir -p "$out"
python3 "$root/bench/alias_link.py" --un "$un" --ofac "$ofac" --untangle "$bin" \
  --seed "$seed" --out "$out" > "$out/summary.json"
cat "$out/summary.json" >&2

commit=$(git -C "$root" rev-parse --short HEAD)
if ! git -C "$root" diff --quiet HEAD -- crates bench; then commit="$commit+"; fi
results=$root/bench/results/alias_link.md
python3 - "$out/summary.json" "$commit" >> "$results" <<'PY'
import json, sys, datetime
s = json.load(open(sys.argv[1])); u = s["untangle"]; r = s["rapidfuzz"]
e = s["rapidfuzz_at_untangle_false_link_rate"]
print(f"| {datetime.date.today()} | {sys.argv[2]} | {s['seed']} | {s['positives']} / {s['negatives']} "
      f"| {s['name_only_ceiling']:.3f} "
      f"| {u['top1']:.3f} | {u['false_link']:.3f} | {u['ms_per_query_wall']:.3f} | {u['us_per_query_lookup']:.1f} "
      f"| {r['threshold']} | {r['top1']:.3f} | {r['false_link']:.3f} "
      f"| {e['threshold']}: {e['top1']:.3f} / {e['false_link']:.3f} | {r['ms_per_query']:.3f} "
      f"| {s['speedup_wall']:.1f}× / {s['speedup_lookup']:.0f}× |")
PY
tail -1 "$results" >&2
