#!/usr/bin/env bash
# Cross-document resolution benchmark (issue: Resolution). Ingests the seed
# article, the 724 ISAF press releases and the 588 UN 1267 narratives into a
# fresh store, imports the UN list when the build has `import sanctions`,
# and scores the narratives' "Related listed individuals and entities" links
# (bench/related_links.py says how). Appends a row to
# bench/results/related_links.md. Reads ../shared; skips when absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
if [ ! -d "$shared/corpus/isaf" ]; then
  echo "skip: $shared/corpus not found" >&2
  exit 0
fi
cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-cli
bin=${CARGO_TARGET_DIR:-$root/target}/release/untangle
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db=$work/r.db
if "$bin" import --help >/dev/null 2>&1; then
  "$bin" --db "$db" import sanctions "$root/data/sanctions/un-consolidated-2025-04-19.xml" >/dev/null
fi
"$bin" --db "$db" ingest "$shared/corpus/seed" "$shared/corpus/isaf" \
  "$shared/data/sanctions/un-narratives-2015/1267/narratives"
res=$(python3 "$root/bench/related_links.py" "$bin" "$db")
echo "$res" | sed '$d'
json=$(echo "$res" | tail -1)
out=$root/bench/results/related_links.md
commit=$(git -C "$root" rev-parse --short HEAD)
if ! git -C "$root" diff --quiet -- crates bench; then commit="$commit+"; fi
python3 - "$json" "$out" "$commit" <<'PY'
import json, sys, datetime
r, out, commit = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
row = (f"| {datetime.date.today()} | {commit} | {r['subject_accuracy']:.3f} | "
       f"{r['comention_precision']:.3f} | {r['comention_recall']:.3f} | "
       f"{r['ties_precision']:.3f} | {r['ties_recall']:.3f} | "
       f"{r['taliban_actors']} | {r['al_qaeda_actors']} |\n")
open(out, "a").write(row)
PY
echo "appended to $out"
