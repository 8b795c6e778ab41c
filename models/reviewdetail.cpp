// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewdetail.h"

#include "displayformat.h"
#include "parsedisplay.h"
#include "parseresult.h"
#include "reviewmodel.h"
#include "stationidentity.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {

ReviewDetailView::Decision decision(const QString &status)
{
    if (status == u"ACCEPTED")
        return ReviewDetailView::Decision::Accepted;
    if (status == u"REJECTED")
        return ReviewDetailView::Decision::Rejected;
    return ReviewDetailView::Decision::Pending;
}

QString decisionText(ReviewDetailView::Decision d, bool applied)
{
    if (applied)
        return ReviewDetailView::tr("Accepted and applied");
    switch (d) {
    case ReviewDetailView::Decision::Accepted:
        return ReviewDetailView::tr("Accepted, not applied yet");
    case ReviewDetailView::Decision::Rejected:
        return ReviewDetailView::tr("Rejected");
    case ReviewDetailView::Decision::Pending:
        break;
    }
    return ReviewDetailView::tr("Waiting for a decision");
}

} // namespace

ReviewDetailView::ReviewDetailView(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{ }

void ReviewDetailView::load(const QString &id)
{
    const int read = ++m_reads;
    if (id.isEmpty()) {
        m_id.clear();
        show({});
        return;
    }
    store::ReviewRepository(m_db).detail(id).then(this, [this, read, id](const store::Result<store::ReviewDetail> &r) {
        if (read != m_reads)
            return;
        if (!r.ok()) {
            Q_EMIT message(r.error().message, true);
            return;
        }
        m_id = id;
        show(r.value());
    });
}

void ReviewDetailView::show(const store::ReviewDetail &d)
{
    const auto &row = d.row;
    m_loaded = !row.id.isEmpty();
    m_capture = { { u"id"_s, row.id }, { u"time"_s, formatDateTime(row.created) }, { u"session"_s, row.sessionName },
        { u"type"_s, ReviewModel::typeText(row.captureType) }, { u"code"_s, row.code }, { u"gtin"_s, row.gtin },
        { u"capturedGtin"_s, row.capturedGtin }, { u"gtinCorrected"_s, row.gtin != row.capturedGtin },
        { u"lot"_s, row.lot }, { u"expiry"_s, row.expiry }, { u"serial"_s, row.serial },
        { u"status"_s, ReviewModel::statusText(row.status) }, { u"serverError"_s, d.errorMessage },
        { u"mark"_s, QVariant::fromValue(ReviewModel::Mark(int(row.review))) },
        { u"markText"_s, ReviewModel::markText(row.review) }, { u"note"_s, row.note },
        { u"reviewedBy"_s, row.reviewedBy }, { u"reviewedText"_s, formatDateTime(row.reviewed) },
        { u"voided"_s, row.voided } };
    m_parse = m_loaded ? describeParse(gs1::ParseResult::fromJson(d.gs1)) : QVariantMap();
    m_product = d.product.toVariantMap();
    const auto meta = d.session.value(u"metadata"_s).toObject();
    QStringList metaLines;
    for (auto it = meta.begin(); it != meta.end(); ++it)
        metaLines << it.key() + u": "_s + it.value().toVariant().toString();
    m_session = { { u"name"_s, row.sessionName }, { u"status"_s, d.session.value(u"status"_s).toString() },
        { u"created"_s,
            formatDateTime(QDateTime::fromString(d.session.value(u"created"_s).toString(), Qt::ISODateWithMs)) },
        { u"ended"_s,
            formatDateTime(QDateTime::fromString(d.session.value(u"ended"_s).toString(), Qt::ISODateWithMs)) },
        { u"metadata"_s, metaLines } };
    m_photos.clear();
    const QDir storeDir = QFileInfo(m_db->path()).absoluteDir();
    for (const auto &p : d.photos)
        m_photos << QVariantMap { { u"url"_s, QUrl::fromLocalFile(storeDir.absoluteFilePath(p.path)) },
            { u"type"_s, p.type } };
    m_history.clear();
    for (const auto &h : d.history)
        m_history << QVariantMap { { u"status"_s, ReviewModel::statusText(h.status) },
            { u"time"_s, formatDateTime(h.observed) }, { u"error"_s, h.errorMessage },
            { u"product"_s, h.productName } };
    m_corrections.clear();
    for (const auto &c : d.corrections)
        m_corrections << QVariantMap { { u"from"_s, c.previousGtin }, { u"to"_s, c.correctedGtin }, { u"by"_s, c.by },
            { u"time"_s, formatDateTime(c.created) } };
    m_proposals.clear();
    m_canApply = false;
    for (const auto &p : d.proposals) {
        const auto dec = decision(p.status);
        const bool applied = p.applied.isValid();
        m_canApply = m_canApply || (dec == Decision::Accepted && !applied);
        m_proposals << QVariantMap { { u"id"_s, p.id }, { u"field"_s, p.field }, { u"current"_s, p.current },
            { u"proposed"_s, p.proposed }, { u"confidence"_s, p.confidence }, { u"reasoning"_s, p.reasoning },
            { u"source"_s, p.source }, { u"decision"_s, QVariant::fromValue(dec) },
            { u"decisionText"_s, decisionText(dec, applied) }, { u"applied"_s, applied },
            { u"decidable"_s, !applied } };
    }
    Q_EMIT changed();
}

template<typename T>
void ReviewDetailView::afterWrite(QFuture<store::Result<T>> future, const QString &done)
{
    const QString id = m_id;
    future.then(this, [this, id, done](const store::Result<T> &r) {
        if (!r.ok()) {
            Q_EMIT message(r.error().message, true);
            return;
        }
        Q_EMIT message(done, false);
        Q_EMIT captureChanged(id);
        if (id == m_id)
            reload();
    });
}

void ReviewDetailView::decide(const QString &proposalId, bool accept)
{
    afterWrite(store::ReviewRepository(m_db).decide(proposalId, accept, StationIdentity::current().user),
        accept ? tr("Proposal accepted; it is sent with the next sync.")
               : tr("Proposal rejected; it is sent with the next sync."));
}

void ReviewDetailView::applyProposals()
{
    if (m_id.isEmpty())
        return;
    afterWrite(store::ReviewRepository(m_db).apply(m_id), tr("The accepted proposals are applied with the next sync."));
}

void ReviewDetailView::correctGtin(const QString &gtin)
{
    if (m_id.isEmpty())
        return;
    afterWrite(store::ReviewRepository(m_db).correctGtin(m_id, gtin, StationIdentity::current().user),
        tr("GTIN corrected; the captured one is kept."));
}

} // namespace closient::models
