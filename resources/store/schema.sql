-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- The whole schema at its newest version (schema_version 7). A new database is created from this file; an
-- older one is brought here by the migrations in services/store/migrations.cpp. A test upgrades a database
-- of every earlier version (tests/data/store/) and proves it ends with the same schema as a new one.
-- Every row has a local UUID (id) and the server's id (server_id) once the sync engine learns it.
-- Timestamps are ISO 8601 UTC text with milliseconds. Statements are separated by ";" at line end.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'EXPIRED')),
    capture_mode TEXT NOT NULL DEFAULT 'barcode_scan'
        CHECK (capture_mode IN ('barcode_scan', 'product_photography', 'both')),
    metadata TEXT NOT NULL DEFAULT '{}',
    user_agent TEXT NOT NULL DEFAULT '',
    device_context TEXT NOT NULL DEFAULT '{}',
    extraction_status TEXT NOT NULL DEFAULT 'pending',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    last_activity TEXT NOT NULL,
    ended TEXT
);
CREATE INDEX sessions_by_status ON sessions (status, last_activity);

CREATE TABLE captures (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
    capture_type TEXT NOT NULL CHECK (capture_type IN ('BARCODE', 'IMAGE', 'MANUAL')),
    raw_value TEXT NOT NULL CHECK (length(raw_value) BETWEEN 1 AND 500),
    symbology_id TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    gtin TEXT NOT NULL DEFAULT '',
    lot TEXT NOT NULL DEFAULT '',
    serial TEXT NOT NULL DEFAULT '',
    expiry TEXT NOT NULL DEFAULT '',
    gs1 TEXT,
    gs1_dl_data TEXT,
    quad TEXT,
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN
        ('PENDING', 'LOOKING_UP', 'ENRICHING', 'RESOLVING', 'COMPLETED', 'FAILED', 'NOT_FOUND')),
    error_message TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '{}',
    product_short_id TEXT,
    product_name TEXT,
    created TEXT NOT NULL,
    processed_at TEXT
);
CREATE INDEX captures_by_session ON captures (session_id, created);
CREATE INDEX captures_by_gtin ON captures (gtin);

