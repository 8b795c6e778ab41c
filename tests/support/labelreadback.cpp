// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelreadback.h"

#include "isolateddecoder.h"

#include <QPainter>

using namespace Qt::StringLiterals;

namespace closient::test {

namespace {
QRect pixels(const QRectF &mm, double dpi, const QSize &bounds)
{
    const double k = dpi / 25.4;
    return QRect(QPoint(int(std::floor(mm.left() * k)), int(std::floor(mm.top() * k))),
        QPoint(int(std::ceil(mm.right() * k)) - 1, int(std::ceil(mm.bottom() * k)) - 1))
        .intersected(QRect(QPoint(0, 0), bounds));
}

QString visible(QString s)
{
    return s.replace(QChar(0x1D), u"<GS>"_s);
}
} // namespace

QStringList readBackSymbols(scanning::IsolatedDecoder &decoder, const QImage &label, double dpi,
    const std::vector<labels::PlacedSymbol> &symbols)
{
    QStringList failures;
    const QImage gray = label.convertToFormat(QImage::Format_Grayscale8);
    for (const auto &s : symbols) {
        // The symbol with its quiet zones, on a white margin of its own (a reader wants to see where it ends).
        const QRect area = pixels(s.rect, dpi, gray.size());
        const int margin = int(dpi / 25.4 * 3);
        QImage framed(area.size() + QSize(2 * margin, 2 * margin), QImage::Format_Grayscale8);
        framed.fill(255);
        {
            QPainter p(&framed);
            p.drawImage(QPoint(margin, margin), gray.copy(area));
        }
        const auto outcome = decoder.decodeGray(framed.constBits(), framed.width(), framed.height(),
            int(framed.bytesPerLine()), scanning::Strategy::Still, 0, 20000);
        const QString name = u"%1 (%2)"_s.arg(s.objectId, labels::layoutSymbologyTitle(s.symbology));
        if (!outcome.ok()) {
            failures << u"%1: %2"_s.arg(name, outcome.error);
        } else if (outcome.results.size() != 1) {
            failures << u"%1: %2 codes read"_s.arg(name).arg(outcome.results.size());
        } else {
            const auto &r = outcome.results.front();
            if (r.format != labels::layoutZxingFormat(s.symbology))
                failures << u"%1: read as %2"_s.arg(name, r.format);
            else if (!r.symbologyId.startsWith(labels::layoutSymbologyId(s.symbology)))
                failures << u"%1: symbology identifier %2"_s.arg(name, r.symbologyId);
            else if (r.text != s.expected)
                failures << u"%1: read \"%2\", expected \"%3\""_s.arg(name, visible(r.text), visible(s.expected));
        }
    }
    return failures;
}

int darkPixels(const QImage &label, double dpi, const QRectF &rect)
{
    const QImage gray = label.convertToFormat(QImage::Format_Grayscale8);
    const QRect area = pixels(rect, dpi, gray.size());
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const uchar *line = gray.constScanLine(y);
        for (int x = area.left(); x <= area.right(); ++x)
            n += line[x] < 128;
    }
    return n;
}

} // namespace closient::test
