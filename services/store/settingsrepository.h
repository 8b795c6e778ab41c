// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "settingspec.h"

#include <QVariant>

namespace closient::store {

/** Workstation settings kept in the store, typed and checked against the one table of settings (settingspec.h):
 *  a write that does not fit is refused with the reason, a stored value that does not fit reads as the default. */
class SettingsRepository
{
public:
    explicit SettingsRepository(Database *db);

    /// Every setting with its type, allowed values and default (for the Settings screen and `settings keys`).
    [[nodiscard]] static const std::vector<SettingSpec> &specs() { return settingSpecs(); }
    /// The setting called @p key, or nullptr.
    [[nodiscard]] static const SettingSpec *spec(const QString &key) { return findSettingSpec(key); }
    [[nodiscard]] static QVariant defaultValue(const QString &key);

    /// The value as its type (int, bool, QString); the default when never set or when the stored text does not fit.
    QFuture<QVariant> value(const QString &key);
    /// Every known setting, typed (defaults for those never set), or why the store could not be read.
    QFuture<Result<QVariantMap>> all();
    /// Stores @p value after checking it; unknown keys and values that do not fit are refused with the reason.
    QFuture<Result<Done>> setValue(const QString &key, const QVariant &value);
    /// Stores every one of @p values in one transaction after checking them all: all are written or none.
    QFuture<Result<Done>> setValues(const QList<std::pair<QString, QVariant>> &values);

    /// NOTE: runs on the database thread; for repositories that need a setting inside their transaction.
    [[nodiscard]] static QVariant read(QSqlDatabase &db, const QString &key);

private:
    Database *m_db;
};

} // namespace closient::store
