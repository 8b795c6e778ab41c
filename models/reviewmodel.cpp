// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewmodel.h"

#include "displayformat.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>

using namespace Qt::StringLiterals;

namespace closient::models {

QString ReviewModel::typeText(const QString &type)
{
    if (type == u"BARCODE")
        return ReviewModel::tr("Barcode");
    if (type == u"IMAGE")
        return ReviewModel::tr("Image");
    if (type == u"MANUAL")
        return ReviewModel::tr("Typed");
    return type;
}

QString ReviewModel::statusText(const QString &status)
{
    static const QHash<QString, const char *> words { { u"PENDING"_s, "Pending" }, { u"LOOKING_UP"_s, "Looking up" },
        { u"ENRICHING"_s, "Enriching" }, { u"RESOLVING"_s, "Resolving" }, { u"COMPLETED"_s, "Completed" },
        { u"FAILED"_s, "Failed" }, { u"NOT_FOUND"_s, "Not found" } };
    const auto it = words.find(status);
    return it == words.end() ? status : ReviewModel::tr(it.value());
}

ReviewModel::ReviewModel(store::Database *db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_db(db)
{ }

int ReviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : store::kReviewColumnCount;
}

QString ReviewModel::markText(store::ReviewState state)
{
    switch (state) {
    case store::ReviewState::Reviewed:
        return tr("Reviewed");
    case store::ReviewState::Flagged:
        return tr("Flagged");
    case store::ReviewState::Unreviewed:
        break;
    }
    return tr("Unreviewed");
}

QString ReviewModel::cellText(const store::ReviewRow &r, int column)
{
    using C = store::ReviewColumn;
    switch (C(column)) {
    case C::Time:
        return formatDateTime(r.created);
    case C::Session:
        return r.sessionName;
    case C::Type:
        return typeText(r.captureType);
    case C::Code:
        return r.code;
    case C::Gtin:
        return r.gtin;
    case C::Product:
        return r.productName;
    case C::Lot:
        return r.lot;
    case C::Expiry:
        return r.expiry;
    case C::Serial:
        return r.serial;
    case C::Status:
        return statusText(r.status);
    case C::Review: {
        QStringList flags { markText(r.review) };
        if (!r.parseErrors.isEmpty())
            flags << tr("parse errors");
        if (r.gtin != r.capturedGtin)
            flags << tr("GTIN corrected");
        if (r.voided)
            flags << tr("voided");
        return flags.join(u", "_s);
    }
    case C::Photos:
        return r.photos > 0 ? QString::number(r.photos) : QString();
    }
    return {};
}

QStringList ReviewModel::columnTitles() const
{
    return titles();
}

QStringList ReviewModel::titles()
{
    return { tr("Time"), tr("Session"), tr("Type"), tr("Code"), tr("GTIN"), tr("Product"), tr("Lot"), tr("Expiry"),
        tr("Serial"), tr("Server status"), tr("Review"), tr("Photos") };
}

QVariant ReviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &r = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(r, index.column());
    case IdRole:
        return r.id;
    case TimeTextRole:
        return cellText(r, int(store::ReviewColumn::Time));
    case SessionRole:
        return r.sessionName;
    case TypeTextRole:
        return typeText(r.captureType);
    case CodeRole:
        return r.code;
    case GtinRole:
        return r.gtin;
    case GtinCorrectedRole:
        return r.gtin != r.capturedGtin;
    case ProductRole:
        return r.productName;
    case LotRole:
        return r.lot;
    case ExpiryRole:
        return r.expiry;
    case SerialRole:
        return r.serial;
    case StatusTextRole:
        return statusText(r.status);
    case MarkRole:
        return QVariant::fromValue(Mark(int(r.review)));
    case MarkTextRole:
        return markText(r.review);
    case NoteRole:
        return r.note;
    case PhotoCountRole:
        return r.photos;
    case PhotoUrlRole: {
        if (r.firstPhoto.isEmpty())
            return QUrl();
        const QString dir = QFileInfo(m_db->path()).absolutePath(); // relative photo paths are the store's
        return QUrl::fromLocalFile(QDir(dir).absoluteFilePath(r.firstPhoto));
    }
    case ParseErrorsRole:
        return r.parseErrors.join(u'\n');
    case VoidedRole:
        return r.voided;
    case SelectedRole:
        return m_selected.contains(r.id);
    default:
        return {};
    }
}

QVariant ReviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= store::kReviewColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitles().at(section);
}

QHash<int, QByteArray> ReviewModel::roleNames() const
{
    return { { Qt::DisplayRole, "display" }, { IdRole, "captureId" }, { TimeTextRole, "timeText" },
        { SessionRole, "session" }, { TypeTextRole, "typeText" }, { CodeRole, "code" }, { GtinRole, "gtin" },
        { GtinCorrectedRole, "gtinCorrected" }, { ProductRole, "product" }, { LotRole, "lot" },
        { ExpiryRole, "expiry" }, { SerialRole, "serial" }, { StatusTextRole, "statusText" }, { MarkRole, "mark" },
        { MarkTextRole, "markText" }, { NoteRole, "note" }, { PhotoCountRole, "photoCount" },
        { PhotoUrlRole, "photoUrl" }, { ParseErrorsRole, "parseErrors" }, { VoidedRole, "voided" },
        { SelectedRole, "selected" } };
}

bool ReviewModel::canFetchMore(const QModelIndex &parent) const
{
    // The count of this filter, once in, tells the end without asking for an empty page.
    return !parent.isValid() && m_inFlight == 0 && !m_exhausted && !(m_totalKnown && rowCount() >= m_total);
}

void ReviewModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        request(int(m_rows.size()), kPageSize, false);
}

void ReviewModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= store::kReviewColumnCount)
        return;
    Q_EMIT sortRequested(column, order == Qt::DescendingOrder);
}

const store::ReviewRow *ReviewModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[std::size_t(row)] : nullptr;
}

void ReviewModel::setFilter(const store::ReviewFilter &filter)
{
    m_filter = filter;
    reload(kPageSize);
}

void ReviewModel::refresh()
{
    reload(std::max(kPageSize, int(m_rows.size())));
}

void ReviewModel::reload(int limit)
{
    ++m_generation; // a page or a count still on its way belongs to the rows being replaced
    m_totalKnown = false;
    request(0, limit, true);
    const int generation = m_generation;
    busy(+1);
    store::ReviewRepository(m_db).count(m_filter).then(this, [this, generation](const store::Result<int> &n) {
        later([this, generation, n] {
            busy(-1);
            if (generation != m_generation || !n.ok())
                return;
            m_totalKnown = true;
            if (m_total != n.value()) {
                m_total = n.value();
                Q_EMIT totalChanged();
            }
        });
    });
}

// NOTE: the read runs on the database thread; the answer is applied here, on the model's thread.
void ReviewModel::request(int offset, int limit, bool replace)
{
    const int generation = m_generation;
    const int seq = ++m_requests;
    m_inFlight = seq;
    busy(+1);
    store::ReviewRepository(m_db)
        .page(m_filter, offset, limit)
        .then(
            this, [this, generation, seq, offset, limit, replace](store::Result<std::vector<store::ReviewRow>> answer) {
                later([this, generation, seq, offset, limit, replace, r = std::move(answer)]() mutable {
                    busy(-1);
                    if (generation != m_generation)
                        return; // a newer filter has asked since
                    // Still "fetching" while the rows change: a view asking for more from inside the change would ask
                    // for the page being added.
                    const auto done = qScopeGuard([this, seq] {
                        if (m_inFlight == seq)
                            m_inFlight = 0;
                    });
                    if (!r.ok()) {
                        m_exhausted = true;
                        Q_EMIT failed(r.error().message);
                        return;
                    }
                    auto &rows = r.value();
                    const bool first = replace && offset == 0;
                    m_exhausted = int(rows.size()) < limit;
                    if (replace) {
                        const bool same = rows.size() == m_rows.size()
                            && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                [](const auto &a, const auto &b) { return a.id == b.id; });
                        if (same && !rows.empty()) {
                            m_rows = std::move(rows);
                            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
                        } else {
                            beginResetModel();
                            m_rows = std::move(rows);
                            endResetModel();
                        }
                        QSet<QString> still;
                        for (const auto &row : m_rows) {
                            if (m_selected.contains(row.id))
                                still.insert(row.id);
                        }
                        if (still != m_selected) {
                            m_selected = still;
                            Q_EMIT selectionChanged();
                        }
                    } else if (!rows.empty()) {
                        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size()) - 1);
                        std::move(rows.begin(), rows.end(), std::back_inserter(m_rows));
                        endInsertRows();
                    }
                    if (first)
                        Q_EMIT firstRowsShown();
                });
            });
}

// A continuation runs at once, inside the caller, when the store answered before it was attached; the model's
// rows must never change inside a view's fetchMore() or a signal handler, so every answer is applied from the
// event loop.
template<typename Fn>
void ReviewModel::later(Fn &&fn)
{
    QMetaObject::invokeMethod(this, std::forward<Fn>(fn), Qt::QueuedConnection);
}

void ReviewModel::busy(int delta)
{
    const bool was = loading();
    m_pending += delta;
    if (was != loading())
        Q_EMIT loadingChanged();
}

QString ReviewModel::idAt(int row) const
{
    const auto *r = rowAt(row);
    return r ? r->id : QString();
}

int ReviewModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == id)
            return int(i);
    }
    return -1;
}

void ReviewModel::emitSelected(const QList<int> &rows)
{
    for (const int row : rows)
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1), { SelectedRole });
    Q_EMIT selectionChanged();
}

bool ReviewModel::isSelected(int row) const
{
    const auto *r = rowAt(row);
    return r && m_selected.contains(r->id);
}

void ReviewModel::setSelected(int row, bool selected)
{
    const auto *r = rowAt(row);
    if (!r || m_selected.contains(r->id) == selected)
        return;
    if (selected)
        m_selected.insert(r->id);
    else
        m_selected.remove(r->id);
    emitSelected({ row });
}

void ReviewModel::selectRange(int from, int to)
{
    QList<int> changed;
    for (int row = std::max(0, std::min(from, to)); row <= std::min(std::max(from, to), rowCount() - 1); ++row) {
        const QString id = m_rows[std::size_t(row)].id;
        if (!m_selected.contains(id)) {
            m_selected.insert(id);
            changed << row;
        }
    }
    if (!changed.isEmpty())
        emitSelected(changed);
}

void ReviewModel::clearSelection()
{
    if (m_selected.isEmpty())
        return;
    QList<int> rows;
    for (const auto &id : std::as_const(m_selected))
        rows << rowOf(id);
    m_selected.clear();
    emitSelected(rows);
}

QStringList ReviewModel::selectedIds() const
{
    QStringList out; // in the order shown
    for (const auto &r : m_rows) {
        if (m_selected.contains(r.id))
            out << r.id;
    }
    return out;
}

} // namespace closient::models
