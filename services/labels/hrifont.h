// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QFont>
#include <QPainterPath>

namespace closient::labels {

/**
 * The font of the human-readable text on labels: OCR-B from its file (StationFonts), as GS1 recommends, so that
 * text measures and draws the same on every machine whatever else is installed. Sizes are in millimetres: @p em
 * is the font size. Thread-safe.
 */
class HriFont
{
public:
    /// The font, or StationFonts' reason (the file and the package that provides it) when it is missing.
    [[nodiscard]] static Result<const HriFont *> get();

    [[nodiscard]] double width(const QString &text, double em) const;
    /// How far the glyphs of @p text reach above (negative) and below the baseline, in mm.
    [[nodiscard]] std::pair<double, double> verticalExtent(const QString &text, double em) const;
    /// The glyph outlines of @p text with its baseline's left end at the origin, in mm.
    [[nodiscard]] QPainterPath outline(const QString &text, double em) const;
    /// For painting: the font at the reference size; scale the painter by em / kReferencePixels.
    [[nodiscard]] const QFont &font() const { return m_font; }

    static constexpr int kReferencePixels = 200; // text is measured and drawn at this size and scaled

private:
    explicit HriFont(const QString &family);
    QFont m_font;
};

} // namespace closient::labels
