// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewrepository.h"

#include "gtin.h"
#include "outbox.h"
#include "sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <unordered_map>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

constexpr int kMaxNote = 500;

QSqlQuery run(QSqlDatabase &db, const QString &sql, const QVariantList &values, bool *ok)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    *ok = q.prepare(sql);
    if (*ok) {
        for (const auto &v : values)
            q.addBindValue(v);
        *ok = q.exec();
    }
    return q;
}

QDateTime time(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QStringList errorWords(const QVariant &errors)
{
    QStringList out;
    for (const auto &e : QJsonDocument::fromJson(errors.toByteArray()).array())
        out << e.toObject().value(u"message"_s).toString();
    return out;
}

const QString kRowSelect
    = u"SELECT c.rowid, c.id, c.created, c.session_id, "
      u"coalesce(json_extract(s.metadata, '$.name'), ''), c.capture_type, c.raw_value, "
      u"coalesce(r.gtin, c.gtin), c.gtin, coalesce(nullif(c.product_name, ''), p.product_name, ''), "
      u"coalesce(p.brand, ''), c.lot, c.expiry, c.serial, c.status, coalesce(r.state, 'UNREVIEWED'), "
      u"coalesce(r.note, ''), coalesce(r.reviewed_by, ''), r.modified, "
      u"(SELECT count(*) FROM photos ph WHERE ph.capture_id = c.id), "
      u"(SELECT ph.file_path FROM photos ph WHERE ph.capture_id = c.id ORDER BY ph.sort_order "
      u"LIMIT 1), CASE WHEN json_valid(c.gs1) THEN json_extract(c.gs1, '$.errors') END, "
      u"v.capture_id IS NOT NULL, c.gs1, c.error_message "
      u"FROM captures c JOIN sessions s ON s.id = c.session_id "
      u"LEFT JOIN capture_reviews r ON r.capture_id = c.id "
      u"LEFT JOIN products p ON p.gtin = coalesce(r.gtin, c.gtin) "
      u"LEFT JOIN capture_voids v ON v.capture_id = c.id "_s;

ReviewRow rowFrom(const QSqlQuery &q)
{
    ReviewRow r;
    r.id = q.value(1).toString();
    r.created = time(q.value(2));
    r.sessionId = q.value(3).toString();
    r.sessionName = q.value(4).toString();
    r.captureType = q.value(5).toString();
    r.code = q.value(6).toString();
    r.gtin = q.value(7).toString();
    r.capturedGtin = q.value(8).toString();
    r.productName = q.value(9).toString();
    r.brand = q.value(10).toString();
    r.lot = q.value(11).toString();
    r.expiry = q.value(12).toString();
    r.serial = q.value(13).toString();
    r.status = q.value(14).toString();
    r.review = reviewStateFromName(q.value(15).toString());
    r.note = q.value(16).toString();
    r.reviewedBy = q.value(17).toString();
    r.reviewed = time(q.value(18));
    r.photos = q.value(19).toInt();
    r.firstPhoto = q.value(20).toString();
    r.parseErrors = errorWords(q.value(21));
    r.voided = q.value(22).toBool();
    return r;
}

StoreError invalid(const QString &message)
{
    return StoreError { u"invalid"_s, message };
}

} // namespace

ReviewRepository::ReviewRepository(Database *db)
    : m_db(db)
{ }

