// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeprinter.h"

#include <QTcpSocket>

namespace closient::test {

FakeNetworkPrinter::FakeNetworkPrinter(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            auto *job = new QByteArray;
            if (m_stalled)
                socket->setReadBufferSize(1); // read nothing more: the kernel's buffers fill and the sender waits
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, job] {
                if (!m_stalled)
                    *job += socket->readAll();
            });
            connect(socket, &QTcpSocket::disconnected, socket, [this, socket, job] {
                if (!m_stalled) {
                    *job += socket->readAll();
                    m_jobs << *job;
                    Q_EMIT jobReceived(*job);
                }
                delete job;
                socket->deleteLater();
            });
        }
    });
}

} // namespace closient::test
