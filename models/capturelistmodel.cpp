// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturelistmodel.h"

#include "capturecontroller.h"
#include "capturerepository.h"
#include "database.h"
#include "displayformat.h"
#include "displaytext.h"
#include "gs1parser.h"
#include "parsedisplay.h"

#include <QTimer>

using namespace Qt::StringLiterals;

namespace closient::models {

QString CaptureListModel::Row::key() const
{
    return rejected ? u"r%1"_s.arg(rejection.id) : u"c"_s + capture.id;
}

QVariantMap CaptureListModel::parseOf(const Row &r)
{
    return describeParse(gs1::parse(
        r.rejected ? r.rejection.rawValue : r.capture.symbologyId + r.capture.rawValue, gs1::ParseOptions::scanning()));
}

CaptureListModel::CaptureListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CaptureListModel::setSource(CaptureController *source)
{
    if (source == m_source)
        return;
    if (m_db)
        disconnect(m_db, nullptr, this, nullptr);
    m_source = source;
    attach(source ? source->database() : nullptr);
    Q_EMIT sourceChanged();
    refresh();
}

CaptureListModel::CaptureListModel(store::Database *db, QObject *parent)
    : QAbstractListModel(parent)
{
    attach(db);
}

void CaptureListModel::attach(store::Database *db)
{
    m_db = db;
    if (!m_db)
        return;
    connect(m_db, &store::Database::ready, this, &CaptureListModel::refresh);
    // Writes announce what they wrote: a new capture goes on top as it is, a voided or corrected one is replaced,
    // and only a refusal reads the list again.
    connect(m_db, &store::Database::captureAdded, this, [this](const store::Capture &c) {
        if (c.sessionId != m_sessionId || m_refreshQueued)
            return;
        if (std::any_of(
                m_rows.begin(), m_rows.end(), [&](const Row &r) { return !r.rejected && r.capture.id == c.id; }))
            return;
        Row row;
        row.capture = c;
        row.parse = parseOf(row);
        const auto at = std::find_if(m_rows.begin(), m_rows.end(), [&](const Row &r) { return r.time() <= c.created; });
        const int position = int(at - m_rows.begin());
        beginInsertRows({}, position, position);
        m_rows.insert(at, std::move(row));
        endInsertRows();
        Q_EMIT countChanged();
    });
    connect(m_db, &store::Database::captureChanged, this, [this](const store::Capture &c) {
        for (int i = 0; i < rowCount(); ++i) {
            auto &row = m_rows[size_t(i)];
            if (row.rejected || row.capture.id != c.id)
                continue;
            const bool reparse = row.capture.rawValue != c.rawValue || row.capture.symbologyId != c.symbologyId;
            row.capture = c;
            if (reparse)
                row.parse = parseOf(row);
            Q_EMIT dataChanged(index(i), index(i));
            Q_EMIT countChanged();
            return;
        }
    });
    connect(m_db, &store::Database::captureRefused, this, [this](const QString &sessionId) {
        if (sessionId == m_sessionId)
            refresh();
    });
}

int CaptureListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaptureListModel::capturedCount() const
{
    return int(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return !r.rejected && !r.capture.isVoided(); }));
}

QVariant CaptureListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &row = m_rows[size_t(index.row())];
    const auto &c = row.capture;
    switch (role) {
    case RowIdRole:
        return row.key();
    case RejectedRole:
        return row.rejected;
    case TimeTextRole:
        return formatTime(row.time());
    case CaptureTypeRole:
        return row.rejected ? QString() : c.captureType;
    case Qt::DisplayRole:
    case RawValueRole:
        return visibleText(row.rejected ? row.rejection.rawValue : c.symbologyId + c.rawValue);
    case SummaryRole:
        return row.parse.value(u"summary"_s);
    case ParseRole:
        return row.parse;
    case StatusRole:
        return row.rejected ? u"REJECTED"_s : c.status;
    case ReasonRole:
        return row.rejected ? row.rejection.reason : c.errorMessage;
    case SourceRole:
        return row.rejected ? row.rejection.source : c.source;
    case SymbologyRole:
        return row.parse.value(u"symbology"_s);
    case CaptureIdRole:
        return row.rejected ? QString() : c.id;
    case VoidedRole:
        return !row.rejected && c.isVoided();
    case VoidTextRole:
        return row.rejected || !c.isVoided()
            ? QString()
            : tr("Voided %1 by %2: %3").arg(formatTime(c.voided), c.voidedBy, c.voidReason);
    case EditedRole:
        return !row.rejected && c.isEdited();
    case OriginalRawValueRole:
        return row.rejected ? QString() : visibleText(c.originalRawValue);
    case EditableRole:
        // The store has the last word (the create must not have been tried); this keeps the menu honest.
        return !row.rejected && !c.isVoided() && c.captureType == u"MANUAL" && c.serverId.isEmpty();
    case VoidableRole:
        return !row.rejected && !c.isVoided();
    }
    return {};
}

