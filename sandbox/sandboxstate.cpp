// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxstate.h"

#include "apikey.h"
#include "gtin.h"
#include "shortid.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
constexpr int kApplicationId = 0x43534258; // "CSBX": a sandbox state, never a station store
constexpr int kSchemaVersion = 1;

const char *const kSchema[] = {
    "CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, country TEXT NOT NULL DEFAULT '',"
    " is_brand INTEGER NOT NULL DEFAULT 0, metadata TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL)",
    "CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, created TEXT NOT NULL)",
    "CREATE TABLE api_keys (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL,"
    " org_id TEXT NOT NULL REFERENCES orgs(id), user_id TEXT NOT NULL REFERENCES users(id), role TEXT NOT NULL,"
    " description TEXT NOT NULL DEFAULT '', is_active INTEGER NOT NULL DEFAULT 1, expires_at TEXT,"
    " per_minute INTEGER NOT NULL DEFAULT 0, per_day INTEGER NOT NULL DEFAULT 0, created TEXT NOT NULL, last_used "
    "TEXT)",
    "CREATE TABLE sessions (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, status TEXT NOT NULL, capture_mode TEXT NOT "
    "NULL,"
    " metadata TEXT NOT NULL, user_agent TEXT NOT NULL, device_context TEXT NOT NULL, created TEXT NOT NULL,"
    " modified TEXT NOT NULL, last_activity_ms INTEGER NOT NULL, extraction_status TEXT NOT NULL DEFAULT 'pending',"
    " submitted_ms INTEGER, step_ms INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE captures (id TEXT PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id), org_id TEXT NOT "
    "NULL,"
    " capture_type TEXT NOT NULL, raw_value TEXT NOT NULL, gtin TEXT NOT NULL, gs1_dl_data TEXT, metadata TEXT NOT "
    "NULL,"
    " status TEXT NOT NULL, error_message TEXT NOT NULL DEFAULT '', product_gtin TEXT, created TEXT NOT NULL,"
    " pipeline_started_ms INTEGER NOT NULL, step_ms INTEGER NOT NULL, processed_at TEXT, uploaded_image_key TEXT,"
    " qr_analysis TEXT)",
    "CREATE INDEX captures_session ON captures(session_id, created)",
    "CREATE TABLE images (key TEXT PRIMARY KEY, capture_id TEXT NOT NULL, content_type TEXT NOT NULL, data BLOB NOT "
    "NULL)",
    "CREATE TABLE proposals (id TEXT PRIMARY KEY, capture_id TEXT NOT NULL REFERENCES captures(id), seq INTEGER NOT "
    "NULL,"
    " field_name TEXT NOT NULL, current_value TEXT NOT NULL, proposed_value TEXT NOT NULL, confidence TEXT NOT NULL,"
    " reasoning TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL, created TEXT NOT NULL, reviewed_at TEXT,"
    " applied_at TEXT, metadata TEXT NOT NULL DEFAULT '{}')",
    "CREATE TABLE products (gtin TEXT PRIMARY KEY, id TEXT NOT NULL UNIQUE, owner_org_id TEXT, data TEXT NOT NULL,"
    " created TEXT NOT NULL, modified TEXT NOT NULL)",
    "CREATE TABLE epcis_captures (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, created_events INTEGER NOT NULL,"
    " created TEXT NOT NULL)",
    "CREATE TABLE epcis_events (seq INTEGER PRIMARY KEY AUTOINCREMENT, org_id TEXT NOT NULL, hash TEXT NOT NULL,"
    " capture_id TEXT NOT NULL, event_id TEXT, event_type TEXT NOT NULL, event_time TEXT NOT NULL, biz_step TEXT,"
    " body TEXT NOT NULL, record_time TEXT NOT NULL, UNIQUE(org_id, hash))",
    "CREATE TABLE freshness (org_id TEXT NOT NULL, brick TEXT NOT NULL, warning_days INTEGER NOT NULL,"
    " critical_days INTEGER NOT NULL, label TEXT NOT NULL, PRIMARY KEY(org_id, brick))",
    "CREATE TABLE idempotency (scope TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL, status INTEGER NOT "
    "NULL,"
    " headers TEXT NOT NULL, body BLOB NOT NULL, created_ms INTEGER NOT NULL, PRIMARY KEY(scope, key))",
};

