// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace closient::printing {

/** A printer the system offers (a CUPS queue on Linux). */
struct PrinterInfo
{
    QString name; // the queue name jobs are sent to
    QString description; // what the person calls it, "Zebra ZD421 (shipping desk)"
    QString location;
    QString state; // idle, printing, stopped
    bool isDefault = false;
};

/// Every printer the system offers, the default first. Asks the print server: call it off the GUI thread.
[[nodiscard]] std::vector<PrinterInfo> availablePrinters();
/// Why the system offers no printer, in words for the person at the desk: the print service is not running, its
/// tools are missing, or no printer is set up. Asks the print server: call it off the GUI thread.
[[nodiscard]] QString whyNoPrinters();

} // namespace closient::printing
