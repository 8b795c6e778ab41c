// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include "labelitem.h"

#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace closient::labels {

/** The symbols a label can carry. */
enum class SymbolKind { Gs1DataMatrix, Gs1Qr, DigitalLinkQr, Gs1_128, Ean13, UpcA, Itf14 };

[[nodiscard]] QString symbolKindName(SymbolKind kind); // "gs1_datamatrix", ...
[[nodiscard]] QString symbolKindTitle(SymbolKind kind); // "GS1 DataMatrix", ...
[[nodiscard]] std::optional<SymbolKind> symbolKindFromName(const QString &name);
[[nodiscard]] bool isLinear(SymbolKind kind);
/// The ZXing format name a reader reports for it (for verification).
[[nodiscard]] QString zxingFormat(SymbolKind kind);

/** What goes into a symbol for an item, from the GS1 core: element string, Digital Link URI or GTIN digits. */
struct SymbolContent
{
    SymbolKind kind = SymbolKind::Gs1DataMatrix;
    QString data; // what zint encodes: "[01]...[10]..." for GS1 modes, the URI, or the digits
    QString expected; // what a reader must give back after the symbology identifier: the element string with
                      // GS where FNC1 separates, the URI, or the digits
    QStringList hriLines; // "(01)09506000134352", "(10)ABC" (grouped later to fit)
};

/// Builds the content for @p item, or says why it cannot (e.g. EAN-13 needs a GTIN-13 and carries no lot).
[[nodiscard]] Result<SymbolContent> symbolContent(
    SymbolKind kind, const LabelItem &item, const QString &resolverDomain);

/** A symbol as zint made it: dark modules in module units, quiet zones included in the size. */
struct EncodedSymbol
{
    SymbolKind kind = SymbolKind::Gs1DataMatrix;
    double widthModules = 0; // with quiet zones
    double heightModules = 0; // 2D: with quiet zones; linear: zint's bar height (scaled to the label)
    std::vector<QRectF> bars; // dark areas, module units, merged into runs
    /// EAN/UPC only: zint's human-readable digits (module units, baseline y, font size).
    struct Text
    {
        QString text;
        double x = 0;
        double y = 0;
        double size = 0;
        int align = 0; // 0 centre, 1 left, 2 right
    };
    std::vector<Text> texts;
};

/// Encodes with libzint; warnings are errors. @p error gets zint's message in plain words.
[[nodiscard]] Result<EncodedSymbol> encodeSymbol(const SymbolContent &content);

} // namespace closient::labels
