// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "privatecups.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;

namespace closient::test {

namespace {
const QString kCupsd = u"/usr/sbin/cupsd"_s;
}

PrivateCups::PrivateCups()
    : m_previousServer(qgetenv("CUPS_SERVER"))
{ }

PrivateCups::~PrivateCups()
{
    if (m_cupsd.state() != QProcess::NotRunning) {
        m_cupsd.terminate();
        if (!m_cupsd.waitForFinished(5000))
            m_cupsd.kill();
        m_cupsd.waitForFinished(2000);
    }
    if (m_previousServer.isEmpty())
        qunsetenv("CUPS_SERVER");
    else
        qputenv("CUPS_SERVER", m_previousServer);
}

bool PrivateCups::available()
{
    return QFile::exists(kCupsd) && QFile::exists(u"/usr/lib/cups/backend/socket"_s);
}

QString PrivateCups::start()
{
    if (!available())
        return u"cupsd is not installed (scripts/test.sh installs cups)"_s;
    const QString root = m_dir.path();
    QFile::setPermissions(root, QFileDevice::Permissions(0x7777));
    for (const auto *d : { "root", "spool", "cache", "state", "logs" })
        QDir(root).mkpath(QString::fromLatin1(d));
    const QString sock = m_dir.filePath(u"cups.sock"_s);
    QFile conf(m_dir.filePath(u"root/cupsd.conf"_s));
    if (!conf.open(QIODevice::WriteOnly))
        return conf.errorString();
    conf.write(u"Listen %1\nLogLevel warn\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
               u"<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"_s.arg(sock)
                   .toUtf8());
    conf.close();
    QFile files(m_dir.filePath(u"root/cups-files.conf"_s));
    if (!files.open(QIODevice::WriteOnly))
        return files.errorString();
    files.write(u"ServerRoot %1/root\nRequestRoot %1/spool\nCacheDir %1/cache\nStateDir %1/state\n"
                u"ErrorLog %1/logs/error_log\nAccessLog %1/logs/access_log\nPageLog %1/logs/page_log\n"
                u"TempDir %1/spool\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\nUser lp\nGroup lp\n"_s.arg(root)
                    .toUtf8());
    files.close();
    QProcess::execute(u"chmod"_s, { u"-R"_s, u"a+rwX"_s, root });
    m_cupsd.start(kCupsd, { u"-f"_s, u"-c"_s, conf.fileName(), u"-s"_s, files.fileName() });
    if (!m_cupsd.waitForStarted())
        return u"cupsd does not start: %1"_s.arg(m_cupsd.errorString());
    if (!QTest::qWaitFor([&] { return QFile::exists(sock); }, 10000))
        return u"cupsd made no socket"_s;
    qputenv("CUPS_SERVER", sock.toUtf8());
    return {};
}

QString PrivateCups::addRawQueue(const QString &name, const QString &deviceUri)
{
    QProcess lpadmin;
    // No model: CUPS 2.4 makes a queue without a driver, which passes jobs as they are.
    lpadmin.start(u"lpadmin"_s, { u"-p"_s, name, u"-v"_s, deviceUri, u"-E"_s });
    if (!lpadmin.waitForFinished(20000) || lpadmin.exitCode() != 0)
        return u"lpadmin: %1"_s.arg(QString::fromLocal8Bit(lpadmin.readAllStandardError()));
    return {};
}

bool PrivateCups::waitUntilIdle(int ms)
{
    return QTest::qWaitFor(
        [] {
            QProcess lpstat;
            lpstat.start(u"lpstat"_s, { u"-o"_s });
            lpstat.waitForFinished(10000);
            return lpstat.readAllStandardOutput().trimmed().isEmpty();
        },
        ms);
}

} // namespace closient::test
