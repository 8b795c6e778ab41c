// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "labelsymbol.h"
#include "result.h"
#include "sheettemplate.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>

#include <vector>

class QPainter;
class QPainterPath;

namespace closient::labels {

/** How symbols are sized and annotated. */
struct ArtworkOptions
{
    Gs1Table table = Gs1Table::General;
    bool humanReadable = true;
    double preferredTextEm = 2.4; // mm: the HRI font size when there is room...
    double minTextEm = 1.4; // ...and the smallest it may shrink to (4 pt: OCR-B capitals 1 mm high)
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
    QSizeF size; // mm: the area it was laid out in (a label's content area, or the symbol and text alone)

    /// Paints at @p origin (mm) with a painter whose unit is one millimetre. Dark modules are one filled path, so
    /// neighbouring modules leave no seams when a page is rasterised.
    void paint(QPainter &painter, QPointF origin = {}) const;
    /// A stand-alone SVG in physical units (width/height in mm); text as outlines of the station's font.
    [[nodiscard]] QByteArray toSvg() const;
    /// An EPS with its bounding box in points; text as outlines of the station's font.
    [[nodiscard]] QByteArray toEps() const;
    /// A raster at @p dpi with whole pixels per module; the PNG carries the resolution.
    [[nodiscard]] QImage toImage(double dpi = 600) const;
    /// The outline of text line @p line in mm, where it is drawn.
    [[nodiscard]] QPainterPath textOutline(const Line &line) const;
};

/// Sizes the symbol into @p area (unlimited = the table's target X) and sets the HRI under it in OCR-B, each
/// element string whole on its line. On a round label the text may use the circle's width below the symbol.
/// Refuses, saying why in plain words, when the symbol cannot meet the table's minimum X or height there, or when
/// the station's fonts are missing.
[[nodiscard]] Result<LabelArtwork> layoutArtwork(
    const SymbolContent &content, const EncodedSymbol &symbol, const LabelArea &area, const ArtworkOptions &options);

/// The HRI font (OCR-B, StationFonts), or why it is not there.
[[nodiscard]] Result<Done> hriFontReady();
/// The width of @p text in mm at a font size of @p em mm in the HRI font (0 without the font).
[[nodiscard]] double textWidth(const QString &text, double em);

} // namespace closient::labels