QHash<int, QByteArray> CaptureListModel::roleNames() const
{
    return {
        { RowIdRole, "rowId" },
        { RejectedRole, "rejected" },
        { TimeTextRole, "timeText" },
        { CaptureTypeRole, "captureType" },
        { RawValueRole, "rawValue" },
        { SummaryRole, "summary" },
        { ParseRole, "parse" },
        { StatusRole, "status" },
        { ReasonRole, "reason" },
        { SourceRole, "source" },
        { SymbologyRole, "symbology" },
        { CaptureIdRole, "captureId" },
        { VoidedRole, "voided" },
        { VoidTextRole, "voidText" },
        { EditedRole, "edited" },
        { OriginalRawValueRole, "originalRawValue" },
        { EditableRole, "editable" },
        { VoidableRole, "voidable" },
    };
}

void CaptureListModel::setSessionId(const QString &id)
{
    if (id == m_sessionId)
        return;
    m_sessionId = id;
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT sessionIdChanged();
    Q_EMIT countChanged();
    refresh();
}

void CaptureListModel::refresh()
{
    if (m_refreshQueued || !m_db || !m_db->isOpen() || m_sessionId.isEmpty())
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        const auto generation = m_generation;
        const auto id = m_sessionId;
        store::CaptureRepository repo(m_db);
        repo.forSession(id).then(this, [this, repo, id, generation](std::vector<store::Capture> captures) mutable {
            repo.rejectionsForSession(id).then(
                this, [this, captures = std::move(captures), generation](std::vector<store::Rejection> rejections) {
                    if (generation != m_generation)
                        return; // the page moved to another session meanwhile
                    std::vector<Row> rows;
                    rows.reserve(captures.size() + rejections.size());
                    for (auto &c : captures) {
                        Row r;
                        r.capture = std::move(c);
                        rows.push_back(std::move(r));
                    }
                    for (auto &rej : rejections) {
                        Row r;
                        r.rejected = true;
                        r.rejection = std::move(rej);
                        rows.push_back(std::move(r));
                    }
                    std::stable_sort(
                        rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.time() > b.time(); });
                    setRows(std::move(rows));
                });
        });
    });
}

void CaptureListModel::setRows(std::vector<Row> rows)
{
    // Keep the parse of rows already shown; parse only what is new or corrected.
    const auto parseKey = [](const Row &r) {
        return r.key() + u'\n' + (r.rejected ? r.rejection.rawValue : r.capture.symbologyId + r.capture.rawValue);
    };
    QHash<QString, QVariantMap> known;
    for (const auto &r : m_rows)
        known.insert(parseKey(r), r.parse);
    for (auto &r : rows) {
        const auto it = known.constFind(parseKey(r));
        if (it != known.cend())
            r.parse = *it;
        else
            r.parse = parseOf(r);
    }
    const size_t added = rows.size() >= m_rows.size() ? rows.size() - m_rows.size() : 0;
    const bool onlyNewOnTop = rows.size() >= m_rows.size()
        && std::equal(m_rows.begin(), m_rows.end(), rows.begin() + qsizetype(added),
            [](const Row &a, const Row &b) { return a.key() == b.key(); });
    if (onlyNewOnTop) {
        if (added > 0) {
            beginInsertRows({}, 0, int(added) - 1);
            m_rows.insert(m_rows.begin(), std::make_move_iterator(rows.begin()),
                std::make_move_iterator(rows.begin() + qsizetype(added)));
            endInsertRows();
        }
        for (size_t i = added; i < rows.size(); ++i)
            m_rows[i] = std::move(rows[i]);
        if (m_rows.size() > added)
            Q_EMIT dataChanged(index(int(added)), index(rowCount() - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    Q_EMIT countChanged();
}

} // namespace closient::models
