-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 8: the review table's sort keys that live in other tables. capture_sort_keys holds one row per
-- capture with the session's name (or its start time when it has none), the GTIN in force, the product name shown
-- (the capture's own, else the products cache's for the GTIN in force), the review state and the number of photos,
-- each indexed, so the first page of a sort on any of them is a walk of an index, not a join and sort of every
-- capture. Triggers on captures, sessions, capture_reviews, products and photos keep the row in step; all but the
-- products' and the photos' recompute every key of the captures concerned with the same statement. seq breaks ties
-- (the order the captures were stored in): a captures rowid may change on VACUUM, seq does not.
-- Inside a trigger body a statement's ";" starts the next line, as the migration runner ends a statement at a
-- line that ends with ";". The same objects are in schema.sql for new stores; this file needs nothing newer than 7.

CREATE TABLE capture_sort_keys (
    seq INTEGER PRIMARY KEY,
    capture_id TEXT NOT NULL UNIQUE REFERENCES captures (id),
    session_name TEXT NOT NULL COLLATE NOCASE,
    gtin TEXT NOT NULL,
    product_name TEXT NOT NULL COLLATE NOCASE,
    review TEXT NOT NULL,
    photos INTEGER NOT NULL
);
CREATE INDEX capture_sort_keys_by_session ON capture_sort_keys (session_name);
CREATE INDEX capture_sort_keys_by_gtin ON capture_sort_keys (gtin);
CREATE INDEX capture_sort_keys_by_product ON capture_sort_keys (product_name);
CREATE INDEX capture_sort_keys_by_review ON capture_sort_keys (review);
CREATE INDEX capture_sort_keys_by_photos ON capture_sort_keys (photos);

CREATE TRIGGER capture_sort_keys_capture_insert AFTER INSERT ON captures BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.id = new.id
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
CREATE TRIGGER capture_sort_keys_capture_update AFTER UPDATE OF session_id, gtin, product_name ON captures BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.id = new.id
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
CREATE TRIGGER capture_sort_keys_capture_delete AFTER DELETE ON captures BEGIN
    DELETE FROM capture_sort_keys WHERE capture_id = old.id
    ; END;
CREATE TRIGGER capture_sort_keys_session_update AFTER UPDATE OF metadata, created ON sessions
    WHEN coalesce(CASE WHEN json_valid(old.metadata) THEN json_extract(old.metadata, '$.name') END, old.created)
        IS NOT coalesce(CASE WHEN json_valid(new.metadata) THEN json_extract(new.metadata, '$.name') END, new.created)
BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.session_id = new.id
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
CREATE TRIGGER capture_sort_keys_review_insert AFTER INSERT ON capture_reviews BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.id = new.capture_id
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
CREATE TRIGGER capture_sort_keys_review_update AFTER UPDATE OF capture_id, state, gtin ON capture_reviews BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.id IN (old.capture_id, new.capture_id)
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
CREATE TRIGGER capture_sort_keys_review_delete AFTER DELETE ON capture_reviews BEGIN
    INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
        SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
            coalesce(r.gtin, c.gtin),
            coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
            (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
        FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
        LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) WHERE c.id = old.capture_id
        ON CONFLICT (capture_id) DO UPDATE SET session_name = excluded.session_name, gtin = excluded.gtin,
            product_name = excluded.product_name, review = excluded.review, photos = excluded.photos
    ; END;
-- A product the cache learns, renames or forgets changes the name shown for the captures of its GTIN in force.
CREATE TRIGGER capture_sort_keys_product_insert AFTER INSERT ON products BEGIN
    UPDATE capture_sort_keys SET product_name = new.product_name WHERE gtin = new.gtin
        AND coalesce((SELECT c.product_name FROM captures c WHERE c.id = capture_sort_keys.capture_id), '') = ''
    ; END;
CREATE TRIGGER capture_sort_keys_product_update AFTER UPDATE OF gtin, product_name ON products BEGIN
    UPDATE capture_sort_keys SET product_name = '' WHERE gtin = old.gtin
        AND coalesce((SELECT c.product_name FROM captures c WHERE c.id = capture_sort_keys.capture_id), '') = ''
    ; UPDATE capture_sort_keys SET product_name = new.product_name WHERE gtin = new.gtin
        AND coalesce((SELECT c.product_name FROM captures c WHERE c.id = capture_sort_keys.capture_id), '') = ''
    ; END;
CREATE TRIGGER capture_sort_keys_product_delete AFTER DELETE ON products BEGIN
    UPDATE capture_sort_keys SET product_name = '' WHERE gtin = old.gtin
        AND coalesce((SELECT c.product_name FROM captures c WHERE c.id = capture_sort_keys.capture_id), '') = ''
    ; END;

-- A photo added to a capture, moved to another or removed changes its count.
CREATE TRIGGER capture_sort_keys_photo_insert AFTER INSERT ON photos BEGIN
    UPDATE capture_sort_keys SET photos = (SELECT count(*) FROM photos ph WHERE ph.capture_id = new.capture_id)
        WHERE capture_id = new.capture_id
    ; END;
CREATE TRIGGER capture_sort_keys_photo_update AFTER UPDATE OF capture_id ON photos BEGIN
    UPDATE capture_sort_keys
        SET photos = (SELECT count(*) FROM photos ph WHERE ph.capture_id = capture_sort_keys.capture_id)
        WHERE capture_id IN (old.capture_id, new.capture_id)
    ; END;
CREATE TRIGGER capture_sort_keys_photo_delete AFTER DELETE ON photos BEGIN
    UPDATE capture_sort_keys SET photos = (SELECT count(*) FROM photos ph WHERE ph.capture_id = old.capture_id)
        WHERE capture_id = old.capture_id
    ; END;

-- The captures already stored get their keys, in the order they were stored.
INSERT INTO capture_sort_keys (capture_id, session_name, gtin, product_name, review, photos)
    SELECT c.id, coalesce(CASE WHEN json_valid(s.metadata) THEN json_extract(s.metadata, '$.name') END, s.created),
        coalesce(r.gtin, c.gtin),
        coalesce(nullif(c.product_name, ''), p.product_name, ''), coalesce(r.state, 'UNREVIEWED'),
        (SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id)
    FROM captures c JOIN sessions s ON s.id = c.session_id LEFT JOIN capture_reviews r ON r.capture_id = c.id
    LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) ORDER BY c.created, c.id;
