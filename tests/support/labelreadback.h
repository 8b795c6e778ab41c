// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layoutrenderer.h"

#include <QImage>
#include <QStringList>

#include <vector>

namespace closient::scanning {
class IsolatedDecoder;
}

namespace closient::test {

/// Reads every placed symbol back from a label image at @p dpi: the area around each symbol is cut out and decoded
/// by the station's isolated decoder, which must find exactly that symbol with its symbology identifier and data.
/// Returns one line per symbol that failed (empty: all read back as placed).
[[nodiscard]] QStringList readBackSymbols(scanning::IsolatedDecoder &decoder, const QImage &label, double dpi,
    const std::vector<labels::PlacedSymbol> &symbols);

/// The number of dark pixels (grey below half) in @p rect (mm) of a label image at @p dpi.
[[nodiscard]] int darkPixels(const QImage &label, double dpi, const QRectF &rect);

} // namespace closient::test
