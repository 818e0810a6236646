#!/usr/bin/env python3
"""Compile the shipped lexicon (data/lexicon/*.tsv) from shippable sources only.

Sources (see data/lexicon/ATTRIBUTION.md; all may ship inside the project):
  - PETRARCH2 / Phoenix actor dictionaries (MIT): countries, international
    and militarized non-state actors, agents.
  - UN Security Council consolidated sanctions list (UN public data).
  - Afghanistan gazetteer: abubaker47 provinces/districts (MIT), GeoNames
    admin1/admin2 codes and cities >= 5,000 (CC-BY 4.0), Natural Earth
    admin-1 alternate names (public domain).

Evaluation-only data (CoNLL, ACLED, UCDP, WikiEvents, ISAF, gold files...)
is never read here.

Output (UTF-8, tab separated, one record per line, `#` lines are comments):
  entities.tsv  id  type  subtype  name  parent  source  extra
  surfaces.tsv  surface  id  kind  case

  type     person | organization | location | agent | role
  kind     name | alias | abbr | demonym | weak   (weak: low-quality alias)
  case     A = any case, C = first letter must be upper case,
           U = every letter must be upper case (short acronyms: US, IS, ANA)

Usage: python3 scripts/build_lexicon.py [--shared ../shared] [--out data/lexicon]
"""

import argparse
import collections
import json
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

# ---------------------------------------------------------------- folding


def fold(s):
    """The scorer's folding (eval/README.md), used to dedupe surfaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2019\u02bf\u02be`\u2018]", "", s)
    s = re.sub(r"[-\u2010\u2011\u2012\u2013.]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s


def is_latin(s):
    for c in s:
        if c.isalpha():
            name = unicodedata.name(c, "")
            if "LATIN" not in name:
                return False
    return True


VOWELS = set("aeiouy")

# Words that carry no name on their own: a surface made only of these is dropped.
GENERIC = set(
    """
the of for and in on at to a an al el de la le du des del
organization organisation group groups islamic community movement front army
party council committee union league force forces corps command ministry
department agency office service services police guard guards national
international world people peoples popular democratic revolutionary liberation
resistance republic republican state states government federal central
authority assembly congress parliament cabinet military court bank jihad
mujahideen mujahidin brigade brigades battalion battalions cell cells nuclei
nucleus action struggle attack attacks operatives affiliated offshoot linked
militants fighters members supporters leader leaders spokesman commander
unit units new free united social socialist communist arab muslim muslims
holy islam sunni shia shiite forces left right north south east west
northern southern eastern western central region regions province provinces
district city capital islands island coast upper lower greater lesser
municipality territory territories governorate oblast county area zone
special administrative autonomous federation kingdom emirate sultanate
""".split()
)

# Common English words that must never be a one-word name on their own.
COMMON_WORDS = GENERIC | set(
    """
about after all also any because been before being between both but by can
could did does each even every first from had has have he her here him his
how into is it its just last like long made make many may more most much must
my no not now only or other our out over said same see she should since so
some such than that their them then there these they this those through time
too two under up very was way we well were what when where which while who
will with would year you your home order chance hope faith victory dawn light
justice truth freedom independence peace unity solidarity mission call power
will council senate house white black red green blue golden iron steel sword
path star storm tiger tigers lion lions eagle eagles wolves hawks base camp
legion vanguard vanguards martyrs martyr partisans guerrillas partisans
soldiers salvation reform renaissance awakening dignity glory honor honour
revolution defense defence security support relief aid development trust country
foundation fund society institute centre center association network
alliance coalition commission bureau program programme
""".split()
)

ORG_WORDS = set(
    """
army front brigade brigades battalion battalions group groups movement
organization organisation party council committee union league forces force
corps command ministry department agency office service services police
guard guards bank company corporation association society foundation trust
fund institute university center centre commission court assembly
parliament congress government authority network alliance coalition
federation brotherhood militia cells cell nuclei nucleus jihad jamaat
jamaah jama'at harakat harakat-ul tehrik tehreek lashkar jaish jaish-e
ansar hizb hezb hizbul jabhat tanzim hezbollah hizballah hamas taliban
qaeda qaida qa'ida state mujahideen mujahidin mujahedin mujahedeen
revolutionaries rebels guerrillas partisans legion vanguard vanguards
martyrs emirate caliphate school academy institution bureau program
programme radio television tv news times press agency channel airlines
airways ltd inc co llc gmbh limited trading exchange hawala charity
charitable relief mission church secretariat tribunal club board
guerilla guerrilla coordinating coordinator
""".split()
)

PERSON_PARTICLES = set("bin ibn bint abu abd abdul abdel al el ul ud ad ur de da van von".split())

HONORIFICS = set(
    """
