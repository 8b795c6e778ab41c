// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    int captureCount = 0;
    int photoCount = 0;
    int rejectedCount = 0;

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

} // namespace closient::store
