#!/usr/bin/env bash
# The demo: ingest the bundled corpus (data/corpus: the seed article, VOA
# articles, 588 UN sanctions narratives, and a repost pair) into a fresh
# embedded store and show what untangle found.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cargo build --release --quiet -p untangle-cli
bin=${CARGO_TARGET_DIR:-target}/release/untangle
u() { "$bin" --db "${UNTANGLE_DEMO_DB:-demo.db}" "$@"; }
rm -f "${UNTANGLE_DEMO_DB:-demo.db}"*

echo "== untangle import sanctions   (UN consolidated list, 2018 then 2025: entries, aliases with quality, stated ties, history)"
u import sanctions data/sanctions/un-consolidated-2018-10-29.xml
u import sanctions data/sanctions/un-consolidated-2025-04-19.xml
echo
echo "== untangle ingest data/corpus"
u ingest data/corpus
echo
echo "== untangle ingest data/corpus   (again: nothing new is stored)"
u ingest data/corpus
echo
echo "== untangle stats"
u stats
echo
echo "== untangle docs reposts   (one report copied = one independent source)"
u docs reposts --limit 6
echo
seed=$(u --json docs list --limit 100000 | python3 -c "
import json,sys
for d in json.load(sys.stdin):
    if 'rferl' in d['locator']: print(d['id'][:12])")
echo "== untangle docs show $seed   (the seed article: original source found, blog footer and repeated captions gone)"
u docs show "$seed" | head -20
echo "..."
echo
echo "== untangle entities --doc $seed   (who is who in the seed article, stored with their mentions)"
u entities --doc "$seed" --limit 12
echo "..."
echo
echo "== untangle actors list   (one actor across documents and spellings, with how many independent sources report it)"
u actors list --limit 8
echo
echo "== untangle actors list --name qa   (Al-Qaida / Al-Qaeda / al-Qaida: one actor)"
u actors list --name qa --type organization --limit 3
echo
aq=$(u --json actors list --name al-qaeda --type organization --limit 1 | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
echo "== untangle actors show $aq   (why each mention belongs: the resolver's reasons)"
u actors show "$aq" | head -8
echo "..."
echo
echo "== untangle resolve distinct 'Al-Qaeda' 'Al-Qaida'   (an analyst's judgement wins over the rules; withdraw restores them)"
u resolve distinct "Al-Qaeda" "Al-Qaida" --note "demo"
u actors list --name qa --type organization --limit 3
u resolve withdraw "$(u --json resolve judgements | python3 -c "import json,sys; print(json.load(sys.stdin)[-1]['id'])")"
echo
echo "== untangle ref show TAi.144   (a listed person: aliases with quality and history, ties the list states)"
u ref show TAi.144 | head -24
echo "..."
echo
echo "== untangle resolve lookup 'Serajuddin Haqani'   (transliteration-aware matching against the lists, with reasons)"
u resolve lookup Serajuddin Haqani --type person --limit 2
u resolve lookup Abdul Ghani Biradar --type person --limit 1
echo
echo "== untangle actors list --name haqqani   (actors linked to their UN entries)"
u actors list --name haqqani --limit 5
echo
echo "== untangle ties --entity Taliban   (every tie stored with its sentence, document, publisher, date and grades)"
u ties --entity Taliban --limit 12
echo
echo "== untangle ties --predicate leader_of --limit 5   (the same across the UN narratives)"
u ties --predicate leader_of --limit 5
echo
echo "== untangle links --actor Taliban   (ties between actors: independent origins asserting, denying or hedging each; a repost counts once)"
u links --actor Taliban --limit 8
echo
echo "== untangle events --doc $seed   (PLOVER events: who did what to whom, where, when)"
u events --doc "$seed" --limit 8
echo
echo "== untangle claims --doc $seed   (who said what)"
u claims --doc "$seed" --limit 8
echo
echo "== untangle search haqqani network"
u search haqqani network --limit 5
echo
echo "== untangle sources list"
u sources list
