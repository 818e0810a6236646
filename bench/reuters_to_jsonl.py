#!/usr/bin/env python3
"""Convert Reuters-21578 SGML (../shared/data/news/reuters21578) to JSONL.

One line per story: text (title + dateline + body), title, published (ISO
date), source "Reuters". Stories with no text at all still get a line (the
title), so the line count is the story count: 21,578.

Usage: reuters_to_jsonl.py SGML_DIR OUT.jsonl
"""
import html
import json
import re
import sys
from datetime import datetime
from pathlib import Path

STORY = re.compile(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
FIELD = {k: re.compile(rf"<{k}>(.*?)</{k}>", re.S) for k in ("DATE", "TITLE", "DATELINE", "BODY", "TEXT")}


def field(name, s):
    m = FIELD[name].search(s)
    return html.unescape(m.group(1)).strip() if m else ""


def main(src, out):
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for path in sorted(Path(src).glob("reut2-*.sgm")):
            raw = path.read_bytes().decode("latin-1")
            for m in STORY.finditer(raw):
                newid, s = m.group(1), m.group(2)
                title, dateline, body = field("TITLE", s), field("DATELINE", s), field("BODY", s)
                if not (title or body):
                    # <TEXT TYPE="UNPROC"> stories have neither title nor body
                    body = re.sub(r"<[^>]+>", " ", field("TEXT", s)).strip()
                text = "\n\n".join(p for p in (title, (dateline + " " + body).strip()) if p)
                rec = {"text": text or f"Reuters story {newid}", "title": title or None,
                       "source": "Reuters", "url": f"reuters21578:{newid}"}
                try:
                    d = datetime.strptime(field("DATE", s).split(".")[0].strip(), "%d-%b-%Y %H:%M:%S")
                    rec["published"] = d.date().isoformat()
                except ValueError:
                    pass
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} stories -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
