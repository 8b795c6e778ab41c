-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 4: what the server says about captures, kept for the review screen and for offline use.
-- capture_proposals holds the enrichment proposals the server made for a capture (GET .../captures/{id}/proposals),
-- with the decision taken at this station (status, decided_by, decided) until it is sent; server_status is the
-- status the server last reported. capture_status_history records every capture status the station has seen, in
-- the order it saw them. freshness_thresholds caches the freshness rule per GTIN (reference §3.6) as the server
-- sent it. The same tables are in schema.sql for new stores.

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
