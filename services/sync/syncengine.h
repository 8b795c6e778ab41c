// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"
#include "httpclient.h"
#include "outbox.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>
#include <vector>

namespace closient::store {
class Database;
}

namespace closient::sync {

/** How the engine works; the defaults are the product's. */
struct SyncOptions
{
    /// Where the server's id of a created session or capture is read, in order (reference §8.2: the documented
    /// schemas show neither; the sandbox answers both). Setting: sync.id_fields.
    QStringList idFields { QStringLiteral("id"), QStringLiteral("short_id") };
    Backoff::Options backoff;
    quint32 backoffSeed = 0; // 0: random
    /// In a single drain: give up as offline after this many requests in a row that could not reach the server.
    int offlineAfter = 4;
    /// After the outbox is drained, ask the server what became of the captures (status walk, proposals, products,
    /// freshness) and of the sessions.
    bool pull = true;
    int pullBatch = 40; // captures asked about per round, so pulling never crowds out sending
    /// A continuous run looks for new outbox rows and pulls again this often.
    int pollIntervalMs = 5000;
};

/** One row the server refused for good: kept, with the server's words, until a person retries or discards it. */
struct ParkedRow
{
    qint64 seq = 0;
    QString entity;
    QString entityId;
    QString op;
    QString error;
    [[nodiscard]] QJsonObject toJson() const;
};

/** What one drain did and what is left. */
struct DrainReport
{
    int sent = 0; // rows the server now has (answered, or found by reading back)
    int foundByReadBack = 0; // of which the server already had after an ambiguous failure
    int resent = 0; // rows sent again after reading back showed the server lacked them
    int remaining = 0; // rows not sent and not parked (offline, waiting for a parked row, stopped)
    std::vector<ParkedRow> parked;
    QString stopReason; // empty: drained; offline, unauthorized, stopped, store
    QString message; // the reason in words, for the person at the desk

    [[nodiscard]] bool empty() const { return remaining == 0 && parked.empty() && stopReason.isEmpty(); }
};

/**
 * Drains the outbox to Closient and pulls back what the server says. It lives on the sync thread beside its
 * HttpClient (the answers come there); store work runs on the database thread and is waited for briefly.
 *
 * Order: rows go in outbox order, except that a row waits while an earlier row of the same entity is not done, a
 * capture waits for its session's server id, and a session's end waits for the session's earlier captures; a row
 * that waits for a parked row waits, the others go on. Each row is marked in_flight (attempts + 1) before it is
 * sent and done (with the server id it brought) after, each in one transaction. A row found in_flight (an ambiguous
 * failure: no answer, a 5xx, a kill in between) is read back before it is sent again: a capture is looked for in its
 * session's detail by metadata.station_id, an end by the session's status. Every created object carries
 * metadata.station_id = its local id; Idempotency-Key is sent and never counted on.
 */
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    SyncEngine(store::Database *db, HttpClient *client, SyncOptions options = {}, QObject *parent = nullptr);
    ~SyncEngine() override;

    /// How long a new run waits at @p nowMs (ms since epoch) for the window of the last answer's rate limit
    /// (@p rate: remaining, reset_seconds, time) to reset: only when 8 or fewer requests were left, as many as a
    /// stopped run may have had counted unseen; never more than kMaxWindowWaitMs; 0 when it need not.
    [[nodiscard]] static qint64 windowWaitMs(const QJsonObject &rate, qint64 nowMs);
    static constexpr qint64 kMaxWindowWaitMs = 120000;

