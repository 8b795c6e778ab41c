// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zpl.h"

#include "layoutrenderer.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr int kMaxDots = 32000; // ^PW and ^LL take up to 32000 dots
constexpr char kHex[] = "0123456789ABCDEF";

Error invalid(const QString &message)
{
    return { u"invalid"_s, message };
}

/// Bit 1 = black, MSB first, rows padded to whole bytes: ^GF's layout.
QByteArray packRows(const QImage &image, int rowBytes)
{
    QByteArray bits(qsizetype(rowBytes) * image.height(), '\0');
    const bool mono = image.format() == QImage::Format_Mono || image.format() == QImage::Format_MonoLSB;
    if (mono && image.format() == QImage::Format_Mono && image.colorCount() == 2) {
        // The renderer's own format: copy the rows, flipping the bits when index 0 is the dark one.
        const bool zeroIsBlack = qGray(image.color(0)) < qGray(image.color(1));
        for (int y = 0; y < image.height(); ++y) {
            const uchar *in = image.constScanLine(y);
            auto *out = reinterpret_cast<uchar *>(bits.data()) + qsizetype(y) * rowBytes;
            for (int b = 0; b < rowBytes; ++b)
                out[b] = zeroIsBlack ? uchar(~in[b]) : in[b];
            if (const int spare = rowBytes * 8 - image.width(); spare > 0)
                out[rowBytes - 1] &= uchar(0xFF << spare); // the padding past the last dot stays white
        }
        return bits;
    }
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *in = gray.constScanLine(y);
        auto *out = reinterpret_cast<uchar *>(bits.data()) + qsizetype(y) * rowBytes;
        for (int x = 0; x < gray.width(); ++x) {
            if (in[x] < 128)
                out[x >> 3] |= uchar(0x80 >> (x & 7));
        }
    }
    return bits;
}

/// Zebra's repeat count for @p n (1 to 419) before a hex digit: g..z for twenties, G..Y for ones.
void appendCount(QByteArray &out, int n)
{
    if (n >= 20)
        out += char('g' + n / 20 - 1);
    if (n % 20)
        out += char('G' + n % 20 - 1);
}

/// One row's hex digits in Zebra's ASCII compression: runs as counts, a trailing run of 0 as ',' and of F as '!'.
void compressRow(QByteArray &out, const char *hex, int length)
{
    int end = length;
    char fill = 0;
    if (hex[length - 1] == '0' || hex[length - 1] == 'F') {
        fill = hex[length - 1];
        while (end > 0 && hex[end - 1] == fill)
            --end;
    }
    for (int i = 0; i < end;) {
        int run = 1;
        while (i + run < end && hex[i + run] == hex[i])
            ++run;
        for (int left = run; left > 0;) {
            const int chunk = std::min(left, 419);
            if (chunk > 1)
                appendCount(out, chunk);
            out += hex[i];
            left -= chunk;
        }
        i += run;
    }
    if (fill)
        out += fill == '0' ? ',' : '!';
}
} // namespace

QString zplMediaName(ZplMedia media)
{
    switch (media) {
    case ZplMedia::Gap:
        return u"gap"_s;
    case ZplMedia::BlackMark:
        return u"black_mark"_s;
    case ZplMedia::Continuous:
        return u"continuous"_s;
    }
    return {};
}

std::optional<ZplMedia> zplMediaFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().replace(u'-', u'_').replace(u' ', u'_');
    for (const auto m : { ZplMedia::Gap, ZplMedia::BlackMark, ZplMedia::Continuous }) {
        if (n == zplMediaName(m))
            return m;
    }
    if (n == u"mark")
        return ZplMedia::BlackMark;
    return std::nullopt;
}

Result<Done> ZplSettings::check() const
{
    if (dpi != 203 && dpi != 300 && dpi != 600)
        return invalid(u"a Zebra printer prints at 203, 300 or 600 dpi, not %1"_s.arg(dpi));
    if (darkness < -1 || darkness > 30)
        return invalid(u"the darkness is 0 to 30 (or unset), not %1"_s.arg(darkness));
    if (darknessAdjust < -30 || darknessAdjust > 30)
        return invalid(u"the darkness adjustment is -30 to 30, not %1"_s.arg(darknessAdjust));
    if (speed < 0 || speed > 14)
        return invalid(u"the speed is 1 to 14 inches a second (or unset), not %1"_s.arg(speed));
    if (copies < 1 || copies > 99999999)
        return invalid(u"copies are 1 to 99,999,999, not %1"_s.arg(copies));
    if (home.x() < 0 || home.y() < 0 || home.x() > kMaxDots || home.y() > kMaxDots)
        return invalid(u"the label home is 0 to %1 dots on each side"_s.arg(kMaxDots));
    return Done {};
}

