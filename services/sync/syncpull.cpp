// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncpull.h"

#include "syncengine.h"

#include "capturerepository.h"
#include "database.h"
#include "productrepository.h"
#include "sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace closient::sync {

namespace {

const QStringList kCaptureStatuses { u"PENDING"_s, u"LOOKING_UP"_s, u"ENRICHING"_s, u"RESOLVING"_s, u"COMPLETED"_s,
    u"FAILED"_s, u"NOT_FOUND"_s };
const QStringList kFinal { u"COMPLETED"_s, u"FAILED"_s, u"NOT_FOUND"_s };

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return u"{}"_s;
}

QVariant textOrNull(const QJsonValue &v)
{
    return v.isString() ? QVariant(v.toString()) : QVariant();
}

struct CaptureToAsk
{
    QString id;
    QString serverId;
    QString status;
    QString gtin;
};

struct SessionToAsk
{
    QString id;
    QString serverId;
};

} // namespace

SyncPull::SyncPull(store::Database *db, HttpClient *client, const SyncOptions &options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_batch(options.pullBatch)
    , m_idFields(options.idFields)
{ }

QString SyncPull::idOf(const QJsonObject &o) const
{
    for (const auto &field : m_idFields) {
        if (const auto v = o.value(field); v.isString() && !v.toString().isEmpty())
            return v.toString();
    }
    return {};
}

void SyncPull::start()
{
    const int batch = m_batch;
    const auto captures
        = m_db->run([batch](QSqlDatabase &db) {
                  std::vector<CaptureToAsk> out;
                  auto q = store::exec(db,
                      u"SELECT id, server_id, status, gtin FROM captures WHERE server_id IS NOT NULL AND status NOT IN "
                      u"('COMPLETED', 'FAILED', 'NOT_FOUND') ORDER BY created LIMIT ?"_s,
                      { batch });
                  while (q.next())
                      out.push_back({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString() });
                  return out;
              })
              .result();
    for (const auto &c : captures) {
        enqueue(ApiRequest::get(u"/scanner/api/v1/captures/"_s + c.serverId),
            [this, c](const ApiReply &reply) { captureAnswered(c.id, c.status, c.gtin, reply); });
    }
    const auto sessions
        = m_db->run([batch](QSqlDatabase &db) {
                  std::vector<SessionToAsk> out;
                  auto q = store::exec(db,
                      u"SELECT id, server_id FROM sessions WHERE server_id IS NOT NULL AND status = 'ACTIVE' "
                      u"ORDER BY last_activity DESC LIMIT ?"_s,
                      { batch });
                  while (q.next())
                      out.push_back({ q.value(0).toString(), q.value(1).toString() });
                  return out;
              })
              .result();
    for (const auto &s : sessions) {
        enqueue(ApiRequest::get(u"/scanner/api/v1/sessions/"_s + s.serverId + u"/status"_s),
            [this, id = s.id](const ApiReply &reply) {
                if (!reply.ok())
                    return;
                const auto o = reply.json();
                const QString status = o.value(u"session_status"_s).toString();
                const QString extraction = o.value(u"extraction_status"_s).toString();
                if (status.isEmpty())
                    return;
                const int n
                    = m_db->run([id, status, extraction](QSqlDatabase &db) {
                              bool ok = false;
                              auto q = store::exec(db,
                                  u"UPDATE sessions SET status = CASE WHEN ? IN ('COMPLETED', 'EXPIRED') THEN ? ELSE "
                                  u"status END, "
                                  u"extraction_status = coalesce(nullif(?, ''), extraction_status), modified = ? "
                                  u"WHERE id = ? AND (status != ? OR extraction_status != ?)"_s,
                                  { status, status, extraction, store::nowIso(), id, status, extraction }, &ok);
                              return ok ? q.numRowsAffected() : 0;
                          })
                          .result();
                m_changed += n;
                if (n > 0)
                    m_db->notifySessionChanged(id);
            });
    }
    next();
}

void SyncPull::enqueue(ApiRequest request, Handler handler)
{
    m_queue.emplace_back(std::move(request), std::move(handler));
}

void SyncPull::next()
{
    if (m_queue.empty()) {
        Q_EMIT finished(m_changed, m_error);
        return;
    }
    auto [request, handler] = std::move(m_queue.front());
    m_queue.pop_front();
    m_client->send(std::move(request)).then(this, [this, handler = std::move(handler)](const ApiReply &reply) {
        if (!reply.ok()) {
            m_error = reply.message();
            if (reply.disposition() == ApiReply::Disposition::AuthFailure
                || reply.delivery == ApiReply::Delivery::NotSent) {
                m_queue.clear(); // nothing more will pass this round
            }
        }
        handler(reply);
        next();
    });
}

void SyncPull::captureAnswered(
    const QString &localId, const QString &oldStatus, const QString &gtin, const ApiReply &reply)
{
    if (!reply.ok())
        return;
    const auto o = reply.json();
    const QString status = o.value(u"status"_s).toString();
    if (!kCaptureStatuses.contains(status)) {
        qCWarning(lcSync) << "capture" << localId << "has a status this version does not know:" << status;
        return;
    }
    const auto written
        = m_db->run([localId, status, o](QSqlDatabase &db) -> Result<bool> {
                  store::Transaction tx(db);
                  bool ok = false;
                  auto q = store::exec(db,
                      u"UPDATE captures SET status = ?, product_name = ?, product_short_id = ?, processed_at = ?, "
                      u"error_message = ? WHERE id = ?"_s,
                      { status, textOrNull(o.value(u"product_name"_s)), textOrNull(o.value(u"product_short_id"_s)),
                          textOrNull(o.value(u"processed_at"_s)), o.value(u"error_message"_s).toString(), localId },
                      &ok);
                  if (!ok)
                      return store::sqlError(q.lastError());
                  auto last = store::exec(db,
                      u"SELECT status FROM capture_status_history WHERE capture_id = ? ORDER BY id DESC LIMIT 1"_s,
                      { localId }, &ok);
                  const bool seen = ok && last.next() && last.value(0).toString() == status;
                  if (!seen) {
                      q = store::exec(db,
                          u"INSERT INTO capture_status_history (capture_id, status, error_message, product_name, "
                          u"observed) "
                          u"VALUES (?, ?, ?, ?, ?)"_s,
                          { localId, status, o.value(u"error_message"_s).toString(),
                              textOrNull(o.value(u"product_name"_s)), store::nowIso() },
                          &ok);
                      if (!ok)
                          return store::sqlError(q.lastError());
                  }
                  if (!tx.commit())
                      return store::sqlError(tx.lastError());
                  return !seen;
              })
              .result();
    if (!written.ok()) {
        m_error = written.error().message;
        return;
    }
    if (written.value()) {
        m_changed += 1;
        // The screens showing this capture hear of its new status and product name.
        const auto loaded = store::CaptureRepository(m_db).get(localId).result();
        if (loaded.ok())
            m_db->notifyCaptureChanged(loaded.value());
    }
    if (oldStatus == status || !kFinal.contains(status))
        return;
    // The capture reached its end: what the server made of it.
    const QString serverId = idOf(o);
    if (status == u"COMPLETED"_s && !serverId.isEmpty()) {
        enqueue(ApiRequest::get(u"/scanner/api/v1/captures/"_s + serverId + u"/proposals"_s),
            [this, localId](const ApiReply &r) {
                if (!r.ok())
                    return;
                const auto list = QJsonDocument::fromJson(r.body).array();
                const auto n
                    = m_db->run([localId, list](QSqlDatabase &db) -> Result<int> {
                              store::Transaction tx(db);
                              int changed = 0;
                              for (const auto &v : list) {
                                  const auto p = v.toObject();
                                  const QString status = p.value(u"status"_s).toString(u"PENDING"_s);
                                  bool ok = false;
                                  // The local decision (status, decided) is this station's until it is sent: only an
                                  // undecided row takes the server's status.
                                  auto q = store::exec(db,
                                      u"INSERT INTO capture_proposals (id, capture_id, field_name, current_value, "
                                      u"proposed_value, "
                                      u"confidence, reasoning, source, server_status, status, metadata, created, "
                                      u"reviewed_at, "
                                      u"received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) "
                                      u"DO UPDATE SET "
                                      u"current_value = excluded.current_value, proposed_value = "
                                      u"excluded.proposed_value, "
                                      u"confidence = excluded.confidence, reasoning = excluded.reasoning, "
                                      u"source = excluded.source, server_status = excluded.server_status, "
                                      u"status = CASE WHEN capture_proposals.decided IS NULL THEN excluded.status "
                                      u"ELSE capture_proposals.status END, metadata = excluded.metadata, "
                                      u"reviewed_at = excluded.reviewed_at, received = excluded.received"_s,
                                      { p.value(u"id"_s).toString(), localId, p.value(u"field_name"_s).toString(),
                                          p.value(u"current_value"_s).toString(),
                                          p.value(u"proposed_value"_s).toString(), p.value(u"confidence"_s).toString(),
                                          p.value(u"reasoning"_s).toString(), p.value(u"source"_s).toString(), status,
                                          status, compact(p.value(u"metadata"_s)),
                                          p.value(u"created"_s).toString(store::nowIso()),
                                          textOrNull(p.value(u"reviewed_at"_s)), store::nowIso() },
                                      &ok);
                                  if (!ok)
                                      return store::sqlError(q.lastError());
                                  ++changed;
                              }
                              if (!tx.commit())
                                  return store::sqlError(tx.lastError());
                              return changed;
                          })
                          .result();
                if (n.ok())
                    m_changed += n.value();
                else
                    m_error = n.error().message;
            });
    }
    if (gtin.size() != 14)
        return;
    const auto cached = m_db->run([gtin](QSqlDatabase &db) {
                                const bool p = store::ProductRepository::knownToClosient(db, gtin);
                                auto f
                                    = store::exec(db, u"SELECT 1 FROM freshness_thresholds WHERE gtin = ?"_s, { gtin });
                                return std::pair { p, f.next() };
                            })
                            .result();
    if (!cached.first && status == u"COMPLETED"_s) {
        enqueue(ApiRequest::get(u"/products/api/v1/products/"_s + gtin), [this, gtin](const ApiReply &r) {
            if (!r.ok())
                return;
            const auto p = r.json();
            // Closient's values are stored whole; a local edit of the product keeps being shown until cleared.
            const bool ok = m_db->run([gtin, p](QSqlDatabase &db) {
                                    return store::ProductRepository::storeFromClosient(db, gtin, p, compact(p)).ok();
                                })
                                .result();
            m_changed += ok ? 1 : 0;
        });
    }
    if (!cached.second) {
        QUrlQuery query;
        query.addQueryItem(u"gtin"_s, gtin);
        enqueue(ApiRequest::get(u"/scanner/api/v1/freshness-thresholds"_s, query), [this, gtin](const ApiReply &r) {
            if (!r.ok())
                return;
            const auto f = r.json();
            const bool ok = m_db->run([gtin, f](QSqlDatabase &db) {
                                    bool good = false;
                                    auto q = store::exec(db,
                                        u"INSERT INTO freshness_thresholds (gtin, data, fetched) VALUES (?, ?, ?) ON "
                                        u"CONFLICT (gtin) "
                                        u"DO UPDATE SET data = excluded.data, fetched = excluded.fetched"_s,
                                        { gtin, compact(f), store::nowIso() }, &good);
                                    return good;
                                })
                                .result();
            m_changed += ok ? 1 : 0;
        });
    }
}

} // namespace closient::sync
