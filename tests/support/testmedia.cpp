// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testmedia.h"

#include <ZXing/BarcodeFormat.h>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

namespace closient::test {

QImage makeBarcode(const QString &format, const QString &text, int size)
{
    const auto f = ZXing::BarcodeFormatFromString(format.toStdString());
    const bool linear = (ZXing::BarcodeFormats(f) & ZXing::BarcodeFormat::LinearCodes) == ZXing::BarcodeFormats(f);
    const auto matrix = ZXing::MultiFormatWriter(f)
                            .setMargin(linear ? 10 : 4)
                            .encode(text.toStdWString(), size, linear ? size / 2 : size);
    QImage img(matrix.width(), matrix.height(), QImage::Format_Grayscale8);
    for (int y = 0; y < matrix.height(); ++y) {
        uchar *line = img.scanLine(y);
        for (int x = 0; x < matrix.width(); ++x)
            line[x] = matrix.get(x, y) ? 0 : 255;
    }
    return img;
}

} // namespace closient::test
