-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 7: the review of captures by a brand manager. capture_reviews holds one row per capture someone
-- has looked at (reviewed, flagged with a note, or set back to unreviewed; who and when); a capture without a row
-- is unreviewed. gtin is the GTIN in force after the latest correction (NULL: the captured one stands).
-- capture_gtin_corrections keeps every GTIN correction with the value it replaced: the capture's own gtin is never
-- changed. captures_search is an FTS5 index over the code, the product name, the lot and the serial, kept up to
-- date by triggers; its rowids are the stable keys of capture_search_keys (a captures rowid may change on VACUUM).
-- Inside a trigger body a statement's ";" starts the next line, as the migration runner ends a statement at a
-- line that ends with ";". The same objects are in schema.sql for new stores; this file needs nothing newer than 4.

CREATE TABLE capture_reviews (
    capture_id TEXT PRIMARY KEY REFERENCES captures (id),
    state TEXT NOT NULL DEFAULT 'UNREVIEWED' CHECK (state IN ('UNREVIEWED', 'REVIEWED', 'FLAGGED')),
    note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    reviewed_by TEXT NOT NULL DEFAULT '',
    gtin TEXT CHECK (gtin IS NULL OR length(gtin) = 14),
    modified TEXT NOT NULL
);
CREATE INDEX capture_reviews_by_state ON capture_reviews (state);
CREATE INDEX capture_reviews_by_gtin ON capture_reviews (gtin) WHERE gtin IS NOT NULL;

CREATE TABLE capture_gtin_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    capture_id TEXT NOT NULL REFERENCES captures (id),
    previous_gtin TEXT NOT NULL,
    corrected_gtin TEXT NOT NULL CHECK (length(corrected_gtin) = 14),
    corrected_by TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX capture_gtin_corrections_by_capture ON capture_gtin_corrections (capture_id, id);

-- What the review screen sorts and filters on.
CREATE INDEX captures_by_created ON captures (created);
CREATE INDEX captures_by_type ON captures (capture_type, created);
CREATE INDEX captures_by_status ON captures (status, created);
CREATE INDEX captures_by_code ON captures (raw_value);
CREATE INDEX captures_by_lot ON captures (lot);
CREATE INDEX captures_by_serial ON captures (serial);
CREATE INDEX captures_by_expiry ON captures (expiry);
CREATE INDEX captures_by_product_name ON captures (product_name);
CREATE INDEX photos_by_capture ON photos (capture_id);

CREATE TABLE capture_search_keys (
    key INTEGER PRIMARY KEY,
    capture_id TEXT NOT NULL UNIQUE REFERENCES captures (id)
);
CREATE VIRTUAL TABLE captures_search USING fts5 (code, product_name, lot, serial,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');

CREATE TRIGGER captures_search_insert AFTER INSERT ON captures BEGIN
    INSERT INTO capture_search_keys (capture_id) VALUES (new.id)
    ; INSERT INTO captures_search (rowid, code, product_name, lot, serial) VALUES (last_insert_rowid(), new.raw_value,
        coalesce(nullif(new.product_name, ''), (SELECT p.product_name FROM products p WHERE p.gtin = new.gtin), ''),
        new.lot, new.serial)
    ; END;
CREATE TRIGGER captures_search_update AFTER UPDATE OF raw_value, product_name, lot, serial, gtin ON captures BEGIN
    UPDATE captures_search SET code = new.raw_value, lot = new.lot, serial = new.serial,
        product_name = coalesce(nullif(new.product_name, ''),
            (SELECT p.product_name FROM products p WHERE p.gtin = new.gtin), '')
        WHERE rowid = (SELECT k.key FROM capture_search_keys k WHERE k.capture_id = new.id)
    ; END;
CREATE TRIGGER captures_search_delete AFTER DELETE ON captures BEGIN
    DELETE FROM captures_search WHERE rowid = (SELECT k.key FROM capture_search_keys k WHERE k.capture_id = old.id)
    ; DELETE FROM capture_search_keys WHERE capture_id = old.id
    ; END;
-- A product the cache learns names the captures of its GTIN that have no name of their own.
CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
    UPDATE captures_search SET product_name = new.product_name WHERE rowid IN (SELECT k.key FROM capture_search_keys k
        JOIN captures c ON c.id = k.capture_id WHERE c.gtin = new.gtin AND coalesce(c.product_name, '') = '')
    ; END;
CREATE TRIGGER products_search_update AFTER UPDATE OF product_name ON products BEGIN
    UPDATE captures_search SET product_name = new.product_name WHERE rowid IN (SELECT k.key FROM capture_search_keys k
        JOIN captures c ON c.id = k.capture_id WHERE c.gtin = new.gtin AND coalesce(c.product_name, '') = '')
    ; END;

-- The captures already stored become searchable.
INSERT INTO capture_search_keys (capture_id) SELECT id FROM captures ORDER BY created, id;
INSERT INTO captures_search (rowid, code, product_name, lot, serial)
    SELECT k.key, c.raw_value, coalesce(nullif(c.product_name, ''), p.product_name, ''), c.lot, c.serial
    FROM capture_search_keys k JOIN captures c ON c.id = k.capture_id LEFT JOIN products p ON p.gtin = c.gtin;
