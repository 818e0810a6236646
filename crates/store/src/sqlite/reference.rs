//! SQLite side of reference lists (migration 3): importing a list as a
//! snapshot with history, and reading entries back.

use crate::reference::{
    RefAliasRow, RefEntityRow, RefImportReport, RefImportRow, RefSummary, RefTieRow,
};
use crate::{Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::collections::{HashMap, HashSet};
use untangle_model::EntityType;
use untangle_resolve::{Alias, AliasQuality, Direction, ReferenceEntity, ReferenceList, StatedTie};

fn corrupt(what: &'static str) -> impl Fn(String) -> StoreError {
    move |reason| StoreError::Corrupt { what, reason }
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt {
        what: "json column",
        reason: e.to_string(),
    })
}

fn from_json(what: &'static str, s: &str) -> Result<Vec<String>> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        what,
        reason: e.to_string(),
    })
}

fn valid_date(d: &str) -> bool {
    d.len() == 10
        && d.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Imports `list` as the state of its scheme on `list.list_date`: entries,
/// aliases and ties on the list are current; those in the store but not on
/// the list are marked `removed_in` that date, never deleted. One
/// transaction: a failure leaves the store as it was. A file already
/// imported (same `file_hash`) changes nothing.
pub(super) fn import(
    conn: &mut Connection,
    list: &ReferenceList,
    file_hash: &str,
) -> Result<RefImportReport> {
    let date = list.list_date.clone().ok_or_else(|| StoreError::Invalid {
        field: "list date",
        reason: format!("{}: the list has no date; give one", list.file),
    })?;
    if !valid_date(&date) {
        return Err(StoreError::Invalid {
            field: "list date",
            reason: format!("{date:?} is not YYYY-MM-DD"),
        });
    }
    let mut report = RefImportReport {
        scheme: list.scheme.clone(),
        file: list.file.clone(),
        list_date: date.clone(),
        ..Default::default()
    };
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let seen: bool = tx
        .prepare("SELECT 1 FROM ref_imports WHERE scheme = ?1 AND file_hash = ?2")?
        .exists(params![list.scheme, file_hash])?;
    if seen {
        report.already_imported = true;
        report.entities = list.entities.len() as u64;
        return Ok(report);
    }
    let latest: Option<String> = tx
        .query_row(
            "SELECT max(list_date) FROM ref_imports WHERE scheme = ?1",
            [&list.scheme],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if let Some(l) = latest.filter(|l| *l > date) {
        return Err(StoreError::Invalid {
            field: "list date",
            reason: format!(
                "{}: list of {date} is older than the {} list of {l} already imported; import lists oldest first",
                list.file, list.scheme
            ),
        });
    }
    let mut on_list: HashSet<i64> = HashSet::new();
    for e in &list.entities {
        if e.scheme != list.scheme {
            return Err(StoreError::Invalid {
                field: "scheme",
                reason: format!(
                    "entry {} has scheme {} in a {} list",
                    e.id, e.scheme, list.scheme
                ),
            });
        }
        let row = upsert_entity(&tx, e, &date, &mut report)?;
        if !on_list.insert(row) {
            return Err(StoreError::Invalid {
                field: "reference id",
                reason: format!("{}: {} appears twice", list.file, e.id),
            });
        }
        sync_aliases(&tx, row, &e.aliases, &date, &mut report)?;
        sync_ties(&tx, row, &e.ties, &date)?;
        report.aliases += e.aliases.len() as u64;
        report.ties += e.ties.len() as u64;
    }
    report.entities = list.entities.len() as u64;
    // Entries no longer listed: delisted on this date, kept with history.
    let active: Vec<i64> = tx
        .prepare("SELECT id FROM ref_entities WHERE scheme = ?1 AND removed_in IS NULL")?
        .query_map([&list.scheme], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in active.into_iter().filter(|i| !on_list.contains(i)) {
        tx.execute(
            "UPDATE ref_entities SET removed_in = ?2 WHERE id = ?1",
            params![id, date],
        )?;
        report.delisted += 1;
    }
    tx.execute(
        "INSERT INTO ref_imports(scheme, file, file_hash, list_date, generated, imported_at,
            entities, aliases, ties, added, updated, delisted, aliases_added, aliases_removed)
         VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
        params![
            list.scheme,
            list.file,
            file_hash,
            date,
            list.generated,
            chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            report.entities as i64,
            report.aliases as i64,
            report.ties as i64,
            report.added as i64,
            report.updated as i64,
            report.delisted as i64,
            report.aliases_added as i64,
            report.aliases_removed as i64,
        ],
    )?;
    tx.commit()?;
    Ok(report)
}

/// Inserts or updates one entry; returns its row id.
fn upsert_entity(
    tx: &Transaction<'_>,
    e: &ReferenceEntity,
    date: &str,
    report: &mut RefImportReport,
) -> Result<i64> {
    if !matches!(e.kind, EntityType::Person | EntityType::Organization) {
        return Err(StoreError::Invalid {
            field: "reference entity type",
            reason: format!("{} is a {}", e.id, e.kind),
        });
    }
    let cols = (
        e.kind.as_str(),
        e.name.as_str(),
        e.original_script.as_deref(),
        to_json(&e.nationality)?,
        e.listed_on.as_deref(),
        to_json(&e.dates_of_birth)?,
        to_json(&e.programmes)?,
        to_json(&e.designation)?,
        to_json(&e.titles)?,
        e.comments.as_deref(),
        to_json(&e.addresses)?,
    );
    let existing: Option<(i64, bool)> = tx
        .prepare_cached(
            "SELECT id, (type IS ?3 AND name IS ?4 AND original_script IS ?5 AND nationality IS ?6
                AND listed_on IS ?7 AND dates_of_birth IS ?8 AND programmes IS ?9
                AND designation IS ?10 AND titles IS ?11 AND comments IS ?12 AND addresses IS ?13
                AND removed_in IS NULL)
             FROM ref_entities WHERE scheme = ?1 AND ref_id = ?2",
        )?
        .query_row(
            params![
                e.scheme, e.id, cols.0, cols.1, cols.2, cols.3, cols.4, cols.5, cols.6, cols.7,
                cols.8, cols.9, cols.10
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((id, same)) => {
            if !same {
                report.updated += 1;
            }
            tx.prepare_cached(
                "UPDATE ref_entities SET type=?2, name=?3, original_script=?4, nationality=?5,
                    listed_on=?6, dates_of_birth=?7, programmes=?8, designation=?9, titles=?10,
                    comments=?11, addresses=?12, last_seen=max(last_seen, ?13), removed_in=NULL
                 WHERE id = ?1",
            )?
            .execute(params![
                id, cols.0, cols.1, cols.2, cols.3, cols.4, cols.5, cols.6, cols.7, cols.8, cols.9,
                cols.10, date
            ])?;
            Ok(id)
        }
        None => {
            report.added += 1;
            tx.prepare_cached(
                "INSERT INTO ref_entities(scheme, ref_id, type, name, original_script, nationality,
                    listed_on, dates_of_birth, programmes, designation, titles, comments,
                    addresses, first_seen, last_seen)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?14)",
            )?
            .execute(params![
                e.scheme, e.id, cols.0, cols.1, cols.2, cols.3, cols.4, cols.5, cols.6, cols.7,
                cols.8, cols.9, cols.10, date
            ])?;
            Ok(tx.last_insert_rowid())
        }
    }
}

