// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfpageprovider.h"

#include "stationfonts.h"

#include <QPainter>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace closient::ui {

PdfPageProvider::PdfPageProvider()
    : QQuickImageProvider(QQuickImageProvider::Image, QQmlImageProviderBase::ForceAsynchronousImageLoading)
{ }

QImage PdfPageProvider::requestImage(const QString &id, QSize *size, const QSize &requestedSize)
{
    const qsizetype slash = id.indexOf(u'/');
    const int page = id.left(slash).toInt();
    const QString path = QUrl::fromPercentEncoding(id.mid(slash + 1).toUtf8());
    const int width = requestedSize.width() > 0 ? requestedSize.width() : 850;
    auto rendered = m_pages.render(path, page, width);
    QImage image = rendered.ok() ? std::move(*rendered) : QImage();
    if (!rendered) {
        const QString error = rendered.error().message;
        // Say it in the picture: the view shows what went wrong where the page would be.
        image = QImage(width, width * 11 / 8, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        if (const auto &fonts = StationFonts::load(); fonts.ok())
            p.setFont(StationFonts::font(fonts.value().textFamily, 14)); // the station's font, not the machine's
        p.setPen(QColor(0xc6, 0x28, 0x28));
        p.drawText(image.rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap, error);
    }
    if (size)
        *size = image.size();
    return image;
}

} // namespace closient::ui
