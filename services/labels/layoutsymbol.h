// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "labelartwork.h"
#include "labelsymbol.h"
#include "result.h"

#include <QSizeF>
#include <QString>

#include <optional>
#include <vector>

namespace closient::labels {

/** The symbols a layout can place: the station's SymbolKinds and GS1 DataBar (Omnidirectional and Expanded). */
enum class LayoutSymbology {
    Gs1DataMatrix,
    Gs1Qr,
    DigitalLinkQr,
    Gs1_128,
    Ean13,
    UpcA,
    Itf14,
    DataBar,
    DataBarExpanded
};

/// "gs1_datamatrix", ... as symbolKindName(), and "databar", "databar_expanded".
[[nodiscard]] QString layoutSymbologyName(LayoutSymbology s);
[[nodiscard]] QString layoutSymbologyTitle(LayoutSymbology s);
[[nodiscard]] std::optional<LayoutSymbology> layoutSymbologyFromName(const QString &name);
/// The SymbolKind it is, or none for DataBar (which SymbolKind does not have).
[[nodiscard]] std::optional<SymbolKind> toSymbolKind(LayoutSymbology s);
/// The ZXing format a reader reports ("DataMatrix", "DataBarExpanded") and the symbology identifier's start.
[[nodiscard]] QString layoutZxingFormat(LayoutSymbology s);
[[nodiscard]] QString layoutSymbologyId(LayoutSymbology s);
/// GS1's X-dimension limits: gs1print's xSpec, and for DataBar GenSpecs' retail values (0.264–0.660 mm, target
/// 0.330; its height is part of the symbol, 33 or 34 modules).
[[nodiscard]] XSpec layoutXSpec(LayoutSymbology s, Gs1Table table);

/** An AI and the field template that fills it: {"17", "{expiry:%y%m%d}"}. */
struct LayoutElement
{
    QString ai;
    QString value;

    bool operator==(const LayoutElement &) const = default;
};

/// The elements a symbol carries when a layout names none: 01 {gtin}, 11 {production_date}, 17 {expiry}, 10 {lot},
/// 21 {serial} (those without a value are left out), the order symbolContent() uses.
[[nodiscard]] std::vector<LayoutElement> defaultElements();

/// What goes into the symbol for bound AI values (each AI with its value; empty values already left out): the
/// GS1 core checks them, then the content is made as symbolContent() makes it. DataBar carries only AI 01.
[[nodiscard]] Result<SymbolContent> layoutSymbolContent(
    LayoutSymbology s, const std::vector<std::pair<QString, QString>> &elements, const QString &resolverDomain);
/// Encodes with libzint: encodeSymbol() for SymbolKinds, DataBar here.
[[nodiscard]] Result<EncodedSymbol> encodeLayoutSymbol(LayoutSymbology s, const SymbolContent &content);

/** A symbol laid out in its box, and what is wrong with its size there. */
struct PlacedArtwork
{
    LabelArtwork art; // in the box's coordinates
    QString tooSmall; // below the table's X or bar height (or its HRI does not fit): why; drawn anyway, to be seen
    QString offGrid; // X is no whole number of printer dots: bars print unevenly; what whole dots need
};

/// Lays the symbol out in a box of @p box mm: layoutArtwork() for SymbolKinds (the table's target X when there is
/// room, on the dot grid of @p dpi, 0 = none), the same rules for DataBar (whose height is part of the symbol).
[[nodiscard]] PlacedArtwork placeLayoutSymbol(LayoutSymbology s, const SymbolContent &content,
    const EncodedSymbol &symbol, QSizeF box, Gs1Table table, bool humanReadable, double dpi);

} // namespace closient::labels
