//! Actors and judgements (migration 4): the resolver's output, replaced
//! whole in one transaction, and the analyst's judgements that steer it.

use super::corrupt;
use crate::{
    ActorDetail, ActorSummary, EntityRecord, Judgement, JudgementKind, MemberRow, NameKey,
    NewActor, Result, StoreError,
};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashSet};
use untangle_model::{ContentHash, EntityType, ExternalId};

fn json<T: serde::de::DeserializeOwned>(what: &'static str, s: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what,
        reason: e.to_string(),
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt {
        what: "json column",
        reason: e.to_string(),
    })
}

fn kind(s: &str) -> Result<EntityType> {
    s.parse().map_err(corrupt("entity type"))
}

pub(super) fn entity_records(conn: &Connection) -> Result<Vec<EntityRecord>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, d.id, d.origin, e.local_id, e.type, e.name, e.aliases, e.external_ids,
                (SELECT count(*) FROM mentions m WHERE m.entity = e.id)
         FROM entities e JOIN documents d ON d.rowid = e.doc
         ORDER BY d.id, e.local_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, i64>(8)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, doc, origin, local, k, name, aliases, ext, mentions) = row?;
        out.push(EntityRecord {
            row: id,
            document: ContentHash(doc),
            origin,
            local_id: local,
            kind: kind(&k)?,
            name,
            aliases: json("entities.aliases", &aliases)?,
            external_ids: json("entities.external_ids", &ext)?,
            mentions: mentions as u64,
        });
    }
    Ok(out)
}

pub(super) fn replace_actors(conn: &mut Connection, actors: &[NewActor]) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let mut seen_keys = HashSet::new();
    let mut seen_members = HashSet::new();
    for a in actors {
        if !seen_keys.insert(a.key.as_str()) {
            return Err(StoreError::Invalid {
                field: "actor.key",
                reason: format!("{:?} given twice", a.key),
            });
        }
        for m in &a.members {
            if !seen_members.insert(m.entity) {
                return Err(StoreError::Invalid {
                    field: "actor.members",
                    reason: format!("entity row {} in two actors", m.entity),
                });
            }
            if !(0.0..=1.0).contains(&m.score) {
                return Err(StoreError::Invalid {
                    field: "actor.members.score",
                    reason: format!("{} out of 0..=1", m.score),
                });
            }
        }
    }
    tx.execute("DELETE FROM actor_members", [])?;
    for a in actors {
        let id: i64 = tx
            .prepare_cached(
                "INSERT INTO actors(key, type, name, external_ids) VALUES (?1,?2,?3,?4)
                 ON CONFLICT(key) DO UPDATE SET type = excluded.type, name = excluded.name,
                    external_ids = excluded.external_ids
                 RETURNING id",
            )?
            .query_row(
                params![a.key, a.kind.as_str(), a.name, to_json(&a.external_ids)?],
                |r| r.get(0),
            )?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO actor_members(entity, actor, score, reasons) VALUES (?1,?2,?3,?4)",
        )?;
        for m in &a.members {
            stmt.execute(params![m.entity, id, m.score as f64, to_json(&m.reasons)?])
                .map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        StoreError::Invalid {
                            field: "actor.members",
                            reason: format!("no entity row {}", m.entity),
                        }
                    }
                    other => other.into(),
                })?;
        }
    }
    tx.execute(
        "DELETE FROM actors WHERE NOT EXISTS (SELECT 1 FROM actor_members m WHERE m.actor = actors.id)",
        [],
    )?;
    tx.commit()?;
    Ok(())
}

fn summary(conn: &Connection, id: i64) -> Result<ActorSummary> {
    let (key, k, name, ext): (String, String, String, String) = conn
        .prepare_cached("SELECT key, type, name, external_ids FROM actors WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .optional()?
        .ok_or_else(|| StoreError::NotFound(format!("actor {id}")))?;
    let mut stmt = conn.prepare_cached(
        "SELECT e.name, e.aliases, d.id, d.origin,
                (SELECT count(*) FROM mentions m WHERE m.entity = e.id)
         FROM actor_members am JOIN entities e ON e.id = am.entity
         JOIN documents d ON d.rowid = e.doc WHERE am.actor = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, i64>(4)?,
        ))
    })?;
    let mut spellings: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    let (mut docs, mut origins) = (HashSet::new(), HashSet::new());
    let mut mentions = 0u64;
    for row in rows {
        let (n, aliases, doc, origin, m) = row?;
        let aliases: Vec<String> = json("entities.aliases", &aliases)?;
        for s in std::iter::once(n).chain(aliases) {
            spellings.entry(s).or_default().insert(doc.clone());
        }
        docs.insert(doc);
        origins.insert(origin);
        mentions += m as u64;
    }
    let mut spellings: Vec<(String, u64)> = spellings
        .into_iter()
        .map(|(s, d)| (s, d.len() as u64))
        .collect();
    spellings.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(ActorSummary {
        id,
        key,
        kind: kind(&k)?,
        name,
        spellings,
        documents: docs.len() as u64,
        origins: origins.len() as u64,
        mentions,
        external_ids: json::<Vec<ExternalId>>("actors.external_ids", &ext)?,
    })
}

