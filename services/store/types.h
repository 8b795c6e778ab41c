// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace closient::store {

/// The longest raw value a capture may hold (the API's limit), not counting an AIM symbology identifier.
constexpr qsizetype kMaxRawValueLength = 500;

/** A scan session as the Closient scanner API models it, with its local identity. */
struct Session
{
    QString id; // local UUID
    QString serverId; // the server's short id once synced
    QString status; // ACTIVE, COMPLETED, EXPIRED
    QString captureMode; // barcode_scan, product_photography, both
    QJsonObject metadata;
    QDateTime created;
    QDateTime modified;
    QDateTime lastActivity;
    QDateTime ended;
    int captureCount = 0; // captures that count: voided ones are left out
    int photoCount = 0;
    int rejectedCount = 0;
    int voidedCount = 0;

    [[nodiscard]] bool isActive() const { return status == u"ACTIVE"; }
    [[nodiscard]] QJsonObject toJson() const;
};

/** One capture: a scanned, typed or photographed code in a session. */
struct Capture
{
    QString id;
    QString serverId;
    QString sessionId;
    QString captureType; // BARCODE, IMAGE, MANUAL
    QString rawValue;
    QString symbologyId;
    QString format;
    QString source;
    QString gtin;
    QString lot;
    QString serial;
    QString expiry; // ISO date
    QJsonObject gs1; // the GS1 core's parse result
    QJsonObject gs1DlData; // AIs of a Digital Link, as the API wants them
    QJsonArray quad;
    QString status; // PENDING ... COMPLETED | FAILED | NOT_FOUND
    QString errorMessage;
    QJsonObject metadata;
    QDateTime created;
    // A voided capture is kept and shown, but no longer counts; it is never un-voided.
    QDateTime voided; // invalid while the capture counts
    QString voidReason;
    QString voidedBy;
    // A typed capture corrected before it was sent keeps what it first held.
    QString originalRawValue; // empty unless edited
    QDateTime edited; // the last correction

    [[nodiscard]] bool isVoided() const { return voided.isValid(); }
    [[nodiscard]] bool isEdited() const { return edited.isValid(); }
    [[nodiscard]] QJsonObject toJson() const;
};

/** What a session holds, for the "End session" summary: voided captures and refusals apart from the rest. */
struct SessionSummary
{
    QString sessionId;
    QString status;
    int captures = 0; // that count (not voided)
    int voided = 0;
    int rejected = 0;
    int edited = 0; // counted captures corrected since they were typed
    int photos = 0;
    int barcode = 0; // counted captures by capture_type
    int image = 0;
    int manual = 0;
    int distinctGtins = 0;
    QDateTime first; // the first and last counted capture
    QDateTime last;

    [[nodiscard]] QJsonObject toJson() const;
};

/** A scan that was not captured, and why: kept so the operator sees it and nothing silently vanishes. */
struct Rejection
{
    qint64 id = 0;
    QString sessionId;
    QString rawValue;
    QString source;
    QString reasonCode;
    QString reason;
    QDateTime created;
};

[[nodiscard]] const QStringList &captureModes();
[[nodiscard]] const QStringList &captureTypes();

/// Why a capture may be voided, in the order a screen offers them. The last, "Other", needs words of its own.
[[nodiscard]] const QStringList &captureVoidReasons();
/// The longest void reason kept.
constexpr qsizetype kMaxVoidReasonLength = 200;
/// @p reason as it is stored: a listed reason as listed; "Other: <text>" or any other text as "Other: <text>".
/// Refused (with what to do) when empty, "Other" without words, or longer than kMaxVoidReasonLength.
[[nodiscard]] Result<QString> normalizeVoidReason(const QString &reason);

} // namespace closient::store

Q_DECLARE_METATYPE(closient::store::Capture)
