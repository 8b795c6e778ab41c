-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 2: a capture can be voided (kept, marked, left out of the counts) and a typed capture corrected
-- before it is sent, with every earlier value kept. The same statements are in schema.sql for new stores.

CREATE TABLE capture_voids (
    capture_id TEXT PRIMARY KEY REFERENCES captures (id),
    reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    voided_by TEXT NOT NULL DEFAULT '',
    workstation TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);

CREATE TABLE capture_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    capture_id TEXT NOT NULL REFERENCES captures (id),
    previous_raw_value TEXT NOT NULL,
    new_raw_value TEXT NOT NULL,
    edited_by TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX capture_edits_by_capture ON capture_edits (capture_id, id);
