// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"

#include <QObject>
#include <QTimer>
#include <QVariantMap>

namespace closient::store {

/**
 * The station's settings as the screens use them: read once when the store opens, then answered from memory with
 * the types and defaults of the one table (settingspec.h). A change is checked at once; only a value that differs
 * is kept, and the changes of a moment (typing in a search box, dragging an offset) are written together in one
 * transaction after a pause, so a keystroke costs no write. Whatever is still waiting is written when the object
 * goes, before the store closes.
 */
class Settings : public QObject
{
    Q_OBJECT
public:
    explicit Settings(Database *db, QObject *parent = nullptr);
    ~Settings() override;

    /// Reads every stored setting. Until it completes every value is its default.
    QFuture<Result<Done>> load();
    [[nodiscard]] bool isLoaded() const { return m_loaded; }

    /// The value as its type (int, bool, QString): what was set, else what is stored, else the table's default.
    [[nodiscard]] QVariant value(const QString &key) const;
    [[nodiscard]] int integer(const QString &key) const { return value(key).toInt(); }
    [[nodiscard]] bool boolean(const QString &key) const { return value(key).toBool(); }
    [[nodiscard]] QString text(const QString &key) const { return value(key).toString(); }

    /// Checks @p value against the table and keeps it; it is written with the others after the pause. A value
    /// equal to the current one changes nothing and writes nothing. Refusals say what is expected.
    [[nodiscard]] Result<Done> set(const QString &key, const QVariant &value);
    /// Writes every waiting change now, in one transaction.
    QFuture<Result<Done>> flush();
    /// How long changes wait for more before they are written (default 800 ms).
    void setDelay(int ms) { m_timer.setInterval(ms); }
    [[nodiscard]] int waitingCount() const { return int(m_dirty.size()); }

Q_SIGNALS:
    /// Every setting is known (after load()).
    void loaded();
    void changed(const QString &key);
    /// Waiting changes could not be written; they are kept and tried again with the next change.
    void saveFailed(const closient::Error &error);

private:
    Database *m_db;
    QVariantMap m_values; // stored or set, typed
    QStringList m_dirty; // keys set since the last write, in order
    QTimer m_timer;
    bool m_loaded = false;
};

} // namespace closient::store
