// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "variancepdf.h"

#include "stationfonts.h"

#include <QFile>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::StringLiterals;

namespace closient::counts {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

QString signedNumber(double v)
{
    return v > 0 ? u"+"_s + number(v) : number(v);
}

} // namespace

Result<Done> writeVariancePdf(const Variance &variance, const QString &path)
{
    const auto &fonts = StationFonts::load();
    if (!fonts.ok())
        return fonts.error();
    {
        QPdfWriter writer(path);
        writer.setCreator(u"Closient Station"_s);
        writer.setTitle(u"Inventory count variance"_s);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(300);
        QPainter p;
        if (!p.begin(&writer))
            return Error { u"io"_s, u"The PDF %1 could not be written."_s.arg(path) };
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());
        const QFont title = StationFonts::font(fonts->textFamily, 16);
        const QFont text = StationFonts::font(fonts->textFamily, 9);
        const QFont mono = StationFonts::font(fonts->monoFamily, 9);
        QFont bold = text;
        bold.setBold(true);
        const qreal line = QFontMetricsF(text, &writer).height() * 1.35;
        // Columns as fractions of the page width: GTIN, lot, expected, counted, difference, status.
        const qreal cols[] = { 0.0, 0.24, 0.48, 0.62, 0.76, 0.88, 1.0 };
        const auto colRect = [&](int c, qreal y) {
            return QRectF(page.left() + cols[c] * page.width(), y, (cols[c + 1] - cols[c]) * page.width() - 20, line);
        };
        const Count &c = variance.count;
        qreal y = page.top();
        const auto header = [&]() {
            p.setFont(bold);
            const QStringList names { u"GTIN"_s, u"Lot"_s, u"Expected"_s, u"Counted"_s, u"Difference"_s, u"Status"_s };
            for (int i = 0; i < names.size(); ++i)
                p.drawText(
                    colRect(i, y), (i >= 2 && i <= 4 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, names.at(i));
            y += line;
            p.drawLine(QPointF(page.left(), y), QPointF(page.right(), y));
            y += line * 0.2;
        };
        p.setFont(title);
        p.drawText(QRectF(page.left(), y, page.width(), line * 2), Qt::AlignLeft | Qt::AlignVCenter,
            u"Inventory count variance"_s);
        y += line * 2;
        p.setFont(text);
        QStringList facts;
        facts << u"Location: %1%2"_s.arg(
            c.location.text(), c.location.name.isEmpty() ? QString() : u" (%1)"_s.arg(c.location.name));
        if (!c.description.isEmpty())
            facts << u"Description: %1"_s.arg(c.description);
        facts << u"Started: %1"_s.arg(c.started.toString(u"yyyy-MM-dd HH:mm"_s));
        facts << (c.finished.isValid() ? u"Finished: %1"_s.arg(c.finished.toString(u"yyyy-MM-dd HH:mm"_s))
                                       : u"Not finished: counting goes on"_s);
        facts << u"Expected %1, counted %2; %3 match, %4 over, %5 short, %6 unexpected, %7 missing"_s
                     .arg(number(variance.totalExpected()), number(variance.totalCounted()))
                     .arg(variance.rowsOf(VarianceRow::Kind::Match))
                     .arg(variance.rowsOf(VarianceRow::Kind::Over))
                     .arg(variance.rowsOf(VarianceRow::Kind::Short))
                     .arg(variance.rowsOf(VarianceRow::Kind::Unexpected))
                     .arg(variance.rowsOf(VarianceRow::Kind::Missing));
        for (const auto &f : facts) {
            p.drawText(QRectF(page.left(), y, page.width(), line), Qt::AlignLeft | Qt::AlignVCenter, f);
            y += line;
        }
        y += line * 0.5;
        header();
        for (const auto &r : variance.rows) {
            if (y + line > page.bottom()) {
                if (!writer.newPage())
                    return Error { u"io"_s, u"The PDF %1 could not be written (disk full?)."_s.arg(path) };
                y = page.top();
                header();
            }
            const QStringList cells { r.gtin, r.lot, r.expected ? number(*r.expected) : u"–"_s, number(r.counted),
                signedNumber(r.difference()), varianceKindName(r.kind) };
            for (int i = 0; i < cells.size(); ++i) {
                p.setFont(i <= 1 ? mono : text);
                p.drawText(
                    colRect(i, y), (i >= 2 && i <= 4 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, cells.at(i));
            }
            y += line;
        }
        if (variance.rows.empty()) {
            p.setFont(text);
            p.drawText(QRectF(page.left(), y, page.width(), line), Qt::AlignLeft, u"Nothing counted or expected."_s);
        }
        if (!p.end())
            return Error { u"io"_s, u"The PDF %1 could not be finished (disk full?)."_s.arg(path) };
    }
    if (QFile(path).size() <= 0)
        return Error { u"io"_s, u"The PDF %1 is empty (disk full?)."_s.arg(path) };
    return Done {};
}

} // namespace closient::counts
