// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelsymbol.h"

#include <optional>

namespace closient::labels {

/** Which GS1 symbol specification table the labels are printed for (GS1 General Specifications §5.12.3). */
enum class Gs1Table {
    General, // Table 1 for retail symbols (EAN/UPC, GS1 DataMatrix, QR), general distribution for GS1-128 / ITF-14
    Healthcare, // regulated healthcare, non-retail: smaller X for GS1-128 and GS1 DataMatrix
    Logistics, // logistic units: large symbols read from a distance
};

[[nodiscard]] QString gs1TableName(Gs1Table table);
[[nodiscard]] std::optional<Gs1Table> gs1TableFromName(const QString &name);

/** Allowed X-dimension (mm) and, for linear symbols, bar height (mm) of one symbol under one table. */
struct XSpec
{
    double minX = 0;
    double targetX = 0;
    double maxX = 0;
    double minBarHeight = 0; // linear symbols with free height (GS1-128, ITF-14)
    double targetBarHeight = 0;
};

[[nodiscard]] XSpec xSpec(SymbolKind kind, Gs1Table table);

} // namespace closient::labels