// The catalog every new state starts with: the GTIN of the API docs' capture example and a few more, one per
// freshness category, so a demo has something to find.
const char *const kCatalog[] = {
    R"({"gtin":"00012345600012","slug":"trail-mix-12oz","product_name":"Trail Mix 12oz","brand":"Sandbox Snacks",
        "manufacturer":"Sandbox Snacks Ltd","description":"Nuts, raisins and chocolate drops.","net_content":"340 g",
        "net_content_value":340,"net_content_uom":"GRM","country_of_origin":"US","gpc_brick_code":"10000045",
        "data_source":"imported","confidence_score":0.92})",
    R"({"gtin":"05901234123457","slug":"fresh-milk-1l","product_name":"Fresh Milk 1 L","brand":"Sandbox Dairy",
        "manufacturer":"Sandbox Dairy Co","description":"Pasteurised whole milk.","net_content":"1 L",
        "net_content_value":1000,"net_content_uom":"MLT","country_of_origin":"PL","gpc_brick_code":"10000025",
        "data_source":"gtin1_authoritative","confidence_score":0.99})",
    R"({"gtin":"09506000134352","slug":"frozen-peas-1kg","product_name":"Frozen Peas 1 kg","brand":"Sandbox Frost",
        "manufacturer":"Sandbox Frost AG","description":"","net_content":"1 kg","net_content_value":1000,
        "net_content_uom":"GRM","country_of_origin":"DE","gpc_brick_code":"10000162","data_source":"crowd_sourced",
        "confidence_score":0.61})",
    R"({"gtin":"04006381333931","slug":"highlighter-yellow","product_name":"Highlighter, yellow",
        "brand":"Sandbox Office","manufacturer":"Sandbox Office GmbH","description":"Chisel tip highlighter.",
        "country_of_origin":"DE","data_source":"external_api","confidence_score":0.8})",
};

Result<KeySeed> validated(const KeySeed &seed)
{
    static const QStringList roles { u""_s, u"owner"_s, u"manager"_s, u"editor"_s, u"billing"_s, u"viewer"_s };
    if (!roles.contains(seed.role))
        return Error { u"invalid"_s, u"role is one of owner, manager, editor, billing, viewer."_s };
    if (const auto check = checkApiKey(seed.key); !check.ok())
        return Error { u"invalid"_s, u"%1: %2"_s.arg(seed.key, check.error().message) };
    if (seed.org.trimmed().isEmpty() || seed.email.trimmed().isEmpty())
        return Error { u"invalid"_s, u"A key needs an organisation and a user e-mail."_s };
    return seed;
}

void bindAll(QSqlQuery &q, const QVariantList &binds)
{
    // A null QString is text that happens to be empty, not SQL NULL (that is written as QVariant()).
    for (qsizetype i = 0; i < binds.size(); ++i) {
        const bool emptyText = binds[i].typeId() == QMetaType::QString && binds[i].toString().isNull();
        q.bindValue(int(i), emptyText ? QVariant(QString(u""_s)) : binds[i]);
    }
}
} // namespace

