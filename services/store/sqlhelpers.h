// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QDateTime>
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

/// Prepares @p sql, binds the values in order and executes it. Every statement of the store goes through here.
[[nodiscard]] QSqlQuery exec(
    QSqlDatabase &db, const QString &sql, std::initializer_list<QVariant> values = {}, bool *ok = nullptr);
/// The plain-words error for a failed statement (locked, read-only, disk full, ...).
[[nodiscard]] StoreError sqlError(const QSqlError &error);

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
