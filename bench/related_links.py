#!/usr/bin/env python3
"""Cross-document resolution benchmark: do actors land on the right UN
reference entities, so that the links a UN sanctions narrative states
("Related listed individuals and entities: Al-Qaida (QDe.004), ...") join
the right reference entities in untangle's graph?

Input: a store into which the seed article, the ISAF press releases and the
UN 1267 narratives were ingested (bench/related_links.sh does that), read
through the `untangle` CLI only.

For each narrative (the 1267 committee's HTML pages):
  gold      the reference numbers listed after "Related listed individuals
            and entities", each paired with the narrative's own subject
            (its reference number, from the page's heading);
  predicted the narrative's subject is the UN-linked actor first mentioned
            in it; each other UN-linked actor mentioned *before* the related
            list (in the narrative's own sentences, so the answer section is
            never read) is a predicted link ("co-mention"); the stricter
            "ties" variant keeps only pairs joined by an extracted tie.
An actor is UN-linked when its key or one of its ids is a UN reference
number (`un:QDe.004`). Pairs are unordered and counted once over the whole
corpus (the corpus holds second copies of many narratives).

Also reports whether the Taliban and Al-Qaeda each came out as one actor.
"""
import json
import re
import subprocess
import sys

REF = re.compile(r"(?<![A-Za-z])((?:QD|TA)[ie]\.\d{3})(?!\d)")
HEAD = "Related listed individuals and entities"


def cli(bin_, db, *args):
    out = subprocess.run([bin_, "--db", db, "--json", *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def un_id(key):
    if key and key.startswith("un:"):
        return key[3:]
    return None


def main():
    bin_, db = sys.argv[1], sys.argv[2]
    docs = cli(bin_, db, "docs", "list", "--limit", "1000000")
    narratives = [d for d in docs if "/narratives/" in d["locator"]]
    ents = cli(bin_, db, "entities", "--limit", "0")
    by_doc = {}
    for e in ents:
        by_doc.setdefault(e["document"], []).append(e)
    ties = cli(bin_, db, "ties", "--limit", "0")
    tie_pairs = {}
    for t in ties:
        a, b = un_id(t["subject"].get("actor")), un_id(t["object"].get("actor"))
        if a and b and a != b:
            tie_pairs.setdefault(t["source"]["document"], set()).add(frozenset((a, b)))

    gold, co, tied = set(), set(), set()
    subject_right = subject_total = 0
    for d in narratives:
        text = cli(bin_, db, "docs", "show", d["id"])["text"]
        cut = text.find(HEAD)
        if cut < 0:
            continue  # a scraped error page, or a narrative without links
        m = REF.search(text[:cut])
        if not m:
            continue
        subject = m.group(1)
        related = set(REF.findall(text[cut:])) - {subject}
        gold |= {frozenset((subject, r)) for r in related}
        linked = sorted(
            (e["first_mention"], un_id(e.get("actor")))
            for e in by_doc.get(d["id"], [])
            if un_id(e.get("actor")) and e.get("first_mention") is not None
            and e["first_mention"] < cut)
        if not linked:
            continue
        predicted_subject = linked[0][1]
        subject_total += 1
        subject_right += predicted_subject == subject
        others = {u for _, u in linked} - {predicted_subject}
        pairs = {frozenset((predicted_subject, o)) for o in others}
        co |= pairs
        tied |= pairs & tie_pairs.get(d["id"], set())

    def pr(pred):
        hit = len(pred & gold)
        p = hit / len(pred) if pred else 0.0
        r = hit / len(gold) if gold else 0.0
        return p, r

    orgs = cli(bin_, db, "actors", "list", "--type", "organization", "--limit", "0")
    def actors_spelled(pattern):
        rx = re.compile(pattern, re.I)
        return [a for a in orgs if any(rx.fullmatch(s) for s, _ in a["spellings"])]
    taliban = actors_spelled(r"(the )?taliban")
    aq = actors_spelled(r"al[- ]?qa'?[ei]da|al[- ]?qaida")
    p_co, r_co = pr(co)
    p_t, r_t = pr(tied)
    res = {
        "narratives": len(narratives),
        "gold_links": len(gold),
        "subject_accuracy": subject_right / max(subject_total, 1),
        "comention_precision": p_co, "comention_recall": r_co,
        "comention_predicted": len(co),
        "ties_precision": p_t, "ties_recall": r_t, "ties_predicted": len(tied),
        "taliban_actors": len(taliban),
        "taliban_spellings": [s for a in taliban for s, _ in a["spellings"]],
        "al_qaeda_actors": len(aq),
        "al_qaeda_spellings": [s for a in aq for s, _ in a["spellings"]],
    }
    print(f"narratives {len(narratives)}, gold links {len(gold)} (unordered, deduplicated)")
    print(f"subject resolved to its own reference entity: {res['subject_accuracy']:.3f} of {subject_total}")
    print(f"co-mention links: precision {p_co:.3f}, recall {r_co:.3f} ({len(co)} predicted)")
    print(f"tie links:        precision {p_t:.3f}, recall {r_t:.3f} ({len(tied)} predicted)")
    print(f"Taliban actors: {len(taliban)} {res['taliban_spellings'][:8]}")
    print(f"Al-Qaeda actors: {len(aq)} {res['al_qaeda_spellings'][:8]}")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