QString isoAt(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString isoNow()
{
    return isoAt(nowMs());
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

SandboxState::~SandboxState()
{
    if (!m_connection.isEmpty()) {
        QSqlDatabase::database(m_connection).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<Done> SandboxState::open(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !file.read(16).startsWith("SQLite format 3"))
            return Error { u"not_a_state"_s,
                u"%1 is not an SQLite file; give a new file or a sandbox state."_s.arg(path) };
    }
    m_connection = u"closient-sandbox"_s;
    auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(path);
    if (!db.open())
        return Error { u"io"_s, u"Cannot open %1: %2"_s.arg(path, db.lastError().text()) };
    const auto appId = row(u"PRAGMA application_id"_s);
    const auto tables = row(u"SELECT count(*) AS n FROM sqlite_master"_s);
    if (!appId || !tables)
        return Error { u"io"_s, u"Cannot read %1."_s.arg(path) };
    const int id = appId->value(u"application_id"_s).toInt();
    if (tables->value(u"n"_s).toInt() > 0 && id != kApplicationId)
        return Error { u"not_a_state"_s,
            u"%1 belongs to another program (not a sandbox state); it was left untouched."_s.arg(path) };
    const auto version = row(u"PRAGMA user_version"_s);
    if (version && version->value(u"user_version"_s).toInt() > kSchemaVersion)
        return Error { u"newer"_s, u"%1 was written by a newer sandbox."_s.arg(path) };
    for (const auto *pragma : { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON" }) {
        if (auto r = exec(QString::fromLatin1(pragma)); !r.ok())
            return r.error();
    }
    if (tables->value(u"n"_s).toInt() == 0) {
        if (auto r = createSchema(); !r.ok())
            return r;
    }
    seedCatalog();
    return Done {};
}

Result<Done> SandboxState::createSchema()
{
    begin();
    for (const char *sql : kSchema) {
        if (auto r = exec(QString::fromLatin1(sql)); !r.ok()) {
            rollback();
            return r.error();
        }
    }
    (void)exec(u"PRAGMA application_id=%1"_s.arg(kApplicationId));
    (void)exec(u"PRAGMA user_version=%1"_s.arg(kSchemaVersion));
    commit();
    return Done {};
}

void SandboxState::seedCatalog()
{
    begin();
    for (const char *text : kCatalog) {
        const QJsonObject product = QJsonDocument::fromJson(QByteArray(text)).object();
        if (!row(u"SELECT 1 FROM products WHERE gtin = ?"_s, { product.value(u"gtin"_s).toString() }))
            (void)upsertProduct(product);
    }
    commit();
}

Result<QSqlQuery> SandboxState::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.prepare(sql))
        return Error { u"sql"_s, q.lastError().text() + u" in "_s + sql };
    bindAll(q, binds);
    if (!q.exec())
        return Error { u"sql"_s, q.lastError().text() + u" in "_s + sql };
    return q;
}

std::optional<QVariantMap> SandboxState::row(const QString &sql, const QVariantList &binds)
{
    auto q = exec(sql, binds);
    if (!q.ok() || !q.value().next())
        return std::nullopt;
    QVariantMap out;
    const QSqlRecord rec = q.value().record();
    for (int i = 0; i < rec.count(); ++i)
        out.insert(rec.fieldName(i), q.value().value(i));
    return out;
}

QList<QVariantMap> SandboxState::rows(const QString &sql, const QVariantList &binds)
{
    QList<QVariantMap> out;
    auto q = exec(sql, binds);
    if (!q.ok())
        return out;
    while (q.value().next()) {
        QVariantMap m;
        const QSqlRecord rec = q.value().record();
        for (int i = 0; i < rec.count(); ++i)
            m.insert(rec.fieldName(i), q.value().value(i));
        out.append(m);
    }
    return out;
}

bool SandboxState::begin()
{
    return exec(u"BEGIN IMMEDIATE"_s).ok();
}

bool SandboxState::commit()
{
    return exec(u"COMMIT"_s).ok();
}

void SandboxState::rollback()
{
    (void)exec(u"ROLLBACK"_s);
}

Result<QString> SandboxState::ensureOrg(const QString &name)
{
    if (const auto found = row(u"SELECT id FROM orgs WHERE name = ?"_s, { name }))
        return found->value(u"id"_s).toString();
    const QString id = newShortId();
    if (auto r
        = exec(u"INSERT INTO orgs (id, name, country, created) VALUES (?, ?, 'US', ?)"_s, { id, name, isoNow() });
        !r.ok())
        return r.error();
    return id;
}

Result<KeyRecord> SandboxState::upsertKey(const KeySeed &seed)
{
    const auto parts = checkApiKey(seed.key);
    if (!parts.ok())
        return parts.error();
    const auto org = ensureOrg(seed.org);
    if (!org.ok())
        return org.error();
    QString userId;
    if (const auto user = row(u"SELECT id FROM users WHERE email = ?"_s, { seed.email })) {
        userId = user->value(u"id"_s).toString();
    } else {
        userId = newShortId();
        if (auto r
            = exec(u"INSERT INTO users (id, email, created) VALUES (?, ?, ?)"_s, { userId, seed.email, isoNow() });
            !r.ok())
            return r.error();
    }
    QString role = seed.role;
    if (role.isEmpty())
        role = parts.value().prefix == u"csb"_s ? u"owner"_s
            : parts.value().prefix == u"csu"_s  ? u"editor"_s
                                                : u"viewer"_s;
    const QString hash = apiKeyHash(seed.key);
    const QVariant expires
        = seed.expiresAt.isValid() ? QVariant(seed.expiresAt.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
    const auto existing = row(u"SELECT id FROM api_keys WHERE key_hash = ?"_s, { hash });
    Result<QSqlQuery> written = existing
        ? exec(u"UPDATE api_keys SET org_id = ?, user_id = ?, role = ?, description = ?, is_active = ?, expires_at = ?,"
               " per_minute = ?, per_day = ? WHERE key_hash = ?"_s,
            { org.value(), userId, role, seed.description, seed.active, expires, seed.perMinute, seed.perDay, hash })
        : exec(u"INSERT INTO api_keys (id, key_hash, prefix, org_id, user_id, role, description, is_active, expires_at,"
               " per_minute, per_day, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            { QUuid::createUuid().toString(QUuid::WithoutBraces), hash, parts.value().prefix, org.value(), userId, role,
                seed.description, seed.active, expires, seed.perMinute, seed.perDay, isoNow() });
    if (!written.ok())
        return written.error();
    return *findKey(hash);
}

std::optional<KeyRecord> SandboxState::findKey(const QString &keyHash)
{
    const auto r
        = row(u"SELECT k.*, o.name AS org_name, u.email AS email FROM api_keys k JOIN orgs o ON o.id = k.org_id"
              " JOIN users u ON u.id = k.user_id WHERE k.key_hash = ?"_s,
            { keyHash });
    if (!r)
        return std::nullopt;
    KeyRecord k;
    k.id = r->value(u"id"_s).toString();
    k.prefix = r->value(u"prefix"_s).toString();
    k.orgId = r->value(u"org_id"_s).toString();
    k.orgName = r->value(u"org_name"_s).toString();
    k.userId = r->value(u"user_id"_s).toString();
    k.email = r->value(u"email"_s).toString();
    k.role = r->value(u"role"_s).toString();
    k.description = r->value(u"description"_s).toString();
    k.active = r->value(u"is_active"_s).toBool();
    if (!r->value(u"expires_at"_s).isNull())
        k.expiresAt = QDateTime::fromString(r->value(u"expires_at"_s).toString(), Qt::ISODateWithMs);
    k.perMinute = r->value(u"per_minute"_s).toInt();
    k.perDay = r->value(u"per_day"_s).toInt();
    k.created = r->value(u"created"_s).toString();
    return k;
}

void SandboxState::touchKey(const QString &id)
{
    (void)exec(u"UPDATE api_keys SET last_used = ? WHERE id = ?"_s, { isoNow(), id });
}

Result<QString> SandboxState::upsertProduct(const QJsonObject &product, const QString &ownerOrgId)
{
    const auto gtin = gs1::checkGtin(product.value(u"gtin"_s).toString());
    if (!gtin.ok())
        return Error { u"invalid"_s, u"gtin: "_s + gtin.error };
    QJsonObject data = product;
    data.insert(u"gtin"_s, gtin.gtin14);
    if (!data.contains(u"slug"_s))
        data.insert(u"slug"_s, gtin.gtin14);
    const auto existing = row(u"SELECT id, created FROM products WHERE gtin = ?"_s, { gtin.gtin14 });
    const QString id = existing ? existing->value(u"id"_s).toString() : newShortId();
    const QString created = existing ? existing->value(u"created"_s).toString() : isoNow();
    const QVariant owner = ownerOrgId.isEmpty() ? QVariant() : QVariant(ownerOrgId);
    auto r = exec(
        u"INSERT OR REPLACE INTO products (gtin, id, owner_org_id, data, created, modified) VALUES (?, ?, ?, ?, ?, ?)"_s,
        { gtin.gtin14, id, owner, QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), created,
            isoNow() });
    if (!r.ok())
        return r.error();
    return id;
}

