//! The embedded SQLite backend: one file, WAL, migrations by `user_version`,
//! FTS5 full-text indexes.

mod actors;
mod graph;
mod reference;

use crate::{
    ActorDetail, ActorSummary, Backend, Candidate, ClaimRow, DocGraph, DocSummary, EntityRecord,
    EntityRow, EventRow, GraphFilter, Judgement, JudgementKind, NameKey, NewActor, NewDocument,
    NewEntity, Origin, OriginGroup, Result, SearchHit, Stats, StoreError, StoredDocument, TieRow,
    WriteTx,
};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use untangle_model::{
    ContentHash, DocFormat, Document, DocumentMeta, Evidence, PartialDate, Reliability, Source,
};

/// Migrations in order; `PRAGMA user_version` records how many are applied.
const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("m2_entities.sql"),
    include_str!("m3_graph.sql"),
    include_str!("m4_actors.sql"),
    include_str!("m5_reference.sql"),
];

/// The schema version a store opened by this build has.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub struct SqliteStore {
    conn: Connection,
    path: String,
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path`, or an in-memory store
    /// for `:memory:`, and brings its schema up to date.
    pub fn open(path: &str) -> Result<Self> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_string(),
            source,
        })?;
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers never block the writer, and a killed writer leaves the
        // last committed state intact. NORMAL sync is durable across process
        // crashes (only an OS crash may lose the last transactions).
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // A 64 MiB page cache (the default is 2 MiB): ingest inserts into
        // several indexes per document, and with the default cache most of
        // those inserts re-read index pages from the file.
        conn.pragma_update(None, "cache_size", -65536)?;
        let mut store = SqliteStore {
            conn,
            path: path.to_string(),
        };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<()> {
        let version: u32 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        let supported = MIGRATIONS.len() as u32;
        if version > supported {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found: version,
                supported,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as u32)?;
            tx.commit()?;
        }
        Ok(())
    }

    fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }
}

/// JSON columns: serialise with a store error on failure.
mod erased {
    use crate::StoreError;
    pub trait Json {
        fn to_json(&self) -> Result<String, StoreError>;
    }
    impl<T: serde::Serialize> Json for T {
        fn to_json(&self) -> Result<String, StoreError> {
            serde_json::to_string(self).map_err(|e| StoreError::Corrupt {
                what: "json column",
                reason: e.to_string(),
            })
        }
    }
}

struct SqliteTx<'a> {
    tx: Transaction<'a>,
    now: String,
}

fn has_document(conn: &Connection, id: &ContentHash) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
        .exists([id.as_str()])?)
}

impl WriteTx for SqliteTx<'_> {
    fn has_document(&self, id: &ContentHash) -> Result<bool> {
        has_document(&self.tx, id)
    }

    fn near_candidates(&self, bands: &[(u8, u64)]) -> Result<Vec<Candidate>> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT d.id, d.minhash, d.origin FROM doc_bands b JOIN documents d ON d.rowid = b.doc
             WHERE b.band = ?1 AND b.key = ?2 AND d.minhash IS NOT NULL",
        )?;
        let mut out: Vec<Candidate> = Vec::new();
        for (band, key) in bands {
            let rows = stmt.query_map(params![*band as i64, *key as i64], |r| {
                Ok(Candidate {
                    id: ContentHash(r.get(0)?),
                    minhash: r.get(1)?,
                    origin: r.get(2)?,
                })
            })?;
            for c in rows {
                let c = c?;
                if !out.iter().any(|o| o.id == c.id) {
                    out.push(c);
                }
            }
        }
        Ok(out)
    }

    fn origin_of_url(&self, origin: &Origin) -> Result<Option<String>> {
        Ok(self
            .tx
            .prepare_cached("SELECT origin FROM documents WHERE origin = ?1 LIMIT 1")?
            .query_row([&origin.key], |r| r.get(0))
            .optional()?)
    }

    fn insert_document(&mut self, new: &NewDocument<'_>) -> Result<bool> {
        let d = new.doc;
        let m = &d.meta;
        if let Some(p) = &m.publisher {
            self.tx
                .prepare_cached("INSERT OR IGNORE INTO sources(name) VALUES (?1)")?
                .execute([p])?;
        }
        let boilerplate =
            serde_json::to_string(&m.boilerplate).map_err(|e| StoreError::Corrupt {
                what: "boilerplate",
                reason: e.to_string(),
            })?;
        let inserted = self
            .tx
            .prepare_cached(
                "INSERT OR IGNORE INTO documents(id, locator, format, title, url, original_source,
                    publisher, published, published_precision, published_from, byline, text,
                    boilerplate, origin, repost_of, similarity, minhash, ingested_at)
                 VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
            )?
            .execute(params![
                d.id.as_str(),
                m.locator,
                d.format.as_str(),
                m.title,
                m.url,
                m.original_source,
                m.publisher,
                m.published.map(|p| p.to_string()),
                m.published.map(|p| p.precision().as_str()),
                m.published_from,
                m.byline,
                d.text,
                boilerplate,
                new.origin.key,
                new.repost_of.as_ref().map(|(id, _)| id.as_str()),
                new.repost_of.as_ref().map(|(_, s)| *s as f64),
                new.minhash,
                self.now,
            ])?;
        if inserted == 0 {
            return Ok(false);
        }
        let rowid = self.tx.last_insert_rowid();
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO doc_bands(band, key, doc) VALUES (?1, ?2, ?3)",
        )?;
        for (band, key) in new.bands {
            stmt.execute(params![*band as i64, *key as i64, rowid])?;
        }
        Ok(true)
    }

    fn insert_evidence(&mut self, e: &Evidence) -> Result<i64> {
        let doc = graph::doc_rowid(&self.tx, &e.document)?;
        graph::insert_evidence(&self.tx, doc, e)
    }

    fn insert_graph(&mut self, doc: &ContentHash, g: &DocGraph) -> Result<()> {
        graph::insert_graph(&self.tx, doc, g)
    }

    fn clear_extraction(&mut self, doc: &ContentHash) -> Result<()> {
        let row = graph::doc_rowid(&self.tx, doc)?;
        // Evidence the extractors wrote goes with its ties, events and
        // claims (by cascade); evidence attached otherwise stays.
        for sql in [
            "DELETE FROM evidence WHERE doc = ?1 AND (
                id IN (SELECT evidence FROM ties WHERE doc = ?1)
                OR id IN (SELECT evidence FROM events WHERE doc = ?1)
                OR id IN (SELECT evidence FROM claims WHERE doc = ?1))",
            "DELETE FROM entities WHERE doc = ?1",
        ] {
            self.tx.prepare_cached(sql)?.execute([row])?;
        }
        Ok(())
    }

    fn insert_entities(&mut self, doc: &ContentHash, entities: &[NewEntity]) -> Result<()> {
        let doc_row: i64 = self
            .tx
            .prepare_cached("SELECT rowid FROM documents WHERE id = ?1")?
            .query_row([doc.as_str()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound(doc.to_string()))?;
        let json = |v: &dyn erased::Json| v.to_json();
        for ne in entities {
            let e = &ne.entity;
            self.tx
                .prepare_cached(
                    "INSERT INTO entities(doc, local_id, type, subtype, name, aliases, nationality,
                        title, external_ids) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
                )?
                .execute(params![
                    doc_row,
                    e.id,
                    e.kind.as_str(),
                    e.subtype,
                    e.name,
                    json(&e.aliases)?,
                    e.nationality,
                    e.title,
                    json(&e.external_ids)?,
                ])?;
            let entity_row = self.tx.last_insert_rowid();
            let mut stmt = self.tx.prepare_cached(
                "INSERT INTO mentions(entity, start, end, text) VALUES (?1,?2,?3,?4)",
            )?;
            for m in &ne.mentions {
                if m.start > m.end {
                    return Err(StoreError::Invalid {
                        field: "mention",
                        reason: format!("span {}..{}", m.start, m.end),
                    });
                }
                stmt.execute(params![entity_row, m.start as i64, m.end as i64, m.text])?;
            }
        }
        Ok(())
    }

    fn commit(self: Box<Self>) -> Result<()> {
        Ok(self.tx.commit()?)
    }
}

const SUMMARY_COLS: &str =
    "id, locator, format, title, publisher, published, origin, repost_of, length(text)";

fn summary(r: &Row<'_>) -> rusqlite::Result<DocSummary> {
    Ok(DocSummary {
        id: ContentHash(r.get(0)?),
        locator: r.get(1)?,
        format: r.get(2)?,
        title: r.get(3)?,
        publisher: r.get(4)?,
        published: r.get(5)?,
        origin: r.get(6)?,
        repost_of: r.get::<_, Option<String>>(7)?.map(ContentHash),
        chars: r.get::<_, i64>(8)? as usize,
    })
}

/// Turns plain words into an FTS5 query in which every word must occur:
/// each token is quoted, so user text never hits FTS5 syntax errors.
fn plain_query(q: &str) -> String {
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

fn corrupt(what: &'static str) -> impl Fn(String) -> StoreError {
    move |reason| StoreError::Corrupt { what, reason }
}

impl Backend for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    fn begin(&mut self) -> Result<Box<dyn WriteTx + '_>> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        Ok(Box::new(SqliteTx {
            tx,
            now: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }))
    }

    fn has_document(&self, id: &ContentHash) -> Result<bool> {
        has_document(&self.conn, id)
    }

    fn resolve_id(&self, prefix: &str) -> Result<ContentHash> {
        let p = prefix.trim().to_ascii_lowercase();
        if p.len() < 4 || !p.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(StoreError::Invalid {
                field: "document id",
                reason: format!("{prefix:?} is not a hex id or prefix of at least 4 digits"),
            });
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE id >= ?1 AND id < ?2 LIMIT 2")?;
        // Upper bound of the prefix range: the prefix followed by 'g' sorts
        // after every hex continuation.
        let ids: Vec<String> = stmt
            .query_map(params![p, format!("{p}g")], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match ids.len() {
            0 => Err(StoreError::NotFound(prefix.to_string())),
            1 => Ok(ContentHash(ids.into_iter().next().unwrap_or_default())),
            _ => {
                let count: i64 = self.conn.query_row(
                    "SELECT count(*) FROM documents WHERE id >= ?1 AND id < ?2",
                    params![p, format!("{p}g")],
                    |r| r.get(0),
                )?;
                Err(StoreError::Ambiguous {
                    prefix: prefix.to_string(),
                    count: count as usize,
                })
            }
        }
    }

    fn document(&self, id: &ContentHash) -> Result<StoredDocument> {
        let row = self
            .conn
            .query_row(
                "SELECT id, locator, format, title, url, original_source, publisher, published,
                    published_from, byline, text, boilerplate, origin, repost_of, similarity,
                    ingested_at
                 FROM documents WHERE id = ?1",
                [id.as_str()],
                |r| {
                    Ok((
                        (
                            r.get::<_, String>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, String>(2)?,
                            r.get::<_, Option<String>>(3)?,
                            r.get::<_, Option<String>>(4)?,
                            r.get::<_, Option<String>>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            r.get::<_, Option<String>>(7)?,
                        ),
                        (
                            r.get::<_, Option<String>>(8)?,
                            r.get::<_, Option<String>>(9)?,
                            r.get::<_, String>(10)?,
                            r.get::<_, String>(11)?,
                            r.get::<_, String>(12)?,
                            r.get::<_, Option<String>>(13)?,
                            r.get::<_, Option<f64>>(14)?,
                            r.get::<_, String>(15)?,
                        ),
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(id.to_string()))?;
        let (
            (id, locator, format, title, url, original_source, publisher, published),
            (published_from, byline, text, boilerplate, origin, repost_of, similarity, ingested_at),
        ) = row;
        let format = DocFormat::parse(&format).ok_or_else(|| StoreError::Corrupt {
            what: "documents.format",
            reason: format.clone(),
        })?;
        let published = published
            .map(|p| p.parse::<PartialDate>())
            .transpose()
            .map_err(corrupt("documents.published"))?;
        let boilerplate: Vec<String> =
            serde_json::from_str(&boilerplate).map_err(|e| StoreError::Corrupt {
                what: "documents.boilerplate",
                reason: e.to_string(),
            })?;
        let same_origin = self
            .conn
            .prepare_cached(
                "SELECT id FROM documents WHERE origin = ?1 AND id != ?2 ORDER BY rowid",
            )?
            .query_map(params![origin, id], |r| Ok(ContentHash(r.get(0)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let source = match &publisher {
            Some(p) => self
                .conn
                .query_row(
                    "SELECT name, reliability FROM sources WHERE name = ?1",
                    [p],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
                )
                .optional()?
                .map(|(name, rel)| -> Result<Source> {
                    Ok(Source {
                        name,
                        reliability: rel.parse().map_err(corrupt("sources.reliability"))?,
                    })
                })
                .transpose()?,
            None => None,
        };
        Ok(StoredDocument {
            doc: Document {
                id: ContentHash(id),
                format,
                meta: DocumentMeta {
                    locator,
                    title,
                    url,
                    original_source,
                    publisher,
                    published,
                    published_from,
                    byline,
                    boilerplate,
                },
                text,
            },
            origin,
            repost_of: repost_of.map(ContentHash),
            similarity: similarity.map(|s| s as f32),
            same_origin,
            source,
            ingested_at,
        })
    }

    fn list_documents(&self, limit: usize, offset: usize) -> Result<Vec<DocSummary>> {
        let sql = format!("SELECT {SUMMARY_COLS} FROM documents ORDER BY rowid LIMIT ?1 OFFSET ?2");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn repost_groups(&self) -> Result<Vec<OriginGroup>> {
        let sql = format!(
            "SELECT {SUMMARY_COLS} FROM documents WHERE origin IN
               (SELECT origin FROM documents GROUP BY origin HAVING count(*) > 1)
             ORDER BY origin, rowid"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut groups: Vec<OriginGroup> = Vec::new();
        for d in stmt.query_map([], summary)? {
            let d = d?;
            match groups.last_mut() {
                Some(g) if g.origin == d.origin => g.documents.push(d),
                _ => groups.push(OriginGroup {
                    origin: d.origin.clone(),
                    documents: vec![d],
                }),
            }
        }
        Ok(groups)
    }

    fn search(&self, query: &str, raw: bool, limit: usize) -> Result<Vec<SearchHit>> {
        let fts = if raw {
            query.to_string()
        } else {
            plain_query(query)
        };
        if fts.trim().is_empty() {
            return Err(StoreError::BadQuery {
                query: query.to_string(),
                reason: "empty query".into(),
            });
        }
        let bad = |e: rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(_, Some(msg)) if msg.contains("fts5") => {
                StoreError::BadQuery {
                    query: query.to_string(),
                    reason: msg,
                }
            }
            other => StoreError::Sqlite(other),
        };
        let mut hits = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.title, snippet(documents_fts, 1, '[', ']', '…', 12), bm25(documents_fts)
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1 ORDER BY bm25(documents_fts) LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![fts, limit as i64], |r| {
                Ok(SearchHit::Document {
                    id: ContentHash(r.get(0)?),
                    title: r.get(1)?,
                    snippet: r.get(2)?,
                    score: -r.get::<_, f64>(3)?,
                })
            })
            .map_err(bad)?;
        for h in rows {
            hits.push(h.map_err(bad)?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, d.id, e.start, e.end, snippet(evidence_fts, 0, '[', ']', '…', 16),
                    bm25(evidence_fts)
             FROM evidence_fts JOIN evidence e ON e.id = evidence_fts.rowid
             JOIN documents d ON d.rowid = e.doc
             WHERE evidence_fts MATCH ?1 ORDER BY bm25(evidence_fts) LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![fts, limit as i64], |r| {
                Ok(SearchHit::Evidence {
                    id: r.get(0)?,
                    document: ContentHash(r.get(1)?),
                    start: r.get::<_, i64>(2)? as usize,
                    end: r.get::<_, i64>(3)? as usize,
                    snippet: r.get(4)?,
                    score: -r.get::<_, f64>(5)?,
                })
            })
            .map_err(bad)?;
        for h in rows {
            hits.push(h.map_err(bad)?);
        }
        Ok(hits)
    }

    fn stats(&self) -> Result<Stats> {
        let c = &self.conn;
        let count =
            |sql: &str| -> Result<u64> { Ok(c.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        let by_format = c
            .prepare("SELECT format, count(*) FROM documents GROUP BY format ORDER BY 2 DESC")?
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<rusqlite::Result<_>>()?;
        let (earliest, latest) = c.query_row(
            "SELECT min(published), max(published) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Stats {
            documents: count("SELECT count(*) FROM documents")?,
            independent_origins: count("SELECT count(DISTINCT origin) FROM documents")?,
            reposts: count(
                "SELECT count(*) FROM documents WHERE repost_of IS NOT NULL
                   OR original_source IS NOT NULL",
            )?,
            by_format,
            publishers: count("SELECT count(DISTINCT publisher) FROM documents")?,
            earliest,
            latest,
            evidence: count("SELECT count(*) FROM evidence")?,
            entities: count("SELECT count(*) FROM entities")?,
            mentions: count("SELECT count(*) FROM mentions")?,
            ties: count("SELECT count(*) FROM ties")?,
            events: count("SELECT count(*) FROM events")?,
            claims: count("SELECT count(*) FROM claims")?,
            actors: count("SELECT count(*) FROM actors")?,
            judgements: count("SELECT count(*) FROM judgements WHERE withdrawn_at IS NULL")?,
            schema_version: self.schema_version()?,
        })
    }

    fn entities(&self, doc: Option<&ContentHash>, limit: usize) -> Result<Vec<EntityRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, e.local_id, e.type, e.subtype, e.name, e.aliases, e.nationality,
                    e.external_ids, (SELECT count(*) FROM mentions m WHERE m.entity = e.id),
                    (SELECT min(start) FROM mentions m WHERE m.entity = e.id), a.key
             FROM entities e JOIN documents d ON d.rowid = e.doc
             LEFT JOIN actor_members am ON am.entity = e.id
             LEFT JOIN actors a ON a.id = am.actor
             WHERE ?1 IS NULL OR d.id = ?1
             ORDER BY e.doc, e.id LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            params![
                doc.map(|d| d.as_str()),
                if limit == 0 { -1 } else { limit as i64 }
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                    r.get::<_, i64>(8)?,
                    r.get::<_, Option<i64>>(9)?,
                    r.get::<_, Option<String>>(10)?,
                ))
            },
        )?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, id, kind, subtype, name, aliases, nationality, ext, mentions, first, actor) =
                row?;
            let decode = |what: &'static str, s: &str| -> Result<serde_json::Value> {
                serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
                    what,
                    reason: e.to_string(),
                })
            };
            out.push(EntityRow {
                document: ContentHash(doc),
                entity: untangle_model::Entity {
                    id,
                    kind: kind.parse().map_err(corrupt("entities.type"))?,
                    subtype,
                    name,
                    aliases: serde_json::from_value(decode("entities.aliases", &aliases)?)
                        .map_err(|e| StoreError::Corrupt {
                            what: "entities.aliases",
                            reason: e.to_string(),
                        })?,
                    nationality,
                    title: None,
                    external_ids: serde_json::from_value(decode("entities.external_ids", &ext)?)
                        .map_err(|e| StoreError::Corrupt {
                            what: "entities.external_ids",
                            reason: e.to_string(),
                        })?,
                },
                mentions: mentions as u64,
                first_mention: first.map(|f| f as usize),
                actor,
            });
        }
        Ok(out)
    }

    fn ties(&self, filter: &GraphFilter) -> Result<Vec<TieRow>> {
        graph::ties(&self.conn, filter)
    }

    fn events(&self, filter: &GraphFilter) -> Result<Vec<EventRow>> {
        graph::events(&self.conn, filter)
    }

    fn claims(&self, filter: &GraphFilter) -> Result<Vec<ClaimRow>> {
        graph::claims(&self.conn, filter)
    }

    fn sources(&self) -> Result<Vec<(Source, u64)>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.name, s.reliability, (SELECT count(*) FROM documents d WHERE d.publisher = s.name)
             FROM sources s ORDER BY 3 DESC, 1",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, rel, n) = row?;
            let reliability = rel.parse().map_err(corrupt("sources.reliability"))?;
            out.push((Source { name, reliability }, n as u64));
        }
        Ok(out)
    }

    fn set_source_reliability(&mut self, name: &str, reliability: Reliability) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StoreError::Invalid {
                field: "source name",
                reason: "empty".into(),
            });
        }
        self.conn.execute(
            "INSERT INTO sources(name, reliability) VALUES (?1, ?2)
             ON CONFLICT(name) DO UPDATE SET reliability = excluded.reliability",
            params![name, reliability.as_str()],
        )?;
        Ok(())
    }

    fn entity_records(&self) -> Result<Vec<EntityRecord>> {
        actors::entity_records(&self.conn)
    }

    fn replace_actors(&mut self, list: &[NewActor]) -> Result<()> {
        actors::replace_actors(&mut self.conn, list)
    }

    fn actors(
        &self,
        kind: Option<untangle_model::EntityType>,
        name: Option<&str>,
        limit: usize,
    ) -> Result<Vec<ActorSummary>> {
        actors::actors(&self.conn, kind, name, limit)
    }

    fn actor(&self, id_or_key: &str) -> Result<ActorDetail> {
        actors::actor(&self.conn, id_or_key)
    }

    fn add_judgement(
        &mut self,
        kind: JudgementKind,
        a: &NameKey,
        b: &NameKey,
        note: Option<&str>,
    ) -> Result<i64> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        actors::add_judgement(&self.conn, kind, a, b, note, &now)
    }

    fn judgements(&self) -> Result<Vec<Judgement>> {
        actors::judgements(&self.conn)
    }

    fn remove_judgement(&mut self, id: i64) -> Result<bool> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        actors::remove_judgement(&self.conn, id, &now)
    }

    fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let integrity: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if integrity != "ok" {
            problems.push(format!("integrity_check: {integrity}"));
        }
        let fts: rusqlite::Result<usize> = self.conn.execute(
            "INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)",
            [],
        );
        if let Err(e) = fts {
            problems.push(format!("documents_fts: {e}"));
        }
        let orphans: i64 = self.conn.query_row(
            "SELECT count(*) FROM documents d WHERE repost_of IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.repost_of)",
            [],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            problems.push(format!("{orphans} documents point to a missing original"));
        }
        Ok(problems)
    }

    fn import_reference(
        &mut self,
        list: &untangle_resolve::ReferenceList,
        file_hash: &str,
    ) -> Result<crate::RefImportReport> {
        reference::import(&mut self.conn, list, file_hash)
    }

    fn reference_entities(
        &self,
        scheme: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<crate::RefSummary>> {
        reference::list(&self.conn, scheme, limit, offset)
    }

    fn reference_entity(&self, id: &str) -> Result<crate::RefEntityRow> {
        reference::entity(&self.conn, id)
    }

    fn reference_all(
        &self,
        include_removed: bool,
    ) -> Result<Vec<untangle_resolve::ReferenceEntity>> {
        reference::all(&self.conn, include_removed)
    }

    fn reference_imports(&self) -> Result<Vec<crate::RefImportRow>> {
        reference::imports(&self.conn)
    }
}
