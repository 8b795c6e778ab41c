// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusmessage.h"

using namespace Qt::StringLiterals;

namespace closient::models {

StatusMessage::StatusMessage(QObject *parent)
    : QObject(parent)
{ }

void StatusMessage::show(Severity severity, const QString &text, const QStringList &details)
{
    QStringList shown = details.mid(0, kMaxDetails);
    if (details.size() > kMaxDetails)
        shown << tr("… and %1 more").arg(details.size() - kMaxDetails);
    if (text.isEmpty())
        severity = Severity::None; // no words, no message
    if (severity == m_severity && text == m_text && shown == m_details)
        return;
    m_severity = severity;
    m_text = text;
    m_details = shown;
    Q_EMIT changed();
}

void StatusMessage::report(const QString &what, const Error &error)
{
    show(error.retryable ? Severity::Warning : Severity::Error,
        what.isEmpty() ? error.message : u"%1: %2"_s.arg(what, error.message));
}

void StatusMessage::clear()
{
    show(Severity::None, {});
}

} // namespace closient::models