QJsonObject SandboxState::recordCounts()
{
    QJsonObject out;
    const QStringList tables { u"orgs"_s, u"api_keys"_s, u"sessions"_s, u"captures"_s, u"images"_s, u"proposals"_s,
        u"products"_s, u"epcis_captures"_s, u"epcis_events"_s, u"idempotency"_s };
    for (const QString &table : tables) {
        const auto n = row(u"SELECT count(*) AS n FROM "_s + table);
        out.insert(table, n ? n->value(u"n"_s).toInt() : -1);
    }
    return out;
}

Result<KeySeed> KeySeed::parse(const QString &text)
{
    const QStringList parts = text.split(u',');
    KeySeed seed;
    seed.key = parts.value(0).trimmed();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        const qsizetype eq = part.indexOf(u'=');
        const QString name = eq < 0 ? part : part.left(eq);
        const QString value = eq < 0 ? QString() : part.mid(eq + 1);
        bool ok = true;
        if (name == u"role"_s)
            seed.role = value;
        else if (name == u"org"_s)
            seed.org = value;
        else if (name == u"email"_s)
            seed.email = value;
        else if (name == u"description"_s)
            seed.description = value;
        else if (name == u"per_minute"_s)
            seed.perMinute = value.toInt(&ok);
        else if (name == u"per_day"_s)
            seed.perDay = value.toInt(&ok);
        else if (name == u"revoked"_s)
            seed.active = false;
        else if (name == u"expires"_s) {
            seed.expiresAt = QDateTime::fromString(value, Qt::ISODate);
            ok = seed.expiresAt.isValid();
        } else
            ok = false;
        if (!ok)
            return Error { u"invalid"_s, u"Cannot read \"%1\" of the key's settings."_s.arg(part) };
    }
    return validated(seed);
}

Result<KeySeed> KeySeed::fromJson(const QJsonObject &json)
{
    KeySeed seed;
    seed.key = json.value(u"key"_s).toString();
    seed.role = json.value(u"role"_s).toString();
    seed.org = json.value(u"org"_s).toString(seed.org);
    seed.email = json.value(u"email"_s).toString(seed.email);
    seed.description = json.value(u"description"_s).toString();
    seed.active = json.value(u"is_active"_s).toBool(true);
    seed.perMinute = json.value(u"per_minute"_s).toInt();
    seed.perDay = json.value(u"per_day"_s).toInt();
    if (json.contains(u"expires_at"_s) && !json.value(u"expires_at"_s).isNull()) {
        seed.expiresAt = QDateTime::fromString(json.value(u"expires_at"_s).toString(), Qt::ISODate);
        if (!seed.expiresAt.isValid())
            return Error { u"invalid"_s, u"expires_at is not an ISO 8601 time."_s };
    }
    return validated(seed);
}

} // namespace closient::sandbox
