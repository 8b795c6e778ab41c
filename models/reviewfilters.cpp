// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewfilters.h"

#include "gtin.h"

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
// The store's names; index 0 of each list is "any" (shown with words of its own by the view).
const QStringList kTypes { QString(), u"BARCODE"_s, u"IMAGE"_s, u"MANUAL"_s };
const QStringList kStatuses { QString(), u"PENDING"_s, u"LOOKING_UP"_s, u"ENRICHING"_s, u"RESOLVING"_s, u"COMPLETED"_s,
    u"FAILED"_s, u"NOT_FOUND"_s };
} // namespace

ReviewFilters::ReviewFilters(QObject *parent)
    : QObject(parent)
{ }

template<typename T>
void ReviewFilters::set(T &member, const T &value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT changed();
}

QStringList ReviewFilters::captureTypeNames() const
{
    return { tr("Any type"), tr("Barcode"), tr("Image"), tr("Typed") };
}

QStringList ReviewFilters::serverStatusNames() const
{
    return { tr("Any status"), tr("Pending"), tr("Looking up"), tr("Enriching"), tr("Resolving"), tr("Completed"),
        tr("Failed"), tr("Not found") };
}

QStringList ReviewFilters::photoNames() const
{
    return { tr("Any photos"), tr("With photos"), tr("No photos") };
}

QStringList ReviewFilters::parseErrorNames() const
{
    return { tr("Any parse"), tr("Parse errors"), tr("No parse errors") };
}

QStringList ReviewFilters::reviewNames() const
{
    return { tr("Any review"), tr("Unreviewed"), tr("Reviewed"), tr("Flagged") };
}

bool ReviewFilters::active() const
{
    return !m_sessionId.isEmpty() || m_from.isValid() || m_to.isValid() || m_captureType != 0 || m_serverStatus != 0
        || !m_product.trimmed().isEmpty() || m_photo != Choice::Any || m_parseErrors != Choice::Any
        || m_review != Review::AnyReview || !m_search.trimmed().isEmpty();
}

void ReviewFilters::setSessionId(const QString &v)
{
    set(m_sessionId, v);
}
void ReviewFilters::setFromDate(const QDate &v)
{
    set(m_from, v);
}
void ReviewFilters::setToDate(const QDate &v)
{
    set(m_to, v);
}
void ReviewFilters::setCaptureType(int v)
{
    set(m_captureType, std::clamp(v, 0, int(kTypes.size()) - 1));
}
void ReviewFilters::setServerStatus(int v)
{
    set(m_serverStatus, std::clamp(v, 0, int(kStatuses.size()) - 1));
}
void ReviewFilters::setProduct(const QString &v)
{
    set(m_product, v);
}
void ReviewFilters::setPhoto(Choice v)
{
    set(m_photo, v);
}
void ReviewFilters::setParseErrors(Choice v)
{
    set(m_parseErrors, v);
}
void ReviewFilters::setReview(Review v)
{
    set(m_review, v);
}
void ReviewFilters::setSearch(const QString &v)
{
    set(m_search, v);
}
void ReviewFilters::setSortColumn(int v)
{
    set(m_sortColumn, std::clamp(v, 0, store::kReviewColumnCount - 1));
}
void ReviewFilters::setDescending(bool v)
{
    set(m_descending, v);
}

void ReviewFilters::clear()
{
    if (!active())
        return;
    m_sessionId.clear();
    m_from = {};
    m_to = {};
    m_captureType = 0;
    m_serverStatus = 0;
    m_product.clear();
    m_photo = Choice::Any;
    m_parseErrors = Choice::Any;
    m_review = Review::AnyReview;
    m_search.clear();
    Q_EMIT changed();
}

void ReviewFilters::sortBy(int column)
{
    if (column < 0 || column >= store::kReviewColumnCount)
        return;
    if (column == m_sortColumn) {
        setDescending(!m_descending);
        return;
    }
    const auto c = store::ReviewColumn(column);
    m_descending = c == store::ReviewColumn::Time || c == store::ReviewColumn::Photos;
    m_sortColumn = column;
    Q_EMIT changed();
}

store::ReviewFilter ReviewFilters::toFilter() const
{
    store::ReviewFilter f;
    f.sessionId = m_sessionId;
    if (m_from.isValid())
        f.from = m_from.startOfDay().toUTC();
    if (m_to.isValid())
        f.to = m_to.addDays(1).startOfDay().toUTC();
    f.captureType = kTypes.value(m_captureType);
    f.serverStatus = kStatuses.value(m_serverStatus);
    const QString product = m_product.trimmed();
    const bool digits
        = !product.isEmpty() && std::all_of(product.begin(), product.end(), [](QChar c) { return c.isDigit(); });
    if (digits) // a GTIN of any length is compared as its GTIN-14; a number that is none still filters (to nothing)
        f.gtin = gs1::checkGtin(product).ok() ? gs1::checkGtin(product).gtin14 : product;
    else
        f.brand = product;
    const auto choice
        = [](Choice c) { return c == Choice::Any ? std::nullopt : std::optional<bool>(c == Choice::Yes); };
    f.hasPhoto = choice(m_photo);
    f.hasParseErrors = choice(m_parseErrors);
    if (m_review != Review::AnyReview)
        f.review = m_review == Review::Reviewed ? store::ReviewState::Reviewed
            : m_review == Review::Flagged       ? store::ReviewState::Flagged
                                                : store::ReviewState::Unreviewed;
    f.search = m_search;
    f.sortColumn = store::ReviewColumn(m_sortColumn);
    f.descending = m_descending;
    return f;
}

} // namespace closient::models
