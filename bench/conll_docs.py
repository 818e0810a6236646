#!/usr/bin/env python3
"""Write CoNLL-2003 documents back out as plain text, for answer-key sets.

CoNLL-2003 (Reuters, August and December 1996) is evaluation-only data
(../shared/data/SOURCES.md): its texts are never copied into this
repository. Answer keys made on some of its documents
(crates/extract/tests/gold_blind13 ...) name a document by its number, and
this script rebuilds that document's text from ../shared each time:

    python3 bench/conll_docs.py OUT_DIR 15 206 ...

writes OUT_DIR/conll-0015.txt etc. Documents are numbered in the order
train, valid, test (0-based, counting -DOCSTART- lines). The first sentence
is the headline, a sentence made only of a city and a date (or a byline)
gets its own line, and the body sentences are one paragraph each, the way
Reuters wire copy is laid out. Tokens are joined with the spacing rules of
English print (no space before , . ; : ) 's n't, none after ( and opening
quotes).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("UNTANGLE_SHARED", os.path.join(ROOT, "..", "shared"))
FILES = ["train.txt", "valid.txt", "test.txt"]


def documents():
    docs, cur, sent = [], None, []
    for name in FILES:
        path = os.path.join(SHARED, "data", "ner", "conll2003", name)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("-DOCSTART-"):
                    if sent and cur is not None:
                        cur.append(sent)
                    if cur:
                        docs.append(cur)
                    cur, sent = [], []
                elif not line.strip():
                    if sent and cur is not None:
                        cur.append(sent)
                    sent = []
                else:
                    sent.append(line.split()[0])
        if sent and cur is not None:
            cur.append(sent)
        if cur:
            docs.append(cur)
        cur, sent = None, []
    return docs


NO_SPACE_BEFORE = {",", ".", ";", ":", ")", "]", "'s", "n't", "'", "%", "?", "!", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$"}


class Detok:
    """Joins tokens; the open/closed state of straight quotes carries over
    from one sentence to the next, since CoNLL splits quoted speech into
    sentences."""

    def __init__(self):
        self.quote_open = False

    def sentence(self, tokens):
        out = ""
        prev = None
        for t in tokens:
            if t == '"':
                if self.quote_open:
                    out += t
                    prev = "closing"
                else:
                    out += ("" if not out or prev in NO_SPACE_AFTER else " ") + t
                    prev = t
                self.quote_open = not self.quote_open
                continue
            space = bool(out) and t not in NO_SPACE_BEFORE and prev not in NO_SPACE_AFTER and prev != '"'
            out += (" " if space else "") + t
            prev = t
        return out


def render(sentences):
    """Headline, byline and dateline each on a line of their own; body
    sentences one paragraph each, except that a quotation running over
    several sentences stays in one paragraph."""
    d = Detok()
    text = ""
    for s in sentences:
        inside = d.quote_open
        line = d.sentence(s)
        if text:
            text += " " if inside else "\n\n"
        text += line
    return text + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: conll_docs.py OUT_DIR DOC_NUMBER ...")
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    docs = documents()
    for arg in sys.argv[2:]:
        n = int(arg)
        if not 0 <= n < len(docs):
            sys.exit(f"conll_docs.py: no document {n} (there are {len(docs)})")
        text = render(docs[n])
        with open(os.path.join(out_dir, f"conll-{n:04d}.txt"), "w", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
