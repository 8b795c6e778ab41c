// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewcontroller.h"

#include "database.h"
#include "reviewexport.h"
#include "sessionlistmodel.h"
#include "sessionrepository.h"
#include "stationidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace closient::models {

QString ReviewController::captures(int n)
{
    return n == 1 ? tr("1 capture") : tr("%1 captures").arg(QLocale().toString(n));
}

ReviewController::ReviewController(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_model(db)
    , m_detail(db)
{
    m_filterDelay.setSingleShot(true);
    m_filterDelay.setInterval(120);
    m_storeChanged.setSingleShot(true);
    m_storeChanged.setInterval(800);
    connect(&m_filters, &ReviewFilters::changed, &m_filterDelay, qOverload<>(&QTimer::start));
    connect(&m_filterDelay, &QTimer::timeout, this, [this] { m_model.setFilter(m_filters.toFilter()); });
    connect(&m_model, &ReviewModel::sortRequested, this, [this](int column, bool descending) {
        m_filters.setSortColumn(column);
        m_filters.setDescending(descending);
    });
    connect(&m_model, &ReviewModel::totalChanged, this, &ReviewController::summaryChanged);
    connect(&m_model, &ReviewModel::selectionChanged, this, &ReviewController::summaryChanged);
    connect(&m_model, &ReviewModel::failed, this, [this](const QString &text) { Q_EMIT message(text, true); });
    connect(&m_detail, &ReviewDetailView::message, this, &ReviewController::message);
    connect(&m_detail, &ReviewDetailView::captureChanged, &m_model, &ReviewModel::refresh);
    connect(&m_storeChanged, &QTimer::timeout, &m_model, &ReviewModel::refresh);
    // NOTE: these are emitted on the database thread; queued here.
    connect(db, &store::Database::ready, this, &ReviewController::reload);
    connect(db, &store::Database::captureAdded, &m_storeChanged, qOverload<>(&QTimer::start));
    connect(db, &store::Database::captureChanged, &m_storeChanged, qOverload<>(&QTimer::start));
    connect(db, &store::Database::sessionChanged, this, [this] {
        if (!m_storeChanged.isActive())
            m_storeChanged.start();
    });
}

ReviewController *ReviewController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void ReviewController::setCurrentId(const QString &id)
{
    if (m_currentId == id)
        return;
    m_currentId = id;
    m_detail.load(id);
    Q_EMIT currentIdChanged();
}

QString ReviewController::summary() const
{
    const QString shown = captures(m_model.total());
    if (m_model.selectedCount() == 0)
        return shown;
    return tr("%1 · %2 selected").arg(shown, QLocale().toString(m_model.selectedCount()));
}

int ReviewController::targetCount() const
{
    return m_model.selectedCount() > 0 ? m_model.selectedCount() : (m_currentId.isEmpty() ? 0 : 1);
}

void ReviewController::reload()
{
    if (!m_db->isOpen())
        return;
    m_model.setFilter(m_filters.toFilter());
    store::SessionRepository(m_db).list({}, 5000).then(this, [this](const std::vector<store::Session> &sessions) {
        m_sessions = { QVariantMap { { u"id"_s, QString() }, { u"name"_s, tr("Every session") } } };
        for (const auto &s : sessions)
            m_sessions << QVariantMap { { u"id"_s, s.id }, { u"name"_s, SessionListModel::title(s) } };
        Q_EMIT sessionsChanged();
    });
}

void ReviewController::busy(int delta)
{
    const bool was = busy();
    m_writes += delta;
    if (was != busy())
        Q_EMIT busyChanged();
}

void ReviewController::mark(store::ReviewState state, const QString &note)
{
    QStringList ids = m_model.selectedIds();
    if (ids.isEmpty() && !m_currentId.isEmpty())
        ids << m_currentId;
    if (ids.isEmpty()) {
        Q_EMIT message(tr("Pick a capture first (j and k move, Space selects)."), true);
        return;
    }
    busy(+1);
    store::ReviewRepository(m_db)
        .mark(ids, state, note, StationIdentity::current().user)
        .then(this, [this, state](const store::Result<int> &r) {
            busy(-1);
            if (!r.ok()) {
                Q_EMIT message(r.error().message, true);
                return;
            }
            const QString what = ReviewModel::markText(state).toLower();
            Q_EMIT message(tr("%1 marked %2.").arg(captures(r.value()), what), false);
            m_model.refresh();
            m_detail.reload();
        });
}

QUrl ReviewController::suggestedExportFile() const
{
    QString folder = m_lastExportFolder;
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!QFileInfo(folder).isDir())
        folder = QDir::homePath();
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s);
    return QUrl::fromLocalFile(u"%1/review-%2.csv"_s.arg(folder, stamp));
}

void ReviewController::exportCsv(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty())
        return;
    busy(+1);
    exportReviewCsv(m_db, m_model.filter(), path).then(this, [this, path](const store::Result<int> &r) {
        busy(-1);
        if (!r.ok()) {
            Q_EMIT message(r.error().message, true);
            return;
        }
        m_lastExportFolder = QFileInfo(path).absolutePath();
        Q_EMIT message(tr("%1 exported to %2.").arg(captures(r.value()), QDir::toNativeSeparators(path)), false);
        Q_EMIT exported(path, r.value());
    });
}

} // namespace closient::models
