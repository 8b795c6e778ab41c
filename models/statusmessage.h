// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

namespace closient::models {

/**
 * What a screen tells the person at the desk about the last thing it did: one text, how it went, and a few
 * details. Every controller owns one; screens show it the same way, and no failure goes unsaid.
 */
class StatusMessage : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Each controller has its own status message.")
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(Severity severity READ severity NOTIFY changed)
    Q_PROPERTY(QStringList details READ details NOTIFY changed)
    Q_PROPERTY(bool visible READ visible NOTIFY changed)

public:
    enum class Severity { None, Info, Good, Warning, Error };
    Q_ENUM(Severity)

    /// Details shown at most; the rest are counted ("… and 3 more").
    static constexpr int kMaxDetails = 4;

    explicit StatusMessage(QObject *parent = nullptr);

    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] Severity severity() const { return m_severity; }
    [[nodiscard]] QStringList details() const { return m_details; }
    [[nodiscard]] bool visible() const { return m_severity != Severity::None && !m_text.isEmpty(); }

    void show(Severity severity, const QString &text, const QStringList &details = {});
    void good(const QString &text) { show(Severity::Good, text); }
    void warn(const QString &text, const QStringList &details = {}) { show(Severity::Warning, text, details); }
    void error(const QString &text, const QStringList &details = {}) { show(Severity::Error, text, details); }
    /// "@p what: the error's message": a retryable error is a warning (trying again later can work).
    void report(const QString &what, const Error &error);
    Q_INVOKABLE void clear();

Q_SIGNALS:
    void changed();

private:
    QString m_text;
    Severity m_severity = Severity::None;
    QStringList m_details;
};

} // namespace closient::models
