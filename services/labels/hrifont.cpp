// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "hrifont.h"

#include "stationfonts.h"

#include <QFontMetricsF>
#include <QMutex>
#include <QTransform>

namespace closient::labels {

namespace {
QMutex &fontMutex()
{
    static QMutex mutex; // font metrics and text paths are not promised to be thread-safe
    return mutex;
}
} // namespace

HriFont::HriFont(const QString &family)
    : m_font(StationFonts::font(family, 10))
{
    m_font.setPixelSize(kReferencePixels);
    m_font.setKerning(false); // OCR-B is monospaced: every character one pitch
}

Result<const HriFont *> HriFont::get()
{
    const auto &fonts = StationFonts::load();
    if (!fonts.ok())
        return fonts.error();
    static const HriFont font(fonts.value().hriFamily);
    return &font;
}

double HriFont::width(const QString &text, double em) const
{
    const QMutexLocker lock(&fontMutex());
    return QFontMetricsF(m_font).horizontalAdvance(text) * em / kReferencePixels;
}

std::pair<double, double> HriFont::verticalExtent(const QString &text, double em) const
{
    const QMutexLocker lock(&fontMutex());
    const QRectF r = QFontMetricsF(m_font).tightBoundingRect(text);
    return { r.top() * em / kReferencePixels, r.bottom() * em / kReferencePixels };
}

QPainterPath HriFont::outline(const QString &text, double em) const
{
    QPainterPath path;
    {
        const QMutexLocker lock(&fontMutex());
        path.addText(QPointF(0, 0), m_font, text);
    }
    path.setFillRule(Qt::WindingFill);
    return QTransform::fromScale(em / kReferencePixels, em / kReferencePixels).map(path);
}

} // namespace closient::labels
