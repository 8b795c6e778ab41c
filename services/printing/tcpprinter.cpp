// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tcpprinter.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace closient::printing {

Result<TcpPrinterAddress> TcpPrinterAddress::parse(const QString &text)
{
    const QString t = text.trimmed();
    const auto refused = [&](const QString &why) {
        return Error { u"invalid"_s, u"\"%1\" is not a printer address: %2"_s.arg(t, why) };
    };
    QString rest = t;
    static const QRegularExpression scheme(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    if (const auto m = scheme.match(rest); m.hasMatch()) {
        const QString s = m.captured(1).toLower();
        if (s != u"tcp" && s != u"socket")
            return refused(u"write tcp://HOST:9100 (or socket://HOST:9100)"_s);
        rest = rest.mid(m.capturedLength());
    }
    while (rest.endsWith(u'/'))
        rest.chop(1);
    // The URL parser checks the host (names, IPv4, IPv6 in brackets) and the port.
    const QUrl url(u"tcp://"_s + rest, QUrl::StrictMode);
    if (rest.isEmpty() || !url.isValid() || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()
        || !url.userInfo().isEmpty())
        return refused(u"write tcp://HOST:9100 (or socket://HOST:9100)"_s);
    TcpPrinterAddress a;
    a.host = url.host();
    const int port = url.port(9100);
    if (port < 1 || port > 65535)
        return refused(u"the port must be 1 to 65535"_s);
    a.port = quint16(port);
    return a;
}

QString TcpPrinterAddress::toString() const
{
    const QString h = host.contains(u':') ? u"[%1]"_s.arg(host) : host;
    return u"tcp://%1:%2"_s.arg(h).arg(port);
}

Result<qint64> sendToTcpPrinter(const TcpPrinterAddress &printer, const QByteArray &data, int timeoutMs)
{
    const QString where = printer.toString();
    QTcpSocket socket;
    socket.connectToHost(printer.host, printer.port);
    if (!socket.waitForConnected(timeoutMs)) {
        switch (socket.error()) {
        case QAbstractSocket::HostNotFoundError:
            return Error { u"not_found"_s, u"The printer %1 cannot be found: is its name right?"_s.arg(where) };
        case QAbstractSocket::ConnectionRefusedError:
            return Error { u"refused"_s,
                u"Nothing answers at %1: is the printer on, and is that its address and raw port?"_s.arg(where), true };
        case QAbstractSocket::SocketTimeoutError:
            return Error { u"timeout"_s,
                u"The printer %1 did not answer within %2 s: is it on and on the network?"_s.arg(where).arg(
                    timeoutMs / 1000.0),
                true };
        default:
            return Error { u"io"_s, u"The printer %1 cannot be reached: %2"_s.arg(where, socket.errorString()), true };
        }
    }
    const auto dropped = [&](qint64 sent) {
        return Error { u"io"_s,
            u"The connection to %1 ended after %2 of %3 bytes (%4): the job may be incomplete at the printer"_s
                .arg(where)
                .arg(sent)
                .arg(data.size())
                .arg(socket.errorString()),
            true };
    };
    if (socket.write(data) != data.size())
        return dropped(0);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(timeoutMs)) {
            if (socket.error() == QAbstractSocket::SocketTimeoutError)
                return Error { u"timeout"_s,
                    u"The printer %1 stopped taking data after %2 of %3 bytes: is it out of labels or paused?"_s
                        .arg(where)
                        .arg(data.size() - socket.bytesToWrite())
                        .arg(data.size()),
                    true };
            return dropped(data.size() - socket.bytesToWrite());
        }
    }
    // Closing tells a raw port the job is complete; the printer may close first, which is fine.
    socket.disconnectFromHost();
    if (socket.state() != QAbstractSocket::UnconnectedState)
        socket.waitForDisconnected(timeoutMs);
    return qint64(data.size());
}

} // namespace closient::printing
