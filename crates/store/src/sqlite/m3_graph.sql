-- Migration 3: ties, events and claims read in each document. Every row
-- points to its evidence sentence (document, span, method, confidence,
-- credibility) and to the document's own entities; actors across documents
-- are a layer on top. A row is one reading in one sentence: the same tie
-- stated in three documents is three rows, which is what corroboration
-- counts (by distinct origin).

CREATE TABLE ties (
    id        INTEGER PRIMARY KEY,
    doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    subject   INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    predicate TEXT NOT NULL,
    object    INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    polarity  TEXT NOT NULL CHECK (polarity IN ('asserted','denied','hedged')),
    since     TEXT,
    until     TEXT,
    evidence  INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE
);
CREATE INDEX ties_doc ON ties(doc);
CREATE INDEX ties_subject ON ties(subject);
CREATE INDEX ties_object ON ties(object);
CREATE INDEX ties_predicate ON ties(predicate);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    type       TEXT NOT NULL,
    location   INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    date       TEXT,                              -- ISO 8601 at its precision
    fatalities INTEGER CHECK (fatalities >= 0),
    captured   INTEGER CHECK (captured >= 0),
    mode       TEXT,
    evidence   INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_actors (
    event  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role   TEXT NOT NULL CHECK (role IN ('agent','target')),
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (event, role, entity)
) WITHOUT ROWID;
CREATE INDEX event_actors_entity ON event_actors(entity);

CREATE TABLE claims (
    id       INTEGER PRIMARY KEY,
    doc      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    speaker  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    quote    TEXT NOT NULL,
    stance   TEXT CHECK (stance IN ('supports','disputes','neutral')),
    evidence INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE
);
CREATE INDEX claims_doc ON claims(doc);
CREATE INDEX claims_speaker ON claims(speaker);

CREATE TABLE claim_about (
    claim  INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    PRIMARY KEY (claim, entity)
) WITHOUT ROWID;
CREATE INDEX claim_about_entity ON claim_about(entity);
