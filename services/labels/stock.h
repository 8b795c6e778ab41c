// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "sheettemplate.h"

#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace closient::labels {

/** Where a stock's description came from: the station's own files, the user's, or the glabels database. */
enum class StockSource { Station, User, Glabels };

/** The outline of one label as it is die-cut, in millimetres from the label's top-left corner. */
struct StockShape
{
    enum class Kind { Rectangle, Round, Ellipse, Cd };
    Kind kind = Kind::Rectangle;
    double width = 0; // the bounding box: a round label's diameter, a CD's outer diameter (or its clipped width)
    double height = 0;
    double cornerRadius = 0; // rectangles
    double holeRadius = 0; // CDs: the hole in the middle
    double outerRadius = 0; // CDs: the disc, which width/height may clip (business-card CDs)
    double wasteX = 0; // glabels' bleed beyond the outline, for artwork that runs off the edge
    double wasteY = 0;

    /// The die-cut outline; for a CD the disc (clipped to width × height) less its hole.
    [[nodiscard]] QPainterPath outline() const;
    /// What painting is clipped to: the outline.
    [[nodiscard]] QPainterPath clipPath() const { return outline(); }
    /// Whether @p rect lies wholly on the label (inside the outline, off the hole).
    [[nodiscard]] bool contains(const QRectF &rect) const;
    /// The largest rectangle centred on the label that keeps @p inset mm from every edge of the outline (the
    /// corners of an oval, the hole of a CD are avoided; for a CD it is the band above the hole).
    [[nodiscard]] QRectF insetRect(double inset) const;
};

/** Something printed on the template for the designer's guidance (glabels' markup): a margin, line, circle, box. */
struct StockMarkup
{
    enum class Kind { Margin, Line, Circle, Rect };
    Kind kind = Kind::Margin;
    double size = 0; // margin: the distance from the edge
    QRectF rect; // line: from topLeft to bottomRight; circle: its bounding box; rect: the box
    double radius = 0; // rect: corner radius
};

/** One regular grid of labels on a sheet: nx × ny labels, the first at (x0, y0), then every dx, dy. */
struct StockGrid
{
    int columns = 1;
    int rows = 1;
    double x0 = 0;
    double y0 = 0;
    double dx = 0;
    double dy = 0;

    [[nodiscard]] int count() const { return columns * rows; }
};

/**
 * A label stock someone can buy and put in the printer: its brand and part number, what it is for, the page, the
 * label's shape, and where the labels sit. Lengths in millimetres. Shown to people by displayName(), never by id.
 */
struct Stock
{
    enum class Unit { Millimetre, Inch }; // how its sizes are shown: the unit the maker uses

    QString id; // stable key for settings and history ("avery_5160", "glabels.Avery.5160"); never shown
    StockSource source = StockSource::Station;
    QString brand; // "Avery"
    QString part; // "5160"
    QString description; // "Address labels"
    QString equivalentOf; // "5160" when this part is sold as another's twin (glabels' equiv)
    QStringList aliases; // other names it is sold under ("Avery 8160"), for search
    QStringList categories; // glabels' categories: "label", "mail", "round-label", ...
    QString productUrl;
    QString paperId; // "A4", "US-Letter", "Other"
    QString paperName; // "A4", "US Letter"
    double pageWidth = 0;
    double pageHeight = 0;
    StockShape shape;
    std::vector<StockGrid> grids; // glabels allows several per sheet
    std::vector<StockMarkup> markups;
    Unit unit = Unit::Millimetre;
    bool roll = false; // one label per page on a continuous roll (thermal printers)
    bool mirrored = false; // printed on the back of clear film
    QString file; // the file it was read from
    std::optional<SheetTemplate> sheet; // the station's own template, unchanged, for station and user stocks

    [[nodiscard]] int labelsPerSheet() const;
    /// Every label's rectangle on the page, grid by grid, left to right then top to bottom.
    [[nodiscard]] std::vector<QRectF> labelRects() const;
    /// "1 × 2⅝ in", "63.5 × 38.1 mm", "Ø 1½ in", "1½ × ¾ in oval", "Ø 117 mm CD".
    [[nodiscard]] QString sizeText() const;
    /// "30 per sheet", "roll".
    [[nodiscard]] QString countText() const;
    /// "Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet".
    [[nodiscard]] QString displayName() const;
    /// Whether every word of @p words is found in the brand, part, description, aliases, size or paper.
    [[nodiscard]] bool matches(const QStringList &words) const;
};

/** A stock as the sheet renderer takes it, and what could not be carried over. */
struct SheetConversion
{
    SheetTemplate sheet;
    int unusedLabels = 0; // labels on grids beyond the one SheetTemplate holds
    QString note; // why some labels or some of the shape are left unused, in plain words; empty when none
};

/// The station's SheetTemplate for @p stock, so the existing sheet renderer can print on it. Station and user
/// stocks give back their own template. A glabels stock keeps its largest grid (unusedLabels counts the rest); an
/// oval becomes a rectangle whose safe area keeps to the inside of the oval; a CD is refused (its hole is where the
/// sheet renderer centres the symbol: use a layout). The result passes parseTemplate()'s checks.
[[nodiscard]] Result<SheetConversion> toSheetTemplate(const Stock &stock);
/// The same template as JSON in the station's file format (resources/templates), to save it as the user's own.
[[nodiscard]] QByteArray sheetTemplateJson(const SheetTemplate &sheet);
/// A stock for one of the station's or the user's templates: brand and part are taken from the template's name and
/// description when they agree ("avery_5160", "Avery 5160 address labels, ...").
[[nodiscard]] Stock stockFromSheetTemplate(const SheetTemplate &sheet, StockSource source);

/// "2⅝", "1½", "0.67": inches as a maker writes them (eighths and thirds as fractions).
[[nodiscard]] QString inchText(double inches);
/// "Address Labels" → "Address labels": glabels' descriptions in title case, as a sentence.
[[nodiscard]] QString sentenceCase(const QString &title);

} // namespace closient::labels
