#!/usr/bin/env python3
"""Write AG News test items back out as plain text, for answer-key sets.

The AG News test set (../shared/data/news/ag-news-test.csv) is
evaluation-only data (../shared/data/SOURCES.md): its texts are never
copied into this repository. Answer keys made on some of its items
(crates/extract/tests/gold_blind26 ...) name an item by its row number
(0-based, header excluded), and this script rebuilds the item's text from
../shared each time:

    python3 bench/ag_news_docs.py OUT_DIR 12 345 ...

writes OUT_DIR/agnews-0012.txt etc.: the title on the first line, then the
description as one paragraph. The feed's escapes are undone: a backslash
stands for a line break, `#36;` for `$`, `#39;` for an apostrophe, and
`quot;`/`amp;`/`lt;`/`gt;` for their characters.
"""
import csv
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("UNTANGLE_SHARED", os.path.join(ROOT, "..", "shared"))


def unescape(s):
    s = s.replace("\\", " ")
    s = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), s)
    for a, b in (("quot;", '"'), ("amp;", "&"), ("lt;", "<"), ("gt;", ">")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: ag_news_docs.py OUT_DIR ROW...")
    out = argv[0]
    path = os.path.join(SHARED, "data", "news", "ag-news-test.csv")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    os.makedirs(out, exist_ok=True)
    for a in argv[1:]:
        i = int(a)
        if not 0 <= i < len(rows):
            sys.exit(f"{path}: no row {i} (0..{len(rows) - 1})")
        r = rows[i]
        with open(os.path.join(out, f"agnews-{i:04d}.txt"), "w", encoding="utf-8") as f:
            f.write(unescape(r["title"]) + "\n\n" + unescape(r["description"]) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
