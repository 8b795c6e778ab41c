// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "labelsymbol.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>

#include <optional>
#include <vector>

class QPainter;

namespace closient::labels {

/** How symbols are sized and annotated. */
struct ArtworkOptions
{
    Gs1Table table = Gs1Table::General;
    bool humanReadable = true;
    double preferredTextEm = 2.4; // mm: the HRI font size when there is room...
    double minTextEm = 1.4; // ...and the smallest it may shrink to (about 4 pt)
    double printerDpi = 300; // X is a whole number of printer dots (300 dpi dots are also 600 dpi dots)
};

/** One symbol with its human-readable text, placed in millimetres: what every output format draws. */
struct LabelArtwork
{
    struct Line
    {
        QString text;
        QPointF baseline; // mm; x is the centre (align 0), the left (1) or the right (2) end
        double em = 0; // font size, mm
        int align = 0;
    };
    SymbolContent content;
    double xDim = 0; // mm
    QRectF symbolRect; // mm, quiet zones included
    std::vector<QRectF> dark; // mm
    std::vector<Line> text;
    QSizeF size; // mm: the area it was laid out in (a label's safe area, or the symbol and text alone)

    /// Paints at @p origin (mm) with a painter whose unit is one millimetre. Dark modules are one filled path, so
    /// neighbouring modules leave no seams when a page is rasterised.
    void paint(QPainter &painter, QPointF origin = {}) const;
    /// A stand-alone SVG in physical units (width/height in mm).
    [[nodiscard]] QByteArray toSvg() const;
    /// An EPS with its bounding box in points.
    [[nodiscard]] QByteArray toEps() const;
    /// A raster at @p dpi with whole pixels per module; the PNG carries the resolution.
    [[nodiscard]] QImage toImage(double dpi = 600) const;
};

/// Sizes the symbol into @p area (mm; empty = no limit, the table's target X) and sets the HRI under it. Refuses
/// (nullopt, @p error says why in plain words) when the symbol cannot meet the table's minimum X or height there.
[[nodiscard]] std::optional<LabelArtwork> layoutArtwork(const SymbolContent &content, const EncodedSymbol &symbol,
    QSizeF area, const ArtworkOptions &options, QString *error);

/// The width of @p text in mm at a font size of @p em mm (the HRI font).
[[nodiscard]] double textWidth(const QString &text, double em);

} // namespace closient::labels
