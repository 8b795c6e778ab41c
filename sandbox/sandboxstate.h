// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace closient::sandbox {

/** An API key as the server knows it (the key itself is never stored, only its SHA-256). */
struct KeyRecord
{
    QString id; // UUID form, as whoami shows it
    QString prefix; // csb, csu, cpk
    QString orgId;
    QString orgName;
    QString userId;
    QString email;
    QString role; // owner, manager, editor, billing, viewer
    QString description;
    bool active = true;
    QDateTime expiresAt; // invalid: never
    int perMinute = 0; // 0: the default
    int perDay = 0;
    QString created;
};

/** A key to create or update, from --seed-key or POST /__sandbox/keys. */
struct KeySeed
{
    QString key;
    QString role; // empty: owner for csb, editor for csu, viewer for cpk
    QString org = QStringLiteral("Sandbox Org");
    QString email = QStringLiteral("operator@sandbox.invalid");
    QString description;
    bool active = true;
    QDateTime expiresAt;
    int perMinute = 0;
    int perDay = 0;

    /// Parses `KEY[,role=R][,org=NAME][,email=E][,per_minute=N][,per_day=N][,revoked][,expires=ISO][,description=D]`.
    [[nodiscard]] static Result<KeySeed> parse(const QString &text);
    [[nodiscard]] static Result<KeySeed> fromJson(const QJsonObject &json);
};

/** The sandbox's own SQLite file: keys, organisations, sessions, captures, proposals, products, EPCIS events and
 *  stored idempotent responses. One connection on the server's thread; every request runs in one transaction. */
class SandboxState
{
public:
    SandboxState() = default;
    ~SandboxState();
    SandboxState(const SandboxState &) = delete;
    SandboxState &operator=(const SandboxState &) = delete;

    /// Opens or creates @p path; refuses a file that is not a sandbox state.
    [[nodiscard]] Result<Done> open(const QString &path);

    [[nodiscard]] Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    [[nodiscard]] std::optional<QVariantMap> row(const QString &sql, const QVariantList &binds = {});
    [[nodiscard]] QList<QVariantMap> rows(const QString &sql, const QVariantList &binds = {});
    bool begin();
    bool commit();
    void rollback();

    [[nodiscard]] Result<KeyRecord> upsertKey(const KeySeed &seed);
    [[nodiscard]] std::optional<KeyRecord> findKey(const QString &keyHash);
    void touchKey(const QString &id);
    /// The organisation named @p name, created when missing; its short id.
    [[nodiscard]] Result<QString> ensureOrg(const QString &name);
    /// Inserts or replaces a catalog product from a ProductOut-shaped object (gtin required).
    [[nodiscard]] Result<QString> upsertProduct(const QJsonObject &product, const QString &ownerOrgId = {});
    /// Rows per kind of record, for the stats endpoint.
    [[nodiscard]] QJsonObject recordCounts();

private:
    [[nodiscard]] Result<Done> createSchema();
    void seedCatalog();

    QString m_connection;
};

/// Now as the API writes timestamps: UTC, ISO 8601 with milliseconds and "Z".
[[nodiscard]] QString isoNow();
[[nodiscard]] QString isoAt(qint64 msSinceEpoch);
[[nodiscard]] qint64 nowMs();

} // namespace closient::sandbox
