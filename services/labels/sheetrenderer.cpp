// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheetrenderer.h"

#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace closient::labels {

int SheetLayout::pageCount(int items) const
{
    const int perPage = sheet.labelsPerPage();
    const int used = (startPosition - 1) + items * std::max(1, copies);
    return items <= 0 ? 0 : (used + perPage - 1) / perPage;
}

std::pair<int, int> SheetLayout::slot(int n) const
{
    const int absolute = (startPosition - 1) + n;
    return { absolute / sheet.labelsPerPage(), absolute % sheet.labelsPerPage() };
}

SheetRenderer::SheetRenderer(SheetLayout layout, int itemCount, ArtworkSource source)
    : m_layout(std::move(layout))
    , m_items(itemCount)
    , m_source(std::move(source))
{ }

SheetRenderer::SheetRenderer(SheetLayout layout, int itemCount, CellPainter painter)
    : m_layout(std::move(layout))
    , m_items(itemCount)
    , m_cellPainter(std::move(painter))
{ }

void SheetRenderer::drawOutline(QPainter &painter, const SheetTemplate &sheet, const QRectF &cell)
{
    painter.save();
    QPen pen(QColor(0x9a, 0xa5, 0xb1));
    pen.setWidthF(0.12);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    if (sheet.shape == SheetTemplate::Shape::Round)
        painter.drawEllipse(cell);
    else
        painter.drawRoundedRect(cell, sheet.cornerRadius, sheet.cornerRadius);
    painter.restore();
}

bool SheetRenderer::render(
    QPagedPaintDevice *device, QString *error, const std::function<bool(int)> &progress, int firstPage, int lastPage)
{
    m_placed.clear();
    const int copies = std::max(1, m_layout.copies);
    const int labels = m_items * copies;
    const int pages = pageCount();
    if (lastPage < 0 || lastPage >= pages)
        lastPage = pages - 1;
    if (labels == 0 || firstPage > lastPage) {
        *error = u"there is nothing to print"_s;
        return false;
    }
    QPainter painter;
    if (!painter.begin(device)) {
        *error = u"the output could not be opened for drawing"_s;
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Work in millimetres from the page's top-left corner, whatever the device's resolution.
    const double dotsPerMm = device->logicalDpiX() / 25.4;
    const auto &sheet = m_layout.sheet;
    const int perPage = sheet.labelsPerPage();
    bool firstPainted = true;
    int done = 0;
    for (int page = firstPage; page <= lastPage; ++page) {
        if (!firstPainted && !device->newPage()) {
            *error = u"the output refused a new page (disk full?)"_s;
            return false;
        }
        firstPainted = false;
        painter.resetTransform();
        painter.scale(dotsPerMm, dotsPerMm);
        for (int cell = 0; cell < perPage; ++cell) {
            const int n = page * perPage + cell - (m_layout.startPosition - 1);
            const QRectF rect = sheet.cell(cell).translated(m_layout.calibration);
            if (m_layout.outlines)
                drawOutline(painter, sheet, rect);
            if (n < 0 || n >= labels)
                continue;
            const int item = n / copies;
            QString why;
            if (m_cellPainter) {
                painter.save();
                painter.translate(rect.topLeft());
                const auto symbols = m_cellPainter(painter, item, &why);
                painter.restore();
                if (!symbols) {
                    *error = why;
                    painter.end();
                    return false;
                }
                if (symbols->empty())
                    m_placed.push_back({ item, page, cell, rect, {}, {}, SymbolKind::Gs1DataMatrix, {}, 0, false });
                for (const auto &s : *symbols)
                    m_placed.push_back({ item, page, cell, rect, s.rect.translated(rect.topLeft()), s.expected,
                        toSymbolKind(s.symbology).value_or(SymbolKind::Gs1DataMatrix), s.symbology, s.rotation, true,
                        s.xDim });
                if (progress && !progress(++done)) {
                    *error = u"cancelled"_s;
                    painter.end();
                    return false;
                }
                continue;
            }
            const auto art = m_source(item, &why);
            if (!art) {
                *error = why;
                painter.end();
                return false;
            }
            const QPointF origin = rect.topLeft() + sheet.contentArea().rect.topLeft();
            art->paint(painter, origin);
            m_placed.push_back({ item, page, cell, rect, art->symbolRect.translated(origin), art->content.expected,
                art->content.kind, std::nullopt, 0, true, art->xDim });
            if (progress && !progress(++done)) {
                *error = u"cancelled"_s;
                painter.end();
                return false;
            }
        }
    }
    if (!painter.end()) {
        *error = u"the output could not be finished (disk full?)"_s;
        return false;
    }
    return true;
}

bool writeSheetPdf(const QString &path, SheetRenderer &renderer, const QString &title, QString *error,
    const std::function<bool(int)> &progress)
{
    QPdfWriter writer(path);
    writer.setCreator(u"Closient Station"_s);
    writer.setTitle(title);
    writer.setResolution(1200);
    writer.setPageSize(renderer.layout().sheet.pageSize());
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    return renderer.render(&writer, error, progress);
}

} // namespace closient::labels