    /// Starts draining. @p once: stop when nothing more can be sent (finished() tells what is left); otherwise keep
    /// going until stop(). NOTE: call on the engine's thread (QMetaObject::invokeMethod).
    void start(bool once);
    /// Stops after the request on the wire (its answer is still recorded); finished() follows.
    void stop();
    [[nodiscard]] bool running() const { return m_running; }
    /// Looks at the outbox now instead of at the next poll (new rows, a retried row). NOTE: on the engine's thread.
    void wake();

Q_SIGNALS:
    /// Rows sent in this run and rows still open. NOTE: emitted on the sync thread.
    void progress(int sent, int open);
    /// The run ended (once mode, stop(), a refused key). NOTE: emitted on the sync thread.
    void finished(const closient::sync::DrainReport &report);
    /// A row changed state or the server said something new (for the Sync page).
    void changed();

private:
    struct Row
    {
        store::OutboxEntry entry;
        qint64 nextAttemptMs = 0; // ms since epoch; 0: now
    };

    void pass();
    void walk();
    void finishPass();
    void process(const Row &row);
    void send(const Row &row, bool afterReadBack);
    /// A read-back without a usable answer: parks the row, stops the run or backs off, as the answer says; false
    /// when the answer is usable.
    bool readBackFailed(const Row &row, const ApiReply &reply);
    /// How long the first request of a new run waits for the key's window to reset (0: not at all), from the
    /// last answer's rate limit as the store keeps it.
    [[nodiscard]] qint64 lastWindowWaitMs() const;
    void readBackCapture(const Row &row);
    void readBackEnd(const Row &row);
    void onReply(const Row &row, const ApiReply &reply, bool afterReadBack);
    void markDone(const Row &row, const QString &serverId, const QString &note, const ApiReply *reply);
    void park(const Row &row, const QString &message);
    void retryLater(const Row &row, const ApiReply &reply, bool keepInFlight);
    void rowNotDone(const Row &row);
    void stopWith(const QString &reason, const QString &message);
    void endRun();
    void pullRound(const std::function<void()> &then);
    [[nodiscard]] QString serverId(store::OutboxEntity entity, const QString &localId) const;
    [[nodiscard]] static QString key(store::OutboxEntity entity, const QString &localId);
    [[nodiscard]] QString idFrom(const QJsonObject &o) const;

    store::Database *m_db;
    HttpClient *m_client;
    SyncOptions m_options;
    Backoff m_backoff;
    QTimer m_timer;
    bool m_running = false;
    bool m_once = false;
    bool m_stopRequested = false;
    bool m_busy = false; // a pass is walking

    // The current pass.
    std::vector<Row> m_rows;
    std::size_t m_index = 0;
    QHash<QString, QString> m_serverIds; // "session:<local id>" → server id
    QSet<QString> m_blocked; // entities with an earlier row not done
    QHash<QString, int> m_openCaptures; // session local id → capture creates still open
    int m_progressInPass = 0;
    std::optional<qint64> m_earliestDue;
    int m_notSentInARow = 0;

    DrainReport m_report;
};

/** What `sync status` and the Sync page show, read from the store (no request). */
struct SyncStatus
{
    struct Counts
    {
        int pending = 0;
        int inFlight = 0;
        int parked = 0;
    };
    QMap<QString, Counts> byKind; // "session create", "capture create" ...
    std::vector<ParkedRow> parked;
    QJsonObject lastSuccess; // {time, entity, op}
    QJsonObject lastError; // {time, message, entity, op}
    QJsonObject rateLimit; // as the last answer said: {limit, remaining, reset_seconds, policy, time}

    [[nodiscard]] int open() const;
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads it on the database thread; the future never waits for the network.
    [[nodiscard]] static QFuture<Result<SyncStatus>> load(store::Database *db);
    /// The same, waited for (headless commands and the sync thread).
    [[nodiscard]] static Result<SyncStatus> read(store::Database *db) { return load(db).result(); }
};

/// Parked rows go back to pending (attempts kept) so the next drain sends them again; @p seq 0: all of them.
[[nodiscard]] Result<int> retryParked(store::Database *db, qint64 seq = 0);
/// Removes a parked row for good (the local record stays; Closient will not hear of this change).
[[nodiscard]] Result<Done> discardParked(store::Database *db, qint64 seq);

} // namespace closient::sync

Q_DECLARE_METATYPE(closient::sync::DrainReport)
