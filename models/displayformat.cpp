// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displayformat.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace closient::models {

QString formatDateTime(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), u"d MMM yyyy HH:mm"_s) : QString();
}

QString formatTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(u"HH:mm:ss"_s) : QString();
}

QString formatRelative(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return {};
    const qint64 secs = t.secsTo(now);
    if (secs < 60)
        return QCoreApplication::translate("Time", "just now");
    if (secs < 3600)
        return QCoreApplication::translate("Time", "%1 min ago").arg(secs / 60);
    if (secs < 86400)
        return QCoreApplication::translate("Time", "%1 h ago").arg(secs / 3600);
    return formatDateTime(t);
}

} // namespace closient::models
