// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionlistmodel.h"

#include "database.h"
#include "displayformat.h"
#include "sessionrepository.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace closient::models {

SessionListModel::SessionListModel(store::Database *db, QObject *parent)
    : QAbstractListModel(parent)
    , m_db(db)
{
    if (!m_db)
        return;
    connect(m_db, &store::Database::ready, this, &SessionListModel::refresh);
    // A write names the session it changed: only that one is read again (a capture no longer re-reads them all).
    connect(m_db, &store::Database::sessionChanged, this, [this](const QString &id) {
        const bool first = m_changed.isEmpty();
        m_changed.insert(id);
        if (!first)
            return;
        QTimer::singleShot(0, this, [this] { // a burst of writes, one read per session
            const auto ids = std::exchange(m_changed, {});
            const int reads = m_reads;
            for (const auto &changed : ids) {
                store::SessionRepository(m_db).get(changed).then(this, [this, reads](const Result<store::Session> &s) {
                    if (s.ok() && reads == m_reads)
                        updateSession(s.value());
                });
            }
        });
    });
    connect(m_db, &store::Database::sessionsExpired, this, &SessionListModel::refresh);
    connect(m_db, &store::Database::changedElsewhere, this, &SessionListModel::refresh);
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

int SessionListModel::activeCount() const
{
    return int(std::count_if(m_sessions.begin(), m_sessions.end(), [](const auto &s) { return s.isActive(); }));
}

QString SessionListModel::modeText(const QString &mode)
{
    if (mode == u"barcode_scan")
        return tr("Barcode scan");
    if (mode == u"product_photography")
        return tr("Product photography");
    if (mode == u"both")
        return tr("Barcodes and photos");
    return mode;
}

QString SessionListModel::title(const store::Session &s)
{
    for (const auto key : { u"name", u"title", u"label" }) {
        const auto v = s.metadata.value(QString::fromUtf16(key)).toString();
        if (!v.isEmpty())
            return v;
    }
    return tr("Session of %1").arg(formatDateTime(s.created));
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &s = m_sessions[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return title(s);
    case SessionIdRole:
        return s.id;
    case StatusRole:
        return s.status;
    case ActiveRole:
        return s.isActive();
    case CaptureModeRole:
        return s.captureMode;
    case ModeTextRole:
        return modeText(s.captureMode);
    case MetadataRole:
        return s.metadata.toVariantMap();
    case MetadataTextRole: {
        QStringList parts;
        const QString shownAsTitle = title(s);
        for (auto it = s.metadata.begin(); it != s.metadata.end(); ++it) {
            if (it.value().toString() != shownAsTitle)
                parts << it.key() + u": "_s + it.value().toString();
        }
        return parts.join(u" · "_s);
    }
    case CreatedTextRole:
        return formatDateTime(s.created);
    case LastActivityTextRole:
        return formatRelative(s.lastActivity);
    case EndedTextRole:
        return s.ended.isValid() ? formatDateTime(s.ended) : QString();
    case CaptureCountRole:
        return s.captureCount;
    case PhotoCountRole:
        return s.photoCount;
    case RejectedCountRole:
        return s.rejectedCount;
    case VoidedCountRole:
        return s.voidedCount;
    case TakesBarcodesRole:
        return s.captureMode != u"product_photography";
    case DurationTextRole: {
        // An ended session lasted until it ended; an active one has lasted until now.
        const QDateTime end = s.ended.isValid() ? s.ended
            : s.isActive()                      ? QDateTime::currentDateTimeUtc()
                                                : s.lastActivity;
        const qint64 minutes
            = s.created.isValid() && end.isValid() ? std::max<qint64>(0, s.created.secsTo(end) / 60) : 0;
        return minutes < 60 ? tr("%n min", nullptr, int(minutes))
                            : tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QChar(u'0'));
    }
    }
    return {};
}

QHash<int, QByteArray> SessionListModel::roleNames() const
{
    return {
        { SessionIdRole, "sessionId" },
        { TitleRole, "title" },
        { StatusRole, "status" },
        { ActiveRole, "active" },
        { CaptureModeRole, "captureMode" },
        { ModeTextRole, "modeText" },
        { MetadataRole, "metadata" },
        { MetadataTextRole, "metadataText" },
        { CreatedTextRole, "createdText" },
        { LastActivityTextRole, "lastActivityText" },
        { EndedTextRole, "endedText" },
        { CaptureCountRole, "captureCount" },
        { PhotoCountRole, "photoCount" },
        { RejectedCountRole, "rejectedCount" },
        { VoidedCountRole, "voidedCount" },
        { TakesBarcodesRole, "takesBarcodes" },
        { DurationTextRole, "durationText" },
    };
}

QVariantMap SessionListModel::get(const QString &id) const
{
    QVariantMap out;
    for (int row = 0; row < rowCount(); ++row) {
        if (m_sessions[size_t(row)].id != id)
            continue;
        const auto names = roleNames();
        for (auto it = names.begin(); it != names.end(); ++it)
            out.insert(QString::fromLatin1(it.value()), data(index(row), it.key()));
    }
    return out;
}

void SessionListModel::refresh()
{
    // Writes come in bursts (a scan touches sessions and captures): coalesce them into one query.
    if (m_refreshQueued || !m_db || !m_db->isOpen())
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        ++m_reads;
        store::SessionRepository(m_db).list().then(
            this, [this](std::vector<store::Session> sessions) { setSessions(std::move(sessions)); });
    });
}

void SessionListModel::setSessions(std::vector<store::Session> sessions)
{
    const bool sameRows = sessions.size() == m_sessions.size()
        && std::equal(sessions.begin(), sessions.end(), m_sessions.begin(),
            [](const auto &a, const auto &b) { return a.id == b.id; });
    if (sameRows) {
        m_sessions = std::move(sessions);
        if (!m_sessions.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    } else {
        beginResetModel();
        m_sessions = std::move(sessions);
        endResetModel();
    }
    Q_EMIT countChanged();
}

void SessionListModel::updateSession(const store::Session &session)
{
    const auto newer = [](const store::Session &a, const store::Session &b) { return a.lastActivity > b.lastActivity; };
    const auto it = std::find_if(
        m_sessions.begin(), m_sessions.end(), [&](const store::Session &s) { return s.id == session.id; });
    const int to = int(std::count_if(m_sessions.begin(), m_sessions.end(),
        [&](const store::Session &s) { return s.id != session.id && newer(s, session); }));
    if (it == m_sessions.end()) {
        beginInsertRows({}, to, to);
        m_sessions.insert(m_sessions.begin() + to, session);
        endInsertRows();
        Q_EMIT countChanged();
        return;
    }
    const int from = int(it - m_sessions.begin());
    *it = session;
    if (from != to) {
        // Qt counts the destination before the move: one past the target when moving down.
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        auto moved = std::move(m_sessions[size_t(from)]);
        m_sessions.erase(m_sessions.begin() + from);
        m_sessions.insert(m_sessions.begin() + to, std::move(moved));
        endMoveRows();
    }
    Q_EMIT dataChanged(index(to), index(to));
    Q_EMIT countChanged(); // the active count may have changed
}

} // namespace closient::models