pub(super) fn actors(
    conn: &Connection,
    k: Option<EntityType>,
    name: Option<&str>,
    limit: usize,
) -> Result<Vec<ActorSummary>> {
    let (pattern, alias_pattern) = match name {
        Some(n) => {
            let esc = n
                .trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            // any spelling containing the words: aliases live in a JSON
            // array, so the same pattern serves both columns
            (Some(format!("%{esc}%")), Some(format!("%{esc}%")))
        }
        None => (None, None),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT a.id FROM actors a
         WHERE (?1 IS NULL OR a.type = ?1)
           AND (?2 IS NULL OR a.name LIKE ?2 ESCAPE '\\' OR EXISTS (
                SELECT 1 FROM actor_members am JOIN entities e ON e.id = am.entity
                WHERE am.actor = a.id AND (e.name LIKE ?2 ESCAPE '\\' OR e.aliases LIKE ?3 ESCAPE '\\')))
         ORDER BY (SELECT count(DISTINCT e.doc) FROM actor_members am
                   JOIN entities e ON e.id = am.entity WHERE am.actor = a.id) DESC, a.key
         LIMIT ?4",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(
            params![
                k.map(|k| k.as_str()),
                pattern,
                alias_pattern,
                if limit == 0 { -1 } else { limit as i64 }
            ],
            |r| r.get(0),
        )?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| summary(conn, id)).collect()
}

pub(super) fn actor(conn: &Connection, id_or_key: &str) -> Result<ActorDetail> {
    let id: i64 = match id_or_key.trim().parse::<i64>() {
        Ok(n) => n,
        Err(_) => conn
            .prepare_cached("SELECT id FROM actors WHERE key = ?1")?
            .query_row([id_or_key.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("actor {id_or_key}")))?,
    };
    let summary = summary(conn, id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, e.local_id, e.name, e.aliases, am.score, am.reasons
         FROM actor_members am JOIN entities e ON e.id = am.entity
         JOIN documents d ON d.rowid = e.doc WHERE am.actor = ?1 ORDER BY d.id, e.local_id",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, f64>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut members = Vec::new();
    for row in rows {
        let (doc, local, name, aliases, score, reasons) = row?;
        members.push(MemberRow {
            document: ContentHash(doc),
            entity: local,
            name,
            aliases: json("entities.aliases", &aliases)?,
            score: score as f32,
            reasons: json("actor_members.reasons", &reasons)?,
        });
    }
    Ok(ActorDetail { summary, members })
}

pub(super) fn add_judgement(
    conn: &Connection,
    k: JudgementKind,
    a: &NameKey,
    b: &NameKey,
    note: Option<&str>,
    now: &str,
) -> Result<i64> {
    for n in [a, b] {
        if n.key.trim().is_empty() {
            return Err(StoreError::Invalid {
                field: "judgement name",
                reason: "empty".into(),
            });
        }
    }
    if a == b {
        return Err(StoreError::Invalid {
            field: "judgement",
            reason: format!("both sides are {:?}", a.key),
        });
    }
    // One order for a symmetric relation, so a repeat is kept once.
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    conn.execute(
        "INSERT OR IGNORE INTO judgements(kind, a_type, a_key, b_type, b_key, note, created_at)
         VALUES (?1,?2,?3,?4,?5,?6,?7)",
        params![
            k.as_str(),
            a.kind.as_str(),
            a.key,
            b.kind.as_str(),
            b.key,
            note,
            now
        ],
    )?;
    Ok(conn.query_row(
        "SELECT id FROM judgements WHERE kind = ?1 AND a_type = ?2 AND a_key = ?3
           AND b_type = ?4 AND b_key = ?5 AND withdrawn_at IS NULL",
        params![k.as_str(), a.kind.as_str(), a.key, b.kind.as_str(), b.key],
        |r| r.get(0),
    )?)
}

pub(super) fn judgements(conn: &Connection) -> Result<Vec<Judgement>> {
    let mut stmt = conn.prepare(
        "SELECT id, kind, a_type, a_key, b_type, b_key, note, created_at FROM judgements
         WHERE withdrawn_at IS NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, String>(7)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, k, at, ak, bt, bk, note, created_at) = row?;
        out.push(Judgement {
            id,
            kind: match k.as_str() {
                "merge" => JudgementKind::Merge,
                "distinct" => JudgementKind::Distinct,
                other => {
                    return Err(StoreError::Corrupt {
                        what: "judgements.kind",
                        reason: other.to_string(),
                    })
                }
            },
            a: NameKey {
                kind: kind(&at)?,
                key: ak,
            },
            b: NameKey {
                kind: kind(&bt)?,
                key: bk,
            },
            note,
            created_at,
        });
    }
    Ok(out)
}

pub(super) fn remove_judgement(conn: &Connection, id: i64, now: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE judgements SET withdrawn_at = ?2 WHERE id = ?1 AND withdrawn_at IS NULL",
        params![id, now],
    )? > 0)
}
