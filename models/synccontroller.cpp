// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccontroller.h"

#include "database.h"
#include "httpclient.h"
#include "syncaccount.h"
#include "syncengine.h"

#include <QDateTime>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {

QString when(const QString &iso)
{
    const auto t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : iso;
}

QString kindLabel(const QString &kind)
{
    static const QHash<QString, QString> labels {
        { u"session create"_s, QObject::tr("New sessions") },
        { u"session end"_s, QObject::tr("Session ends") },
        { u"session update_metadata"_s, QObject::tr("Session details") },
        { u"capture create"_s, QObject::tr("Captures") },
        { u"capture void"_s, QObject::tr("Voided captures") },
        { u"capture apply"_s, QObject::tr("Applied proposals") },
        { u"proposal decide"_s, QObject::tr("Proposal decisions") },
        { u"epcis_event create"_s, QObject::tr("EPCIS events") },
    };
    return labels.value(kind, kind);
}

} // namespace

SyncController::SyncController(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_thread(new sync::SyncThread(this))
    , m_http(new sync::HttpClient)
{
    m_thread->adopt(m_http);
    m_account = new sync::SyncAccount(m_http, {}, this);
    connect(m_http, &sync::HttpClient::onlineChanged, this, [this](bool online) {
        if (online == m_online)
            return;
        m_online = online;
        Q_EMIT onlineChanged();
        Q_EMIT statusChanged();
    });
    connect(m_account, &sync::SyncAccount::busyChanged, this, &SyncController::accountChanged);
    connect(m_account, &sync::SyncAccount::changed, this, [this] {
        Q_EMIT accountChanged();
        if (m_account->connected())
            startEngine();
        else
            stopEngine();
    });
    connect(m_account, &sync::SyncAccount::onlineChanged, this, [this] {
        if (m_account->online() != m_online) {
            m_online = m_account->online();
            Q_EMIT onlineChanged();
        }
    });
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(250);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SyncController::refresh);
    m_wakeTimer.setSingleShot(true);
    m_wakeTimer.setInterval(1000);
    connect(&m_wakeTimer, &QTimer::timeout, this, &SyncController::syncNow);
    connect(m_db, &store::Database::ready, this, [this] {
        refresh();
        m_account->refresh();
    });
    // A new capture or a session change is sent a moment later, not at the next poll.
    connect(m_db, &store::Database::captureAdded, &m_wakeTimer, qOverload<>(&QTimer::start));
    connect(m_db, &store::Database::sessionChanged, &m_wakeTimer, qOverload<>(&QTimer::start));
}

SyncController::~SyncController()
{
    // Whatever waits on the server ends now, and the account's work on the pool (which holds the client) is over
    // before the thread ends: the engine and the client are deleted on it, before the store goes.
    m_http->close();
    m_account->waitForWork();
    delete m_thread;
}

SyncController *SyncController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

bool SyncController::connected() const
{
    return m_account->connected();
}

bool SyncController::accountBusy() const
{
    return m_account->busy();
}

QString SyncController::organisation() const
{
    return m_account->organisation();
}

QString SyncController::email() const
{
    return m_account->email();
}

QString SyncController::role() const
{
    return m_account->role();
}

QString SyncController::baseUrl() const
{
    return m_account->baseUrl();
}

QString SyncController::accountError() const
{
    return m_account->lastError();
}

double SyncController::progress() const
{
    const int total = m_sentThisRun + m_pending;
    return total > 0 ? double(m_sentThisRun) / total : 1.0;
}

void SyncController::startEngine()
{
    if (!m_db->isOpen() || m_db->isReadOnly())
        return;
    if (!m_engine) {
        m_engine = new sync::SyncEngine(m_db, m_http);
        m_thread->adopt(m_engine);
        connect(m_engine, &sync::SyncEngine::changed, &m_refreshTimer, qOverload<>(&QTimer::start));
        connect(m_engine, &sync::SyncEngine::progress, this, [this](int sent, int) {
            m_engineSent = sent;
            m_sentThisRun = sent - m_baseline;
            m_refreshTimer.start();
        });
        connect(m_engine, &sync::SyncEngine::finished, this, &SyncController::finished);
    }
    if (m_running)
        return syncNow();
    m_running = true;
    m_stopReason.clear();
    m_baseline = 0;
    m_engineSent = 0;
    m_sentThisRun = 0;
    Q_EMIT runningChanged();
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->start(false); });
}

