-- Migration 5: reference lists (UN, OFAC sanctions). Entries, their aliases
-- and their stated ties carry the list dates they were first seen in and
-- the list date they disappeared in (`removed_in`), so importing a newer
-- list updates entries and keeps history: an alias dropped from the list is
-- marked, never deleted.

CREATE TABLE ref_imports (
    id          INTEGER PRIMARY KEY,
    scheme      TEXT NOT NULL,
    file        TEXT NOT NULL,
    file_hash   TEXT NOT NULL,
    list_date   TEXT NOT NULL,
    generated   TEXT,
    imported_at TEXT NOT NULL,
    entities    INTEGER NOT NULL,
    aliases     INTEGER NOT NULL,
    ties        INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    delisted    INTEGER NOT NULL,
    aliases_added   INTEGER NOT NULL,
    aliases_removed INTEGER NOT NULL,
    UNIQUE (scheme, file_hash)
);

CREATE TABLE ref_entities (
    id              INTEGER PRIMARY KEY,
    scheme          TEXT NOT NULL,
    ref_id          TEXT NOT NULL,
    type            TEXT NOT NULL CHECK (type IN ('person','organization')),
    name            TEXT NOT NULL,
    original_script TEXT,
    nationality     TEXT NOT NULL DEFAULT '[]',   -- JSON array
    listed_on       TEXT,
    dates_of_birth  TEXT NOT NULL DEFAULT '[]',   -- JSON array
    programmes      TEXT NOT NULL DEFAULT '[]',   -- JSON array
    designation     TEXT NOT NULL DEFAULT '[]',   -- JSON array
    titles          TEXT NOT NULL DEFAULT '[]',   -- JSON array
    comments        TEXT,
    addresses       TEXT NOT NULL DEFAULT '[]',   -- JSON array
    first_seen      TEXT NOT NULL,                -- list date
    last_seen       TEXT NOT NULL,                -- list date
    removed_in      TEXT,                         -- list date it was delisted in
    UNIQUE (scheme, ref_id)
);
CREATE INDEX ref_entities_name ON ref_entities(name);

CREATE TABLE ref_aliases (
    id          INTEGER PRIMARY KEY,
    entity      INTEGER NOT NULL REFERENCES ref_entities(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    quality     TEXT NOT NULL CHECK (quality IN ('good','low')),
    raw_quality TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    removed_in  TEXT,
    UNIQUE (entity, name, raw_quality)
);
CREATE INDEX ref_aliases_name ON ref_aliases(name);

CREATE TABLE ref_ties (
    id          INTEGER PRIMARY KEY,
    entity      INTEGER NOT NULL REFERENCES ref_entities(id) ON DELETE CASCADE,
    predicate   TEXT NOT NULL,
    direction   TEXT NOT NULL CHECK (direction IN ('out','in')),
    other_id    TEXT,
    other_name  TEXT,
    sentence    TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    removed_in  TEXT
);
CREATE UNIQUE INDEX ref_ties_unique ON ref_ties(
    entity, predicate, direction, coalesce(other_id, ''), coalesce(other_name, ''), sentence);
CREATE INDEX ref_ties_other ON ref_ties(other_id);
