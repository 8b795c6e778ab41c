// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsrepository.h"

#include "sqlhelpers.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSettings, "closient.db.settings")

namespace closient::store {

namespace {

/// The stored text as the setting's type, or its default (saying so) when it does not fit.
QVariant typed(const SettingSpec &spec, const QString &stored)
{
    if (auto v = spec.parse(stored))
        return *v;
    qCWarning(lcSettings, "%s",
        qUtf8Printable(u"The setting %1 holds \"%2\", which is not %3; using the default %4."_s.arg(
            spec.key, stored.left(60), spec.expected(), spec.defaultValue.toString())));
    return spec.defaultValue;
}

QString knownKeys()
{
    QStringList keys;
    for (const auto &s : settingSpecs())
        keys << (s.family ? s.key + u"<name>"_s : s.key);
    return keys.join(u", "_s);
}

} // namespace

SettingsRepository::SettingsRepository(Database *db)
    : m_db(db)
{ }

QVariant SettingsRepository::defaultValue(const QString &key)
{
    const auto *s = spec(key);
    return s ? s->defaultValue : QVariant();
}

QVariant SettingsRepository::read(QSqlDatabase &db, const QString &key)
{
    const auto *s = spec(key);
    if (!s) {
        qCWarning(lcSettings) << "no such setting:" << key;
        return {};
    }
    auto q = exec(db, u"SELECT value FROM settings WHERE key = ?"_s, { key });
    SettingSpec member = *s;
    member.key = key;
    return q.next() ? typed(member, q.value(0).toString()) : s->defaultValue;
}

QFuture<QVariant> SettingsRepository::value(const QString &key)
{
    return m_db->run([key](QSqlDatabase &db) { return read(db, key); });
}

QFuture<Result<QVariantMap>> SettingsRepository::all()
{
    return m_db->run([](QSqlDatabase &db) -> Result<QVariantMap> {
        QVariantMap out;
        for (const auto &s : settingSpecs()) {
            if (!s.family) // a family's members are listed once they are stored
                out.insert(s.key, s.defaultValue);
        }
        bool ok = false;
        auto q = exec(db, u"SELECT key, value FROM settings"_s, {}, &ok);
        if (!ok)
            return sqlError(q.lastError());
        while (q.next()) {
            const QString key = q.value(0).toString();
            if (const auto *s = spec(key)) {
                SettingSpec member = *s;
                member.key = key;
                out.insert(key, typed(member, q.value(1).toString()));
            } else
                qCDebug(lcSettings) << "ignoring a stored setting this version does not know:" << key;
        }
        return out;
    });
}

QFuture<Result<Done>> SettingsRepository::setValue(const QString &key, const QVariant &value)
{
    const auto *s = spec(key);
    if (!s) {
        QPromise<Result<Done>> p;
        p.start();
        p.addResult(StoreError {
            u"invalid"_s, u"There is no setting \"%1\". The settings are: %2."_s.arg(key.left(60), knownKeys()) });
        p.finish();
        return p.future();
    }
    SettingSpec member = *s; // a family's member speaks of its own key
    member.key = key;
    auto checked = member.validate(value);
    return m_db->run([store = m_db, key, checked](QSqlDatabase &db) -> Result<Done> {
        if (!checked.ok())
            return checked.error();
        bool ok = false;
        auto q = exec(db,
            u"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
            { key, checked.value() }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        store->notifySettingsChanged();
        return Done {};
    });
}

QFuture<Result<Done>> SettingsRepository::setValues(const QList<std::pair<QString, QVariant>> &values)
{
    // Checked here, on the caller's thread, so a refusal names the setting before anything reaches the store.
    QList<std::pair<QString, QString>> rows;
    std::optional<StoreError> refused;
    for (const auto &[key, value] : values) {
        const auto *s = spec(key);
        if (!s) {
            refused = StoreError { u"invalid"_s,
                u"There is no setting \"%1\". The settings are: %2."_s.arg(key.left(60), knownKeys()) };
            break;
        }
        SettingSpec member = *s;
        member.key = key;
        auto checked = member.validate(value);
        if (!checked.ok()) {
            refused = checked.error();
            break;
        }
        rows.append({ key, checked.value() });
    }
    return m_db->run([store = m_db, rows, refused](QSqlDatabase &db) -> Result<Done> {
        if (refused)
            return *refused;
        if (rows.isEmpty())
            return Done {};
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        for (const auto &[key, stored] : rows) {
            bool ok = false;
            auto q = exec(db,
                u"INSERT INTO settings (key, value) VALUES (?, ?) "
                u"ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
                { key, stored }, &ok);
            if (!ok)
                return sqlError(q.lastError());
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        store->notifySettingsChanged();
        return Done {};
    });
}

} // namespace closient::store
