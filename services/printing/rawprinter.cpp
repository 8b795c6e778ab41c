// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawprinter.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace closient::printing {

namespace {
const QRegularExpression &queuePattern()
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_.@-]{1,127}$"_s);
    return pattern;
}
} // namespace

Result<RawPrinterTarget> RawPrinterTarget::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (t.contains(u"://"_s)) {
        auto address = TcpPrinterAddress::parse(t);
        if (!address.ok())
            return address.error();
        return RawPrinterTarget { address.value() };
    }
    const QString queue = t.startsWith(u"cups:"_s) ? t.mid(5) : t;
    if (!queuePattern().match(queue).hasMatch())
        return Error { u"invalid"_s,
            u"\"%1\" is neither a printer queue's name nor an address such as tcp://HOST:9100"_s.arg(t) };
    return RawPrinterTarget { queue };
}

QString RawPrinterTarget::toString() const
{
    if (const auto *queue = std::get_if<QString>(&where))
        return u"cups:"_s + *queue;
    return std::get<TcpPrinterAddress>(where).toString();
}

Result<QString> sendRawToQueue(const QString &queue, const QByteArray &data, const QString &title, int timeoutMs)
{
    if (!queuePattern().match(queue).hasMatch())
        return Error { u"invalid"_s, u"\"%1\" is not a printer queue's name"_s.arg(queue) };
    const QString lp = QStandardPaths::findExecutable(u"lp"_s);
    if (lp.isEmpty())
        return Error { u"not_found"_s, u"The print command lp is missing: install the package cups-client."_s };
    QProcess process;
    // "-o raw": CUPS passes the bytes to the printer unfiltered. The title is shown in the queue.
    QStringList args { u"-d"_s, queue, u"-o"_s, u"raw"_s };
    if (!title.isEmpty())
        args << u"-t"_s << title.left(200);
    args << u"-"_s;
    process.start(lp, args);
    if (!process.waitForStarted(timeoutMs))
        return Error { u"io"_s, u"lp cannot be started: %1"_s.arg(process.errorString()) };
    process.write(data);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return Error { u"timeout"_s, u"The print server did not take the job within %1 s"_s.arg(timeoutMs / 1000),
            true };
    }
    const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
    const QString err = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QString why = err.isEmpty() ? u"lp ended with code %1"_s.arg(process.exitCode()) : err;
        if (why.startsWith(u"lp: "_s))
            why = why.mid(4);
        return Error { u"refused"_s, u"The queue %1 did not take the job: %2"_s.arg(queue, why) };
    }
    static const QRegularExpression requestId(u"request id is (\\S+)"_s);
    const auto m = requestId.match(out);
    return m.hasMatch() ? m.captured(1) : queue;
}

Result<QString> sendRaw(const RawPrinterTarget &target, const QByteArray &data, const QString &title)
{
    if (const auto *queue = std::get_if<QString>(&target.where))
        return sendRawToQueue(*queue, data, title);
    const auto &address = std::get<TcpPrinterAddress>(target.where);
    auto sent = sendToTcpPrinter(address, data);
    if (!sent.ok())
        return sent.error();
    return address.toString();
}

} // namespace closient::printing
