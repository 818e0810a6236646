-- Migration 1: documents, their origins, near-duplicate bands, sources,
-- evidence sentences, and full-text indexes over documents and evidence.

CREATE TABLE documents (
    rowid            INTEGER PRIMARY KEY,
    id               TEXT NOT NULL UNIQUE,          -- BLAKE3 of the source bytes
    locator          TEXT NOT NULL,
    format           TEXT NOT NULL,
    title            TEXT,
    url              TEXT,
    original_source  TEXT,
    publisher        TEXT,
    published        TEXT,                          -- ISO 8601 at its precision
    published_precision TEXT,
    published_from   TEXT,
    byline           TEXT,
    text             TEXT NOT NULL,
    boilerplate      TEXT NOT NULL DEFAULT '[]',     -- JSON array of removed lines
    origin           TEXT NOT NULL,                 -- independent-source key
    repost_of        TEXT,                          -- id of the document it copies
    similarity       REAL,
    minhash          BLOB,
    ingested_at      TEXT NOT NULL
);
CREATE INDEX documents_origin ON documents(origin);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_published ON documents(published);

-- LSH bands of each document's MinHash signature, for near-duplicate lookup.
CREATE TABLE doc_bands (
    band INTEGER NOT NULL,
    key  INTEGER NOT NULL,
    doc  INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    PRIMARY KEY (band, key, doc)
) WITHOUT ROWID;

-- Publishers with their Admiralty reliability grade (A-F; unknown = F).
CREATE TABLE sources (
    name        TEXT PRIMARY KEY,
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A','B','C','D','E','F'))
);

-- Sentence-level evidence for ties, events and claims.
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    doc         INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence    TEXT NOT NULL,
    method      TEXT NOT NULL,
    confidence  REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    credibility TEXT NOT NULL DEFAULT '6' CHECK (credibility IN ('1','2','3','4','5','6')),
    CHECK (start <= end)
);
CREATE INDEX evidence_doc ON evidence(doc);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5(
    sentence, content='evidence', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts(rowid, sentence) VALUES (new.id, new.sentence);
END;
CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, sentence) VALUES ('delete', old.id, old.sentence);
END;
