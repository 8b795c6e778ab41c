// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpclient.h"

#include <QObject>

#include <deque>
#include <functional>

namespace closient::store {
class Database;
}

namespace closient::sync {

struct SyncOptions;

/**
 * One round of asking Closient what became of what the station sent: the status walk of unfinished captures
 * (status, product name, processed_at, one capture_status_history row per status seen), and when a capture reaches
 * its end, its enrichment proposals (capture_proposals: server_status always, the local decision `status` only while
 * none was taken here), its product by GTIN (products cache) and its freshness rule (freshness_thresholds); then the
 * status of sessions still ACTIVE here (EXPIRED or COMPLETED on the server is taken over, with extraction_status).
 * Each answer is written in its own transaction. Requests go one after another through the governor.
 * NOTE: lives on the sync thread; answers come there, so nothing here waits for the network.
 */
class SyncPull : public QObject
{
    Q_OBJECT
public:
    SyncPull(store::Database *db, HttpClient *client, const SyncOptions &options, QObject *parent = nullptr);

    /// Starts a round; finished() follows with the number of rows that changed.
    void start();

Q_SIGNALS:
    void finished(int changed, const QString &error);

private:
    using Handler = std::function<void(const ApiReply &)>;
    void enqueue(ApiRequest request, Handler handler);
    void next();
    [[nodiscard]] QString idOf(const QJsonObject &o) const;
    void captureAnswered(const QString &localId, const QString &oldStatus, const QString &gtin, const ApiReply &reply);

    store::Database *m_db;
    HttpClient *m_client;
    int m_batch;
    QStringList m_idFields;
    std::deque<std::pair<ApiRequest, Handler>> m_queue;
    int m_changed = 0;
    QString m_error;
};

} // namespace closient::sync
