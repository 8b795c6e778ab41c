// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "tcpprinter.h"

#include <QByteArray>
#include <QString>

#include <variant>

namespace closient::printing {

/** Where printer language (ZPL) goes unchanged: a CUPS queue taking raw jobs, or a network printer's raw port. */
struct RawPrinterTarget
{
    std::variant<QString, TcpPrinterAddress> where; // a CUPS queue's name, or a TCP address

    /// "tcp://HOST:9100" and "socket://HOST:9100" are network printers; "cups:QUEUE" or a bare queue name (letters,
    /// digits, '-', '_', '.', '@') is a CUPS queue.
    [[nodiscard]] static Result<RawPrinterTarget> parse(const QString &text);
    [[nodiscard]] QString toString() const; // "cups:ZebraDesk", "tcp://10.0.0.7:9100"
    [[nodiscard]] bool isQueue() const { return std::holds_alternative<QString>(where); }
};

/**
 * Sends @p data to CUPS queue @p queue as a raw job (lp -o raw): no filter touches it, so the printer gets exactly
 * the bytes that were made and verified. Returns the job's id ("ZebraDesk-42"). The queue's own device (usb://,
 * socket://) takes it from there; CUPS_SERVER chooses the server as for lp.
 * NOTE: blocking (runs lp, up to @p timeoutMs); run it off the GUI thread.
 */
[[nodiscard]] Result<QString> sendRawToQueue(
    const QString &queue, const QByteArray &data, const QString &title, int timeoutMs = 30000);

/// Sends to either kind of target; returns the CUPS job id, or the address for a network printer.
/// NOTE: blocking; run it off the GUI thread.
[[nodiscard]] Result<QString> sendRaw(const RawPrinterTarget &target, const QByteArray &data, const QString &title);

} // namespace closient::printing