Result<std::vector<ReviewRow>> ReviewRepository::fetchPage(
    QSqlDatabase &db, const ReviewFilter &filter, int offset, int limit)
{
    // Two steps: the rowids of the page (the only statement that touches every matching row), then the columns of
    // those rows alone, put back in the page's order.
    bool ok = false;
    bool broad = false;
    if (!ftsQuery(filter.search).isEmpty()) {
        const auto matches = searchMatchCountQuery(filter);
        auto n = run(db, matches.sql, matches.values, &ok);
        if (!ok || !n.next())
            return sqlError(n.lastError());
        broad = n.value(0).toInt() > kBroadSearch;
    }
    const auto page = reviewPageQuery(filter, offset, limit, broad);
    auto ids = run(db, page.sql, page.values, &ok);
    if (!ok)
        return sqlError(ids.lastError());
    std::unordered_map<qint64, std::size_t> position;
    QVariantList rowids;
    while (ids.next()) {
        position.emplace(ids.value(0).toLongLong(), std::size_t(rowids.size()));
        rowids << ids.value(0);
    }
    std::vector<ReviewRow> rows(rowids.size());
    if (rowids.isEmpty())
        return rows;
    QStringList marks(rowids.size(), u"?"_s);
    auto q = run(db, kRowSelect + u"WHERE c.rowid IN ("_s + marks.join(u',') + u')', rowids, &ok);
    if (!ok)
        return sqlError(q.lastError());
    while (q.next())
        rows[position.at(q.value(0).toLongLong())] = rowFrom(q);
    return rows;
}

Result<int> ReviewRepository::fetchCount(QSqlDatabase &db, const ReviewFilter &filter)
{
    const auto count = reviewCountQuery(filter);
    bool ok = false;
    auto q = run(db, count.sql, count.values, &ok);
    if (!ok || !q.next())
        return sqlError(q.lastError());
    return q.value(0).toInt();
}

Result<ReviewDetail> ReviewRepository::fetchDetail(QSqlDatabase &db, const QString &captureId)
{
    bool ok = false;
    auto q = run(db, kRowSelect + u"WHERE c.id = ?"_s, { captureId }, &ok);
    if (!ok)
        return sqlError(q.lastError());
    if (!q.next())
        return StoreError { u"not_found"_s, u"There is no capture %1."_s.arg(captureId) };
    ReviewDetail d;
    d.row = rowFrom(q);
    d.gs1 = QJsonDocument::fromJson(q.value(23).toByteArray()).object();
    d.errorMessage = q.value(24).toString();

    auto p
        = run(db, u"SELECT gtin, product_name, brand, description, image_url, fetched FROM products WHERE gtin = ?"_s,
            { d.row.gtin }, &ok);
    if (ok && p.next())
        d.product = { { u"gtin"_s, p.value(0).toString() }, { u"name"_s, p.value(1).toString() },
            { u"brand"_s, p.value(2).toString() }, { u"description"_s, p.value(3).toString() },
            { u"image_url"_s, p.value(4).toString() }, { u"fetched"_s, p.value(5).toString() } };
    auto s = run(db, u"SELECT id, status, capture_mode, metadata, created, ended FROM sessions WHERE id = ?"_s,
        { d.row.sessionId }, &ok);
    if (ok && s.next())
        d.session = { { u"id"_s, s.value(0).toString() }, { u"status"_s, s.value(1).toString() },
            { u"mode"_s, s.value(2).toString() },
            { u"metadata"_s, QJsonDocument::fromJson(s.value(3).toByteArray()).object() },
            { u"created"_s, s.value(4).toString() }, { u"ended"_s, s.value(5).toString() } };
    auto ph
        = run(db, u"SELECT id, file_path, photo_type FROM photos WHERE capture_id = ? ORDER BY sort_order, created"_s,
            { captureId }, &ok);
    while (ok && ph.next())
        d.photos.push_back({ ph.value(0).toString(), ph.value(1).toString(), ph.value(2).toString() });
    auto h = run(db,
        u"SELECT status, error_message, coalesce(product_name, ''), observed FROM capture_status_history "
        u"WHERE capture_id = ? ORDER BY id"_s,
        { captureId }, &ok);
    while (ok && h.next())
        d.history.push_back({ h.value(0).toString(), h.value(1).toString(), h.value(2).toString(), time(h.value(3)) });
    auto g = run(db,
        u"SELECT previous_gtin, corrected_gtin, corrected_by, created FROM capture_gtin_corrections "
        u"WHERE capture_id = ? ORDER BY id"_s,
        { captureId }, &ok);
    while (ok && g.next())
        d.corrections.push_back(
            { g.value(0).toString(), g.value(1).toString(), g.value(2).toString(), time(g.value(3)) });
    auto pr = run(db,
        u"SELECT id, field_name, current_value, proposed_value, confidence, reasoning, source, status, decided_by, "
        u"decided, applied FROM capture_proposals WHERE capture_id = ? ORDER BY created, id"_s,
        { captureId }, &ok);
    while (ok && pr.next())
        d.proposals.push_back({ pr.value(0).toString(), pr.value(1).toString(), pr.value(2).toString(),
            pr.value(3).toString(), pr.value(4).toString(), pr.value(5).toString(), pr.value(6).toString(),
            pr.value(7).toString(), pr.value(8).toString(), time(pr.value(9)), time(pr.value(10)) });
    if (!ok)
        return sqlError(pr.lastError());
    return d;
}

