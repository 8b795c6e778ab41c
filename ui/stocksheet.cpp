// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stocksheet.h"

#include "stocklibrary.h"

#include <QPainter>
#include <QPainterPath>

namespace closient::ui {

StockSheet::StockSheet(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void StockSheet::setStockId(const QString &id)
{
    if (id == m_stockId)
        return;
    m_stockId = id;
    update();
    Q_EMIT stockIdChanged();
}

void StockSheet::paint(QPainter *painter)
{
    const auto library = labels::StockLibrary::instance();
    const labels::Stock *stock = m_stockId.isEmpty() ? nullptr : library->find(m_stockId);
    if (!stock || stock->pageWidth <= 0 || stock->pageHeight <= 0)
        return;
    const double margin = 4;
    const double scale
        = std::min((width() - 2 * margin) / stock->pageWidth, (height() - 2 * margin) / stock->pageHeight);
    if (scale <= 0)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate((width() - stock->pageWidth * scale) / 2, (height() - stock->pageHeight * scale) / 2);
    painter->scale(scale, scale);
    const QRectF page(0, 0, stock->pageWidth, stock->pageHeight);
    painter->fillRect(page.translated(1.2 / scale, 1.2 / scale), QColor(0, 0, 0, 40)); // its shadow
    painter->fillRect(page, Qt::white);
    painter->setPen(QPen(QColor(0x90, 0x90, 0x90), 0));
    painter->drawRect(page);

    // Each label as it is cut: the shape's own outline (a circle, an oval, a CD with its hole) at its place.
    const QPainterPath outline = stock->shape.outline();
    painter->setPen(QPen(QColor(0x3b, 0x6e, 0xa8), 0));
    painter->setBrush(QColor(0xe3, 0xee, 0xfa));
    for (const QRectF &r : stock->labelRects())
        painter->drawPath(outline.translated(r.topLeft()));
}

} // namespace closient::ui
