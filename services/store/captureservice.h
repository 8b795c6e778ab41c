// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "gs1parser.h"
#include "types.h"

namespace closient::store {

/** What reached the workstation: a decoded, typed or wedge-scanned code for a session. */
struct CaptureRequest
{
    QString sessionId;
    QString captureType = QStringLiteral("MANUAL");
    QString rawValue; // as received; an AIM symbology identifier at its start is split off
    QString symbologyId; // when the decoder reported it separately
    QString format;
    QString source;
    QJsonArray quad;
    QJsonObject metadata;
};

/** Whether the code became a capture, and if not, why in plain words. */
struct CaptureOutcome
{
    bool captured = false;
    Capture capture;
    gs1::ParseResult parsed;
    QString reasonCode; // empty, too_long, invalid, session_closed, not_found, locked, read_only, disk_full, ...
    QString reason;
};

/**
 * The one door into a session: parses the code with the GS1 core, refuses invalid data with the reason, and
 * writes an accepted capture and its outbox row in one durable transaction. Refusals are recorded too. The
 * operator is told (beep, list) only after the returned future holds the outcome.
 */
class CaptureService
{
public:
    explicit CaptureService(Database *db);
    QFuture<CaptureOutcome> submit(const CaptureRequest &request);

    /// The parse and checks without writing anything (for a live preview as the operator types). The cheap limits
    /// (length, emptiness, capture type) come first; only data within them is parsed.
    [[nodiscard]] static CaptureOutcome check(const CaptureRequest &request);
    /// The capture a checked request becomes: the AIM identifier split off, GTIN, lot, serial, expiry and the
    /// Digital Link AIs taken from @p parsed.
    [[nodiscard]] static Capture toCapture(const CaptureRequest &request, const gs1::ParseResult &parsed);

private:
    Database *m_db;
};

} // namespace closient::store