QFuture<Result<std::vector<ReviewRow>>> ReviewRepository::page(const ReviewFilter &filter, int offset, int limit)
{
    return m_db->run([filter, offset, limit](QSqlDatabase &db) { return fetchPage(db, filter, offset, limit); });
}

QFuture<Result<int>> ReviewRepository::count(const ReviewFilter &filter)
{
    return m_db->run([filter](QSqlDatabase &db) { return fetchCount(db, filter); });
}

QFuture<Result<ReviewDetail>> ReviewRepository::detail(const QString &captureId)
{
    return m_db->run([captureId](QSqlDatabase &db) { return fetchDetail(db, captureId); });
}

QFuture<Result<int>> ReviewRepository::mark(
    const QStringList &ids, ReviewState state, const QString &note, const QString &user)
{
    return m_db->run([ids, state, note = note.trimmed(), user](QSqlDatabase &db) -> Result<int> {
        if (ids.isEmpty())
            return invalid(u"Select at least one capture."_s);
        if (state == ReviewState::Flagged && note.isEmpty())
            return invalid(u"Say in a note what is wrong with the capture you flag."_s);
        if (note.size() > kMaxNote)
            return invalid(u"A note holds up to %1 characters; this one has %2."_s.arg(kMaxNote).arg(note.size()));
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        const QString now = nowIso();
        for (const auto &id : ids) {
            bool ok = false;
            auto known = exec(db, u"SELECT 1 FROM captures WHERE id = ?"_s, { id }, &ok);
            if (!ok)
                return sqlError(known.lastError());
            if (!known.next())
                return StoreError { u"not_found"_s, u"There is no capture %1; nothing was marked."_s.arg(id) };
            auto q = exec(db,
                u"INSERT INTO capture_reviews (capture_id, state, note, reviewed_by, modified) VALUES (?, ?, ?, ?, ?) "
                u"ON CONFLICT (capture_id) DO UPDATE SET state = excluded.state, note = excluded.note, "
                u"reviewed_by = excluded.reviewed_by, modified = excluded.modified"_s,
                { id, reviewStateName(state), note, user, now }, &ok);
            if (!ok)
                return sqlError(q.lastError());
        }
        if (!tx.commit())
            return sqlError(tx.lastError());
        return int(ids.size());
    });
}

