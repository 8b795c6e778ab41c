// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationidentity.h"

#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closient {

namespace {
QString accountName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty()) {
        if (const passwd *pw = ::getpwuid(::geteuid()))
            name = QString::fromLocal8Bit(pw->pw_name);
    }
    return name.isEmpty() ? u"operator"_s : name;
}
} // namespace

const StationIdentity &StationIdentity::current()
{
    static const StationIdentity identity { accountName(),
        QSysInfo::machineHostName().isEmpty() ? u"workstation"_s : QSysInfo::machineHostName() };
    return identity;
}

} // namespace closient
