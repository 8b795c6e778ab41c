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

#include <QSet>
#include <QSqlQuery>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace closient::models {

QString CaptureListModel::Row::key() const
{
    return rejected ? u"r%1"_s.arg(rejection.id) : u"c"_s + capture.id;
}

QVariantMap CaptureListModel::parseOf(const Row &r)
{
    // A capture's parse was stored with it (and again when it was corrected): read it, do not parse again.
    if (!r.rejected && !r.capture.gs1.isEmpty())
        return describeParse(gs1::ParseResult::fromJson(r.capture.gs1));
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
    connect(m_db, &store::Database::changedElsewhere, this, &CaptureListModel::refresh);
    // Writes announce what they wrote: a new capture goes on top as it is, a voided or corrected one is replaced,
    // and only a refusal reads the list again.
    connect(m_db, &store::Database::captureAdded, this, [this](const store::Capture &c) {
        if (c.sessionId != m_sessionId || m_refreshQueued)
            return;
        if (m_readsUnderWay > 0)
            m_announcedDuringRead.push_back(c);
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
            loadProductNames(c.id); // a pull may have brought one
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

int CaptureListModel::rejectedCount() const
{
    // Refused codes only: a voided capture was captured, then taken back.
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.rejected; }));
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
    case ProductNameRole:
        return row.rejected ? QString() : m_productNames.value(c.id);
    case SentRole:
        return !row.rejected && !c.serverId.isEmpty();
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
        { ProductNameRole, "productName" },
        { SentRole, "sent" },
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
    m_productNames.clear();
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
        ++m_readsUnderWay; // captures announced from now on may be missing from what this read returns
        const auto generation = m_generation;
        const auto id = m_sessionId;
        store::CaptureRepository repo(m_db);
        repo.forSession(id).then(this, [this, repo, id, generation](std::vector<store::Capture> captures) mutable {
            repo.rejectionsForSession(id).then(this,
                [this, captures = std::move(captures), generation](std::vector<store::Rejection> rejections) mutable {
                    const bool lastRead = --m_readsUnderWay == 0;
                    const auto announced = lastRead ? std::exchange(m_announcedDuringRead, {}) : m_announcedDuringRead;
                    if (generation != m_generation)
                        return; // the page moved to another session meanwhile
                    // A capture announced while the read ran may have been written after it: keep it.
                    for (const auto &c : announced) {
                        if (std::none_of(captures.begin(), captures.end(), [&](const auto &k) { return k.id == c.id; }))
                            captures.push_back(c);
                    }
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
                    // Newest first; within one millisecond a refusal is taken as the later (a refused code is
                    // usually the one just scanned after a capture).
                    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                        return a.time() != b.time() ? a.time() > b.time() : (a.rejected && !b.rejected);
                    });
                    setRows(std::move(rows));
                    loadProductNames();
                });
        });
    });
}

void CaptureListModel::loadProductNames(const QString &captureId)
{
    if (!m_db || m_sessionId.isEmpty())
        return;
    const auto generation = m_generation;
    m_db->run([session = m_sessionId, captureId](QSqlDatabase &db) {
            QHash<QString, QString> names;
            QSqlQuery q(db);
            q.prepare(captureId.isEmpty()
                    ? u"SELECT id, product_name FROM captures WHERE session_id = ? AND product_name IS NOT NULL"_s
                    : u"SELECT id, product_name FROM captures WHERE id = ? AND product_name IS NOT NULL"_s);
            q.addBindValue(captureId.isEmpty() ? session : captureId);
            if (q.exec()) {
                while (q.next())
                    names.insert(q.value(0).toString(), q.value(1).toString());
            }
            return names;
        })
        .then(this, [this, generation](const QHash<QString, QString> &names) {
            if (generation != m_generation || names.isEmpty())
                return;
            for (auto it = names.cbegin(); it != names.cend(); ++it)
                m_productNames.insert(it.key(), it.value());
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0), index(rowCount() - 1), { ProductNameRole });
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
    // The rows shown keep their order in the new list (nothing went away): the new ones are inserted where they
    // belong, one by one, so the view stays put. Anything else rebuilds the list.
    QHash<QString, qsizetype> at;
    for (qsizetype i = 0; i < qsizetype(rows.size()); ++i)
        at.insert(rows[size_t(i)].key(), i);
    qsizetype last = -1;
    bool kept = true;
    for (const auto &r : m_rows) {
        const auto it = at.constFind(r.key());
        if (it == at.cend() || *it <= last) {
            kept = false;
            break;
        }
        last = *it;
    }
    if (kept) {
        QSet<QString> shown;
        for (const auto &r : m_rows)
            shown.insert(r.key());
        for (qsizetype i = 0; i < qsizetype(rows.size()); ++i) {
            if (shown.contains(rows[size_t(i)].key()))
                continue;
            beginInsertRows({}, int(i), int(i));
            m_rows.insert(m_rows.begin() + i, rows[size_t(i)]);
            endInsertRows();
        }
        for (size_t i = 0; i < rows.size(); ++i)
            m_rows[i] = std::move(rows[i]);
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    } else {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    Q_EMIT countChanged();
}

} // namespace closient::models
