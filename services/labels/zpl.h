// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QImage>
#include <QPoint>
#include <QString>

#include <optional>

namespace closient::labels {

class LayoutRenderer;
struct LabelData;
struct LayoutRenderResult;

/** How a Zebra-compatible printer finds the next label: by the gap between labels, a black mark, or not at all. */
enum class ZplMedia { Gap, BlackMark, Continuous };

[[nodiscard]] QString zplMediaName(ZplMedia media); // "gap", "black_mark", "continuous"
[[nodiscard]] std::optional<ZplMedia> zplMediaFromName(const QString &name);

/** A thermal printer's settings, sent with every label (ZPL II). */
struct ZplSettings
{
    int dpi = 203; // 203, 300 or 600: 8, 12 or 24 dots a millimetre
    int darkness = -1; // ~SD: 0 to 30; -1 leaves the printer's own
    int darknessAdjust = 0; // ^MD: -30 to 30 added to the printer's darkness; 0 = none
    int speed = 0; // ^PR: inches a second, 1 to 14; 0 leaves the printer's own
    ZplMedia media = ZplMedia::Gap; // ^MN
    QPoint home; // ^LH: dots from the printer's home to the label's top-left
    bool compress = true; // Zebra's ASCII compression in ^GFA (runs, ',' '!' ':'), else plain hex
    int copies = 1; // ^PQ: identical copies of each label

    [[nodiscard]] Result<Done> check() const;
};

/// A ^GFA graphic field for a 1-bit image (bit 1 = black: the colour table's darker entry, or grey below half for
/// other formats): "^GFA,<bytes>,<bytes>,<bytes a row>,<data>".
[[nodiscard]] QByteArray zplGraphicField(const QImage &image, bool compress);

/// One label as "^XA ... ^XZ" (with ~SD before it when a darkness is set): media, print width (^PW) and label length
/// (^LL) from the image, home, speed, darkness, the image as one ^GFA at the origin, copies. The image must carry
/// the printer's resolution (what was verified is what is printed, dot for dot) and be at most 32,000 dots a side.
[[nodiscard]] Result<QByteArray> zplLabel(const QImage &image, const ZplSettings &settings);

/// Renders @p data with @p renderer at the printer's resolution in one bit, and gives its ZPL; a label with a
/// blocking problem is refused with its reasons. @p result gets the rendering's problems and symbol places, and
/// @p image the exact picture sent (to read back before printing).
[[nodiscard]] Result<QByteArray> zplForLabel(const LayoutRenderer &renderer, const LabelData &data,
    const ZplSettings &settings, LayoutRenderResult *result = nullptr, QImage *image = nullptr);

} // namespace closient::labels
