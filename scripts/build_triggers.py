#!/usr/bin/env python3
"""Compile data/lexicon/cameo_triggers.tsv: event trigger verbs taken whole
from the PETRARCH2 CAMEO verb dictionary and typed with CAMEO2PLOVER.

The hand-curated `event_triggers.tsv` holds the triggers the extractor was
developed on, with their modes and nouns. This table widens it with verbs
of CAMEO verb blocks that carry a code (a block's head or its synonyms, with
the code a synonym gives itself), typed with the PLOVER manual's
CAMEO2PLOVER-2021 table. Verbs under CAMEO 01 (public statements)
and 02 (appeals) are dropped by that table, and so here. A form the curated
table already has is left to it.

Sources (both may ship; see data/lexicon/ATTRIBUTION.md):
  ../shared/data/dictionaries/petrarch2/CAMEO.2.0.txt   (MIT, OEDA)
  ../shared/data/dictionaries/plover/CAMEO2PLOVER-2021.txt (CC BY-SA 4.0)

Only the verbs of KEEP (below) are taken: most synonyms in a CAMEO block
do not code its act in news text.

Usage: python3 scripts/build_triggers.py [--shared ../shared] [--out data/lexicon]
"""

import argparse
import os
import re
import sys

# The verbs kept, by the PLOVER type their CAMEO code maps to. CAMEO's
# verb blocks are WordNet synonym sets, and most synonyms of a coded verb do
# not code that act in news text ("boost", "govern" and "conduct" sit in
# CAMEO 06x blocks; "fine", "force", "bar", "tax" and "pressure" are nouns
# far more often than acts). Each type's list below was reviewed verb by
# verb against its block; the types of cooperation (AGREE, CONSULT, SUPPORT,
# COOPERATE, AID, CONCEDE) stay with the curated table, where their many
# everyday senses are handled one by one.
KEEP = {
    "ASSAULT": {
        "annihilate", "assail", "blitz", "blow up", "bludgeon", "butcher",
        "decapitate", "decimate", "demolish", "devastate", "dynamite", "fight",
        "flog", "mistreat", "obliterate", "overpower", "overwhelm", "pillage",
        "plunder", "ransack", "rape", "ravage", "raze", "repulse", "retaliate",
        "shoot down", "slaughter", "slay", "snipe", "stab", "stamp out",
        "strangle", "string up", "terrorize", "torch", "torture",
        "vandalise", "vandalize", "wipe out", "mutilate", "massacre",
    },
    "COERCE": {
        "annex", "ban", "banish", "besiege", "blackmail", "blockade", "boot out",
        "censor", "commandeer", "confine", "cordon off", "crack down",
        "criminalise", "criminalize", "disallow", "embargo", "evict", "exile",
        "forbid", "hijack", "illegalise", "illegalize", "imprison",
        "incarcerate", "interdict", "kick out", "nab", "oust", "outlaw",
        "prohibit", "proscribe", "quell", "re-arrest", "rearrest",
        "recapture", "reimpose", "repress", "snatch", "subdue", "suppress",
        "deport", "kidnap", "abduct", "detain", "arrest", "apprehend",
        "confiscate", "expel", "jail", "intern",
    },
    "ACCUSE": {
        "berate", "castigate", "censure", "chastise", "chide", "decry",
        "denigrate", "deplore", "deride", "disparage", "implicate",
        "lambaste", "malign", "pillory", "rebuke", "remonstrate", "reprimand",
        "reproach", "ridicule", "scold", "slander", "indict",
    },
    "PROTEST": {"riot", "agitate"},
    "MOBILIZE": {"muster", "marshal", "overfly", "mobilise", "mobilize"},
    "REJECT": {"defy", "spurn", "repudiate"},
    "REQUEST": {"entreat", "exhort", "implore", "beseech"},
}

PARTICLES = {"up", "down", "out", "off", "in", "on", "away", "back", "over", "into", "to", "with", "against", "from", "for"}


def inflect(v):
    """Regular English forms of a verb: base, 3sg, past, -ing."""
    if re.search(r"(s|x|z|ch|sh)$", v):
        s = v + "es"
    elif re.search(r"[^aeiou]y$", v):
        s = v[:-1] + "ies"
    else:
        s = v + "s"
    if v.endswith("e"):
        ed, ing = v + "d", (v[:-1] + "ing" if not v.endswith("ee") else v + "ing")
    elif re.search(r"[^aeiou]y$", v):
        ed, ing = v[:-1] + "ied", v + "ing"
    else:
        ed, ing = v + "ed", v + "ing"
    return [v, s, ed, ing]


