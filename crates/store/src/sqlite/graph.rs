//! Ties, events and claims (migration 3): written inside a document's
//! transaction, read back with their evidence and provenance for
//! `untangle ties|events|claims`.

use super::corrupt;
use crate::{
    ClaimRow, DocGraph, EntityRef, EventRow, GraphFilter, Provenance, Result, StoreError, TieRow,
};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::HashMap;
use untangle_model::{ContentHash, Evidence, PartialDate, Reliability};

pub(super) fn doc_rowid(conn: &Connection, doc: &ContentHash) -> Result<i64> {
    conn.prepare_cached("SELECT rowid FROM documents WHERE id = ?1")?
        .query_row([doc.as_str()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(doc.to_string()))
}

/// Inserts one evidence row of a stored document after checking it.
pub(super) fn insert_evidence(conn: &Connection, doc_row: i64, e: &Evidence) -> Result<i64> {
    if e.start > e.end || !(0.0..=1.0).contains(&e.confidence) {
        return Err(StoreError::Invalid {
            field: "evidence",
            reason: format!(
                "span {}..{} / confidence {} out of range",
                e.start, e.end, e.confidence
            ),
        });
    }
    conn.prepare_cached(
        "INSERT INTO evidence(doc, start, end, sentence, method, confidence, credibility)
         VALUES (?1,?2,?3,?4,?5,?6,?7)",
    )?
    .execute(params![
        doc_row,
        e.start as i64,
        e.end as i64,
        e.sentence,
        e.method,
        e.confidence as f64,
        e.credibility.as_str()
    ])?;
    Ok(conn.last_insert_rowid())
}

/// The evidence of one graph item: at least one, all from `doc`.
fn checked<'a>(
    field: &'static str,
    doc: &ContentHash,
    evidence: &'a [Evidence],
) -> Result<&'a [Evidence]> {
    if evidence.is_empty() {
        return Err(StoreError::Invalid {
            field,
            reason: "no evidence: every tie, event and claim needs its sentence".into(),
        });
    }
    if let Some(e) = evidence.iter().find(|e| &e.document != doc) {
        return Err(StoreError::Invalid {
            field,
            reason: format!(
                "evidence from document {} given for document {doc}",
                e.document
            ),
        });
    }
    Ok(evidence)
}

