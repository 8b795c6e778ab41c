// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The second opinion on EPCIS documents: Debian's python3-jsonschema with GS1's schema (the copy the station
// compiles in), through tests/data/epcis/jsonschema_check.py.

#include "testbase.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>

namespace closient::test {

inline QString epcisSchemaFile()
{
    return QDir(dataDir()).absoluteFilePath(QStringLiteral("../../services/epcis/schema/EPCIS-JSON-Schema.json"));
}

/// A python3 that can import jsonschema: Debian's (python3-jsonschema, see scripts/common.sh) first.
inline QString pythonWithJsonschema()
{
    QStringList candidates { QStringLiteral("/usr/bin/python3") };
    if (const auto inPath = QStandardPaths::findExecutable(QStringLiteral("python3")); !inPath.isEmpty())
        candidates << inPath;
    for (const auto &python : candidates) {
        QProcess p;
        p.start(python, { QStringLiteral("-c"), QStringLiteral("import jsonschema") });
        if (p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return python;
    }
    return {};
}

/// Each file's verdict: "ok", or "invalid" and python-jsonschema's first reason after a tab. Empty on failure.
inline QHash<QString, QString> jsonschemaVerdicts(const QStringList &files, QString *why)
{
    const auto python = pythonWithJsonschema();
    if (python.isEmpty()) {
        *why = QStringLiteral("no python3 with jsonschema: install python3-jsonschema");
        return {};
    }
    QProcess p;
    p.start(python, QStringList { dataFile(QStringLiteral("epcis/jsonschema_check.py")), epcisSchemaFile() } + files);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *why = QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QHash<QString, QString> verdicts;
    for (const auto &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto tab = line.indexOf(QLatin1Char('\t'));
        verdicts.insert(QFileInfo(line.left(tab)).absoluteFilePath(), line.mid(tab + 1));
    }
    return verdicts;
}

} // namespace closient::test