fn sync_aliases(
    tx: &Transaction<'_>,
    entity: i64,
    aliases: &[Alias],
    date: &str,
    report: &mut RefImportReport,
) -> Result<()> {
    let mut stored: HashMap<(String, String), (i64, bool)> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT id, name, raw_quality, removed_in IS NULL FROM ref_aliases WHERE entity = ?1",
        )?;
        for r in stmt.query_map([entity], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get::<_, bool>(3)?,
            ))
        })? {
            let (id, name, raw, active) = r?;
            stored.insert((name, raw), (id, active));
        }
    }
    let mut current: HashSet<(String, String)> = HashSet::new();
    for a in aliases {
        let k = (a.name.clone(), a.raw_quality.clone());
        if !current.insert(k.clone()) {
            continue;
        }
        match stored.get(&k) {
            Some((_, true)) => {}
            Some((id, false)) => {
                // Back on the list: current again; first_seen keeps history.
                tx.prepare_cached("UPDATE ref_aliases SET removed_in = NULL WHERE id = ?1")?
                    .execute([id])?;
                report.aliases_added += 1;
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO ref_aliases(entity, name, quality, raw_quality, first_seen)
                     VALUES (?1,?2,?3,?4,?5)",
                )?
                .execute(params![
                    entity,
                    a.name,
                    a.quality.as_str(),
                    a.raw_quality,
                    date
                ])?;
                report.aliases_added += 1;
            }
        }
    }
    for (k, (id, active)) in stored {
        if active && !current.contains(&k) {
            tx.prepare_cached("UPDATE ref_aliases SET removed_in = ?2 WHERE id = ?1")?
                .execute(params![id, date])?;
            report.aliases_removed += 1;
        }
    }
    Ok(())
}

