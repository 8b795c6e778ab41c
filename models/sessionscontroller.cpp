// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionscontroller.h"

#include "database.h"
#include "sessionrepository.h"
#include "settingsrepository.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace closient::models {

SessionsController::SessionsController(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_sessions(db)
{
    m_ttlMinutes = store::SettingsRepository::defaultValue(u"session_ttl_minutes"_s).toInt();
    m_expiryTimer.setInterval(std::chrono::minutes(1));
    connect(&m_expiryTimer, &QTimer::timeout, this, &SessionsController::expireIdle);
    connect(m_db, &store::Database::ready, this, [this] {
        loadSettings();
        expireIdle();
        m_expiryTimer.start();
    });
}

SessionsController *SessionsController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QStringList SessionsController::captureModes() const
{
    return store::captureModes();
}

void SessionsController::createSession(const QString &mode, const QVariantMap &metadata)
{
    store::SessionRepository(m_db)
        .create(mode, QJsonObject::fromVariantMap(metadata), u"Closient Station"_s)
        .then(this, [this](const store::Result<store::Session> &r) {
            if (r.ok())
                Q_EMIT sessionCreated(r.value().id);
            else
                Q_EMIT failed(r.error().message);
        });
}

void SessionsController::endSession(const QString &id)
{
    store::SessionRepository(m_db).end(id).then(this, [this, id](const store::Result<store::Session> &r) {
        if (r.ok())
            Q_EMIT sessionEnded(id);
        else
            Q_EMIT failed(r.error().message);
    });
}

void SessionsController::updateMetadata(const QString &id, const QVariantMap &change)
{
    store::SessionRepository(m_db)
        .updateMetadata(id, QJsonObject::fromVariantMap(change))
        .then(this, [this, id](const store::Result<store::Session> &r) {
            if (r.ok())
                Q_EMIT metadataUpdated(id);
            else
                Q_EMIT failed(r.error().message);
        });
}

void SessionsController::setTtlMinutes(int minutes)
{
    if (minutes == m_ttlMinutes || minutes < 0)
        return;
    m_ttlMinutes = minutes;
    Q_EMIT ttlMinutesChanged();
    store::SettingsRepository(m_db)
        .setValue(u"session_ttl_minutes"_s, minutes)
        .then(this, [this](const store::Result<store::Done> &r) {
            if (!r.ok())
                Q_EMIT failed(r.error().message);
            expireIdle();
        });
}

void SessionsController::loadSettings()
{
    store::SettingsRepository(m_db).value(u"session_ttl_minutes"_s).then(this, [this](const QVariant &v) {
        if (v.toInt() != m_ttlMinutes) {
            m_ttlMinutes = v.toInt();
            Q_EMIT ttlMinutesChanged();
        }
    });
}

void SessionsController::expireIdle()
{
    if (m_db->isOpen())
        (void)store::SessionRepository(m_db).expireIdle();
}

} // namespace closient::models
