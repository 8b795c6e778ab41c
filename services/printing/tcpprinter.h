// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace closient::printing {

/** A network printer's raw port (JetDirect / AppSocket), where ZPL is sent as it is: usually TCP 9100. */
struct TcpPrinterAddress
{
    QString host;
    quint16 port = 9100;

    /// "tcp://HOST:9100", "socket://HOST:9100" (as CUPS writes it), "HOST:PORT" or "HOST"; IPv6 in brackets.
    [[nodiscard]] static Result<TcpPrinterAddress> parse(const QString &text);
    /// "tcp://HOST:PORT".
    [[nodiscard]] QString toString() const;
};

/**
 * Sends @p data to the printer and closes the connection once every byte is handed over, which is how a raw port
 * knows the job is complete. Says in plain words where it failed: the name not found, nothing listening, no answer
 * in time, the connection dropped partway (and how much was sent). Returns the bytes sent.
 * NOTE: blocking (up to @p timeoutMs for each step); run it off the GUI thread, e.g. with QtConcurrent::run.
 */
[[nodiscard]] Result<qint64> sendToTcpPrinter(
    const TcpPrinterAddress &printer, const QByteArray &data, int timeoutMs = 15000);

} // namespace closient::printing
