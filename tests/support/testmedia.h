// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syntheticvideo.h"

#include <QImage>
#include <QString>

namespace closient::test {

using bench::Scene;
using bench::writeVideo;

/// A clean barcode image made with ZXing-cpp's writer ("QRCode", "EAN-13", "Code128", "DataMatrix"), quiet zone
/// included, about @p size pixels. Tests only: the workstation itself never links ZXing into its own process.
[[nodiscard]] QImage makeBarcode(const QString &format, const QString &text, int size = 240);

} // namespace closient::test