def load_plover(path):
    table = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d+):\s*(.*)$", line)
        if not m:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        if not parts or not parts[0]:
            continue
        table[m.group(1)] = (parts[0], parts[1] if len(parts) > 1 else "")
    return table


def plover_of(code, table):
    """The PLOVER type and mode of a CAMEO code (longest known prefix)."""
    for k in range(len(code), 1, -1):
        hit = table.get(code[:k])
        if hit:
            return hit
    return None


def parse_cameo(path):
    """(verb words, explicit forms or None, CAMEO code) for each verb line of a coded block."""
    out = []
    block_code = None
    in_blocks = False
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.rstrip("\n")
        if line.startswith("####### VERB PATTERNS"):
            in_blocks = True
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            in_blocks = True
            code = m.group(2).strip()
            block_code = code if re.fullmatch(r"\d+", code) else None
            continue
        if not in_blocks or not line.strip() or line.startswith(("#", "-", "&")):
            continue
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        code_m = re.search(r"\[([^\]]*)\]", body)
        code = code_m.group(1).strip() if code_m else block_code
        body = re.sub(r"\[[^\]]*\]", "", body).strip()
        forms_m = re.search(r"\{([^}]*)\}", body)
        forms = None
        if forms_m:
            forms = [f.lstrip("+") for f in forms_m.group(1).split()]
            body = body[: forms_m.start()].strip()
        if not code or not re.fullmatch(r"\d+", code):
            continue
        phrasal = body.startswith("+")
        verb = body.lstrip("+").strip()
        if not re.fullmatch(r"[A-Z][A-Z_\-]*", verb):
            continue
        words = verb.lower().split("_")
        if phrasal and (len(words) != 2 or words[1] not in PARTICLES):
            continue
        if not phrasal and len(words) != 1:
            continue
        out.append((words, [f.lower() for f in forms] if forms else None, code))
    return out


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "lexicon"))
    a = ap.parse_args()
    cameo = os.path.join(a.shared, "data/dictionaries/petrarch2/CAMEO.2.0.txt")
    c2p = os.path.join(a.shared, "data/dictionaries/plover/CAMEO2PLOVER-2021.txt")
    for p in (cameo, c2p):
        if not os.path.exists(p):
            sys.exit(f"missing source: {p}")
    table = load_plover(c2p)
    curated = set()
    for line in open(os.path.join(a.out, "event_triggers.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        curated.add(cols[0].replace(" ", "_"))
        for f in cols[1].split("|"):
            curated.add(f)
    rows = {}
    for words, forms, code in parse_cameo(cameo):
        if code.startswith(("01", "02")):
            continue
        pl = plover_of(code, table)
        if not pl or pl[0] not in {
            "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
            "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
            "MOBILIZE", "COERCE", "ASSAULT",
        }:
            continue
        lemma = "_".join(words)
        if " ".join(words) not in KEEP.get(pl[0], ()) or lemma in curated:
            continue
        head = words[0]
        if forms:
            base_forms = [head] + [f.split("_")[0] for f in forms]
        else:
            base_forms = inflect(head)
        tail = " ".join(words[1:])
        all_forms = []
        for f in base_forms:
            if not re.fullmatch(r"[a-z][a-z\-]*", f):
                continue
            full = f + (" " + tail if tail else "")
            if full not in curated and full not in all_forms:
                all_forms.append(full)
        if not all_forms:
            continue
        key = lemma
        if key in rows:
            continue
        mode = pl[1].strip().replace(" ", "_") or "-"
        rows[key] = (lemma.replace("_", " "), "|".join(all_forms), "V", pl[0], mode, code)
    with open(os.path.join(a.out, "cameo_triggers.tsv"), "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/build_triggers.py from the PETRARCH2 CAMEO verb\n")
        f.write("# dictionary (CAMEO.2.0.txt, MIT, Open Event Data Alliance) typed with\n")
        f.write("# CAMEO2PLOVER-2021 (PLOVER manual, CC BY-SA 4.0). Do not edit by hand.\n")
        f.write("# Columns as event_triggers.tsv: lemma forms pos PLOVER mode CAMEO\n")
        for k in sorted(rows):
            f.write("\t".join(rows[k]) + "\n")
    print(f"cameo_triggers.tsv: {len(rows)} verbs", file=sys.stderr)


if __name__ == "__main__":
    main()
