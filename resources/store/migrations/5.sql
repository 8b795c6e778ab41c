-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 5: what the sync engine remembers between runs, for `sync status` and the Sync page: the last
-- success, the last error and the rate-limit state the server announced, as key/value rows (JSON text values).
-- Outbox rows keep their states: pending (never sent, or known not carried out), in_flight (sent, answer unknown:
-- read back before sending again), failed (parked: the server refused it for good, last_error holds its words),
-- done. The same table is in schema.sql for new stores.

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    modified TEXT NOT NULL
);