-- A voided capture is kept and marked here; it no longer counts (version 2).
CREATE TABLE capture_voids (
    capture_id TEXT PRIMARY KEY REFERENCES captures (id),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    voided_by TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

-- Every correction of a typed capture made before it was sent, oldest first (version 2).
CREATE TABLE capture_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    capture_id TEXT NOT NULL REFERENCES captures (id),
    previous_raw_value TEXT NOT NULL,
    new_raw_value TEXT NOT NULL,
    edited_by TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX capture_edits_by_capture ON capture_edits (capture_id, id);

CREATE TABLE scan_rejections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    raw_value TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    reason_code TEXT NOT NULL,
    reason TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE INDEX scan_rejections_by_session ON scan_rejections (session_id, created);

CREATE TABLE photos (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,
    capture_id TEXT REFERENCES captures (id),
    photo_type TEXT NOT NULL DEFAULT 'other' CHECK (photo_type IN ('front', 'back', 'left', 'right', 'top',
        'bottom', 'nutrition', 'ingredients', 'barcode', 'recycling', 'certification', 'other')),
    file_path TEXT NOT NULL,
    original_filename TEXT NOT NULL DEFAULT '',
    file_size INTEGER,
    sort_order INTEGER NOT NULL DEFAULT 0,
    s3_key TEXT,
    metadata TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL
);
CREATE INDEX photos_by_session ON photos (session_id, sort_order);

-- The products the station knows. product_name, brand and description are what the station shows and prints: the
-- local edit when there is one (edited holds its time), else what Closient said. server_name, server_brand and
-- server_description keep what Closient said, also under a local edit, so clearing the edit shows them; they are
-- NULL for a product only edited here (fetched is then ''). The added columns sit on one line as schema 9's
-- ALTER TABLE writes them, so a migrated store and a fresh one hold the same text.
CREATE TABLE products (
    gtin TEXT PRIMARY KEY CHECK (length(gtin) = 14),
    server_id TEXT,
    product_name TEXT NOT NULL DEFAULT '',
    brand TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    image_url TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL DEFAULT '{}',
    fetched TEXT NOT NULL
, server_name TEXT, server_brand TEXT, server_description TEXT, edited TEXT);

CREATE TABLE lot_runs (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

CREATE TABLE lots (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    gtin TEXT NOT NULL CHECK (length(gtin) = 14),
    lot TEXT NOT NULL CHECK (length(lot) BETWEEN 1 AND 20),
    expiry TEXT,
    production_date TEXT,
    product_id TEXT,
    lot_run_id TEXT REFERENCES lot_runs (id),
    active INTEGER NOT NULL DEFAULT 1,
    print_count INTEGER NOT NULL DEFAULT 0,
    last_printed TEXT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (gtin, lot)
);

CREATE TABLE serials (
    id TEXT PRIMARY KEY,
    server_id TEXT UNIQUE,
    gtin TEXT NOT NULL CHECK (length(gtin) = 14),
    serial TEXT NOT NULL CHECK (length(serial) BETWEEN 1 AND 20),
    lot_id TEXT REFERENCES lots (id),
    product_id TEXT,
    lot_run_id TEXT REFERENCES lot_runs (id),
    active INTEGER NOT NULL DEFAULT 1,
    voided INTEGER NOT NULL DEFAULT 0,
    void_reason TEXT,
    print_count INTEGER NOT NULL DEFAULT 0,
    last_printed TEXT,
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    UNIQUE (gtin, serial)
);
CREATE INDEX serials_by_lot ON serials (lot_id);

CREATE TABLE label_jobs (
    id TEXT PRIMARY KEY,
    server_id TEXT,
    scope TEXT NOT NULL CHECK (scope IN ('lots', 'serials')),
    export_type TEXT NOT NULL
        CHECK (export_type IN ('qr_codes', 'datamatrix', 'barcodes_1d', 'codes_combined', 'sheet_pdf')),
    file_format TEXT NOT NULL CHECK (file_format IN ('svg', 'png', 'pdf', 'eps', 'zip')),
    filters TEXT NOT NULL DEFAULT '{}',
    asset_config TEXT NOT NULL DEFAULT '{}',
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    total_items INTEGER NOT NULL DEFAULT 0,
    processed_items INTEGER NOT NULL DEFAULT 0,
    output_path TEXT,
    output_filename TEXT,
    file_size_bytes INTEGER,
    error TEXT,
    created TEXT NOT NULL,
    finished TEXT
);

CREATE TABLE print_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT REFERENCES label_jobs (id),
    action TEXT NOT NULL CHECK (action IN ('print', 'reprint', 'void', 'test')),
    printer TEXT NOT NULL DEFAULT '',
    copies INTEGER NOT NULL DEFAULT 1,
    template TEXT NOT NULL DEFAULT '',
    start_position INTEGER NOT NULL DEFAULT 1,
    calibration TEXT NOT NULL DEFAULT '{}',
    cups_job_id INTEGER,
    user_name TEXT NOT NULL,
    workstation TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

CREATE TABLE print_log_items (
    print_log_id INTEGER NOT NULL REFERENCES print_log (id) ON DELETE CASCADE,
    entity_type TEXT NOT NULL CHECK (entity_type IN ('lot', 'serial')),
    entity_id TEXT NOT NULL,
    page INTEGER,
    cell INTEGER
);
CREATE INDEX print_log_items_by_entity ON print_log_items (entity_type, entity_id);

CREATE TABLE printers (
    name TEXT PRIMARY KEY,
    offset_x_mm REAL NOT NULL DEFAULT 0,
    offset_y_mm REAL NOT NULL DEFAULT 0,
    scale_x REAL NOT NULL DEFAULT 1,
    scale_y REAL NOT NULL DEFAULT 1,
    modified TEXT NOT NULL
);

-- Inventory counts (version 6). A count at a location (GLN + optional extension = SGLN, and the named place it
-- was chosen by), started (created) and finished (closed); blind hides the expected quantities while counting;
-- document is the finished count's EPCISDocument. count_lines keeps every acknowledged scan in order (seq):
-- COUNTED lines tally, a REPEATED line is a serial scanned again (kept, not counted), an UNDONE line was taken
-- back. count_expected holds the quantities imported from CSV; count_places names locations.
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

CREATE TABLE epcis_events (
    id TEXT PRIMARY KEY,
    event_hash TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    event_time TEXT NOT NULL,
    document TEXT NOT NULL,
    count_session_id TEXT REFERENCES count_sessions (id),
    created TEXT NOT NULL
);

-- What the server says about captures (version 4): enrichment proposals with the decision taken here, every
-- capture status seen, the freshness rule per GTIN.
CREATE TABLE capture_proposals (
    id TEXT PRIMARY KEY,
    capture_id TEXT NOT NULL REFERENCES captures (id),
    field_name TEXT NOT NULL,
    current_value TEXT NOT NULL DEFAULT '',
    proposed_value TEXT NOT NULL DEFAULT '',
    confidence TEXT NOT NULL DEFAULT '',
    reasoning TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    server_status TEXT NOT NULL DEFAULT 'PENDING' CHECK (server_status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'REJECTED')),
    decided_by TEXT NOT NULL DEFAULT '',
    decided TEXT,
    applied TEXT,
    metadata TEXT NOT NULL DEFAULT '{}',
    created TEXT NOT NULL,
    reviewed_at TEXT,
    received TEXT NOT NULL
);
CREATE INDEX capture_proposals_by_capture ON capture_proposals (capture_id, field_name);

CREATE TABLE capture_status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    capture_id TEXT NOT NULL REFERENCES captures (id),
    status TEXT NOT NULL,
    error_message TEXT NOT NULL DEFAULT '',
    product_name TEXT,
    observed TEXT NOT NULL
);
CREATE INDEX capture_status_history_by_capture ON capture_status_history (capture_id, id);

CREATE TABLE freshness_thresholds (
    gtin TEXT PRIMARY KEY CHECK (length(gtin) = 14),
    data TEXT NOT NULL DEFAULT '{}',
    fetched TEXT NOT NULL
);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'in_flight', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt TEXT,
    last_error TEXT,
    created TEXT NOT NULL,
    done TEXT
);
CREATE INDEX outbox_by_state ON outbox (state, seq);
CREATE INDEX outbox_by_entity ON outbox (entity, entity_id, seq);

-- What the sync engine remembers between runs (version 5): last_success, last_error, rate_limit (JSON values).
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    modified TEXT NOT NULL
);

-- The review of captures (version 7): review state and GTIN corrections, the indexes the review screen sorts and
-- filters on, and the full-text index over code, product name, lot and serial kept up to date by triggers. Inside a
-- trigger body a statement's ";" starts the next line (the runner ends a statement at a line ending with ";").
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

-- The review table's sort keys that live in other tables, one indexed row per capture kept by triggers (version 8).
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
