-- Migration 4: actors (one real-world actor across documents) and the
-- analyst's judgements that steer resolution.
--
-- Actors are recomputed from the per-document entities by the resolver;
-- `key` is their stable identity (a reference-list or lexicon id, else the
-- type and folded name of the cluster's most frequent name), so a
-- recomputation that finds the same cluster keeps the same key.
-- Judgements name actors by type and folded name, not by row ids, so they
-- survive re-ingest, re-import and recomputation.

CREATE TABLE actors (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    type         TEXT NOT NULL CHECK (type IN ('person','organization','location','agreement')),
    name         TEXT NOT NULL,
    external_ids TEXT NOT NULL DEFAULT '[]'       -- JSON array of {scheme, id}
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE actor_members (
    entity  INTEGER PRIMARY KEY REFERENCES entities(id) ON DELETE CASCADE,
    actor   INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    score   REAL NOT NULL CHECK (score >= 0 AND score <= 1),
    reasons TEXT NOT NULL DEFAULT '[]'            -- JSON array of strings
);
CREATE INDEX actor_members_actor ON actor_members(actor);

-- Judgements are never deleted: a withdrawn one keeps its row, with the
-- time it was withdrawn, as the audit trail of who decided what.
CREATE TABLE judgements (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('merge','distinct')),
    a_type       TEXT NOT NULL,
    a_key        TEXT NOT NULL,                   -- folded name
    b_type       TEXT NOT NULL,
    b_key        TEXT NOT NULL,
    note         TEXT,
    created_at   TEXT NOT NULL,
    withdrawn_at TEXT
);
CREATE UNIQUE INDEX judgements_in_force ON judgements(kind, a_type, a_key, b_type, b_key)
    WHERE withdrawn_at IS NULL;
