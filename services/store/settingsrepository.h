// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QVariant>

namespace closient::store {

/** Workstation settings kept in the store, with the product's defaults for keys never set. */
class SettingsRepository
{
public:
    explicit SettingsRepository(Database *db);

    [[nodiscard]] static QVariant defaultValue(const QString &key);
    QFuture<QVariant> value(const QString &key);
    QFuture<QVariantMap> all();
    QFuture<Result<Done>> setValue(const QString &key, const QVariant &value);

    /// NOTE: runs on the database thread; for repositories that need a setting inside their transaction.
    [[nodiscard]] static QVariant read(QSqlDatabase &db, const QString &key);

private:
    Database *m_db;
};

} // namespace closient::store
