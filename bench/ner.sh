#!/usr/bin/env bash
# NER benchmark (issue 3): untangle's recogniser vs spaCy's small English
# model on the CoNLL-2003 test set, same text, one process each. Scores
# (PER/ORG/LOC, exact span match, one scoring function for both) and
# words/s of both, with their ratio, are appended as a row to
# bench/results/ner.md; method in that file's header and in
# bench/ner_eval.py, bench/spacy_ner.py, crates/extract/examples/conll_ner.rs.
#
# spaCy is installed from PyPI into bench/.venv (bench/requirements.txt).
# CoNLL-2003 is evaluation-only and never copied into the repo: it is read
# from ../shared and the script skips, saying so, when that is absent.
# Raw outputs (predictions, timings) are kept in bench-out/ner/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${UNTANGLE_SHARED:-$root/../shared}
conll=$shared/data/ner/conll2003/test.txt
if [ ! -f "$conll" ]; then
  echo "skip: $conll not found (CoNLL-2003 is read from ../shared, never shipped)" >&2
  exit 0
fi

venv=$root/bench/.venv
req=$root/bench/requirements.txt
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s "$req" "$venv/requirements.installed"; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  cp "$req" "$venv/requirements.installed"
fi

cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p untangle-extract --example conll_ner
harness=${CARGO_TARGET_DIR:-$root/target}/release/examples/conll_ner

out=$root/bench-out/ner
mkdir -p "$out"
echo "untangle: recognising..." >&2
"$harness" "$conll" > "$out/untangle.json"
echo "spaCy: recognising (3 timed passes, then the full pipeline for comparison)..." >&2
"$venv/bin/python" "$root/bench/spacy_ner.py" "$conll" > "$out/spacy.json"

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo -)
if [ "$commit" != - ] && [ -n "$(git -C "$root" status --porcelain -- crates Cargo.lock bench 2>/dev/null)" ]; then
  commit="$commit+dirty"
fi
"$venv/bin/python" "$root/bench/ner_eval.py" report "$conll" "$out/spacy.json" "$out/untangle.json" \
  --markdown "$root/bench/results/ner.md" --commit "$commit" --json "$out/report.json"
echo "row appended to bench/results/ner.md" >&2