pub(super) fn insert_graph(conn: &Connection, doc: &ContentHash, g: &DocGraph) -> Result<()> {
    let doc_row = doc_rowid(conn, doc)?;
    let ids: HashMap<String, i64> = conn
        .prepare_cached("SELECT local_id, id FROM entities WHERE doc = ?1")?
        .query_map([doc_row], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let entity = |field: &'static str, id: &str| -> Result<i64> {
        ids.get(id).copied().ok_or_else(|| StoreError::Invalid {
            field,
            reason: format!("document {doc} has no entity {id:?}"),
        })
    };

    for t in &g.ties {
        let (s, o) = (
            entity("tie.subject", &t.subject)?,
            entity("tie.object", &t.object)?,
        );
        for e in checked("tie.evidence", doc, &t.evidence)? {
            let ev = insert_evidence(conn, doc_row, e)?;
            conn.prepare_cached(
                "INSERT INTO ties(doc, subject, predicate, object, polarity, since, until, evidence)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
            )?
            .execute(params![
                doc_row,
                s,
                t.predicate.as_str(),
                o,
                t.polarity.as_str(),
                t.since.map(|d| d.to_string()),
                t.until.map(|d| d.to_string()),
                ev
            ])?;
        }
    }

    for ev in &g.events {
        let mut actors = Vec::new();
        for a in &ev.agents {
            actors.push(("agent", entity("event.agents", a)?));
        }
        for a in &ev.targets {
            actors.push(("target", entity("event.targets", a)?));
        }
        let location = ev
            .location
            .as_deref()
            .map(|l| entity("event.location", l))
            .transpose()?;
        for e in checked("event.evidence", doc, &ev.evidence)? {
            let evidence = insert_evidence(conn, doc_row, e)?;
            conn.prepare_cached(
                "INSERT INTO events(doc, type, location, date, fatalities, captured, mode, evidence)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
            )?
            .execute(params![
                doc_row,
                ev.kind.as_str(),
                location,
                ev.date.map(|d| d.to_string()),
                ev.fatalities,
                ev.captured,
                ev.mode,
                evidence
            ])?;
            let event = conn.last_insert_rowid();
            let mut stmt = conn.prepare_cached(
                "INSERT OR IGNORE INTO event_actors(event, role, entity) VALUES (?1,?2,?3)",
            )?;
            for (role, id) in &actors {
                stmt.execute(params![event, role, id])?;
            }
        }
    }

    for c in &g.claims {
        let speaker = entity("claim.speaker", &c.speaker)?;
        let about = c
            .about
            .iter()
            .map(|a| entity("claim.about", a))
            .collect::<Result<Vec<_>>>()?;
        for e in checked("claim.evidence", doc, &c.evidence)? {
            let evidence = insert_evidence(conn, doc_row, e)?;
            conn.prepare_cached(
                "INSERT INTO claims(doc, speaker, quote, stance, evidence) VALUES (?1,?2,?3,?4,?5)",
            )?
            .execute(params![
                doc_row,
                speaker,
                c.quote,
                c.stance.map(|s| s.as_str()),
                evidence
            ])?;
            let claim = conn.last_insert_rowid();
            let mut stmt = conn.prepare_cached(
                "INSERT OR IGNORE INTO claim_about(claim, entity) VALUES (?1,?2)",
            )?;
            for id in &about {
                stmt.execute(params![claim, id])?;
            }
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ reads

/// Columns every read selects after its own: evidence, then provenance.
const EVIDENCE_COLS: &str = "d.id, v.start, v.end, v.sentence, v.method, v.confidence,
    v.credibility, d.title, d.publisher, d.published, d.origin, coalesce(s.reliability, 'F')";
const EVIDENCE_JOINS: &str = "JOIN evidence v ON v.id = x.evidence
    JOIN documents d ON d.rowid = x.doc
    LEFT JOIN sources s ON s.name = d.publisher";

/// Reads evidence and provenance starting at column `at`.
fn evidence_at(r: &Row<'_>, at: usize) -> rusqlite::Result<(Evidence, Provenance, String, String)> {
    let document = ContentHash(r.get(at)?);
    Ok((
        Evidence {
            document: document.clone(),
            start: r.get::<_, i64>(at + 1)? as usize,
            end: r.get::<_, i64>(at + 2)? as usize,
            sentence: r.get(at + 3)?,
            method: r.get(at + 4)?,
            confidence: r.get::<_, f64>(at + 5)? as f32,
            credibility: Default::default(),
        },
        Provenance {
            document,
            title: r.get(at + 7)?,
            publisher: r.get(at + 8)?,
            published: r.get(at + 9)?,
            origin: r.get(at + 10)?,
            reliability: Reliability::F,
        },
        r.get(at + 6)?,
        r.get(at + 11)?,
    ))
}

/// Fills in the grades read as text, failing on a corrupt value.
fn graded(
    (mut e, mut p, credibility, reliability): (Evidence, Provenance, String, String),
) -> Result<(Evidence, Provenance)> {
    e.credibility = credibility
        .parse()
        .map_err(corrupt("evidence.credibility"))?;
    p.reliability = reliability
        .parse()
        .map_err(corrupt("sources.reliability"))?;
    Ok((e, p))
}

/// `LIKE` pattern for an exact, ASCII case-insensitive name, and the same
/// inside the JSON array of aliases.
fn like_patterns(name: &str) -> (String, String) {
    let esc = name
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let json = serde_json::to_string(&esc).unwrap_or_default();
    (esc, format!("%{json}%"))
}

/// SQL true when entity column `col` is named `?2` (or has alias `?3`).
fn named(col: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM entities n WHERE n.id = {col}
           AND (n.name LIKE ?2 ESCAPE '\\' OR n.aliases LIKE ?3 ESCAPE '\\'))"
    )
}

fn entity_ref(conn: &Connection, id: i64) -> Result<EntityRef> {
    let (local, name, kind, actor): (String, String, String, Option<String>) = conn
        .prepare_cached(
            "SELECT e.local_id, e.name, e.type, a.key FROM entities e
             LEFT JOIN actor_members am ON am.entity = e.id
             LEFT JOIN actors a ON a.id = am.actor WHERE e.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(EntityRef {
        id: local,
        name,
        kind: kind.parse().map_err(corrupt("entities.type"))?,
        actor,
    })
}

fn date(s: Option<String>, what: &'static str) -> Result<Option<PartialDate>> {
    s.map(|d| d.parse::<PartialDate>())
        .transpose()
        .map_err(corrupt(what))
}

struct Bound {
    doc: Option<String>,
    name: Option<String>,
    alias: Option<String>,
    limit: i64,
}

fn bind(f: &GraphFilter) -> Bound {
    let (name, alias) = match &f.entity {
        Some(n) => {
            let (a, b) = like_patterns(n.trim());
            (Some(a), Some(b))
        }
        None => (None, None),
    };
    Bound {
        doc: f.doc.as_ref().map(|d| d.to_string()),
        name,
        alias,
        limit: if f.limit == 0 { -1 } else { f.limit as i64 },
    }
}

pub(super) fn ties(conn: &Connection, f: &GraphFilter) -> Result<Vec<TieRow>> {
    let b = bind(f);
    let sql = format!(
        "SELECT x.id, x.subject, x.predicate, x.object, x.polarity, x.since, x.until, {EVIDENCE_COLS}
         FROM ties x {EVIDENCE_JOINS}
         WHERE (?1 IS NULL OR d.id = ?1)
           AND (?2 IS NULL OR {} OR {})
           AND (?4 IS NULL OR x.predicate = ?4)
         ORDER BY x.doc, x.id LIMIT ?5",
        named("x.subject"),
        named("x.object")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            b.doc,
            b.name,
            b.alias,
            f.predicate.map(|p| p.as_str()),
            b.limit
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                evidence_at(r, 7)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, s, predicate, o, polarity, since, until, ev) = row?;
        let (evidence, source) = graded(ev)?;
        out.push(TieRow {
            id,
            subject: entity_ref(conn, s)?,
            predicate: predicate.parse().map_err(corrupt("ties.predicate"))?,
            object: entity_ref(conn, o)?,
            polarity: polarity.parse().map_err(corrupt("ties.polarity"))?,
            since: date(since, "ties.since")?,
            until: date(until, "ties.until")?,
            evidence,
            source,
        });
    }
    Ok(out)
}

pub(super) fn events(conn: &Connection, f: &GraphFilter) -> Result<Vec<EventRow>> {
    let b = bind(f);
    let sql = format!(
        "SELECT x.id, x.type, x.location, x.date, x.fatalities, x.captured, x.mode, {EVIDENCE_COLS}
         FROM events x {EVIDENCE_JOINS}
         WHERE (?1 IS NULL OR d.id = ?1)
           AND (?2 IS NULL OR {} OR EXISTS (SELECT 1 FROM event_actors a
                WHERE a.event = x.id AND {}))
           AND (?4 IS NULL OR x.type = ?4)
         ORDER BY x.doc, x.id LIMIT ?5",
        named("x.location"),
        named("a.entity")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![
            b.doc,
            b.name,
            b.alias,
            f.event_type.map(|t| t.as_str()),
            b.limit
        ],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<u32>>(4)?,
                r.get::<_, Option<u32>>(5)?,
                r.get::<_, Option<String>>(6)?,
                evidence_at(r, 7)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, kind, location, when, fatalities, captured, mode, ev) = row?;
        let (evidence, source) = graded(ev)?;
        let (mut agents, mut targets) = (Vec::new(), Vec::new());
        let actors: Vec<(String, i64)> = conn
            .prepare_cached(
                "SELECT role, entity FROM event_actors WHERE event = ?1 ORDER BY role, entity",
            )?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (role, e) in actors {
            let r = entity_ref(conn, e)?;
            if role == "agent" {
                agents.push(r);
            } else {
                targets.push(r);
            }
        }
        out.push(EventRow {
            id,
            kind: kind.parse().map_err(corrupt("events.type"))?,
            agents,
            targets,
            location: location.map(|l| entity_ref(conn, l)).transpose()?,
            date: date(when, "events.date")?,
            fatalities,
            captured,
            mode,
            evidence,
            source,
        });
    }
    Ok(out)
}

