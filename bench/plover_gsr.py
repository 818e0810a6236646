#!/usr/bin/env python3
"""Sentence-level event benchmark: the PLOVER gold-standard records.

`../shared/data/dictionaries/plover/PLOVER_GSR_CAMEO.txt` (Open Event Data
Alliance, CC BY-SA 4.0) holds 322 hand-coded sentences from the CAMEO
manual's examples, each with one event: its type, its source actors and its
target actors. They cover every PLOVER category, worded the many ways news
writes them, so they measure how far the trigger lexicon and the argument
rules reach beyond the reports the project was developed on.

Usage (bench/plover.sh runs it):

  plover_gsr.py input GSR_JSON OUT_JSONL
  plover_gsr.py score GSR_JSON PREDICTIONS_JSON [--errors N] [--types]

Scoring, per record (one sentence, one document, published 2000-01-01):

* types: the records use the 2016 draft categories; they are mapped to the
  16 current ones with the PLOVER manual's own table (DEMAND -> REQUEST,
  DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
* type recall: some extracted event has the record's type.
* source recall / target recall (over records with a type hit and that
  field coded): some event of that type names, among its agents (targets),
  an actor of the record: the actor's text folded equals or is contained in
  an entity's name or alias (or the reverse), or the entity's country code
  is the actor's code (`country:JOR` for "Jordanian"). A source found among
  the targets or the reverse counts as a role swap, reported apart.
* full: type, source (when coded) and target (when coded) all found on one
  event.
* extra types: events of other types than the record's, per record (each
  sentence codes one event, so these are mostly false alarms; a sentence
  can truly hold a second one).
"""
import json
import re
import sys
import unicodedata
from collections import Counter

OLD_TO_NEW = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
}


def fold(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’ʿʾ]", "", s)
    s = re.sub(r"[-.]", " ", s)
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


def records(path):
    for r in json.load(open(path, encoding="utf-8")):
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        t = OLD_TO_NEW.get(r["event"], r["event"])
        assert t in TYPES, t
        yield r, t


def actors(field):
    if not isinstance(field, list):
        return []
    return [a for a in field if isinstance(a, dict) and a.get("actorText")]


def make_input(src, out):
    with open(out, "w", encoding="utf-8") as f:
        for r, _ in records(src):
            f.write(json.dumps({"text": r["text"].strip(), "source": "PLOVER GSR",
                                "title": r["id"], "published": "2000-01-01"}) + "\n")


def entity_keys(e):
    names = {fold(e.get("name"))} | {fold(a) for a in e.get("aliases", [])}
    code = None
    lid = e.get("lexicon_id") or ""
    if lid.startswith("country:"):
        code = lid.split(":", 1)[1]
    return {n for n in names if n}, code


def actor_hit(actor, ent):
    names, code = entity_keys(ent)
    a = fold(actor["actorText"])
    if code and actor.get("code") == code:
        return True
    for n in names:
        if a == n or re.search(r"\b%s\b" % re.escape(a), n) or re.search(r"\b%s\b" % re.escape(n), a):
            return True
    return False


def any_hit(acts, ids, ents):
    return any(actor_hit(a, ents[i]) for a in acts for i in ids if i in ents)


def score(src, preds_path, errors=0, per_type=False):
    preds = json.load(open(preds_path, encoding="utf-8"))
    recs = list(records(src))
    assert len(preds) == len(recs), (len(preds), len(recs))
    hits = Counter()
    by_type = {}
    misses = []
    for (r, t), p in zip(recs, preds):
        ents = {e["id"]: e for e in p.get("entities", [])}
        evs = p.get("events", [])
        same = [e for e in evs if e["type"] == t]
        src_a, tgt_a = actors(r.get("source")), actors(r.get("target"))
        bt = by_type.setdefault(t, Counter())
        hits["n"] += 1
        bt["n"] += 1
        hits["extra"] += sum(1 for e in evs if e["type"] != t)
        if not same:
            misses.append((r, t, p, "type"))
            continue
        hits["type"] += 1
        bt["type"] += 1
        full = False
        for e in same:
            s_ok = not src_a or any_hit(src_a, e.get("agents", []), ents)
            t_ok = not tgt_a or any_hit(tgt_a, e.get("targets", []), ents)
            full = full or (s_ok and t_ok)
        if src_a:
            hits["src_n"] += 1
            if any(any_hit(src_a, e.get("agents", []), ents) for e in same):
                hits["src"] += 1
            elif any(any_hit(src_a, e.get("targets", []), ents) for e in same):
                hits["swap"] += 1
        if tgt_a:
            hits["tgt_n"] += 1
            if any(any_hit(tgt_a, e.get("targets", []), ents) for e in same):
                hits["tgt"] += 1
        if full:
            hits["full"] += 1
            bt["full"] += 1
        else:
            misses.append((r, t, p, "roles"))
    n = hits["n"]
    res = {
        "records": n,
        "type_recall": hits["type"] / n,
        "source_recall": hits["src"] / max(hits["src_n"], 1),
        "target_recall": hits["tgt"] / max(hits["tgt_n"], 1),
        "role_swaps": hits["swap"],
        "full": hits["full"] / n,
        "extra_per_record": hits["extra"] / n,
    }
    if per_type:
        for t in sorted(by_type):
            c = by_type[t]
            print(f"  {t:10s} n={c['n']:3d}  type {c['type'] / c['n']:.2f}  full {c['full'] / c['n']:.2f}")
    if errors:
        for r, t, p, why in misses[:errors]:
            ents = {e["id"]: e["name"] for e in p.get("entities", [])}
            got = [(e["type"], [ents.get(a) for a in e.get("agents", [])],
                    [ents.get(a) for a in e.get("targets", [])]) for e in p.get("events", [])]
            print(f"- [{why}] {t} src={[a['actorText'] for a in actors(r.get('source'))]} "
                  f"tgt={[a['actorText'] for a in actors(r.get('target'))]}\n    {r['text'].strip()}\n    got {got}")
    return res


def main(argv):
    if len(argv) >= 4 and argv[1] == "input":
        make_input(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "score":
        errors = int(argv[argv.index("--errors") + 1]) if "--errors" in argv else 0
        res = score(argv[2], argv[3], errors, "--types" in argv)
        print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()}))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
