-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 6: inventory counts. A count gets its location extension (SGLN), a description, blind mode and
-- its finished EPCIS document; count_lines becomes the ordered record of acknowledged scans (seq, expiry, status
-- COUNTED / REPEATED / UNDONE, the code as received); expected quantities move to count_expected; count_places
-- names locations. No released version wrote the count tables, but any row they hold is carried over: the
-- tables are rebuilt (SQLite cannot add a CHECK or change a partial index in place) from a temporary copy.
-- The same tables are in schema.sql for new stores.

CREATE TEMP TABLE count_sessions_v5 AS SELECT * FROM count_sessions;
CREATE TEMP TABLE count_lines_v5 AS SELECT * FROM count_lines;
DROP TABLE count_lines;
DROP TABLE count_sessions;

CREATE TABLE count_sessions (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    location_gln TEXT NOT NULL DEFAULT '',
    location_extension TEXT NOT NULL DEFAULT '',
    location_name TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    blind INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    closed TEXT,
    document TEXT
);

CREATE TABLE count_lines (
    id TEXT PRIMARY KEY,
    count_session_id TEXT NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    gtin TEXT NOT NULL CHECK (length(gtin) = 14),
    lot TEXT NOT NULL DEFAULT '',
    expiry TEXT NOT NULL DEFAULT '',
    serial TEXT,
    quantity REAL NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'COUNTED' CHECK (status IN ('COUNTED', 'REPEATED', 'UNDONE')),
    raw_value TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    undone TEXT,
    UNIQUE (count_session_id, seq)
);
CREATE INDEX count_lines_by_item ON count_lines (count_session_id, gtin, lot);
CREATE UNIQUE INDEX count_lines_unique_serial ON count_lines (count_session_id, gtin, serial) WHERE serial IS NOT NULL AND status = 'COUNTED';

CREATE TABLE count_expected (
    count_session_id TEXT NOT NULL REFERENCES count_sessions (id) ON DELETE CASCADE,
    gtin TEXT NOT NULL CHECK (length(gtin) = 14),
    lot TEXT NOT NULL DEFAULT '',
    quantity REAL NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (count_session_id, gtin, lot)
);

CREATE TABLE count_places (
    name TEXT PRIMARY KEY,
    gln TEXT NOT NULL CHECK (length(gln) = 13),
    extension TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

INSERT INTO count_sessions (id, server_id, location_gln, location_name, status, created, closed)
    SELECT id, server_id, location_gln, location_name, status, created, closed FROM temp.count_sessions_v5;
INSERT INTO count_lines (id, count_session_id, seq, gtin, lot, serial, quantity, created)
    SELECT id, count_session_id, row_number() OVER (PARTITION BY count_session_id ORDER BY created, id), gtin, lot,
        serial, quantity, created
    FROM temp.count_lines_v5;
INSERT OR IGNORE INTO count_expected (count_session_id, gtin, lot, quantity)
    SELECT count_session_id, gtin, lot, max(expected) FROM temp.count_lines_v5
    WHERE expected IS NOT NULL AND expected >= 0 GROUP BY count_session_id, gtin, lot;
DROP TABLE temp.count_lines_v5;
DROP TABLE temp.count_sessions_v5;
