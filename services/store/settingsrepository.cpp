// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsrepository.h"

#include "sqlhelpers.h"

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {
const QVariantMap &defaults()
{
    static const QVariantMap d {
        { u"session_ttl_minutes"_s, 720 }, // a working day and some
        { u"duplicate_window_seconds"_s, 10 },
        { u"confirm_linear_reads"_s, 2 },
        { u"sound_muted"_s, false },
        { u"resolver_domain"_s, u"https://id.gs1.org"_s },
    };
    return d;
}
} // namespace

SettingsRepository::SettingsRepository(Database *db)
    : m_db(db)
{ }

QVariant SettingsRepository::defaultValue(const QString &key)
{
    return defaults().value(key);
}

QVariant SettingsRepository::read(QSqlDatabase &db, const QString &key)
{
    auto q = exec(db, u"SELECT value FROM settings WHERE key = ?"_s, { key });
    return q.next() ? q.value(0) : defaultValue(key);
}

QFuture<QVariant> SettingsRepository::value(const QString &key)
{
    return m_db->run([key](QSqlDatabase &db) { return read(db, key); });
}

QFuture<QVariantMap> SettingsRepository::all()
{
    return m_db->run([](QSqlDatabase &db) {
        QVariantMap out = defaults();
        auto q = exec(db, u"SELECT key, value FROM settings"_s);
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1));
        return out;
    });
}

QFuture<Result<Done>> SettingsRepository::setValue(const QString &key, const QVariant &value)
{
    return m_db->run([store = m_db, key, value](QSqlDatabase &db) -> Result<Done> {
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
            { key, value.toString() }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        store->notifyChanged(u"settings"_s);
        return Done {};
    });
}

} // namespace closient::store
