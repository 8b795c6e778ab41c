// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gs1print.h"

using namespace Qt::StringLiterals;

namespace closient::labels {

QString gs1TableName(Gs1Table table)
{
    switch (table) {
    case Gs1Table::General:
        return u"general"_s;
    case Gs1Table::Healthcare:
        return u"healthcare"_s;
    case Gs1Table::Logistics:
        return u"logistics"_s;
    }
    return {};
}

std::optional<Gs1Table> gs1TableFromName(const QString &name)
{
    for (auto t : { Gs1Table::General, Gs1Table::Healthcare, Gs1Table::Logistics }) {
        if (name.compare(gs1TableName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

XSpec xSpec(SymbolKind kind, Gs1Table table)
{
    // Millimetres. EAN/UPC and the 2D retail values are GenSpecs Table 1 (target 0.330 / 0.625 as zint cites them);
    // GS1-128 and ITF-14 follow the general distribution tables (X 0.495–1.016, height 31.75, or 5.8 for GS1-128
    // where space is short); healthcare allows GS1-128 from 0.250 and GS1 DataMatrix from 0.254. The numbers are
    // kept in this one place so they can be checked against the current GenSpecs edition.
    switch (kind) {
    case SymbolKind::Ean13:
    case SymbolKind::UpcA:
        if (table == Gs1Table::Logistics)
            return { 0.495, 0.660, 0.660, 0, 0 };
        return { 0.264, 0.330, 0.660, 0, 0 };
    case SymbolKind::Gs1DataMatrix:
        if (table == Gs1Table::Healthcare)
            return { 0.254, 0.380, 0.990, 0, 0 };
        if (table == Gs1Table::Logistics)
            return { 0.743, 0.743, 1.500, 0, 0 };
        return { 0.396, 0.625, 0.990, 0, 0 };
    case SymbolKind::Gs1Qr:
    case SymbolKind::DigitalLinkQr:
        if (table == Gs1Table::Healthcare)
            return { 0.330, 0.500, 0.990, 0, 0 };
        if (table == Gs1Table::Logistics)
            return { 0.743, 0.743, 1.500, 0, 0 };
        return { 0.396, 0.625, 0.990, 0, 0 };
    case SymbolKind::Gs1_128:
        if (table == Gs1Table::Healthcare)
            return { 0.250, 0.495, 1.016, 5.8, 12.7 };
        return { 0.495, 0.495, 1.016, 5.8, 31.75 };
    case SymbolKind::Itf14:
        if (table == Gs1Table::Healthcare)
            return { 0.250, 0.495, 1.016, 5.8, 12.7 };
        return { 0.495, 0.495, 1.016, 12.7, 31.75 };
    }
    return {};
}

} // namespace closient::labels
