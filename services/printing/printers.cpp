// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "printers.h"

#include "cupsjobs.h"

#include <QPrinterInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closient::printing {

std::vector<PrinterInfo> availablePrinters()
{
    std::vector<PrinterInfo> out;
    const QString defaultName = QPrinterInfo::defaultPrinterName();
    for (const QPrinterInfo &p : QPrinterInfo::availablePrinters()) {
        PrinterInfo info;
        info.name = p.printerName();
        info.description = p.description().isEmpty() ? p.printerName() : p.description();
        info.location = p.location();
        switch (p.state()) {
        case QPrinter::Idle:
            info.state = u"idle"_s;
            break;
        case QPrinter::Active:
            info.state = u"printing"_s;
            break;
        case QPrinter::Aborted:
        case QPrinter::Error:
            info.state = u"stopped"_s;
            break;
        }
        info.isDefault = p.printerName() == defaultName;
        out.push_back(info);
    }
    std::stable_sort(
        out.begin(), out.end(), [](const PrinterInfo &a, const PrinterInfo &b) { return a.isDefault > b.isDefault; });
    return out;
}

QString whyNoPrinters()
{
    const auto running = lpstat({ u"-r"_s });
    if (!running.ok())
        return running.error().code == u"not_found"_s
            ? u"The print service's tools are missing: install CUPS (the packages cups and cups-client) to print."_s
            : running.error().message;
    if (running.value().contains(u"not running"_s))
        return u"The print service (CUPS) is not running on this computer: start it, then look for printers again."_s;
    return u"No printer is set up: add one in the system's printer settings (or CUPS at http://localhost:631), then "
           u"look for printers again."_s;
}

} // namespace closient::printing
