// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelartwork.h"
#include "labelitem.h"
#include "layoutrenderer.h"
#include "sheettemplate.h"

#include <QPointF>

#include <functional>
#include <optional>
#include <vector>

class QPagedPaintDevice;
class QPainter;

namespace closient::labels {

/** Where labels go on the sheets of a job: the template, the first label used, printer offsets, outlines. */
struct SheetLayout
{
    SheetTemplate sheet;
    int startPosition = 1; // 1-based label on the first sheet (the ones before it are used up)
    QPointF calibration; // mm, added to every label for this printer
    bool outlines = false; // draw the die-cut lines, for alignment tests on plain paper
    int copies = 1; // identical labels per item, next to each other

    [[nodiscard]] int pageCount(int items) const;
    /// The page (0-based) and cell (0-based on that page) of the @p n-th label of the job.
    [[nodiscard]] std::pair<int, int> slot(int n) const;
};

/** A placed label: what the verification expects to read back there. */
struct PlacedLabel
{
    int itemIndex = 0;
    int page = 0;
    int cell = 0;
    QRectF cellRect; // mm on the page, calibration included
    QRectF symbolRect; // mm on the page: the symbol with its quiet zones (empty: check the whole cell)
    QString expected; // as SymbolContent::expected
    SymbolKind kind = SymbolKind::Gs1DataMatrix;
    /// Set for a symbol of a layout: its symbology (DataBar has no SymbolKind) and rotation decide how it is read.
    std::optional<LayoutSymbology> symbology;
    int rotation = 0;
    /// False for a cell whose layout has no symbol: it counts as printed, there is nothing to read back.
    bool verify = true;
    double xDim = 0; // mm: the symbol's module width (0: not known), so it can be read back at whole pixels a module
};

/** Produces the artwork for item @p index, or says why it cannot. */
using ArtworkSource = std::function<std::optional<LabelArtwork>(int index, QString *error)>;
/**
 * Paints item @p index with a layout: the painter's origin is the label's top-left corner, one unit a millimetre.
 * Returns the symbols placed on the label (mm on the label), or nothing with the reason in @p error.
 */
using CellPainter = std::function<std::optional<std::vector<PlacedSymbol>>(QPainter &, int index, QString *error)>;

/**
 * Paints the sheets of a job onto any paged device (QPdfWriter for the file, QPrinter for a printer), one page at
 * a time, so memory does not grow with the job. Returns the labels placed, or an error.
 */
class SheetRenderer
{
public:
    SheetRenderer(SheetLayout layout, int itemCount, ArtworkSource source);
    /// Labels drawn by a layout (LayoutRenderer) instead of the symbol-only artwork.
    SheetRenderer(SheetLayout layout, int itemCount, CellPainter painter);

    /// Paints pages [firstPage, lastPage] (0-based, -1 = to the end). @p progress gets labels done; returning
    /// false from it cancels.
    bool render(QPagedPaintDevice *device, QString *error, const std::function<bool(int)> &progress = {},
        int firstPage = 0, int lastPage = -1);
    [[nodiscard]] const std::vector<PlacedLabel> &placed() const { return m_placed; }
    [[nodiscard]] int pageCount() const { return m_layout.pageCount(m_items); }
    [[nodiscard]] const SheetLayout &layout() const { return m_layout; }

    /// Draws one label cell's outline (round or rounded rectangle) in mm units.
    static void drawOutline(QPainter &painter, const SheetTemplate &sheet, const QRectF &cell);

private:
    SheetLayout m_layout;
    int m_items;
    ArtworkSource m_source;
    CellPainter m_cellPainter;
    std::vector<PlacedLabel> m_placed;
};

/// Writes the job as a PDF at @p path.
bool writeSheetPdf(const QString &path, SheetRenderer &renderer, const QString &title, QString *error,
    const std::function<bool(int)> &progress = {});

} // namespace closient::labels