void SyncController::stopEngine()
{
    if (m_engine && m_running)
        QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->stop(); });
}

void SyncController::finished(const sync::DrainReport &report)
{
    m_running = false;
    m_stopReason = report.stopReason == u"stopped"_s ? QString() : report.message;
    Q_EMIT runningChanged();
    refresh();
}

void SyncController::syncNow()
{
    if (!m_engine || !m_running) {
        if (m_account->connected())
            startEngine();
        return;
    }
    QMetaObject::invokeMethod(m_engine, [engine = m_engine] { engine->wake(); });
}

void SyncController::refresh()
{
    if (!m_db->isOpen())
        return;
    sync::SyncStatus::load(m_db).then(this, [this](const Result<sync::SyncStatus> &s) {
        if (s.ok())
            apply(s.value());
    });
}

void SyncController::apply(const sync::SyncStatus &s)
{
    const int before = m_pending;
    m_pending = s.open();
    if (before == 0 && m_pending > 0) { // a new drain: the bar starts again
        m_baseline = m_engineSent;
        m_sentThisRun = 0;
    }
    m_queue.clear();
    for (auto it = s.byKind.cbegin(); it != s.byKind.cend(); ++it)
        m_queue.append(QVariantMap { { u"kind"_s, kindLabel(it.key()) }, { u"pending"_s, it->pending + it->inFlight },
            { u"parked"_s, it->parked } });
    m_parked.clear();
    for (const auto &p : s.parked)
        m_parked.append(QVariantMap { { u"seq"_s, p.seq }, { u"kind"_s, kindLabel(p.entity + u' ' + p.op) },
            { u"entityId"_s, p.entityId }, { u"error"_s, p.error } });
    m_lastSuccess = s.lastSuccess.isEmpty() ? QString() : when(s.lastSuccess.value(u"time"_s).toString());
    m_lastError = s.lastError.isEmpty()
        ? QString()
        : tr("%1: %2").arg(when(s.lastError.value(u"time"_s).toString()), s.lastError.value(u"message"_s).toString());
    const auto g = m_http->governorState();
    if (g.pausedByServer)
        m_governor = tr("Paused: the server asked to wait %1 s").arg((g.waitMs + 999) / 1000);
    else if (g.known)
        m_governor = tr("%1 of %2 requests left in the window; %3")
                         .arg(g.remaining)
                         .arg(g.limit)
                         .arg(g.waitMs > 0 ? tr("next request in %1 s").arg((g.waitMs + 999) / 1000)
                                           : tr("sending at full pace"));
    else if (!s.rateLimit.isEmpty())
        m_governor = tr("Last known: %1").arg(s.rateLimit.value(u"describe"_s).toString());
    else
        m_governor = tr("No rate limit announced yet");
    Q_EMIT statusChanged();
}

void SyncController::retry(qint64 seq)
{
    QtConcurrent::run([db = m_db, seq] { return sync::retryParked(db, seq); }).then(this, [this](const Result<int> &r) {
        if (!r.ok())
            Q_EMIT actionFailed(r.error().message);
        refresh();
        syncNow();
    });
}

void SyncController::discard(qint64 seq)
{
    QtConcurrent::run([db = m_db, seq] {
        return sync::discardParked(db, seq);
    }).then(this, [this](const Result<Done> &r) {
        if (!r.ok())
            Q_EMIT actionFailed(r.error().message);
        refresh();
    });
}

void SyncController::connectKey(const QString &apiKey, const QString &baseUrl)
{
    m_account->connectKey(apiKey, baseUrl);
}

void SyncController::disconnectKey()
{
    stopEngine();
    m_account->forgetKey();
}

} // namespace closient::models
