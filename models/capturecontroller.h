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
    Q_PROPERTY(QStringList voidReasons READ voidReasons CONSTANT)

public:
    explicit CaptureController(store::Database *db, QObject *parent = nullptr);

    static void setInstance(CaptureController *instance) { s_instance = instance; }
    static CaptureController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    /// The store the capture lists of the screens read (given to CaptureListModel as its source).
    [[nodiscard]] store::Database *database() const { return m_db; }
    /// Why a capture may be voided, in the order to offer them; the last ("Other") needs words of its own.
    [[nodiscard]] QStringList voidReasons() const;

    /// What @p text would capture as, without storing anything (see parsedisplay.h for the keys).
    Q_INVOKABLE QVariantMap preview(const QString &text) const;
    /// Captures @p text as a MANUAL capture; emits captured or rejected once the store has answered.
    Q_INVOKABLE void submitManual(const QString &sessionId, const QString &text);
    /// Voids a capture (kept, shown struck through, no longer counted) for @p reason, one of voidReasons() with
    /// words of its own after "Other: ". Emits corrected or correctionFailed.
    Q_INVOKABLE void voidCapture(const QString &sessionId, const QString &captureId, const QString &reason);
    /// Corrects a typed capture before it is sent; the old value is kept. Emits corrected or correctionFailed.
    Q_INVOKABLE void editCapture(const QString &sessionId, const QString &captureId, const QString &text);

Q_SIGNALS:
    void captured(const QString &sessionId, const QString &captureId, const QString &summary);
    void rejected(const QString &sessionId, const QString &rawValue, const QString &reason);
    void corrected(const QString &sessionId, const QString &captureId, const QString &message);
    void correctionFailed(const QString &sessionId, const QString &captureId, const QString &message);
    void busyChanged();

private:
    static inline CaptureController *s_instance = nullptr;
    store::Database *m_db;
    int m_pending = 0;
};

} // namespace closient::models
