// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "layoutsymbol.h"
#include "result.h"
#include "stock.h"

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace closient::labels {

/** One thing on a label: a symbol, a text, an image, a line or a box, placed in millimetres. */
struct LayoutObject
{
    enum class Type { Symbol, Text, Image, Line, Box };
    enum class Font { Sans, OcrB, Mono }; // StationFonts: DejaVu Sans, OCR-B, DejaVu Sans Mono
    enum class Align { Left, Centre, Right };
    enum class VAlign { Top, Middle, Bottom };
    enum class Fit { Shrink, Wrap }; // keep the lines and shrink; or wrap at spaces (and shrink if still too tall)

    QString id; // unique in its layout: how the designer and problem reports name it
    Type type = Type::Text;
    QRectF rect; // on the label as it is seen (rotation already applied); a line runs from topLeft to bottomRight
    int rotation = 0; // 0, 90, 180 or 270 degrees clockwise: the content is laid out in the turned box

    // Text
    QString text; // with fields: "Lot {lot}", "EXP {expiry:%d %b %Y}"; lines separated by "\n"
    Font font = Font::Sans;
    double fontSize = 10; // points
    double minFontSize = 5; // points: shrinking stops here
    bool bold = false;
    Align align = Align::Left;
    VAlign valign = VAlign::Top;
    Fit fit = Fit::Shrink;
    bool required = false; // a missing value is a problem, not a blank

    // Symbol
    LayoutSymbology symbology = LayoutSymbology::Gs1DataMatrix;
    std::vector<LayoutElement> elements; // empty: defaultElements() (2D and GS1-128) or the GTIN alone
    bool humanReadable = false; // the HRI under the symbol, in OCR-B

    // Image
    QString imageFile; // relative to the layout's file
    QByteArray imageData; // or embedded: PNG, JPEG or SVG
    bool keepAspect = true;

    // Line and box
    double stroke = 0.3; // mm
    bool filled = false;
    double cornerRadius = 0;

    bool operator==(const LayoutObject &) const = default;
};

/**
 * A label design: the objects on one label's shape, bound to product data by fields. Saved as JSON (format
 * "closient-label-layout", version 1; lengths in millimetres, font sizes in points; see docs/ARCHITECTURE.md).
 */
struct Layout
{
    static constexpr int kVersion = 1;
    static constexpr int kMaxObjects = 500;

    QString name; // what people call it: "Product label"
    QString description;
    StockShape label; // the label it is drawn on: size and shape
    QString stockId; // the stock it was designed for (Stock::id), may be empty
    Gs1Table table = Gs1Table::General;
    QString resolverDomain; // Digital Link QR; empty = https://id.gs1.org
    std::vector<LayoutObject> objects;
    QString folder; // where its file lies, for image files; not saved

    [[nodiscard]] const LayoutObject *object(const QString &id) const;
    bool operator==(const Layout &other) const; // everything saved (not folder)
};

/// Reads a layout, checking everything a label needs (known fields and formats, symbologies, AIs, sizes, unique
/// ids). A newer version is refused with the reason; unknown keys are ignored. @p folder resolves image files.
[[nodiscard]] Result<Layout> parseLayout(const QByteArray &json, const QString &folder = {});
/// The layout as JSON; parseLayout() gives it back equal.
[[nodiscard]] QByteArray layoutToJson(const Layout &layout);
[[nodiscard]] Result<Layout> loadLayoutFile(const QString &path);
/// Writes to a temporary file, syncs it and renames it over @p path: an old file survives a crash.
[[nodiscard]] Result<Done> saveLayoutFile(const Layout &layout, const QString &path);

/// Every field the layout's texts and symbol elements bind, each once: standard fields by their name ("lot"), any
/// other (a CSV column) as written, trimmed. A CSV export with this layout takes these columns from its file.
[[nodiscard]] QStringList boundFields(const Layout &layout);

/// The shape of a stock's label, as a layout names it.
[[nodiscard]] QString shapeName(StockShape::Kind kind);

} // namespace closient::labels
