// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "machine.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {
QString firstMatch(const QString &file, const QString &pattern)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const auto m
        = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(QString::fromUtf8(f.readAll()));
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}
} // namespace

QString machineDescription()
{
    const QString cpu = firstMatch(u"/proc/cpuinfo"_s, u"^model name\\s*:\\s*(.*)$"_s);
    const QString memKb = firstMatch(u"/proc/meminfo"_s, u"^MemTotal:\\s*(\\d+)"_s);
    return QStringList {
        u"- date: %1"_s.arg(QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)),
        u"- machine: %1, %2 logical cores, %3 GiB RAM"_s.arg(cpu.isEmpty() ? QSysInfo::currentCpuArchitecture() : cpu)
            .arg(QThread::idealThreadCount())
            .arg(std::lround(memKb.toDouble() / 1024 / 1024)),
        u"- system: %1, kernel %2"_s.arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion()),
        u"- libraries: Qt %1, ZXing-cpp %2, zbar %3, OpenCV %4, zint %5, Poppler-Qt6 %6"_s.arg(
            QString::fromLatin1(qVersion()), QStringLiteral(CLOSIENT_ZXING_VERSION),
            QStringLiteral(CLOSIENT_ZBAR_VERSION), QStringLiteral(CLOSIENT_OPENCV_VERSION),
            QStringLiteral(CLOSIENT_ZINT_VERSION), QStringLiteral(CLOSIENT_POPPLER_VERSION)),
        u"- build: %1, closient-station %2"_s.arg(
            QStringLiteral(CLOSIENT_BUILD_TYPE), QCoreApplication::applicationVersion()),
    }
        .join(u'\n');
}

QString commandLine()
{
    QStringList args = QCoreApplication::arguments();
    if (!args.isEmpty())
        args[0] = QFileInfo(args[0]).fileName();
    return args.join(u' ');
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p / 100.0 * double(values.size() - 1);
    const auto lo = size_t(std::floor(rank));
    const auto hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - double(lo));
}

QString writeResult(const QString &path, const QString &markdown)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return f.errorString();
    f.write(markdown.toUtf8());
    return {};
}

} // namespace closient::bench
