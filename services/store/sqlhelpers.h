// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <utility>

namespace closient::store {

/// Now, in UTC, as the store writes every timestamp (ISO 8601 with milliseconds, sortable as text).
[[nodiscard]] QString nowIso();
[[nodiscard]] QString isoTime(const QDateTime &t);
/// A new local row id (UUID without braces).
[[nodiscard]] QString newId();
/// The LIKE pattern for "holds @p text" with %, _ and \ in it taken as they are: use it with ESCAPE '\'.
[[nodiscard]] QString likeContains(const QString &text);

/// Prepares @p sql, binds the values in order and executes it. Every statement of the store goes through here.
/// Inside a ReusedStatements scope on the same connection, a statement already prepared there is run again instead.
[[nodiscard]] QSqlQuery exec(
    QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {}, bool *ok = nullptr);

/**
 * While it lives, exec() on this thread's @p db prepares each SQL text once and runs it again with new values:
 * preparing is most of the cost of a small statement run for each of thousands of rows (a CSV of serials, a
 * print log). A query exec() returned is good until exec() runs the same SQL again, which is how a loop reads
 * it; scopes nest, the innermost is used.
 */
class ReusedStatements
{
public:
    explicit ReusedStatements(QSqlDatabase &db);
    ~ReusedStatements();
    ReusedStatements(const ReusedStatements &) = delete;
    ReusedStatements &operator=(const ReusedStatements &) = delete;

    /// The prepared query for @p sql on @p db, or nullptr when this scope is for another connection or it
    /// cannot be prepared (exec() then reports the error as usual).
    [[nodiscard]] static QSqlQuery *prepared(QSqlDatabase &db, const QString &sql);

private:
    QString m_connection;
    QHash<QString, QSqlQuery> m_queries;
    ReusedStatements *m_outer = nullptr;
};
/// The first value of a statement without parameters (a PRAGMA, a count); empty, and @p error set, when it fails.
[[nodiscard]] QString scalar(QSqlDatabase &db, const QString &sql, QSqlError *error = nullptr);
/// The plain-words error for a failed statement (locked, read-only, disk full, ...). On a store's database thread it
/// also knows the store's volume and the system error behind an I/O failure, so a full disk is named as one (an
/// SQLITE_FULL, or an I/O error whose cause was ENOSPC or EDQUOT) and never as damage.
[[nodiscard]] StoreError sqlError(const QSqlError &error);
/// "The disk is full: free some space on <volume> ...": retryable, and nothing already saved is lost. @p advice
/// says what was not done (by default: this change was not saved).
[[nodiscard]] StoreError diskFullError(const QString &path, const QString &advice = {});
/// The mount point holding @p path (what a person frees space on).
[[nodiscard]] QString volumeOf(const QString &path);
/// True when the last failed system call of the store's connection on this thread ran out of space.
[[nodiscard]] bool lastFailureWasNoSpace();

/// Tells sqlError() which store this thread works on: its file and its SQLite handle (nullptr to forget).
/// NOTE: called by Database on its own thread; one store per thread.
void setThreadStore(const QString &path, void *sqliteHandle);
/// The SQLite handle under a Qt connection.
[[nodiscard]] void *sqliteHandle(const QSqlDatabase &db);

/** Commits on commit(), rolls back otherwise: every multi-row write runs inside one. */
class Transaction
{
public:
    explicit Transaction(QSqlDatabase &db);
    ~Transaction();
    [[nodiscard]] bool started() const { return m_started; }
    [[nodiscard]] bool commit();
    [[nodiscard]] QSqlError lastError() const { return m_error; }

private:
    QSqlDatabase &m_db;
    bool m_started = false;
    bool m_done = false;
    QSqlError m_error;
};

} // namespace closient::store
