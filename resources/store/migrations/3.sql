-- SPDX-FileCopyrightText: Closient Station contributors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 3: the outbox holds domain operations (entity, op, payload in the station's terms), not HTTP
-- methods, paths and bodies; the sync layer maps an operation to the API when it sends it. Every row moves over
-- with its sequence number, idempotency key, state and attempts. A capture's create row named its session as the
-- placeholder "{session}" in session_short_id: it now names the session by its local id in session_id. The new
-- table is the one schema.sql creates for new stores.

DROP INDEX outbox_by_state;
DROP INDEX outbox_by_entity;
ALTER TABLE outbox RENAME TO outbox_v2;

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

INSERT INTO outbox (seq, entity, entity_id, op, payload, idempotency_key, state, attempts, next_attempt, last_error,
    created, done)
SELECT o.seq, o.entity_type, o.entity_id, o.operation,
    CASE WHEN o.entity_type = 'capture' AND o.operation = 'create'
        THEN json_set(json_remove(o.payload, '$.session_short_id'), '$.session_id',
            (SELECT c.session_id FROM captures c WHERE c.id = o.entity_id))
        ELSE o.payload END,
    o.idempotency_key, o.state, o.attempts, o.next_attempt, o.last_error, o.created, o.done
FROM outbox_v2 o ORDER BY o.seq;

DROP TABLE outbox_v2;