sheikh shaikh sheik mullah mulla maulvi mawlawi maulana haji hajji qari mufti
imam emir amir dr mr mrs ms gen general col colonel lt capt captain maj major
sir lord king queen prince princess president prime minister
""".split()
)

# Phoenix/CAMEO role codes (3-letter components after the country code).
ROLE_SUBTYPE = {
    "REB": "armed_group", "INS": "armed_group", "SEP": "armed_group",
    "IMG": "armed_group", "UAF": "armed_group", "RAD": "armed_group",
    "MIL": "armed_force", "GOV": "government", "LEG": "government",
    "COP": "agency", "SPY": "agency", "JUD": "agency",
    "IGO": "intergovernmental", "NGO": "other", "NGM": "other",
    "MED": "media", "BUS": "company", "MNC": "company", "EDU": "academic",
    "OPP": "other", "PTY": "other", "ELI": "other", "CVL": "other",
    "REL": "other", "LAB": "other", "HRI": "other", "HLH": "other",
    "REF": "other", "DEV": "other", "AGR": "other", "ENV": "other",
    "CRM": "other", "MOD": "other", "UIS": "other",
}

# Demonyms: endings that make a single-word country variant an adjective.
DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i", "ic", "er", "ite", "ot", "man", "woman")

# Irregular demonyms absent or unflagged in the Phoenix country file (own list).
EXTRA_DEMONYMS = {
    "SUN": ["Soviet", "Soviets"],
    "GBR": ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
    "NLD": ["Dutch"],
    "IRL": ["Irish", "Irishman", "Irishmen"],
    "DNK": ["Danish", "Dane", "Danes"],
    "FRA": ["French", "Frenchman", "Frenchmen"],
    "CHE": ["Swiss"],
    "THA": ["Thai"],
    "GRC": ["Greek", "Greeks"],
    "TUR": ["Turk", "Turks", "Turkish"],
    "USA": ["American", "Americans"],
    "AFG": ["Afghan", "Afghans"],
    "PAK": ["Pakistani", "Pakistanis"],
    "SAU": ["Saudi", "Saudis"],
    "EGY": ["Egyptian", "Egyptians"],
    "IRN": ["Iranian", "Iranians"],
    "IRQ": ["Iraqi", "Iraqis"],
    "SYR": ["Syrian", "Syrians"],
    "YEM": ["Yemeni", "Yemenis"],
    "SOM": ["Somali", "Somalis"],
    "QAT": ["Qatari", "Qataris"],
    "CHN": ["Chinese"],
    "JPN": ["Japanese"],
    "RUS": ["Russian", "Russians"],
    "IND": ["Indian", "Indians"],
    "ISR": ["Israeli", "Israelis"],
    "DEU": ["German", "Germans"],
    "UZB": ["Uzbek", "Uzbeks"],
    "TJK": ["Tajik", "Tajiks"],
    "TKM": ["Turkmen"],
    "KAZ": ["Kazakh", "Kazakhs"],
    "KGZ": ["Kyrgyz"],
}

# Common English names of a few countries whose Phoenix head is an official form.
COUNTRY_NAME_OVERRIDE = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "RUS": "Russia",
    "SUN": "Soviet Union",
    "IRN": "Iran",
    "SYR": "Syria",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "LAO": "Laos",
    "VNM": "Vietnam",
    "TZA": "Tanzania",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "MDA": "Moldova",
    "MKD": "North Macedonia",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CIV": "Ivory Coast",
}

# Afghan provinces: one common English name per GeoNames admin1 code, and
# the usual transliteration variants (own list; Natural Earth and abubaker47
# add more below).
AF_PROVINCES = {
    "AF.01": ("Badakhshan", ["Badakshan", "Badakhchan"]),
    "AF.02": ("Badghis", ["Badghes", "Badgis"]),
    "AF.03": ("Baghlan", ["Baglan"]),
    "AF.05": ("Bamyan", ["Bamiyan", "Bamian"]),
    "AF.06": ("Farah", ["Farāh"]),
    "AF.07": ("Faryab", ["Fariab", "Faryāb"]),
    "AF.08": ("Ghazni", ["Ghaznī", "Gazni"]),
    "AF.09": ("Ghor", ["Ghowr", "Ghur", "Ghōr"]),
    "AF.10": ("Helmand", ["Hilmand", "Helmend", "Hilmend"]),
    "AF.11": ("Herat", ["Hirat", "Herāt"]),
    "AF.13": ("Kabul", ["Kābul", "Kabol"]),
    "AF.14": ("Kapisa", ["Kāpīsā", "Kapesa"]),
    "AF.17": ("Logar", ["Lowgar", "Loghar", "Lawghar"]),
    "AF.18": ("Nangarhar", ["Ningarhar", "Ningrahar", "Nangrahar", "Nangahar"]),
    "AF.19": ("Nimroz", ["Nimruz", "Nimrooz", "Nimrūz"]),
    "AF.23": ("Kandahar", ["Qandahar", "Kandahār"]),
    "AF.24": ("Kunduz", ["Kondoz", "Qonduz", "Qunduz", "Konduz", "Kundoz"]),
    "AF.26": ("Takhar", ["Takhār"]),
    "AF.27": ("Wardak", ["Vardak", "Maidan Wardak", "Maydan Wardak", "Wardag"]),
    "AF.28": ("Zabul", ["Zabol", "Zābul"]),
    "AF.29": ("Paktika", ["Paktīkā"]),
    "AF.30": ("Balkh", ["Balkh"]),
    "AF.31": ("Jowzjan", ["Jawzjan", "Jozjan", "Juzjan", "Jouzjan", "Jowzjān"]),
    "AF.32": ("Samangan", ["Samangān"]),
    "AF.33": ("Sar-e Pul", ["Sar-e Pol", "Sari Pul", "Sar-i-Pul", "Sar-i Pul", "Saripul", "Sar-e-Pul", "Saripol"]),
    "AF.34": ("Kunar", ["Konar", "Konarha", "Kunarha"]),
    "AF.35": ("Laghman", ["Lagman"]),
    "AF.36": ("Paktia", ["Paktya", "Paktiya", "Paktiyā"]),
    "AF.37": ("Khost", ["Khowst", "Khōst"]),
    "AF.38": ("Nuristan", ["Nurestan", "Nooristan"]),
    "AF.39": ("Uruzgan", ["Oruzgan", "Urozgan", "Orūzgān", "Uruzghan"]),
    "AF.40": ("Parwan", ["Parvan"]),
    "AF.41": ("Daykundi", ["Daikundi", "Daykondi", "Dai Kundi", "Day Kundi"]),
    "AF.42": ("Panjshir", ["Panjsher", "Panjshayr", "Panjsheer"]),
}

# Role and title words (own list) with the tie they hint at.
ROLES = [
    ("leader", "leader_of"), ("head", "leader_of"), ("chief", "leader_of"),
    ("commander", "leader_of"), ("president", "leader_of"), ("chairman", "leader_of"),
    ("chairwoman", "leader_of"), ("chair", "leader_of"), ("emir", "leader_of"),
    ("amir", "leader_of"), ("governor", "leader_of"), ("mayor", "leader_of"),
    ("king", "leader_of"), ("prime minister", "leader_of"), ("supreme leader", "leader_of"),
    ("chief executive", "leader_of"), ("director general", "leader_of"),
    ("secretary general", "leader_of"), ("secretary-general", "leader_of"),
    ("ringleader", "leader_of"), ("warlord", "leader_of"), ("shadow governor", "leader_of"),
    ("deputy", "deputy_of"), ("deputy leader", "deputy_of"), ("vice president", "deputy_of"),
    ("second-in-command", "deputy_of"), ("second in command", "deputy_of"),
    ("No. 2", "deputy_of"), ("number two", "deputy_of"), ("lieutenant", "deputy_of"),
    ("founder", "founder_of"), ("co-founder", "founder_of"), ("cofounder", "founder_of"),
    ("founding member", "founder_of"),
    ("expert", "affiliated_with"), ("director", "affiliated_with"), ("analyst", "affiliated_with"),
    ("researcher", "affiliated_with"), ("professor", "affiliated_with"), ("fellow", "affiliated_with"),
    ("senior fellow", "affiliated_with"), ("scholar", "affiliated_with"), ("lecturer", "affiliated_with"),
    ("editor", "affiliated_with"), ("correspondent", "affiliated_with"), ("reporter", "affiliated_with"),
    ("spokesman", "affiliated_with"), ("spokeswoman", "affiliated_with"), ("spokesperson", "affiliated_with"),
    ("official", "affiliated_with"), ("officer", "affiliated_with"), ("ambassador", "affiliated_with"),
    ("envoy", "affiliated_with"), ("minister", "affiliated_with"), ("adviser", "affiliated_with"),
    ("advisor", "affiliated_with"), ("secretary", "affiliated_with"), ("analyst", "affiliated_with"),
    ("member", "member_of"), ("fighter", "member_of"), ("militant", "member_of"),
    ("operative", "member_of"), ("figure", "member_of"), ("loyalist", "member_of"),
    ("insurgent", "member_of"), ("financier", "member_of"), ("facilitator", "member_of"),
    ("bomb maker", "member_of"), ("recruiter", "member_of"), ("trainer", "member_of"),
    ("sub-commander", "member_of"), ("subcommander", "member_of"),
]

# ---------------------------------------------------------------- helpers


def titlecase(s, acronyms=()):
    """ALL_CAPS_UNDERSCORED -> Title Case, keeping particles and acronyms."""
    small = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "de", "du",
             "la", "le", "des", "del", "bin", "ibn", "wa", "e", "i", "ul", "ud", "ur"}
    out = []
    words = s.replace("_", " ").split()
    for wi, w in enumerate(words):
        parts = re.split(r"([-/'\u2019])", w)
        res = []
        for pi, p in enumerate(parts):
            lp = p.lower()
            if p in "-/'\u2019" and p != "":
                res.append(p)
                continue
            if not p:
                continue
            letters = re.sub(r"[^A-Za-z]", "", p)
            if p in acronyms or (letters and not (set(letters.lower()) & VOWELS) and len(letters) > 1):
                res.append(p.upper())
            elif re.fullmatch(r"(?:[A-Za-z]\.)+", p):
                res.append(p.upper())
            elif (wi > 0 or pi > 0) and lp in small:
                res.append(lp)
            elif lp == "al" and (wi > 0 or pi > 0):
                res.append("al")
            elif res and res[-1] in ("'", "\u2019"):
                # O'Neil, D'Souza keep their capital; Qa'ida, Ra'uf do not
                res.append(lp[:1].upper() + lp[1:] if len(res) == 2 and len(res[0]) == 1 else lp)
            else:
                res.append(lp[:1].upper() + lp[1:])
        out.append("".join(res))
    return " ".join(out)


def tokens(s):
    return [t for t in re.split(r"[\s_]+", s) if t]


def case_flag(surface, etype):
    """A (any case), C (capitalised) or U (all caps) for a surface."""
    letters = re.sub(r"[^A-Za-z]", "", surface)
    toks = tokens(surface)
    if etype in ("agent", "role"):
        return "A"
    if len(toks) == 1 and letters.isupper() and (len(letters) <= 3 or (etype != "location" and len(letters) <= 4)):
        return "U"
    if len(toks) == 1 and letters and not (set(letters.lower()) & VOWELS) and len(letters) <= 6:
        return "U"
    return "C"


class Out:
    def __init__(self):
        self.entities = {}
        self.order = []
        self.surfaces = collections.OrderedDict()  # (fold, id) -> [surface, kind, case]

    def entity(self, eid, etype, subtype, name, parent="", source="", extra=""):
        if eid in self.entities:
            return eid
        self.entities[eid] = [eid, etype, subtype or "", name, parent or "", source, extra]
        self.order.append(eid)
        self.surface(name, eid, "name")
        return eid

    def surface(self, surface, eid, kind, case=None, force=False):
        surface = re.sub(r"\s+", " ", surface.replace("_", " ")).strip(" ,;:")
        # "The United Nations": texts say "a United Nations team" too; the
        # article is not part of the name (the scorer drops it as well)
        surface = re.sub(r"^(?:The|THE|the)\s+(?=\S)", "", surface)
        if not surface or not is_latin(surface):
            return
        f = fold(surface)
        if len(f.replace(" ", "")) < 2:
            return
        etype = self.entities[eid][1]
        toks = f.split()
        if etype not in ("agent", "role") and not force:
            # all-generic phrases ("National Army") are noise as aliases, but
            # a multi-word canonical name ("United States", "United Nations")
            # and place names are names
            proper_name = (kind == "name" and len(toks) >= 2) or etype == "location"
            if all(t in GENERIC for t in toks) and not proper_name:
                return
            if len(toks) == 1 and toks[0] in COMMON_WORDS:
                return
        key = (f, eid)
        if key in self.surfaces:
            # keep the strongest kind and the loosest sensible case
            old = self.surfaces[key]
            rank = {"name": 0, "abbr": 1, "demonym": 2, "alias": 3, "weak": 4}
            if rank.get(kind, 9) < rank.get(old[1], 9):
                old[1] = kind
            return
        self.surfaces[key] = [surface, kind, case or case_flag(surface, etype)]

    def write(self, out_dir, header):
        os.makedirs(out_dir, exist_ok=True)
        clean = lambda v: str(v).replace("\t", " ").replace("\n", " ")
        with open(os.path.join(out_dir, "entities.tsv"), "w", encoding="utf-8") as f:
            f.write(header)
            f.write("# id\ttype\tsubtype\tname\tparent\tsource\textra\n")
            for eid in self.order:
                f.write("\t".join(clean(v) for v in self.entities[eid]) + "\n")
        with open(os.path.join(out_dir, "surfaces.tsv"), "w", encoding="utf-8") as f:
            f.write(header)
            f.write("# surface\tid\tkind\tcase\n")
            for (_, eid), (surface, kind, case) in self.surfaces.items():
                f.write(f"{clean(surface)}\t{eid}\t{kind}\t{case}\n")


# ---------------------------------------------------------------- Phoenix

CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_phoenix(path):
    """Blocks of a TABARI/PETRARCH actor file.

    A block is a head line (NAME_ [CODE] # comment), `+VARIANT` lines, and
    indented `[CODE date-date]` lines. Returns dicts with head, variants,
    codes [(code, dates)], comment.
    """
    blocks = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = [raw.rstrip("\n") for raw in f]

    def continued(i):
        """Whether the line after line i goes on with a block (a `+VARIANT`
        or an indented code line), so the head at line i opens its own."""
        for nxt in lines[i + 1:]:
            if not nxt.strip() or nxt.lstrip().startswith("#"):
                return False
            return nxt.lstrip().startswith("+") or nxt[:1] in (" ", "\t")
        return False

    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            # (a blank or comment line ends a block: a code-less head
            # after it is a block of its own, "NATO_" after the
            # "###### NATO ####" banner, not a synonym of the head before)
            if cur is not None:
                cur["last_was_head"] = False
            continue
        body, _, comment = line.partition("#")
        codes = [c.strip() for c in CODE_RE.findall(body)]
        text = CODE_RE.sub(" ", body).strip()
        indented = line[:1] in (" ", "\t")
        if indented and not text:
            if cur is not None:
                cur["codes"] += [split_code(c) for c in codes]
            continue
        if text.startswith("+") or indented:
            if cur is None:
                continue
            for v in text.split("+"):
                v = v.strip()
                if v:
                    cur["variants"].append(v)
            cur["codes"] += [split_code(c) for c in codes]
            continue
        # a new head; a code-less one-line head right after a coded head
        # without variants is a synonym of it (e.g. UN_ [IGOUNO] / U.N._)
        names = [v.strip() for v in text.split("+") if v.strip()]
        # ("ORGANIZATION_OF_PETROLEUM_EXPORTING_COUNTRIES_" then "+OPEC"
        # and its codes is a block of its own, not a synonym of the
        # coded head before it)
        if (not codes and cur is not None and not cur["variants"] and cur["inline"]
                and cur.get("last_was_head") and not continued(i)):
            cur["variants"] += names
            continue
        cur = {
            "head": names[0] if names else "",
            "variants": names[1:],
            "codes": [split_code(c) for c in codes],
            "inline": bool(codes),
            "comment": comment.strip(),
            "last_was_head": True,
        }
        blocks.append(cur)
    for b in blocks:
        b.pop("last_was_head", None)
    return blocks


def split_code(c):
    parts = c.split(None, 1)
    code = parts[0] if parts else ""
    return (code, parts[1].strip() if len(parts) > 1 else "")


def clean_name(v):
    v = v.strip().strip("_").replace("_", " ")
    v = re.sub(r"\s+", " ", v)
    return v


def paren_acronyms(v):
    """'ADEN ABYAN ISLAMIC ARMY (AAIA)' -> ('ADEN ABYAN ISLAMIC ARMY', ['AAIA'])."""
    v = re.sub(r"\s*\([^)]*$", "", v)  # "(acting" without its closing bracket
    acr = re.findall(r"\(([^)]*)\)", v)
    base = re.sub(r"\s*\([^)]*\)\s*", " ", v).strip()
    acr = [a.strip() for a in acr if a.strip()]
    acr = [a for a in acr if len(a) <= 8 and " " not in a and fold(a) not in COMMON_WORDS]
    return base, acr


def code_subtype(codes, default="other"):
    for code, _ in codes:
        c = code.lstrip("~")
        for i in range(0, len(c), 3):
            role = c[i:i + 3]
            if role in ("IGO",) and i == 0:
                return "intergovernmental"
            if i > 0 or role in ("IMG", "NGO", "MNC", "UAF"):
                if role in ROLE_SUBTYPE:
                    return ROLE_SUBTYPE[role]
    return default


WEAK_ORG_WORDS = {"jihad", "hamas", "state", "martyrs", "mission", "relief", "ansar", "taliban"}


def looks_org(name, strong=False):
    toks = [t.strip("()'").lower() for t in re.split(r"[\s\-]+", name)]
    words = ORG_WORDS - WEAK_ORG_WORDS if strong else ORG_WORDS
    return any(t in words for t in toks) or "(" in name


def looks_person(name, given_names, dated, strong=False):
    toks = [t.lower() for t in re.split(r"\s+", name) if t]
    toks = [t for t in toks if t.strip(".") not in HONORIFICS]
    # Arabic and Iberian full names run long through their particles
    # ("Abd al Aziz bin Atiyattalah al Khalifa", "Oswaldo de Jesus Serra
    # Van Dunem")
    particles = {"bin", "ibn", "bint", "al", "el", "abd", "abu", "de", "da", "dos", "das", "do", "van"}
    longest = 8 if any(t in particles for t in toks) else 5
    if not (2 <= len(toks) <= longest):
        return False
    if looks_org(name, strong):
        return False
    if any(t in ("of", "the", "for", "and", "in", "on", "against", "to") for t in toks):
        return False
    if any(t in ("bin", "ibn", "bint") for t in toks):
        return True
    first = toks[0].split("-")[0]
    return first in given_names or dated


def has_role_word(name):
    toks = set(re.split(r"[\s\-]+", name.lower()))
    return bool(toks & {"president", "minister", "secretary", "general", "chief", "spokesman",
                        "ambassador", "envoy", "premier", "chairman", "king", "queen", "prince",
                        "leader", "former", "foreign", "defense", "defence", "opposition",
                        "commander", "head", "official", "officials", "peacekeeper",
                        "peacekeepers", "monitor", "monitors", "bodies", "troops"})


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")[:60]


# ---------------------------------------------------------------- builders


def load_geonames(gaz):
    cities = collections.defaultdict(dict)  # iso2 -> fold(name) -> (name, admin1, admin2, lat, lon)
    with open(os.path.join(gaz, "geonames_cities5000_geoCities.json"), encoding="utf-8") as f:
        data = json.load(f)
    for key, val in data.items():
        iso2, _, name = key.partition(".")
        parts = val.split(":")
        lat, lon = parts[0], parts[1]
        admin1 = parts[2] if len(parts) > 2 else ""
        admin2 = parts[3] if len(parts) > 3 else ""
        cities[iso2].setdefault(fold(name), (name, admin1, admin2, lat, lon))
    admin1 = collections.defaultdict(dict)  # iso2 -> code -> (name, ascii, gid)
    with open(os.path.join(gaz, "geonames_admin1CodesASCII.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4:
                iso2 = p[0].split(".")[0]
                admin1[iso2][p[0]] = (p[1], p[2], p[3])
    admin2 = collections.defaultdict(list)  # admin1 code -> [(code, name, ascii)]
    with open(os.path.join(gaz, "geonames_admin2Codes.txt"), encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) >= 3 and p[0].startswith("AF."):
                a1 = ".".join(p[0].split(".")[:2])
                admin2[a1].append((p[0], p[1], p[2]))
    return cities, admin1, admin2


def build_countries(out, path, cities, admin1, given_names):
    blocks = parse_phoenix(path)
    by_code = collections.OrderedDict()
    others = []
    for b in blocks:
        codes = b["codes"]
        cc = [c for c, _ in codes if re.fullmatch(r"[A-Z]{3}", c)]
        if cc and b["head"]:
            by_code.setdefault(cc[0], []).append(b)
        else:
            others.append(b)

    # ISO3 -> ISO2 by voting: which GeoNames country holds the cities and
    # admin-1 regions that the Phoenix block lists as variants.
    names_by_iso2 = {}
    for iso2 in set(cities) | set(admin1):
        s = set(cities.get(iso2, {}))
        for code, (name, ascii_, _) in admin1.get(iso2, {}).items():
            s.add(fold(ascii_))
        names_by_iso2[iso2] = s
    scores = []
    for iso3, bl in by_code.items():
        variants = {fold(clean_name(v)) for b in bl for v in [b["head"]] + b["variants"]}
        for iso2, names in names_by_iso2.items():
            n = len(variants & names)
            if n:
                scores.append((n, iso3, iso2))
    scores.sort(reverse=True)
    iso3_to_2, taken = {}, set()
    for n, iso3, iso2 in scores:
        if iso3 in iso3_to_2 or iso2 in taken:
            continue
        iso3_to_2[iso3] = iso2
        taken.add(iso2)

    country_ids = {}
    stats = collections.Counter()
    for iso3, bl in by_code.items():
        head = clean_name(bl[0]["head"])
        name = COUNTRY_NAME_OVERRIDE.get(iso3) or titlecase(paren_acronyms(head)[0])
        eid = f"country:{iso3}"
        iso2 = iso3_to_2.get(iso3, "")
        out.entity(eid, "location", "country", name, "", "phoenix-countries", f"iso2={iso2}" if iso2 else "")
        country_ids[iso3] = eid
        stats["country"] += 1
        city_names = cities.get(iso2, {})
        for b in bl:
            # a demonym is read against every name of the block ("Burmese"
            # is Burma's, though the country is named Myanmar)
            block_names = {fold(name)} | {fold(clean_name(x)) for x in [b["head"]] + b["variants"]}
            for v in [b["head"]] + b["variants"]:
                v = clean_name(v)
                base, acr = paren_acronyms(v)
                if not base or base.startswith("THE GRAVEYARD"):
                    continue
                f = fold(base)
                if iso3 == "AFG" and any(fold(n) == f or any(fold(x) == f for x in vs) or f == fold(n) + " province"
                                         for n, vs in AF_PROVINCES.values()):
                    continue  # provinces come from the gazetteer
                if f in city_names and f != fold(name):
                    cname, a1, a2, lat, lon = city_names[f]
                    cid = f"city:{iso2}:{slug(cname)}"
                    out.entity(cid, "location", "city", titlecase(base) if base.isupper() else base,
                               eid, "phoenix-countries+geonames", f"lat={lat};lon={lon};admin1={a1}")
                    out.surface(cname, cid, "alias")
                    stats["world_city"] += 1
                    continue
                toks = f.split()
                # "Sadr City", "Diyala province": a place in the country,
                # which the event coder folds into the country code; not its
                # name
                admin_heads = ("city", "province", "governorate", "district", "region",
                               "county", "prefecture", "oblast")
                if len(toks) >= 2 and toks[-1] in admin_heads and f != fold(name):
                    stats["country_place_alias_dropped"] += 1
                    continue
                demonym = (len(toks) == 1 and toks[0].endswith(DEMONYM_ENDINGS)
                           and not toks[0].endswith("stan")
                           and (toks[0][:3] == fold(name)[:3]
                                or any(len(n) >= 4 and len(n.split()) == 1
                                       and toks[0].startswith(n[:-1])
                                       and len(toks[0]) >= len(n) + 2
                                       for n in block_names))
                           and toks[0] != fold(name))
                tv = (titlecase(base) if base.isupper() and len(re.sub(r"[^A-Z]", "", base)) > 3 else base)
                out.surface(tv, eid, "demonym" if demonym else "alias")
                for a in acr:
                    out.surface(a, eid, "abbr")
        for d in EXTRA_DEMONYMS.get(iso3, []):
            out.surface(d, eid, "demonym")
    # plural demonyms: Egyptian -> Egyptians
    for (f, eid), (surface, kind, case) in list(out.surfaces.items()):
        if kind == "demonym" and eid.startswith("country:") and re.search(r"(an|i|ese)$", f) is None:
            pass
        if kind == "demonym" and re.search(r"(an|i)$", f):
            out.surface(surface + "s", eid, "demonym")

    # institutions and persons listed under the countries
    surnames = person_surnames(out)
    for b in others:
        build_actor_block(out, b, "phoenix-countries", given_names, stats, country_ids,
                          surnames=surnames)
    return country_ids, iso3_to_2, stats


def person_surnames(out):
    """Last words (folded) of the multi-word person names listed so far
    (taken once before each source's blocks)."""
    return {fold(e[3]).split()[-1] for e in out.entities.values()
            if e[1] == "person" and len(fold(e[3]).split()) >= 2}


def build_actor_block(out, b, source, given_names, stats, country_ids, default_subtype="other",
                      surnames=frozenset()):
    head = clean_name(b["head"])
    if not head:
        return
    codes = b["codes"]
    dated = any(d for _, d in codes)
    variants = [clean_name(v) for v in b["variants"]]
    all_names = [head] + variants
    strong_org = any(looks_org(n, strong=True) for n in all_names)
    named = [n for n in all_names if not has_role_word(n)]
    person = False
    org = False
    # one name alone with a dated personal role ("Hassan", JORELI
    # 650101-980714; "Khodaidad", AFGGOVCOP): a person known by one name,
    # which in running text is mostly someone else's given name; no entry
    if (dated and len(tokens(head)) == 1 and not strong_org and not looks_org(head)
            and code_subtype(codes, "") not in ("armed_group", "armed_force", "intergovernmental",
                                                "media", "company", "agency")):
        stats["skipped_single_name"] += 1
        return
    # one word that is the surname of a person already listed (the UN list
    # comes first): "JANJALANI" coded as the Abu Sayyaf Group is Khadafi
    # Janjalani, a leader; in text the word names him, not the group. And a
    # bare kunya ("ABU MUSAB") fits too many people to be one person's name
    head_toks = fold(head).split()
    if (len(head_toks) == 1 and not strong_org and not looks_org(head)
            and head_toks[0] in surnames):
        stats["skipped_surname"] += 1
        return
    if len(head_toks) == 2 and head_toks[0] == "abu" and not variants and not strong_org:
        stats["skipped_kunya"] += 1
        return
    if dated and not strong_org and any(looks_person(n, given_names, True, strong=True) for n in named):
        person = True
    elif strong_org or any(looks_org(n) for n in all_names) or len(tokens(head)) == 1:
        org = True
    elif any(looks_person(n, given_names, False) for n in named):
        person = True
    elif code_subtype(codes, "") in ("armed_group", "armed_force", "government", "agency",
                                     "intergovernmental", "media", "company"):
        org = True
    country = ""
    for code, _ in codes:
        c = code.lstrip("~")
        if c[:3] in country_ids:
            country = country_ids[c[:3]]
            break
    extra = " ".join(f"{c}{' ' + d if d else ''}" for c, d in codes)
    terr = [c for c, _ in codes if re.fullmatch(r"[A-Z]{6}", c) and c[:3] in country_ids
            and c[3:] not in ROLE_SUBTYPE]
    if terr and not person and len(codes) == 1:
        eid = f"country:{terr[0]}"
        out.entity(eid, "location", "country", titlecase(paren_acronyms(head)[0]), country_ids[terr[0][:3]], source, "territory")
        for v in variants:
            vb = paren_acronyms(v)[0]
            if vb:
                out.surface(titlecase(vb), eid, "alias")
        stats["territory"] += 1
        return
    if person:
        names = [n for n in all_names if not has_role_word(n) and looks_person(n, given_names, True)]
        if not names:
            return
        name = titlecase(names[0])
        eid = f"phx:{slug(name)}"
        out.entity(eid, "person", "", name, country, source, extra)
        for n in names[1:]:
            out.surface(titlecase(n), eid, "alias")
        stats["person"] += 1
        return
    if not org:
        stats["skipped"] += 1
        return
    subtype = code_subtype(codes, default_subtype)
    if any(c.startswith("MNC") for c, _ in codes) and source == "phoenix-international":
        stats["skipped_company"] += 1
        return  # ordinary listed companies: thousands of names, no armed-group value
    base, acr = paren_acronyms(head)
    if has_role_word(base) and not looks_org(base):
        stats["skipped"] += 1
        return
    name = titlecase(base, acr)
    eid = f"phx:{slug(name)}"
    out.entity(eid, "organization", subtype, name, country, source, extra)
    for a in acr:
        out.surface(a, eid, "abbr")
    stats["organization"] += 1
    head_fold = fold(base)
    block_folds = {head_fold} | {fold(paren_acronyms(v)[0]) for v in variants}
    block_people = {}
    # the surnames of the people the block lists: a variant that is one of
    # them alone ("ZARQAWI" in the Islamic State's block, "AL-JOULANI" in
    # al-Nusra's) names the leader, not the group; in text it is the person
    block_surnames = set()
    for v in variants:
        vb = paren_acronyms(v)[0]
        if vb and len(fold(vb).split()) >= 2 and looks_person(vb, given_names, False) and not looks_org(vb):
            block_surnames.add(fold(vb).split()[-1])
    for v in variants:
        vb, vacr = paren_acronyms(v)
        if not vb:
            continue
        f = fold(vb)
        toks = f.split()
        # variants that only code the actor ("AL QAEDA OPERATIVES") or name a
        # person inside an organisation's block are not aliases
        if toks and toks[-1] in {"operatives", "affiliated", "offshoot", "linked", "militants",
                                 "fighters", "members", "supporters", "leader", "leaders",
                                 "spokesman", "commander", "group"} and f != head_fold:
            continue
        if looks_person(vb, given_names, False) and not looks_org(vb):
            last = toks[-1]
            if last in block_people:
                out.surface(titlecase(vb), block_people[last], "alias")
            else:
                pid = f"phx:{slug(titlecase(vb))}"
                out.entity(pid, "person", "", titlecase(vb), eid, source, "member-of-block")
                block_people[last] = pid
                stats["person"] += 1
            continue
        if has_role_word(vb) and not looks_org(vb):
            continue
        bare = [t for t in toks if t != "al"]
        if len(bare) == 1 and bare[0] in block_surnames and not looks_person(base, given_names, False):
            stats["surname_alias_dropped"] += 1
            continue
        if any(f.startswith(b + " ") and len(toks) >= len(b.split()) + 2 for b in block_folds):
            continue  # "AL QAEDA IN IRAQ" in Al-Qaeda's block: another group
        if len(toks) == 1 and vb.isupper() and len(vb) <= 5:
            out.surface(vb, eid, "abbr")  # AQAP, ETA
        else:
            out.surface(titlecase(vb, vacr), eid, "alias")
        for a in vacr:
            out.surface(a, eid, "abbr")


def build_phoenix_actors(out, path, source, given_names, country_ids, default_subtype):
    stats = collections.Counter()
    surnames = person_surnames(out)
    for b in parse_phoenix(path):
        build_actor_block(out, b, source, given_names, stats, country_ids, default_subtype,
                          surnames=surnames)
    return stats


def build_agents(out, path):
    subst = {}
    n = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.readlines()
    for line in lines:
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line.strip())
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
    for line in lines:
        body = line.split("#", 1)[0].rstrip()
        if not body.strip() or body.lstrip().startswith("!") and "=" in body:
            continue
        codes = CODE_RE.findall(body)
        if not codes:
            continue
        code = codes[0].strip().lstrip("~")
        text = CODE_RE.sub("", body)
        plural = re.search(r"\{([^}]*)\}", text)
        text = re.sub(r"\{[^}]*\}", "", text).strip()
        forms = [text]
        for k, vals in subst.items():
            if k in text:
                forms = [text.replace(k, v) for v in vals]
        word = clean_name(forms[0]).lower()
        if not word or word.startswith("!"):
            continue
        eid = f"agent:{slug(word)}"
        out.entity(eid, "agent", code, word, "", "phoenix-agents", code)
        for fm in forms[1:]:
            out.surface(clean_name(fm).lower(), eid, "alias")
        if plural is not None:
            for p in plural.group(1).split(","):
                if p.strip():
                    out.surface(clean_name(p).lower(), eid, "alias")
        elif text.endswith("_") is False or True:
            for fm in forms:
                w = clean_name(fm).lower()
                if w.endswith(("s", "x", "ch", "sh")):
                    pl = w + "es"
                elif re.search(r"[^aeiou]y$", w):
                    pl = w[:-1] + "ies"
                elif w.endswith("man"):
                    pl = w[:-3] + "men"
                else:
                    pl = w + "s"
                if not w.endswith(("men", "people", "police", "personnel", "s")):
                    out.surface(pl, eid, "alias")
        n += 1
    return n


def build_roles(out):
    for word, hint in ROLES:
        eid = f"role:{slug(word)}"
        out.entity(eid, "role", hint, word, "", "untangle", "")
        if not word.endswith(("s", "No. 2")) and " " not in word:
            out.surface(word + ("men" if False else "s"), eid, "alias")
        if word.endswith("man"):
            out.surface(word[:-3] + "men", eid, "alias")
    return len(ROLES)


def un_name(el, prefix):
    parts = [el.findtext(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    return " ".join(p.strip() for p in parts if p and p.strip())


def fix_alias(a):
    a = re.sub(r"\s+", " ", a).strip().strip(",;")
    # "Al-Masri, Abu Mohamed" -> "Abu Mohamed Al-Masri"
    if a.count(",") == 1:
        last, first = [x.strip() for x in a.split(",")]
        if first and last and len(first.split()) <= 3:
            a = f"{first} {last}"
    a = re.sub(r"\s*-\s+", "-", a) if re.search(r"\w-\s+\w", a) else a
    return a


def un_entity_subtype(name):
    f = fold(name)
    toks = set(f.split())
    if toks & {"bank", "company", "corporation", "ltd", "limited", "trading", "co", "inc", "llc",
               "exchange", "shipping", "industries", "industrial", "enterprise"} and not (
            toks & {"jihad", "army", "brigade", "brigades", "front", "mujahidin", "mujahideen"}):
        return "company"
    if toks & {"foundation", "trust", "charity", "charitable", "relief", "society", "committee",
               "welfare", "association", "organization", "international", "aid", "fund", "office"} and not (
            toks & {"jihad", "army", "brigade", "brigades", "front", "tehrik", "lashkar", "jaish"}):
        return "other"
    return "armed_group"


def build_un(out, path, country_names):
    root = ET.parse(path).getroot()
    given = set()
    stats = collections.Counter()
    for ind in root.iter("INDIVIDUAL"):
        ref = (ind.findtext("REFERENCE_NUMBER") or "").strip()
        if not ref:
            continue
        raw = un_name(ind, "")
        name = titlecase(raw)
        nat = ""
        for v in ind.findall("NATIONALITY/VALUE"):
            if v.text and fold(v.text) in country_names:
                nat = country_names[fold(v.text)]
                break
        eid = f"un:{ref}"
        title = "; ".join(v.text.strip() for v in ind.findall("TITLE/VALUE") if v.text)
        lst = (ind.findtext("UN_LIST_TYPE") or "").strip()
        out.entity(eid, "person", "", name, nat, "un-sanctions", f"list={lst}" + (f";title={title}" if title else ""))
        stats["person"] += 1
        ft = (ind.findtext("FIRST_NAME") or "").strip().lower()
        if ft:
            given.add(ft.split()[0])
        for al in ind.findall("INDIVIDUAL_ALIAS"):
            a = fix_alias(al.findtext("ALIAS_NAME") or "")
            q = (al.findtext("QUALITY") or "").strip().lower()
            if len(a.split()) < 2:
                continue  # one-word aliases ("Saleh") match too much
            out.surface(a, eid, "weak" if q == "low" else "alias")
    for ent in root.iter("ENTITY"):
        ref = (ent.findtext("REFERENCE_NUMBER") or "").strip()
        if not ref:
            continue
        raw = (ent.findtext("FIRST_NAME") or "").strip()
        base, acr = paren_acronyms(raw)
        name = titlecase(base, acr)
        lst = (ent.findtext("UN_LIST_TYPE") or "").strip()
        eid = f"un:{ref}"
        out.entity(eid, "organization", un_entity_subtype(base), name, "", "un-sanctions", f"list={lst}")
        stats["organization"] += 1
        for a in acr:
            for piece in re.split(r"[,/;]| or ", a):
                piece = piece.strip()
                if piece:
                    out.surface(piece, eid, "abbr")
        for al in ent.findall("ENTITY_ALIAS"):
            a = fix_alias(al.findtext("ALIAS_NAME") or "")
            ab, aacr = paren_acronyms(a)
            q = (al.findtext("QUALITY") or "").strip().lower()
            if ab:
                out.surface(titlecase(ab, aacr) if ab.isupper() and len(ab) > 6 else ab, eid,
                            "weak" if q == "low" else "alias")
            for x in aacr:
                out.surface(x, eid, "abbr")
    return given, stats


def build_afghanistan(out, gaz, cities, admin1, admin2, afg_id):
    stats = collections.Counter()
    prov_ids = {}
    prov_by_fold = {}
    for code, (name, variants) in AF_PROVINCES.items():
        gname = admin1["AF"].get(code, (name, name, ""))
        eid = f"adm1:{code}"
        out.entity(eid, "location", "province", name, afg_id, "geonames+untangle", f"geonames={gname[2]}")
        prov_ids[code] = eid
        for v in variants + [gname[0], gname[1]]:
            out.surface(v, eid, "alias")
            prov_by_fold[fold(v)] = code
        prov_by_fold[fold(name)] = code
        stats["province"] += 1
    # Natural Earth alternate names, attached through the GeoNames-style name
    # of each feature (gn_id is shuffled for Parwan/Panjshir/Daykundi).
    ne = json.load(open(os.path.join(gaz, "afg_provinces_naturalearth.geojson"), encoding="utf-8"))
    for feat in ne["features"]:
        p = feat["properties"]
        key = None
        for cand in (p.get("gns_name") or "").replace(", Wilayat-e", "").replace("Velayat-e ", "").replace(
                "Wilayat-e ", "").split(","), [p.get("gn_name") or ""], [p.get("name") or ""]:
            c = fold(cand[0] if isinstance(cand, list) else cand).replace(" province", "")
            if c in prov_by_fold:
                key = prov_by_fold[c]
                break
        if key is None:
            continue
        alts = (p.get("name_alt") or "").split("|")
        for a in alts:
            a = a.strip()
            fa = fold(a)
            if not a or "?" in a or "province" in fa or fa in cities.get("AF", {}):
                continue  # provincial capitals and "Southern Province" are not names of the province
            if fa in prov_by_fold and prov_by_fold[fa] != key:
                continue
            if fa in {"maiden", "mazar", "charikar", "girishk", "shibarghan", "maimana", "meymaneh", "chakhansur", "nimrod"}:
                continue
            out.surface(a, prov_ids[key], "alias")
    # districts: abubaker47 with its parent province, merged with GeoNames admin2
    ab = json.load(open(os.path.join(gaz, "afg_provinces_districts_abubaker47.json"), encoding="utf-8"))

    def skel(s):
        s = fold(s).replace(" district", "")
        s = re.sub(r"[aeiouyhw\s'-]", "", s)
        return re.sub(r"(.)\1+", r"\1", s)

    for prov in ab:
        pf = fold(prov["name"]).replace(" ", "")
        code = None
        for f, c in prov_by_fold.items():
            if f.replace(" ", "") == pf:
                code = c
        if code is None:
            sk = skel(prov["name"])
            cands = {c for f, c in prov_by_fold.items() if skel(f) == sk}
            code = cands.pop() if len(cands) == 1 else None
        if code is None:
            continue
        pid = prov_ids[code]
        out.surface(prov["name"], pid, "alias")
        gn = {skel(x[2]): x for x in admin2.get(code, [])}
        seen = set()
        for d in prov["districts"]:
            dn = re.sub(r"\s+", " ", d["name"]).strip()
            dn = re.sub(r"^Center of ", "", dn)
            if not dn or dn.startswith("N/A") or "  " in d["name"].strip():
                # doubled spaces mark names whose non-ASCII letters were lost
                pass
            dn = re.sub(r"\s*\(.*\)", "", dn).strip()
            if not dn or dn.startswith("N/A") or fold(dn) in seen:
                continue
            seen.add(fold(dn))
            did = f"dist:{code}.{d['id']}"
            out.entity(did, "location", "district", dn, pid, "abubaker47", f"lat={d.get('latitude')};lon={d.get('longitude')}")
            stats["district"] += 1
            g = gn.get(skel(dn))
            if g:
                out.surface(g[2], did, "alias")
                out.surface(g[1], did, "alias")
                gn.pop(skel(dn))
        for code2, name2, ascii2 in gn.values():
            nm = ascii2.replace(" District", "")
            if fold(nm) in seen:
                continue
            did = f"dist:{code2}"
            out.entity(did, "location", "district", nm, pid, "geonames-admin2", "")
            out.surface(name2, did, "alias")
            stats["district"] += 1
    # Afghan cities >= 5,000 from GeoNames, parent = province
    for f, (name, a1, a2, lat, lon) in cities.get("AF", {}).items():
        code = prov_by_fold.get(fold(a1))
        parent = prov_ids.get(code, afg_id)
        ascii_name = unicodedata.normalize("NFKD", name)
        ascii_name = "".join(c for c in ascii_name if not unicodedata.combining(c))
        cid = f"city:AF:{slug(name)}"
        out.entity(cid, "location", "city", ascii_name, parent, "geonames", f"lat={lat};lon={lon}")
        out.surface(name, cid, "alias")
        stats["city"] += 1
    return stats


def build_world_admin1(out, admin1, iso2_to_country):
    n = 0
    for iso2, regions in admin1.items():
        if iso2 == "AF" or iso2 not in iso2_to_country:
            continue
        for code, (name, ascii_, gid) in regions.items():
            base = re.sub(r"\s+(Region|Province|Governorate|Oblast|State|District|Department|Prefecture|Muhafazah|Wilayah)$", "", ascii_)
            toks = fold(base).split()
            if not toks or all(t in GENERIC for t in toks) or len(fold(base)) < 4:
                continue
            if len(toks) == 1 and toks[0] in COMMON_WORDS:
                continue
            eid = f"adm1:{code}"
            out.entity(eid, "location", "province", base, iso2_to_country[iso2], "geonames-admin1", f"geonames={gid}")
            if ascii_ != base:
                out.surface(ascii_, eid, "alias")
            if name != ascii_:
                out.surface(name, eid, "alias")
            n += 1
    return n


# Names in wide use that the source dictionaries spell only in longer forms.
# Curated by the project (world knowledge, not taken from any test file):
# (surface, entry id, kind, case rule or None).
CURATED = [
    ("Islamic State", "phx:islamic-state", "alias", None),
    ("IS", "phx:islamic-state", "abbr", "U"),
    ("Daesh", "phx:islamic-state", "alias", None),
    ("Islamic State in Iraq and Syria", "phx:islamic-state", "alias", None),
    ("Islamic State of Iraq and Syria", "phx:islamic-state", "alias", None),
    # the UN list's "Islamic Jihad Group" (QDe.119) is the Islamic Jihad Union
    ("Islamic Jihad Union", "un:QDe.119", "alias", None),
    ("IJU", "un:QDe.119", "abbr", "U"),
]


# Continents and world regions, which no source dictionary lists as places
# (project's own list, world knowledge): (id, name, other spellings,
# demonyms; a plural in -s is added for each demonym).
REGIONS = [
    ("region:europe", "Europe", [], ["European"]),
    ("region:africa", "Africa", [], ["African"]),
    ("region:asia", "Asia", [], ["Asian"]),
    ("region:north-america", "North America", [], ["North American"]),
    ("region:south-america", "South America", [], ["South American"]),
    ("region:latin-america", "Latin America", [], ["Latin American"]),
    ("region:middle-east", "Middle East", ["Mideast"], ["Middle Eastern"]),
    ("region:central-asia", "Central Asia", [], ["Central Asian"]),
    ("region:south-asia", "South Asia", [], ["South Asian"]),
    ("region:southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia"], ["Southeast Asian"]),
    ("region:east-africa", "East Africa", [], ["East African"]),
    ("region:west-africa", "West Africa", [], ["West African"]),
    ("region:north-africa", "North Africa", [], ["North African"]),
    ("region:horn-of-africa", "Horn of Africa", [], []),
    ("region:sahel", "Sahel", [], ["Sahelian"]),
    ("region:balkans", "Balkans", [], ["Balkan"]),
    ("region:caucasus", "Caucasus", ["North Caucasus"], []),
    ("region:levant", "Levant", [], ["Levantine"]),
    ("region:maghreb", "Maghreb", [], ["Maghrebi"]),
    ("region:arabian-peninsula", "Arabian Peninsula", [], []),
    ("region:persian-gulf", "Persian Gulf", [], []),
    ("region:scandinavia", "Scandinavia", [], ["Scandinavian"]),
]


# Armed groups of the Afghan conflict that neither the Phoenix actor lists nor
# the UN list name as entities (project's own list, world knowledge; the
# Phoenix issue list only tags "hezb e islami gulbuddin" as a terror group
# name): (id, name, other spellings, acronyms).
GROUPS = [
    ("grp:hezb-e-islami-gulbuddin", "Hezb-e Islami Gulbuddin",
     ["Hezb-e-Islami Gulbuddin", "Hezb-i-Islami Gulbuddin", "Hezb-i Islami Gulbuddin",
      "Hizb-i-Islami Gulbuddin", "Hizb-i Islami Gulbuddin", "Hizb-e-Islami Gulbuddin",
      "Hizb-e Islami Gulbuddin", "Hezb-e Islami", "Hezb-e-Islami", "Hezb-i-Islami",
      "Hezb-i Islami", "Hizb-i-Islami", "Hizb-i Islami", "Hizb-e-Islami", "Hizb-e Islami"],
     ["HIG"]),
    ("grp:hezb-e-islami-khalis", "Hezb-e Islami Khalis",
     ["Hezb-e-Islami Khalis", "Hezb-i-Islami Khalis", "Hezb-i Islami Khalis",
      "Hizb-i-Islami Khalis", "Hizb-i Islami Khalis", "Hizb-e Islami Khalis"],
     ["HIK"]),
]


def build_groups(out):
    for eid, name, variants, acronyms in GROUPS:
        out.entity(eid, "organization", "armed_group", name, "country:AFG", "project")
        for v in variants:
            out.surface(v, eid, "alias")
        for a in acronyms:
            out.surface(a, eid, "abbr", "U")
    return len(GROUPS)


def build_regions(out):
    for eid, name, variants, demonyms in REGIONS:
        out.entity(eid, "location", "province", name, "", "project")
        for v in variants:
            out.surface(v, eid, "alias")
        for d in demonyms:
            out.surface(d, eid, "demonym")
            if d.endswith("an"):
                out.surface(d + "s", eid, "demonym")
    return len(REGIONS)


def write_world_cities(out_dir, cities, given, header):
    """Names of the world's cities of 5,000 people or more (GeoNames), one
    per line: a secondary cue that types a single unknown capitalised word
    as a place (crates/extract/src/ner.rs); no entity is made from the list
    alone. Names shorter than four letters, common first names, and names
    with other than letters, spaces, hyphens and apostrophes are left out."""
    names = set()
    for by_name in cities.values():
        for name, *_ in by_name.values():
            if (len(name) >= 4 and name[0].isupper() and name.lower() not in given
                    and re.fullmatch(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*", name)):
                names.add(name)
    with open(os.path.join(out_dir, "world_cities.txt"), "w", encoding="utf-8") as f:
        f.write(header)
        for n in sorted(names):
            f.write(n + "\n")
    return len(names)


def build_curated(out):
    n = 0
    for surface, eid, kind, case in CURATED:
        if eid in out.entities:
            out.surface(surface, eid, kind, case, force=True)
            n += 1
    return n


def strip_article(f):
    """A folded place name without a leading Arabic article ("al fallujah"
    -> "fallujah")."""
    return re.sub(r"^(al|el|ar|as|ad|an|at|ash|az) (?=\S{4})", "", f)


def skeleton(f):
    """A transliteration-proof key of a folded place name: letters only, a
    final "h" dropped, vowels and y dropped, doubled letters joined
    ("grozny" and "groznyy" -> "grzn"; "suleimaniya" and "sulaymaniyah"
    -> "slmn")."""
    s = re.sub(r"[^a-z]", "", f)
    s = re.sub(r"h$", "", s)
    s = re.sub(r"[aeiouy]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def drop_country_place_aliases(out, cities, admin1, iso3_to_2):
    """The Phoenix country lists fold places into their country's code
    ("Grozny", "Chechnya" and "Arbil" are listed as Russia and Iraq): an
    event coder's convention, not a name of the country. A country alias
    that names a province, district or city the lexicon knows, or whose
    skeleton is a city or admin-1 region of that country (another
    transliteration, "Grozny" for GeoNames' "Groznyy"), is dropped, so the
    place is read as the place."""
    places = set()
    for (f, eid), (surface, kind, case) in out.surfaces.items():
        e = out.entities[eid]
        if e[1] == "location" and e[2] in ("province", "district", "city"):
            places.add(f)
    # skeleton -> the place it names (a city, else an admin-1 region), per
    # country
    skel = {}
    for iso3, iso2 in iso3_to_2.items():
        m = {}
        for code, (name, ascii_, _x) in admin1.get(iso2, {}).items():
            k = skeleton(fold(ascii_))
            if len(k) >= 4:
                m.setdefault(k, ("adm1", code, ascii_))
            # (the name itself without its Arabic article: "Anbar" is
            # GeoNames' "Al Anbar")
            # (and without a compass word: "Darfur" is a region the
            # admin-1 list splits into "North Darfur", "South Darfur" …)
            unpointed = re.sub(r"^(north|south|east|west|northern|southern|eastern|western|central) ",
                               "", fold(ascii_))
            for bare in (fold(ascii_), strip_article(fold(ascii_))):
                m.setdefault(bare, ("adm1", code, ascii_))
            # (a region over several admin-1 units names none of them: the
            # alias goes, and no place takes it)
            if unpointed != fold(ascii_):
                m.setdefault(unpointed, ("region", code, ascii_))
        for f, (cname, a1, a2, lat, lon) in cities.get(iso2, {}).items():
            k = skeleton(f)
            if len(k) >= 4:
                m[k] = ("city", iso2, cname, a1, lat, lon)
            # ("Fallujah" is GeoNames' "Al Fallujah")
            for bare in (f, strip_article(f)):
                m[bare] = ("city", iso2, cname, a1, lat, lon)
        skel[f"country:{iso3}"] = m
    # the skeletons of every surface of each country ("Great Britain" keeps
    # "Britain")
    own_skels = collections.defaultdict(list)
    for (f, eid), (surface, kind, case) in out.surfaces.items():
        if eid.startswith("country:"):
            own_skels[eid].append((f, skeleton(f)))
    drop, renamed = [], []
    for (f, eid), (surface, kind, case) in list(out.surfaces.items()):
        if not eid.startswith("country:") or kind != "alias":
            continue
        if any(g != f and len(f.split()) < len(g.split()) and skeleton(f) in ks
               for g, ks in own_skels[eid]):
            continue
        if fold(out.entities[eid][3]) == f:
            continue
        # (a misspelling of the country's own name, "Germny", "Brasil",
        # "Singapura", keeps: its capital may share the name)
        k = skeleton(f)
        own = skeleton(fold(out.entities[eid][3]))[:2] == k[:2]
        if f in places and not own:
            drop.append((f, eid))
        elif not own and ((len(f.split()) <= 2 and len(k) >= 4 and k in skel.get(eid, {}))
                          or strip_article(f) in skel.get(eid, {})
                          or strip_article(f) + "h" in skel.get(eid, {})
                          or skeleton(strip_article(f)) in skel.get(eid, {})
                          and len(skeleton(strip_article(f))) >= 4):
            drop.append((f, eid))
            # the spelling names the place: "Grozny" is GeoNames' Groznyy
            m = skel[eid]
            place = (m.get(k if len(k) >= 4 else None) or m.get(strip_article(f))
                     or m.get(strip_article(f) + "h") or m[skeleton(strip_article(f))])
            if place[0] == "city":
                _, iso2, cname, a1, lat, lon = place
                cid = f"city:{iso2}:{slug(cname)}"
                out.entity(cid, "location", "city", cname, eid, "phoenix-countries+geonames",
                           f"lat={lat};lon={lon};admin1={a1}")
                renamed.append((surface, cid))
            elif place[0] == "adm1" and f"adm1:{place[1]}" in out.entities:
                renamed.append((surface, f"adm1:{place[1]}"))
            elif place[0] == "region":
                # a region of the country over several admin-1 units
                # ("Darfur"): a place of its own in the country
                rid = f"region:{eid.split(':')[1].lower()}:{slug(surface)}"
                out.entity(rid, "location", "province", surface, eid, "phoenix-countries+geonames",
                           f"admin1={place[1]}")
                renamed.append((surface, rid))
    for key in drop:
        del out.surfaces[key]
    for surface, pid in renamed:
        out.surface(surface, pid, "alias")
    return len(drop)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--out", default=os.path.join(here, "..", "data", "lexicon"))
    args = ap.parse_args()
    data = os.path.join(args.shared, "data")
    gaz = os.path.join(data, "gazetteer", "afghanistan")
    phx = os.path.join(data, "dictionaries", "petrarch2")

    out = Out()
    cities, admin1, admin2 = load_geonames(gaz)

    # given names for the person heuristic: from the UN list's first names
    root = ET.parse(os.path.join(data, "sanctions", "un-consolidated-2025-04-19.xml")).getroot()
    given = {(i.findtext("FIRST_NAME") or "").strip().lower().split(" ")[0] for i in root.iter("INDIVIDUAL")}
    given |= set("""john james robert michael william david richard joseph thomas charles george
        paul mark donald steven kevin brian edward ronald anthony jason matthew gary timothy
        larry jeffrey frank scott eric stephen andrew raymond gregory joshua jerry dennis
        walter patrick peter harold douglas henry carl arthur ryan roger mary patricia jennifer
        linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra
        ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie
        vladimir nikita boris mikhail dmitry sergei hamid ashraf abdullah mohammad mohammed
        muhammad ahmed ahmad ali omar umar osama usama ayman khalid khaled hassan hussein
        hasan husain nasir nasser mullah sheikh yasser yasir ismail ibrahim abdul abdel abu
        kofi ban javier jean francois nicolas angela gerhard helmut jacques tony gordon
        hillary barack joe kamala xi hu jiang recep bashar hafez saddam muammar""".split())
    given.discard("")

    # countries first (so later sources can name nationalities)
    country_ids, iso3_to_2, cstats = build_countries(
        out, os.path.join(phx, "Phoenix.Countries.actors.txt"), cities, admin1, given)
    country_names = {}
    for (f, eid), (s, kind, case) in out.surfaces.items():
        if eid.startswith("country:") and kind in ("name", "alias"):
            country_names.setdefault(f, eid)
    iso2_to_country = {v: country_ids[k] for k, v in iso3_to_2.items()}

    astats = build_afghanistan(out, gaz, cities, admin1, admin2, country_ids.get("AFG", "country:AFG"))
    n_admin1 = build_world_admin1(out, admin1, iso2_to_country)
    _, ustats = build_un(out, os.path.join(data, "sanctions", "un-consolidated-2025-04-19.xml"), country_names)
    mstats = build_phoenix_actors(out, os.path.join(phx, "Phoenix.MilNonState.actors.txt"),
                                  "phoenix-milnonstate", given, country_ids, "armed_group")
    istats = build_phoenix_actors(out, os.path.join(phx, "Phoenix.International.actors.txt"),
                                  "phoenix-international", given, country_ids, "other")
    n_agents = build_agents(out, os.path.join(phx, "Phoenix.agents.txt"))
    n_roles = build_roles(out)
    build_regions(out)
    build_groups(out)
    n_curated = build_curated(out)

    dropped = drop_country_place_aliases(out, cities, admin1, iso3_to_2)
    print("country aliases that name a place in the country, dropped:", dropped, file=sys.stderr)

    header = ("# Generated by scripts/build_lexicon.py; do not edit by hand.\n"
              "# Sources and licences: see ATTRIBUTION.md in this folder.\n")
    out.write(args.out, header)
    n_world = write_world_cities(args.out, cities, given, header)

    types = collections.Counter(e[1] + ("/" + e[2] if e[1] in ("location", "organization") and e[2] else "")
                                for e in out.entities.values())
    kinds = collections.Counter(v[1] for v in out.surfaces.values())
    print("countries:", dict(cstats), file=sys.stderr)
    print("afghanistan:", dict(astats), "world admin1:", n_admin1, file=sys.stderr)
    print("un:", dict(ustats), "milnonstate:", dict(mstats), "international:", dict(istats), file=sys.stderr)
    print("agents:", n_agents, "roles:", n_roles, "world city names:", n_world, file=sys.stderr)
    print("iso3->iso2 mapped:", len(iso3_to_2), "of", len(country_ids), file=sys.stderr)
    print("entities by type:", dict(sorted(types.items())), file=sys.stderr)
    print("surfaces by kind:", dict(kinds), "total:", len(out.surfaces), file=sys.stderr)


if __name__ == "__main__":
    main()
