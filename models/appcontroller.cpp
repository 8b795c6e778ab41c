// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcontroller.h"

#include "database.h"
#include "outbox.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace closient::models {

AppController::AppController(store::Database *db, QString path, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_path(std::move(path))
{
    // The writes that add to the outbox.
    connect(m_db, &store::Database::sessionChanged, this, &AppController::refreshPending);
    connect(m_db, &store::Database::captureAdded, this, &AppController::refreshPending);
    connect(m_db, &store::Database::captureChanged, this, &AppController::refreshPending);
    connect(m_db, &store::Database::changedElsewhere, this, &AppController::refreshPending);
}

AppController *AppController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

QString AppController::version() const
{
    return QCoreApplication::applicationVersion();
}

void AppController::openStore()
{
    if (m_opening || m_ready)
        return;
    m_opening = true;
    m_error.clear();
    m_errorCode.clear();
    Q_EMIT storeStateChanged();
    m_db->open(m_path, store::Database::Access::Exclusive).then(this, [this](const store::Result<store::Done> &r) {
        m_opening = false;
        m_ready = r.ok();
        if (!r.ok()) {
            m_error = r.error().message;
            m_errorCode = r.error().code;
        }
        Q_EMIT storeStateChanged();
        if (m_ready) {
            m_db->notifyReady();
            m_db->watchOtherWriters(); // the command line may write to the same store while the window is open
            refreshPending();
        }
    });
}

bool AppController::areaAvailable(const QString &area) const
{
    static const QStringList available { u"sessions"_s, u"scan"_s, u"labels"_s, u"settings"_s, u"counts"_s, u"sync"_s,
        u"review"_s };
    return available.contains(area);
}

void AppController::refreshPending()
{
    if (!m_ready)
        return;
    store::OutboxRepository(m_db).pendingCount().then(this, [this](int n) {
        if (n != m_pendingSync) {
            m_pendingSync = n;
            Q_EMIT pendingSyncChanged();
        }
    });
}

} // namespace closient::models
