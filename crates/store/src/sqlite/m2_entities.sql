-- Migration 2: entities found in each document, with their mentions.
-- Entities are per document here (ids like e1 are the document's own);
-- resolving one actor across documents is a later layer on top.

CREATE TABLE entities (
    id          INTEGER PRIMARY KEY,
    doc         INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('person','organization','location','agreement')),
    subtype     TEXT,
    name        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]',     -- JSON array
    nationality TEXT,
    title       TEXT,
    external_ids TEXT NOT NULL DEFAULT '[]',    -- JSON array of {scheme, id}
    UNIQUE (doc, local_id)
);
CREATE INDEX entities_name ON entities(name);
CREATE INDEX entities_type ON entities(type);

CREATE TABLE mentions (
    id      INTEGER PRIMARY KEY,
    entity  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    end     INTEGER NOT NULL,
    text    TEXT NOT NULL,
    CHECK (start <= end)
);
CREATE INDEX mentions_entity ON mentions(entity);