QByteArray zplGraphicField(const QImage &image, bool compress)
{
    const int rowBytes = (image.width() + 7) / 8;
    const QByteArray bits = packRows(image, rowBytes);
    const int hexLength = rowBytes * 2;
    QByteArray data;
    data.reserve(compress ? bits.size() / 2 : bits.size() * 2);
    QByteArray row(hexLength, '0');
    QByteArray previous;
    for (int y = 0; y < image.height(); ++y) {
        const auto *in = reinterpret_cast<const uchar *>(bits.constData()) + qsizetype(y) * rowBytes;
        for (int b = 0; b < rowBytes; ++b) {
            row[2 * b] = kHex[in[b] >> 4];
            row[2 * b + 1] = kHex[in[b] & 0xF];
        }
        if (!compress) {
            data += row;
        } else if (row == previous) {
            data += ':'; // the same as the line before
        } else {
            compressRow(data, row.constData(), hexLength);
            previous = row;
        }
    }
    const QByteArray total = QByteArray::number(qsizetype(rowBytes) * image.height());
    return "^GFA," + total + ',' + total + ',' + QByteArray::number(rowBytes) + ',' + data;
}

Result<QByteArray> zplLabel(const QImage &image, const ZplSettings &settings)
{
    if (auto ok = settings.check(); !ok.ok())
        return ok.error();
    if (image.isNull())
        return invalid(u"there is no label image"_s);
    if (image.width() > kMaxDots || image.height() > kMaxDots)
        return invalid(u"the label is %1 × %2 dots; a Zebra printer takes at most %3 a side"_s.arg(image.width())
                           .arg(image.height())
                           .arg(kMaxDots));
    // What was read back must be what prints: a picture made for another resolution would be scaled by nobody and
    // print at the wrong size.
    const double imageDpi = image.dotsPerMeterX() * 0.0254;
    if (std::abs(imageDpi - settings.dpi) > 1 || std::abs(image.dotsPerMeterY() * 0.0254 - settings.dpi) > 1)
        return invalid(u"the label was drawn at %1 dpi and the printer prints at %2 dpi: draw it at the printer's "
                       u"resolution"_s.arg(std::round(imageDpi))
                           .arg(settings.dpi));
    QByteArray z;
    if (settings.darkness >= 0)
        z += "~SD" + QByteArray::number(settings.darkness).rightJustified(2, '0') + '\n';
    z += "^XA\n";
    switch (settings.media) {
    case ZplMedia::Gap:
        z += "^MNY\n";
        break;
    case ZplMedia::BlackMark:
        z += "^MNM\n";
        break;
    case ZplMedia::Continuous:
        z += "^MNN\n";
        break;
    }
    z += "^PW" + QByteArray::number(image.width()) + '\n';
    z += "^LL" + QByteArray::number(image.height()) + '\n';
    z += "^LH" + QByteArray::number(settings.home.x()) + ',' + QByteArray::number(settings.home.y()) + '\n';
    if (settings.speed > 0)
        z += "^PR" + QByteArray::number(settings.speed) + '\n';
    if (settings.darknessAdjust != 0)
        z += "^MD" + QByteArray::number(settings.darknessAdjust) + '\n';
    z += "^FO0,0" + zplGraphicField(image, settings.compress) + "^FS\n";
    if (settings.copies > 1)
        z += "^PQ" + QByteArray::number(settings.copies) + '\n';
    z += "^XZ\n";
    return z;
}

Result<QByteArray> zplForLabel(const LayoutRenderer &renderer, const LabelData &data, const ZplSettings &settings,
    LayoutRenderResult *result, QImage *image)
{
    if (auto ok = settings.check(); !ok.ok())
        return ok.error();
    LayoutRenderResult rendered;
    LayoutRenderOptions options;
    options.dpi = settings.dpi;
    options.monochrome = true;
    const QImage picture = renderer.render(data, options, &rendered);
    if (result)
        *result = rendered;
    if (image)
        *image = picture;
    if (!rendered.printable())
        return invalid(u"the label cannot be printed as it is:\n%1"_s.arg(rendered.problemText()));
    return zplLabel(picture, settings);
}

} // namespace closient::labels
