// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.h"

#include "settingsrepository.h"

using namespace Qt::StringLiterals;

namespace closient::store {

Settings::Settings(Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(800);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)flush(); });
}

Settings::~Settings()
{
    // Queued before the store closes: the database thread runs it before its own shutdown.
    if (!m_dirty.isEmpty() && m_db->isOpen())
        (void)flush();
}

QFuture<Result<Done>> Settings::load()
{
    return SettingsRepository(m_db).all().then(this, [this](const Result<QVariantMap> &all) -> Result<Done> {
        if (!all.ok())
            return all.error();
        for (auto it = all.value().begin(); it != all.value().end(); ++it) {
            if (!m_dirty.contains(it.key())) // a change made meanwhile stays
                m_values.insert(it.key(), it.value());
        }
        m_loaded = true;
        Q_EMIT loaded();
        return Done {};
    });
}

QVariant Settings::value(const QString &key) const
{
    if (const auto it = m_values.constFind(key); it != m_values.cend())
        return *it;
    return SettingsRepository::defaultValue(key);
}

Result<Done> Settings::set(const QString &key, const QVariant &value)
{
    const auto *spec = SettingsRepository::spec(key);
    if (!spec)
        return Error { u"invalid"_s, u"There is no setting \"%1\"."_s.arg(key.left(60)) };
    SettingSpec member = *spec;
    member.key = key;
    const auto checked = member.validate(value);
    if (!checked.ok())
        return checked.error();
    const QVariant typed = member.parse(checked.value()).value_or(spec->defaultValue);
    if (typed == this->value(key))
        return Done {};
    m_values.insert(key, typed);
    if (!m_dirty.contains(key))
        m_dirty.append(key);
    m_timer.start();
    Q_EMIT changed(key);
    return Done {};
}

QFuture<Result<Done>> Settings::flush()
{
    m_timer.stop();
    QList<std::pair<QString, QVariant>> rows;
    for (const auto &key : std::as_const(m_dirty))
        rows.append({ key, m_values.value(key) });
    const QStringList written = m_dirty;
    m_dirty.clear();
    return SettingsRepository(m_db).setValues(rows).then(this, [this, written](const Result<Done> &r) {
        if (!r.ok()) {
            for (const auto &key : written) { // kept: the next change or flush tries them again
                if (!m_dirty.contains(key))
                    m_dirty.append(key);
            }
            Q_EMIT saveFailed(r.error());
        }
        return r;
    });
}

} // namespace closient::store
