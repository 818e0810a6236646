#!/usr/bin/env python3
"""Alias-linking benchmark (issue 5): untangle's name matcher against
RapidFuzz on held-out aliases of the UN consolidated list.

Method (also in bench/results/alias_link.md):

- Positives. From the 2025 UN list, each individual's Good aliases and each
  entity's a.k.a./f.k.a. aliases (distinct spellings per record) are held
  out at random, 20% per record in expectation: floor(0.2 n) aliases, plus
  one more with probability 0.2 n - floor(0.2 n) (fixed seed). A record
  with one good alias loses it with probability 0.2, so records with few
  aliases are represented without inflating the share. The reduced list
  (held-out aliases removed, everything else as is) is written as XML and
  imported with `untangle import sanctions`; each held-out alias is a query
  whose answer is its record.
- Negatives, as many as positives and with the same person/organisation
  mix: primary names of OFAC SDN entries (2022) whose programmes have no UN
  counterpart (no SDGT, SDT, FTO, IRAQ*, DPRK*, NPWMD, LIBYA*, SOMALIA,
  DRCONGO, CAR, SOUTH SUDAN, DARFUR, YEMEN, MALI*, ...), i.e. drug
  traffickers, Iran, Syria, Russia/Ukraine, Venezuela, Balkans, Cuba,
  Magnitsky...; a name is dropped when its folded token set (NFKD, lower
  case, letters and digits only, sorted) equals that of any name on the full
  2025 UN list. Iranian and Syrian names are kept on purpose: they share
  the Arabic name stock with the list and make false links possible.
- untangle: one `untangle resolve lookup --batch` process (NAME<TAB>TYPE per
  line); a query is a correct top-1 when the best candidate links (score >=
  the matcher's threshold) and is the right record; a negative is a false
  link when its best candidate links. Time per query: the process's wall
  time / queries, and lookups only (index build excluded) from the timing
  the command reports.
- RapidFuzz: `process.extractOne(query, names, scorer=fuzz.token_sort_ratio)`
  over the same imported names (primary names and all remaining aliases),
  restricted to the query's type as untangle is, names pre-processed once
  with `utils.default_process` (its fastest fair setup); the score threshold
  is swept 0..100 and the one that maximises its own F1 (precision: correct
  links / links; recall: correct links / positives) is reported. Time per
  query: the extractOne loop / queries.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
import csv

# OFAC programmes with a UN sanctions counterpart (terrorism, and the
# country regimes the UN list covers): entries under any of them may be on
# the UN list, so they are never negatives.
UN_LIKE = (
    "SDGT", "SDT", "FTO", "IRAQ", "DPRK", "NPWMD", "LIBYA", "SOMALIA", "DRCONGO", "CAR",
    "SOUTH SUDAN", "DARFUR", "YEMEN", "MALI", "SUDAN", "HAITI", "GUINEA", "LEBANON",
    "NS-PLC", "HIFPAA",
)


def un_like(programme):
    return any(programme == p or programme.startswith(p) for p in UN_LIKE)


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    toks = "".join(c if c.isalnum() else " " for c in s).split()
    return " ".join(sorted(toks))


def uninvert(n):
    if ", " in n:
        last, first = n.split(", ", 1)
        if last.strip() and first.strip():
            return f"{first.strip()} {last.strip()}"
    return n.strip()


def record_names(rec):
    """Primary name (FIRST..FOURTH joined) and aliases (name, quality, elem)."""
    parts = [(rec.findtext(t) or "").strip() for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    primary = " ".join(" ".join(p for p in parts if p).split())
    aliases = []
    for a in list(rec.findall("INDIVIDUAL_ALIAS")) + list(rec.findall("ENTITY_ALIAS")):
        n = " ".join((a.findtext("ALIAS_NAME") or "").split())
        q = (a.findtext("QUALITY") or "").strip()
        if n:
            aliases.append((n, q, a))
    return primary, aliases


def is_good(q):
    return q.lower() in ("good", "a.k.a.", "f.k.a.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--un", required=True)
    ap.add_argument("--ofac", required=True, help="folder with sdn.csv")
    ap.add_argument("--untangle", required=True, help="the untangle binary")
    ap.add_argument("--seed", type=int, default=20250419)
    ap.add_argument("--out", required=True, help="folder for raw outputs")
    ap.add_argument("--fraction", type=float, default=0.2)
    ap.add_argument("--dump-misses", metavar="FILE",
                    help="write one JSON line per missed positive and false link: query, "
                         "gold entry's remaining names, untangle's top candidate and score, "
                         "whether the query is within the name-only ceiling")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)

    tree = ET.parse(args.un)
    root = tree.getroot()
    all_folded = set()
    positives = []  # (query, type, ref)
    for tag, kind in (("INDIVIDUAL", "person"), ("ENTITY", "organization")):
        for rec in root.iter(tag):
            ref = rec.findtext("REFERENCE_NUMBER").strip()
            primary, aliases = record_names(rec)
            all_folded.add(fold(primary))
            for n, _, _ in aliases:
                all_folded.add(fold(n))
            seen = set()
            good = []
            for n, q, el in aliases:
                if is_good(q) and n not in seen:
                    seen.add(n)
                    good.append((n, el))
            if not good:
                continue
            rng.shuffle(good)
            want = args.fraction * len(good)
            k = math.floor(want) + (1 if rng.random() < want - math.floor(want) else 0)
            held = good[:k]
            held_names = {n for n, _ in held}
            for n, _ in held:
                positives.append((n, kind, ref))
            # Remove every element carrying a held-out spelling (duplicates
            # too), so the answer is not left on the list.
            for a in list(rec.findall(f"{tag}_ALIAS")):
                if " ".join((a.findtext("ALIAS_NAME") or "").split()) in held_names:
                    rec.remove(a)
    reduced = os.path.join(args.out, "un-reduced.xml")
    tree.write(reduced, encoding="utf-8", xml_declaration=True)

    # Negatives from OFAC.
    cands = {"person": [], "organization": []}
    with open(os.path.join(args.ofac, "sdn.csv"), encoding="utf-8", newline="") as f:
        for r in csv.reader(f):
            if len(r) != 12:
                continue
            typ = r[2].strip()
            kind = {"individual": "person", "-0-": "organization"}.get(typ)
            if kind is None:
                continue
            progs = [p.strip("[] ") for p in r[3].split("] [")]
            if any(un_like(p) for p in progs):
                continue
            name = r[1].strip()
            name = uninvert(name) if kind == "person" else name
            if fold(name) in all_folded:
                continue
            cands[kind].append(name)
    need = {"person": sum(1 for p in positives if p[1] == "person"),
            "organization": sum(1 for p in positives if p[1] == "organization")}
    negatives = []
    for kind in ("person", "organization"):
        pool = sorted(set(cands[kind]))
        rng.shuffle(pool)
        negatives += [(n, kind, None) for n in pool[: need[kind]]]

    queries = positives + negatives
    qfile = os.path.join(args.out, "queries.tsv")
    with open(qfile, "w", encoding="utf-8") as f:
        for n, kind, _ in queries:
            f.write(f"{n}\t{kind}\n")

    # untangle: import the reduced list, then one batch process.
    db = os.path.join(args.out, "alias_link.db")
    for ext in ("", "-wal", "-shm"):
        if os.path.exists(db + ext):
            os.remove(db + ext)
    env = dict(os.environ)
    env.pop("UNTANGLE_DB", None)
    subprocess.run([args.untangle, "--db", db, "import", "sanctions", reduced], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    t0 = time.perf_counter()
    p = subprocess.run([args.untangle, "--db", db, "--json", "resolve", "lookup", "--batch", qfile],
                       check=True, capture_output=True, env=env)
    wall = time.perf_counter() - t0
    out = json.loads(p.stdout)
    with open(os.path.join(args.out, "untangle.json"), "wb") as f:
        f.write(p.stdout)
    results = out["results"]
    assert len(results) == len(queries)
    u_correct = sum(1 for (q, k, ref), r in zip(positives, results) if r["linked"] == f"un:{ref}")
    u_false = sum(1 for r in results[len(positives):] if r["linked"] is not None)
    misses = [(q, ref, r["candidates"][0] if r["candidates"] else None)
              for (q, k, ref), r in zip(positives, results) if r["linked"] != f"un:{ref}"]
    falses = [(q, r["candidates"][0]) for (q, k, _), r in zip(negatives, results[len(positives):])
              if r["linked"] is not None]
    with open(os.path.join(args.out, "untangle_errors.txt"), "w", encoding="utf-8") as f:
        for q, ref, c in misses:
            f.write(f"MISS {q!r} -> want {ref}; got {json.dumps(c, ensure_ascii=False)}\n")
        for q, c in falses:
            f.write(f"FALSE {q!r} -> {json.dumps(c, ensure_ascii=False)}\n")

    # RapidFuzz over the same imported names.
    from rapidfuzz import fuzz, process, utils
    rtree = ET.parse(reduced)
    names = {"person": [], "organization": []}
    owners = {"person": [], "organization": []}
    for tag, kind in (("INDIVIDUAL", "person"), ("ENTITY", "organization")):
        for rec in rtree.getroot().iter(tag):
            ref = rec.findtext("REFERENCE_NUMBER").strip()
            primary, aliases = record_names(rec)
            for n in [primary] + [a[0] for a in aliases]:
                names[kind].append(utils.default_process(n))
                owners[kind].append(ref)
    t0 = time.perf_counter()
    rf = []
    for q, kind, _ in queries:
        m = process.extractOne(utils.default_process(q), names[kind], scorer=fuzz.token_sort_ratio,
                               processor=None)
        rf.append((owners[kind][m[2]], m[1]) if m else (None, 0.0))
    rf_time = time.perf_counter() - t0
    best = None
    for t in range(0, 101):
        correct = sum(1 for (q, k, ref), (o, s) in zip(positives, rf) if s >= t and o == ref)
        links = sum(1 for o, s in rf if s >= t)
        false_neg = sum(1 for o, s in rf[len(positives):] if s >= t)
        prec = correct / links if links else 0.0
        rec = correct / len(positives)
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if best is None or f1 > best[0]:
            best = (f1, t, correct / len(positives), false_neg / len(negatives))
    # untangle's F1 on the same definition, for the record.
    u_links = u_correct + u_false + sum(
        1 for (q, k, ref), r in zip(positives, results) if r["linked"] not in (None, f"un:{ref}"))
    u_prec = u_correct / u_links if u_links else 0.0
    u_rec = u_correct / len(positives)
    u_f1 = 2 * u_prec * u_rec / (u_prec + u_rec) if u_prec + u_rec else 0.0

    # RapidFuzz at the false-link rate untangle runs at (the highest
    # threshold whose false-link rate does not exceed untangle's).
    rf_eq = None
    for t in range(0, 101):
        correct = sum(1 for (q, k, ref), (o, s) in zip(positives, rf) if s >= t and o == ref)
        false_neg = sum(1 for o, s in rf[len(positives):] if s >= t)
        if false_neg / len(negatives) <= u_false / len(negatives):
            rf_eq = (t, correct / len(positives), false_neg / len(negatives))
            break

    # Name-only ceiling: held-out aliases sharing at least one folded token
    # (not among the 40 commonest on the list) with a name left on their
    # record. An alias sharing none ("Mullah Krekar" for Najmuddin Faraj
    # Ahmad) cannot be found from its spelling by any name matcher.
    counts = {}
    left = {}
    for tag in ("INDIVIDUAL", "ENTITY"):
        for rec in rtree.getroot().iter(tag):
            ref = rec.findtext("REFERENCE_NUMBER").strip()
            primary, aliases = record_names(rec)
            for nm in [primary] + [a[0] for a in aliases]:
                toks = set(fold(nm).split())
                left.setdefault(ref, []).append(toks)
                for t in toks:
                    counts[t] = counts.get(t, 0) + 1
    common = {t for t, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:40]}
    reachable = sum(
        1 for q, k, ref in positives
        if any(({t for t in fold(q).split() if len(t) >= 3} - common) & toks for toks in left.get(ref, []))
    )

    if args.dump_misses:
        def within(q, ref):
            return any(({t for t in fold(q).split() if len(t) >= 3} - common) & toks
                       for toks in left.get(ref, []))
        remaining = {}
        for tag in ("INDIVIDUAL", "ENTITY"):
            for rec in rtree.getroot().iter(tag):
                ref = rec.findtext("REFERENCE_NUMBER").strip()
                primary, aliases = record_names(rec)
                remaining[ref] = [primary] + [f"{a[0]} [{a[1]}]" for a in aliases]
        # A second, untimed run with more candidates: where the gold entry
        # ranks and what it scores when it is not first.
        wide = json.loads(subprocess.run(
            [args.untangle, "--db", db, "--json", "resolve", "lookup", "--batch", qfile, "--limit", "20"],
            check=True, capture_output=True, env=env).stdout)["results"]
        with open(args.dump_misses, "w", encoding="utf-8") as f:
            for (q, k, ref), r, w in zip(positives, results, wide):
                if r["linked"] == f"un:{ref}":
                    continue
                top = r["candidates"][0] if r["candidates"] else None
                gold = next(({**c, "rank": i + 1} for i, c in enumerate(w["candidates"])
                             if c["id"] == f"un:{ref}"), None)
                f.write(json.dumps({
                    "kind": "miss", "query": q, "type": k, "gold": ref,
                    "within_ceiling": within(q, ref),
                    "gold_names": remaining.get(ref, []),
                    "top": top and {x: top.get(x) for x in ("id", "score", "matched_name", "linked", "reasons")},
                    "gold_candidate": gold and {x: gold.get(x) for x in ("rank", "score", "matched_name", "reasons")},
                }, ensure_ascii=False) + "\n")
            for (q, k, _), r in zip(negatives, results[len(positives):]):
                if r["linked"] is None:
                    continue
                top = r["candidates"][0]
                f.write(json.dumps({
                    "kind": "false", "query": q, "type": k,
                    "top": {x: top.get(x) for x in ("id", "score", "matched_name", "reasons")},
                }, ensure_ascii=False) + "\n")

    n = len(queries)
    summary = {
        "seed": args.seed,
        "positives": len(positives),
        "negatives": len(negatives),
        "records": out["timing"]["records"],
        "untangle": {
            "top1": u_correct / len(positives),
            "false_link": u_false / len(negatives),
            "f1": u_f1,
            "ms_per_query_wall": wall / n * 1000,
            "us_per_query_lookup": out["timing"]["lookup_seconds"] / n * 1e6,
            "index_seconds": out["timing"]["index_seconds"],
        },
        "name_only_ceiling": reachable / len(positives),
        "rapidfuzz_at_untangle_false_link_rate": {
            "threshold": rf_eq[0] if rf_eq else None,
            "top1": rf_eq[1] if rf_eq else None,
            "false_link": rf_eq[2] if rf_eq else None,
        },
        "rapidfuzz": {
            "threshold": best[1],
            "f1": best[0],
            "top1": best[2],
            "false_link": best[3],
            "ms_per_query": rf_time / n * 1000,
        },
    }
    summary["speedup_wall"] = summary["rapidfuzz"]["ms_per_query"] / summary["untangle"]["ms_per_query_wall"]
    summary["speedup_lookup"] = summary["rapidfuzz"]["ms_per_query"] * 1000 / summary["untangle"]["us_per_query_lookup"]
    json.dump(summary, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