type TieKey = (String, String, Option<String>, Option<String>, String);

fn tie_key(t: &StatedTie) -> TieKey {
    (
        t.predicate.as_str().to_string(),
        t.direction.as_str().to_string(),
        t.other_id.clone(),
        t.other_name.clone(),
        t.sentence.clone(),
    )
}

fn sync_ties(tx: &Transaction<'_>, entity: i64, ties: &[StatedTie], date: &str) -> Result<()> {
    let mut stored: HashMap<TieKey, (i64, bool)> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT id, predicate, direction, other_id, other_name, sentence, removed_in IS NULL
             FROM ref_ties WHERE entity = ?1",
        )?;
        for r in stmt.query_map([entity], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?),
                r.get::<_, bool>(6)?,
            ))
        })? {
            let (id, k, active) = r?;
            stored.insert(k, (id, active));
        }
    }
    let mut current: HashSet<TieKey> = HashSet::new();
    for t in ties {
        let k = tie_key(t);
        if !current.insert(k.clone()) {
            continue;
        }
        match stored.get(&k) {
            Some((_, true)) => {}
            Some((id, false)) => {
                tx.prepare_cached("UPDATE ref_ties SET removed_in = NULL WHERE id = ?1")?
                    .execute([id])?;
            }
            None => {
                tx.prepare_cached(
                    "INSERT INTO ref_ties(entity, predicate, direction, other_id, other_name,
                        sentence, first_seen) VALUES (?1,?2,?3,?4,?5,?6,?7)",
                )?
                .execute(params![entity, k.0, k.1, k.2, k.3, k.4, date])?;
            }
        }
    }
    for (k, (id, active)) in stored {
        if active && !current.contains(&k) {
            tx.prepare_cached("UPDATE ref_ties SET removed_in = ?2 WHERE id = ?1")?
                .execute(params![id, date])?;
        }
    }
    Ok(())
}

const ENTITY_COLS: &str = "id, scheme, ref_id, type, name, original_script, nationality, listed_on,
    dates_of_birth, programmes, designation, titles, comments, addresses, first_seen, last_seen,
    removed_in";

struct EntityCols {
    row: i64,
    entity: ReferenceEntity,
    first_seen: String,
    last_seen: String,
    removed_in: Option<String>,
}