pub(super) fn claims(conn: &Connection, f: &GraphFilter) -> Result<Vec<ClaimRow>> {
    let b = bind(f);
    let sql = format!(
        "SELECT x.id, x.speaker, x.quote, x.stance, {EVIDENCE_COLS}
         FROM claims x {EVIDENCE_JOINS}
         WHERE (?1 IS NULL OR d.id = ?1)
           AND (?2 IS NULL OR {} OR EXISTS (SELECT 1 FROM claim_about a
                WHERE a.claim = x.id AND {}))
           AND ?4 IS NULL
         ORDER BY x.doc, x.id LIMIT ?5",
        named("x.speaker"),
        named("a.entity")
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(
        params![b.doc, b.name, b.alias, Option::<String>::None, b.limit],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                evidence_at(r, 4)?,
            ))
        },
    )?;
    let mut out = Vec::new();
    for row in rows {
        let (id, speaker, quote, stance, ev) = row?;
        let (evidence, source) = graded(ev)?;
        let about_ids: Vec<i64> = conn
            .prepare_cached("SELECT entity FROM claim_about WHERE claim = ?1 ORDER BY entity")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        out.push(ClaimRow {
            id,
            speaker: entity_ref(conn, speaker)?,
            quote,
            about: about_ids
                .into_iter()
                .map(|a| entity_ref(conn, a))
                .collect::<Result<_>>()?,
            stance: stance
                .map(|s| s.parse())
                .transpose()
                .map_err(corrupt("claims.stance"))?,
            evidence,
            source,
        });
    }
    Ok(out)
}