QFuture<Result<Done>> ReviewRepository::correctGtin(const QString &captureId, const QString &gtin, const QString &user)
{
    return m_db->run([captureId, gtin = gtin.trimmed(), user](QSqlDatabase &db) -> Result<Done> {
        const auto check = gs1::checkGtin(gtin);
        if (!check.ok())
            return invalid(u"\"%1\" is not a GTIN: %2"_s.arg(gtin, check.error));
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        bool ok = false;
        auto cur = exec(db,
            u"SELECT coalesce(r.gtin, c.gtin) FROM captures c LEFT JOIN capture_reviews r ON r.capture_id = c.id "
            u"WHERE c.id = ?"_s,
            { captureId }, &ok);
        if (!ok)
            return sqlError(cur.lastError());
        if (!cur.next())
            return StoreError { u"not_found"_s, u"There is no capture %1."_s.arg(captureId) };
        const QString previous = cur.value(0).toString();
        if (previous == check.gtin14)
            return invalid(u"The capture already has the GTIN %1."_s.arg(check.gtin14));
        const QString now = nowIso();
        auto ins = exec(db,
            u"INSERT INTO capture_gtin_corrections (capture_id, previous_gtin, corrected_gtin, corrected_by, created) "
            u"VALUES (?, ?, ?, ?, ?)"_s,
            { captureId, previous, check.gtin14, user, now }, &ok);
        if (!ok)
            return sqlError(ins.lastError());
        auto up = exec(db,
            u"INSERT INTO capture_reviews (capture_id, gtin, reviewed_by, modified) VALUES (?, ?, ?, ?) "
            u"ON CONFLICT (capture_id) DO UPDATE SET gtin = excluded.gtin"_s,
            { captureId, check.gtin14, user, now }, &ok);
        if (!ok)
            return sqlError(up.lastError());
        if (!tx.commit())
            return sqlError(tx.lastError());
        return Done {};
    });
}

QFuture<Result<Done>> ReviewRepository::decide(const QString &proposalId, bool accept, const QString &user)
{
    return m_db->run([proposalId, accept, user](QSqlDatabase &db) -> Result<Done> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        bool ok = false;
        auto cur = exec(db, u"SELECT applied FROM capture_proposals WHERE id = ?"_s, { proposalId }, &ok);
        if (!ok)
            return sqlError(cur.lastError());
        if (!cur.next())
            return StoreError { u"not_found"_s, u"There is no proposal %1."_s.arg(proposalId) };
        if (!cur.value(0).isNull())
            return invalid(u"This proposal was already applied; its decision can no longer change."_s);
        const QString status = accept ? u"ACCEPTED"_s : u"REJECTED"_s;
        auto up = exec(db, u"UPDATE capture_proposals SET status = ?, decided_by = ?, decided = ? WHERE id = ?"_s,
            { status, user, nowIso(), proposalId }, &ok);
        if (!ok)
            return sqlError(up.lastError());
        if (auto queued = enqueueOutbox(db,
                OutboxEntry::make(OutboxEntity::Proposal, proposalId, OutboxOp::Decide, { { u"status"_s, status } }));
            !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        return Done {};
    });
}

QFuture<Result<int>> ReviewRepository::apply(const QString &captureId)
{
    return m_db->run([captureId](QSqlDatabase &db) -> Result<int> {
        Transaction tx(db);
        if (!tx.started())
            return sqlError(tx.lastError());
        bool ok = false;
        auto q = exec(db,
            u"SELECT id FROM capture_proposals WHERE capture_id = ? AND status = 'ACCEPTED' AND applied IS NULL "
            u"ORDER BY created, id"_s,
            { captureId }, &ok);
        if (!ok)
            return sqlError(q.lastError());
        QJsonArray accepted;
        while (q.next())
            accepted.append(q.value(0).toString());
        if (accepted.isEmpty())
            return invalid(u"Accept at least one proposal of this capture before applying."_s);
        auto up = exec(db,
            u"UPDATE capture_proposals SET applied = ? WHERE capture_id = ? AND status = 'ACCEPTED' "
            u"AND applied IS NULL"_s,
            { nowIso(), captureId }, &ok);
        if (!ok)
            return sqlError(up.lastError());
        if (auto queued = enqueueOutbox(db,
                OutboxEntry::make(
                    OutboxEntity::Capture, captureId, OutboxOp::Apply, { { u"proposal_ids"_s, accepted } }));
            !queued.ok())
            return queued.error();
        if (!tx.commit())
            return sqlError(tx.lastError());
        return int(accepted.size());
    });
}

} // namespace closient::store