fn entity_cols(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<EntityCols>> {
    let raw = (
        r.get::<_, String>(3)?,
        r.get::<_, String>(6)?,
        r.get::<_, String>(8)?,
        r.get::<_, String>(9)?,
        r.get::<_, String>(10)?,
        r.get::<_, String>(11)?,
        r.get::<_, String>(13)?,
    );
    let (row, scheme, id, name, original_script, listed_on, comments) = (
        r.get::<_, i64>(0)?,
        r.get::<_, String>(1)?,
        r.get::<_, String>(2)?,
        r.get::<_, String>(4)?,
        r.get::<_, Option<String>>(5)?,
        r.get::<_, Option<String>>(7)?,
        r.get::<_, Option<String>>(12)?,
    );
    let (first_seen, last_seen, removed_in) = (
        r.get::<_, String>(14)?,
        r.get::<_, String>(15)?,
        r.get::<_, Option<String>>(16)?,
    );
    Ok((|| {
        Ok(EntityCols {
            row,
            entity: ReferenceEntity {
                scheme,
                id,
                kind: raw.0.parse().map_err(corrupt("ref_entities.type"))?,
                name,
                aliases: Vec::new(),
                original_script,
                nationality: from_json("ref_entities.nationality", &raw.1)?,
                listed_on,
                dates_of_birth: from_json("ref_entities.dates_of_birth", &raw.2)?,
                programmes: from_json("ref_entities.programmes", &raw.3)?,
                designation: from_json("ref_entities.designation", &raw.4)?,
                titles: from_json("ref_entities.titles", &raw.5)?,
                comments,
                addresses: from_json("ref_entities.addresses", &raw.6)?,
                ties: Vec::new(),
            },
            first_seen,
            last_seen,
            removed_in,
        })
    })())
}

fn alias_row(
    r: &rusqlite::Row<'_>,
) -> rusqlite::Result<(i64, String, String, String, String, Option<String>)> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

fn to_alias_row(
    (_, name, quality, raw_quality, first_seen, removed_in): (
        i64,
        String,
        String,
        String,
        String,
        Option<String>,
    ),
) -> Result<RefAliasRow> {
    Ok(RefAliasRow {
        name,
        quality: AliasQuality::parse(&quality)
            .ok_or_else(|| corrupt("ref_aliases.quality")(quality.clone()))?,
        raw_quality,
        first_seen,
        removed_in,
    })
}

type TieCols = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
);

fn tie_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TieCols> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ))
}

fn to_tie_row(
    (_, predicate, direction, other_id, other_name, sentence, first_seen, removed_in): TieCols,
) -> Result<RefTieRow> {
    Ok(RefTieRow {
        predicate: predicate.parse().map_err(corrupt("ref_ties.predicate"))?,
        direction: Direction::parse(&direction)
            .ok_or_else(|| corrupt("ref_ties.direction")(direction.clone()))?,
        other_id,
        other_name,
        sentence,
        first_seen,
        removed_in,
    })
}

fn current_alias(a: &RefAliasRow) -> Alias {
    Alias {
        name: a.name.clone(),
        quality: a.quality,
        raw_quality: a.raw_quality.clone(),
    }
}

fn current_tie(t: &RefTieRow) -> StatedTie {
    StatedTie {
        predicate: t.predicate,
        direction: t.direction,
        other_id: t.other_id.clone(),
        other_name: t.other_name.clone(),
        sentence: t.sentence.clone(),
    }
}

/// Splits `un:TAi.005` into scheme and id; a bare id has no scheme.
fn split_id(id: &str) -> (Option<&str>, &str) {
    match id.split_once(':') {
        Some((s, rest)) if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()) => {
            (Some(s), rest)
        }
        _ => (None, id),
    }
}

pub(super) fn entity(conn: &Connection, id: &str) -> Result<RefEntityRow> {
    let (scheme, rid) = split_id(id.trim());
    let sql = format!(
        "SELECT {ENTITY_COLS} FROM ref_entities WHERE ref_id = ?1 AND (?2 IS NULL OR scheme = ?2)
         ORDER BY scheme LIMIT 2"
    );
    let mut rows: Vec<EntityCols> = Vec::new();
    for r in conn
        .prepare(&sql)?
        .query_map(params![rid, scheme], entity_cols)?
    {
        rows.push(r??);
    }
    if rows.len() > 1 {
        return Err(StoreError::Invalid {
            field: "reference id",
            reason: format!("{id:?} is in more than one list; write it as scheme:id (un:{rid})"),
        });
    }
    let Some(mut e) = rows.pop() else {
        return Err(StoreError::NotFound(id.to_string()));
    };
    let alias_history: Vec<RefAliasRow> = conn
        .prepare_cached(
            "SELECT id, name, quality, raw_quality, first_seen, removed_in FROM ref_aliases
             WHERE entity = ?1 ORDER BY id",
        )?
        .query_map([e.row], alias_row)?
        .map(|r| to_alias_row(r?))
        .collect::<Result<_>>()?;
    let tie_history: Vec<RefTieRow> = conn
        .prepare_cached(
            "SELECT id, predicate, direction, other_id, other_name, sentence, first_seen, removed_in
             FROM ref_ties WHERE entity = ?1 ORDER BY id",
        )?
        .query_map([e.row], tie_row)?
        .map(|r| to_tie_row(r?))
        .collect::<Result<_>>()?;
    e.entity.aliases = alias_history
        .iter()
        .filter(|a| a.removed_in.is_none())
        .map(current_alias)
        .collect();
    e.entity.ties = tie_history
        .iter()
        .filter(|t| t.removed_in.is_none())
        .map(current_tie)
        .collect();
    Ok(RefEntityRow {
        entity: e.entity,
        first_seen: e.first_seen,
        last_seen: e.last_seen,
        removed_in: e.removed_in,
        alias_history,
        tie_history,
    })
}

