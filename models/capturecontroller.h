// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace closient::store {
class Database;
}

namespace closient::models {

/** Typed and pasted codes: a live parse preview while typing, and the capture when the operator presses Enter. */
class CaptureController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    explicit CaptureController(store::Database *db, QObject *parent = nullptr);

    static void setInstance(CaptureController *instance) { s_instance = instance; }
    static CaptureController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool busy() const { return m_pending > 0; }

    /// What @p text would capture as, without storing anything (see parsedisplay.h for the keys).
    Q_INVOKABLE QVariantMap preview(const QString &text) const;
    /// Captures @p text as a MANUAL capture; emits captured or rejected once the store has answered.
    Q_INVOKABLE void submitManual(const QString &sessionId, const QString &text);

Q_SIGNALS:
    void captured(const QString &sessionId, const QString &captureId, const QString &summary);
    void rejected(const QString &sessionId, const QString &rawValue, const QString &reason);
    void busyChanged();

private:
    static inline CaptureController *s_instance = nullptr;
    store::Database *m_db;
    int m_pending = 0;
};

} // namespace closient::models
