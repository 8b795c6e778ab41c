// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionscontroller.h"

#include "database.h"
#include "sessionrepository.h"
#include "settings.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace closient::models {

SessionsController::SessionsController(store::Database *db, store::Settings *settings, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_sessions(db)
    , m_settings(settings)
{
    m_ttlMinutes = m_settings->integer(u"session_ttl_minutes"_s);
    m_expiryTimer.setInterval(std::chrono::minutes(1));
    connect(&m_expiryTimer, &QTimer::timeout, this, &SessionsController::expireIdle);
    connect(m_settings, &store::Settings::loaded, this, [this] {
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
    if (auto r = m_settings->set(u"session_ttl_minutes"_s, minutes); !r.ok()) {
        Q_EMIT failed(r.error().message);
        Q_EMIT ttlMinutesChanged(); // the field shows the kept value again
        return;
    }
    m_ttlMinutes = minutes;
    Q_EMIT ttlMinutesChanged();
    // The sweep reads the TTL from the store: written first, then applied.
    m_settings->flush().then(this, [this](const Result<store::Done> &r) {
        if (!r.ok())
            Q_EMIT failed(r.error().message);
        expireIdle();
    });
}

void SessionsController::loadSettings()
{
    if (const int minutes = m_settings->integer(u"session_ttl_minutes"_s); minutes != m_ttlMinutes) {
        m_ttlMinutes = minutes;
        Q_EMIT ttlMinutesChanged();
    }
}

void SessionsController::expireIdle()
{
    if (m_db->isOpen())
        (void)store::SessionRepository(m_db).expireIdle();
}

} // namespace closient::models
