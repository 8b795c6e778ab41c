// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testbase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace closient::test {

/** Runs the real closient-station binary, as a script or a person would. */
struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QList<QJsonObject> jsonLines() const
    {
        QList<QJsonObject> lines;
        for (const auto &l : out.split('\n')) {
            if (!l.trimmed().isEmpty())
                lines << QJsonDocument::fromJson(l).object();
        }
        return lines;
    }
};

inline QString stationBinary()
{
    return binaryDir() + QStringLiteral("/closient-station");
}

inline CliResult runCli(const QStringList &args, const QByteArray &input = {}, const QStringList &prefix = {})
{
    QProcess p;
    if (prefix.isEmpty()) {
        p.start(stationBinary(), args);
    } else {
        p.start(prefix.first(), prefix.mid(1) + QStringList { stationBinary() } + args);
    }
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError() };
}

} // namespace closient::test