pub(super) fn list(
    conn: &Connection,
    scheme: Option<&str>,
    limit: usize,
    offset: usize,
) -> Result<Vec<RefSummary>> {
    let mut stmt = conn.prepare(
        "SELECT e.scheme, e.ref_id, e.type, e.name, e.programmes, e.removed_in,
            (SELECT count(*) FROM ref_aliases a WHERE a.entity = e.id AND a.removed_in IS NULL)
         FROM ref_entities e WHERE ?1 IS NULL OR e.scheme = ?1
         ORDER BY e.scheme, e.ref_id LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt.query_map(params![scheme, limit as i64, offset as i64], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, i64>(6)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (scheme, id, kind, name, programmes, removed_in, aliases) = r?;
        out.push(RefSummary {
            scheme,
            id,
            kind: kind.parse().map_err(corrupt("ref_entities.type"))?,
            name,
            programmes: from_json("ref_entities.programmes", &programmes)?,
            aliases: aliases as u64,
            removed_in,
        });
    }
    Ok(out)
}

/// Every entry (delisted ones too when `include_removed`) with its current
/// aliases and ties: what the matcher's index is built from. Three queries,
/// not one per entry.
pub(super) fn all(conn: &Connection, include_removed: bool) -> Result<Vec<ReferenceEntity>> {
    let sql = format!(
        "SELECT {ENTITY_COLS} FROM ref_entities WHERE ?1 OR removed_in IS NULL ORDER BY id"
    );
    let mut out: Vec<ReferenceEntity> = Vec::new();
    let mut pos: HashMap<i64, usize> = HashMap::new();
    for r in conn
        .prepare(&sql)?
        .query_map([include_removed], entity_cols)?
    {
        let e = r??;
        pos.insert(e.row, out.len());
        out.push(e.entity);
    }
    let mut stmt = conn.prepare(
        "SELECT entity, name, quality, raw_quality, first_seen, removed_in FROM ref_aliases
         WHERE removed_in IS NULL ORDER BY id",
    )?;
    for r in stmt.query_map([], alias_row)? {
        let r = r?;
        if let Some(&i) = pos.get(&r.0) {
            let a = to_alias_row(r)?;
            out[i].aliases.push(current_alias(&a));
        }
    }
    let mut stmt = conn.prepare(
        "SELECT entity, predicate, direction, other_id, other_name, sentence, first_seen, removed_in
         FROM ref_ties WHERE removed_in IS NULL ORDER BY id",
    )?;
    for r in stmt.query_map([], tie_row)? {
        let r = r?;
        if let Some(&i) = pos.get(&r.0) {
            let t = to_tie_row(r)?;
            out[i].ties.push(current_tie(&t));
        }
    }
    Ok(out)
}

pub(super) fn imports(conn: &Connection) -> Result<Vec<RefImportRow>> {
    let mut stmt = conn.prepare(
        "SELECT scheme, file, list_date, generated, imported_at, entities, aliases, ties
         FROM ref_imports ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(RefImportRow {
            scheme: r.get(0)?,
            file: r.get(1)?,
            list_date: r.get(2)?,
            generated: r.get(3)?,
            imported_at: r.get(4)?,
            entities: r.get::<_, i64>(5)? as u64,
            aliases: r.get::<_, i64>(6)? as u64,
            ties: r.get::<_, i64>(7)? as u64,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
