// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layout.h"
#include "layoutfields.h"

#include <QImage>
#include <QLocale>

#include <optional>
#include <vector>

class QPainter;

namespace closient::labels {

/** Something on one label that is not as designed, with the reason in plain words. */
struct LayoutProblem
{
    enum class Kind {
        SymbolTooSmall, // below the GS1 table's X-dimension or bar height, or its HRI does not fit
        SymbolData, // the bound data is not valid for the symbol (check digit, date, a GTIN EAN-13 cannot carry)
        TextDoesNotFit, // not even at the smallest size allowed
        MissingValue, // a required field, or a symbol's GTIN, has no value
        UnknownField, // a field that is neither standard nor a column of the data
        ImageUnreadable,
        OutsideLabel, // past the die-cut edge or on a CD's hole
        FontMissing,
        SymbolOffGrid, // not blocking: the X-dimension is no whole number of printer dots, so bars print unevenly
    };
    QString objectId;
    Kind kind = Kind::SymbolTooSmall;
    QString message;
    bool blocking = true; // false: shown, but the label may be printed (text reaching past a round edge)
};

/** Where a symbol was drawn and what a reader must find there. */
struct PlacedSymbol
{
    QString objectId;
    LayoutSymbology symbology = LayoutSymbology::Gs1DataMatrix;
    QRectF rect; // mm on the label, quiet zones included, after rotation
    double xDim = 0; // mm
    QString expected; // as SymbolContent::expected
    int rotation = 0;
};

/** How a label is drawn. */
struct LayoutRenderOptions
{
    double dpi = 0; // the printer's dots per inch: X-dimensions are whole dots; 0 = no printer grid (screen)
    bool monochrome = false; // no grey anywhere (thermal printers): text and images without antialiasing
    bool clipToShape = true; // nothing outside the die-cut outline (round, oval, CD labels)
    bool outline = false; // draw the outline too (previews, alignment tests)
    QLocale locale = QLocale::c(); // month and day names in dates
};

/** What one label's rendering found. */
struct LayoutRenderResult
{
    std::vector<LayoutProblem> problems;
    std::vector<PlacedSymbol> symbols;

    /// No blocking problem: the label may be printed.
    [[nodiscard]] bool printable() const;
    /// "name: the text does not fit ...", one problem a line.
    [[nodiscard]] QString problemText() const;
};

/**
 * Draws a layout with one label's data onto any QPainter: the one renderer behind the preview, PDF sheets, the
 * printer, PNG/ZIP exports and ZPL rasters. Images are read and field templates parsed once, in the constructor;
 * after that it is immutable, and paint() may run on several threads at once (each with its own painter).
 */
class LayoutRenderer
{
public:
    explicit LayoutRenderer(Layout layout);

    [[nodiscard]] const Layout &layout() const { return m_layout; }

    // NOTE: check(), paint() and render() run on any thread, several at once.

    /// Lays the label out without drawing: its problems and where its symbols go.
    [[nodiscard]] LayoutRenderResult check(const LabelData &data, const LayoutRenderOptions &options = {}) const;
    /// Paints the label with its top-left corner at the painter's origin; one painter unit is one millimetre.
    LayoutRenderResult paint(QPainter &painter, const LabelData &data, const LayoutRenderOptions &options = {}) const;
    /// The label alone at options.dpi (must be above 0), white around: Format_Mono (1 = black, for ZPL) when
    /// monochrome, else Format_RGB32. The image's resolution is set to the dpi.
    [[nodiscard]] QImage render(
        const LabelData &data, const LayoutRenderOptions &options, LayoutRenderResult *result = nullptr) const;
    /// The size in pixels render() gives at @p dpi: the label's size rounded to whole dots.
    [[nodiscard]] QSize pixelSize(double dpi) const;

private:
    struct Prepared;
    LayoutRenderResult run(QPainter *painter, const LabelData &data, const LayoutRenderOptions &options) const;

    Layout m_layout;
    std::vector<std::shared_ptr<const Prepared>> m_prepared; // one per object
};

/// Black and white at the threshold of half grey, bit 1 = black (ZPL's sense), MSB first, resolution kept.
[[nodiscard]] QImage toMonochrome(const QImage &image);

} // namespace closient::labels
