// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTcpServer>

namespace closient::test {

/**
 * A network label printer's raw port on 127.0.0.1 (any free port): each connection is one job, complete when the
 * sender closes it. Runs on the thread that made it; the sender must run elsewhere (QtConcurrent) or in steps.
 */
class FakeNetworkPrinter : public QObject
{
    Q_OBJECT

public:
    explicit FakeNetworkPrinter(QObject *parent = nullptr);

    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] const QList<QByteArray> &jobs() const { return m_jobs; }
    /// Stop reading what arrives, as a printer that is out of labels: the sender's data backs up.
    void setStalled(bool stalled) { m_stalled = stalled; }

Q_SIGNALS:
    void jobReceived(const QByteArray &job);

private:
    QTcpServer m_server;
    QList<QByteArray> m_jobs;
    bool m_stalled = false;
};

} // namespace closient::test
