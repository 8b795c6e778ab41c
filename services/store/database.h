// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"
#include "types.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QSqlDatabase>
#include <QThread>

#include <atomic>
#include <memory>
#include <type_traits>

class QLockFile;

namespace closient::store {

/**
 * The local SQLite store: one database thread with one connection, every statement prepared, WAL with
 * synchronous=FULL so an acknowledged write survives a crash or a power cut. Callers hand it work with run()
 * and get a QFuture back; the GUI thread never waits.
 */
class Database : public QObject
{
    Q_OBJECT
public:
    /// Shared: reads and writes beside other programs (SQLite's locking is enough). Exclusive: as Shared, and a
    /// second Exclusive opener (another window) is refused. ReadOnly: nothing is ever written to an existing store
    /// (no transaction at open, SQLite opened read-only), so it works on a read-only file and beside a writer.
    enum class Access { Shared, Exclusive, ReadOnly };

    explicit Database(QObject *parent = nullptr);
    ~Database() override;

    /// The store of this user on this machine.
    [[nodiscard]] static QString defaultPath();

    /// Opens (or creates) the store at @p path on the database thread, checks it and brings its schema up to
    /// date. With Exclusive access a second program instance on the same file is refused. Never overwrites a
    /// file that is not a healthy Closient Station database. A new store is built in a private temporary file and
    /// linked into place only when complete, so two programs creating it at once both get the one store, and a
    /// failed creation leaves nothing behind. The file and the folders made for it are the user's only.
    QFuture<Result<Done>> open(const QString &path, Access access = Access::Shared);
    [[nodiscard]] QString path() const { return m_path; }
    /// Safe from any thread: the database thread sets it, views read it.
    [[nodiscard]] bool isOpen() const { return m_open.load(std::memory_order_acquire); }
    [[nodiscard]] bool isReadOnly() const { return m_access == Access::ReadOnly; }

    /// Runs @p fn(QSqlDatabase &) on the database thread. NOTE: fn runs on the database thread.
    template<typename Fn>
    auto run(Fn &&fn) -> QFuture<std::invoke_result_t<Fn, QSqlDatabase &>>
    {
        using T = std::invoke_result_t<Fn, QSqlDatabase &>;
        auto promise = std::make_shared<QPromise<T>>();
        promise->start(); // before the future leaves this function, or a waiter returns early
        auto future = promise->future();
        QMetaObject::invokeMethod(
            m_worker,
            [this, promise, fn = std::forward<Fn>(fn)]() mutable {
                QSqlDatabase db = connection();
                if constexpr (std::is_void_v<T>)
                    fn(db);
                else
                    promise->addResult(fn(db));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

Q_SIGNALS:
    // What changed, announced by the write itself after its commit. NOTE: emitted from the database thread; connect
    // with a receiver on another thread (queued).
    /// A session was created, ended, edited, expired, or its counts changed.
    void sessionChanged(const QString &sessionId);
    /// Idle sessions expired in a sweep (any number of them).
    void sessionsExpired();
    void captureAdded(const closient::store::Capture &capture);
    /// A capture was voided or corrected.
    void captureChanged(const closient::store::Capture &capture);
    /// A code was refused and kept as a rejection of @p sessionId.
    void captureRefused(const QString &sessionId);
    void settingsChanged();
    /// Lots or serials were added, imported, printed or voided.
    void labelItemsChanged();
    void printLogChanged();
    /// The store is open and usable: views load their data.
    void ready();
    /// Another program (the command line, a script) committed to the store: whatever is shown may be out of date.
    /// Only after watchOtherWriters().
    void changedElsewhere();

public:
    // For repositories. NOTE: call on the database thread, after the commit.
    void notifySessionChanged(const QString &sessionId) { Q_EMIT sessionChanged(sessionId); }
    void notifySessionsExpired() { Q_EMIT sessionsExpired(); }
    void notifyCaptureAdded(const Capture &capture) { Q_EMIT captureAdded(capture); }
    void notifyCaptureChanged(const Capture &capture) { Q_EMIT captureChanged(capture); }
    void notifyCaptureRefused(const QString &sessionId) { Q_EMIT captureRefused(sessionId); }
    void notifySettingsChanged() { Q_EMIT settingsChanged(); }
    void notifyLabelItemsChanged() { Q_EMIT labelItemsChanged(); }
    void notifyPrintLogChanged() { Q_EMIT printLogChanged(); }
    /// Tells views the store is open (the owner of the store calls this after open() succeeded).
    void notifyReady() { Q_EMIT ready(); }
    /// Looks every @p intervalMs for commits by other connections (SQLite's data_version) and announces them as
    /// changedElsewhere(). For a window that stays open while the command line writes to the same store.
    void watchOtherWriters(int intervalMs = 2000);

private:
    // NOTE: these run on the database thread.
    Result<Done> openOnThread(const QString &path, Access access);
    Result<QSqlDatabase> openConnection(const QString &path, bool readOnly, bool immutable = false);
    void closeConnection();
    Result<Done> initialise(QSqlDatabase &db, const QString &path);
    Result<Done> upgrade(QSqlDatabase &db, const QString &path);
    QSqlDatabase connection() const;

    QThread m_thread;
    QObject *m_worker = nullptr;
    QString m_path;
    QString m_connectionName;
    std::unique_ptr<QLockFile> m_lock;
    QStringList m_createdDirs; // folders this open made, removed again if it fails
    Access m_access = Access::Shared;
    std::atomic<bool> m_open = false; // written on the database thread, read on the GUI thread
};

} // namespace closient::store
