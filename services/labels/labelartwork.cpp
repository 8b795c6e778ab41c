// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelartwork.h"

#include <QFont>
#include <QFontMetricsF>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr int kReferencePixels = 200; // text is measured and drawn at this size and scaled
constexpr double kLineHeight = 1.15; // line pitch in em
constexpr double kTextGap = 0.35; // space between symbol and text in em

QFont hriFont()
{
    // Condensed: a GTIN with its AI fits across a one-inch label at a legible size.
    QFont f(u"DejaVu Sans Condensed"_s);
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(kReferencePixels);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

/// AIs joined into as few lines as fit @p width at @p em; empty when one element alone is too wide.
std::optional<QStringList> groupLines(const QStringList &parts, double width, double em)
{
    QStringList lines;
    for (const auto &p : parts) {
        if (textWidth(p, em) > width)
            return std::nullopt;
        if (!lines.isEmpty() && textWidth(lines.last() + p, em) <= width)
            lines.last() += p;
        else
            lines << p;
    }
    return lines;
}

/// X on the printer's dot grid, so every module is the same number of dots: rounded down when that stays legal,
/// else up when the room and the table allow, else left as it is.
double snapToDots(double x, double minX, double upper, double dpi)
{
    if (dpi <= 0)
        return x;
    const double dot = 25.4 / dpi;
    const double down = std::floor(x / dot + 1e-9) * dot;
    if (down >= minX - 1e-9)
        return down;
    const double up = std::ceil(x / dot - 1e-9) * dot;
    return up <= upper + 1e-9 ? up : x;
}

QString mm(double v)
{
    return QString::number(v, 'f', 4);
}
} // namespace

double textWidth(const QString &text, double em)
{
    static QMutex mutex; // QFontMetricsF is cheap but not promised to be thread-safe
    static const QFont font = hriFont();
    QMutexLocker lock(&mutex);
    static const QFontMetricsF metrics(font);
    return metrics.horizontalAdvance(text) * em / kReferencePixels;
}

std::optional<LabelArtwork> layoutArtwork(const SymbolContent &content, const EncodedSymbol &symbol, QSizeF area,
    const ArtworkOptions &options, QString *error)
{
    const XSpec spec = xSpec(content.kind, options.table);
    const bool unlimited = area.isEmpty();
    const double availW = unlimited ? 1e6 : area.width();
    const double availH = unlimited ? 1e6 : area.height();
    const QString title = symbolKindTitle(content.kind);

    LabelArtwork art;
    art.content = content;
    QStringList lines;
    double em = 0;
    double x = 0;
    double symbolW = 0;
    double symbolH = 0;
    const bool zintText = !symbol.texts.empty(); // EAN/UPC: zint places the digits, scaled with the symbol

    if (zintText) {
        // EAN/UPC keep their full height (69.24 X): the whole symbol scales with X, never truncated.
        const double fit = std::min(availW / symbol.widthModules, availH / symbol.heightModules);
        x = snapToDots(std::min(spec.targetX, fit), spec.minX, std::min(fit, spec.maxX), options.printerDpi);
        if (x < spec.minX - 1e-9) {
            *error = u"%1 needs at least %2 × %3 mm (X %4 mm, full height); this label leaves %5 × %6 mm"_s.arg(title)
                         .arg(symbol.widthModules * spec.minX, 0, 'f', 1)
                         .arg(symbol.heightModules * spec.minX, 0, 'f', 1)
                         .arg(spec.minX, 0, 'f', 3)
                         .arg(availW, 0, 'f', 1)
                         .arg(availH, 0, 'f', 1);
            return std::nullopt;
        }
        symbolW = symbol.widthModules * x;
        symbolH = symbol.heightModules * x;
    } else if (isLinear(content.kind)) {
        const double fitX = availW / symbol.widthModules;
        x = snapToDots(std::min(spec.targetX, fitX), spec.minX, std::min(fitX, spec.maxX), options.printerDpi);
        if (x < spec.minX - 1e-9) {
            *error = u"%1 with this data is %2 modules wide: %3 mm at the smallest X allowed (%4 mm), and this label "
                     u"leaves %5 mm. Choose a wider label, fewer AIs, or a table that allows a smaller X."_s.arg(title)
                         .arg(symbol.widthModules, 0, 'f', 0)
                         .arg(symbol.widthModules * spec.minX, 0, 'f', 1)
                         .arg(spec.minX, 0, 'f', 3)
                         .arg(availW, 0, 'f', 1);
            return std::nullopt;
        }
        symbolW = symbol.widthModules * x;
        for (double e = options.preferredTextEm; options.humanReadable && e >= options.minTextEm - 1e-9; e -= 0.1) {
            if (auto l = groupLines(content.hriLines, symbolW, e)) {
                lines = *l;
                em = e;
                break;
            }
        }
        if (options.humanReadable && lines.isEmpty()) {
            *error = u"the human-readable text of %1 does not fit under it even at %2 mm"_s.arg(title).arg(
                options.minTextEm);
            return std::nullopt;
        }
        const double textH = lines.isEmpty() ? 0 : (lines.size() * kLineHeight + kTextGap) * em;
        symbolH = std::min(unlimited ? spec.targetBarHeight : availH - textH, spec.targetBarHeight);
        if (symbolH < spec.minBarHeight - 1e-9) {
            *error = u"%1 needs bars at least %2 mm high; this label leaves %3 mm under its text"_s.arg(title)
                         .arg(spec.minBarHeight, 0, 'f', 1)
                         .arg(std::max(0.0, availH - textH), 0, 'f', 1);
            return std::nullopt;
        }
    } else {
        // 2D: the text takes what it needs (shrinking to the smallest size first), the symbol the rest.
        bool placed = false;
        bool textFitted = !options.humanReadable;
        double bestFit = 0;
        for (double e = options.preferredTextEm; e >= options.minTextEm - 1e-9 || !options.humanReadable; e -= 0.1) {
            QStringList l;
            if (options.humanReadable) {
                // Alone (an export), the text may be as wide as its longest element; on a label, as the label.
                double width = availW;
                if (unlimited) {
                    width = symbol.widthModules * spec.targetX;
                    for (const auto &part : content.hriLines)
                        width = std::max(width, textWidth(part, e));
                }
                auto grouped = groupLines(content.hriLines, std::max(width, 0.0), e);
                if (!grouped)
                    continue;
                l = *grouped;
                textFitted = true;
            }
            const double textH = l.isEmpty() ? 0 : (l.size() * kLineHeight + kTextGap) * e;
            const double fit = std::min(availW / symbol.widthModules, (availH - textH) / symbol.heightModules);
            bestFit = std::max(bestFit, fit);
            const double cand
                = snapToDots(std::min(spec.targetX, fit), spec.minX, std::min(fit, spec.maxX), options.printerDpi);
            if (cand >= spec.minX - 1e-9) {
                x = cand;
                lines = l;
                em = options.humanReadable ? e : 0;
                placed = true;
                break;
            }
            if (!options.humanReadable)
                break;
        }
        if (!placed && !textFitted) {
            *error = u"the human-readable text (%1) is wider than this label's %2 mm even at the smallest size; "
                     u"print without it or choose a larger label"_s.arg(content.hriLines.value(0))
                         .arg(availW, 0, 'f', 1);
            return std::nullopt;
        }
        if (!placed) {
            *error = u"%1 with this data is %2 × %2 modules: at the smallest X allowed (%3 mm) it needs %4 mm "
                     u"square plus its text, and this label leaves room for X %5 mm only"_s.arg(title)
                         .arg(symbol.widthModules, 0, 'f', 0)
                         .arg(spec.minX, 0, 'f', 3)
                         .arg(symbol.widthModules * spec.minX, 0, 'f', 1)
                         .arg(bestFit, 0, 'f', 3);
            return std::nullopt;
        }
        symbolW = symbol.widthModules * x;
        symbolH = symbol.heightModules * x;
    }

    const double textH = lines.isEmpty() ? 0 : (lines.size() * kLineHeight + kTextGap) * em;
    const double blockW = std::max(symbolW, [&] {
        double w = 0;
        for (const auto &l : lines)
            w = std::max(w, textWidth(l, em));
        return w;
    }());
    const double blockH = symbolH + textH;
    art.size = unlimited ? QSizeF(blockW, blockH) : area;
    const double left = (art.size.width() - symbolW) / 2;
    const double top = (art.size.height() - blockH) / 2;
    art.xDim = x;
    art.symbolRect = QRectF(left, top, symbolW, symbolH);

    // Zint's free-height symbols were made 50 modules high; stretch their y to the bar height chosen.
    const double sy = zintText ? x : symbolH / symbol.heightModules;
    art.dark.reserve(symbol.bars.size());
    for (const auto &r : symbol.bars)
        art.dark.emplace_back(left + r.x() * x, top + r.y() * sy, r.width() * x, r.height() * sy);
    for (const auto &t : symbol.texts)
        art.text.push_back({ t.text, QPointF(left + t.x * x, top + t.y * x), t.size * x, t.align });
    double baseline = top + symbolH + kTextGap * em;
    for (const auto &l : lines) {
        baseline += em * (kLineHeight - 0.15);
        art.text.push_back({ l, QPointF(art.size.width() / 2, baseline), em, 0 });
        baseline += em * 0.15;
    }
    return art;
}

void LabelArtwork::paint(QPainter &painter, QPointF origin) const
{
    QPainterPath path;
    path.setFillRule(Qt::WindingFill);
    for (const auto &r : dark)
        path.addRect(r.translated(origin));
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    painter.drawPath(path);
    if (!text.empty()) {
        static const QFont font = hriFont();
        painter.setFont(font);
        painter.setPen(Qt::black);
        for (const auto &l : text) {
            const double w = textWidth(l.text, l.em);
            const double x = l.align == 0 ? l.baseline.x() - w / 2 : l.align == 2 ? l.baseline.x() - w : l.baseline.x();
            painter.save();
            painter.translate(origin + QPointF(x, l.baseline.y()));
            painter.scale(l.em / kReferencePixels, l.em / kReferencePixels);
            painter.drawText(QPointF(0, 0), l.text);
            painter.restore();
        }
    }
    painter.restore();
}

QByteArray LabelArtwork::toSvg() const
{
    QString s;
    s += u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"_s;
    s += u"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1mm\" height=\"%2mm\" viewBox=\"0 0 %1 %2\">\n"_s
             .arg(mm(size.width()), mm(size.height()));
    s += u"  <desc>%1: %2 (X %3 mm)</desc>\n"_s.arg(
        symbolKindTitle(content.kind), content.expected.toHtmlEscaped(), mm(xDim));
    s += u"  <rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#FFFFFF\"/>\n"_s.arg(
        mm(size.width()), mm(size.height()));
    s += u"  <path fill=\"#000000\" d=\""_s;
    for (const auto &r : dark)
        s += u"M%1 %2h%3v%4h-%3Z"_s.arg(mm(r.x()), mm(r.y()), mm(r.width()), mm(r.height()));
    s += u"\"/>\n"_s;
    for (const auto &l : text) {
        const char16_t *anchor = l.align == 0 ? u"middle" : l.align == 2 ? u"end" : u"start";
        s += u"  <text x=\"%1\" y=\"%2\" font-family=\"DejaVu Sans Condensed, Arial Narrow, sans-serif\" "
             u"font-size=\"%3\" "
             u"text-anchor=\"%4\" fill=\"#000000\">%5</text>\n"_s.arg(
                 mm(l.baseline.x()), mm(l.baseline.y()), mm(l.em), QString::fromUtf16(anchor), l.text.toHtmlEscaped());
    }
    s += u"</svg>\n"_s;
    return s.toUtf8();
}

QByteArray LabelArtwork::toEps() const
{
    // PostScript's unit is the point and its y axis points up.
    const double k = 72.0 / 25.4;
    const double h = size.height() * k;
    QString s;
    s += u"%!PS-Adobe-3.0 EPSF-3.0\n"_s;
    s += u"%%BoundingBox: 0 0 %1 %2\n"_s.arg(int(std::ceil(size.width() * k))).arg(int(std::ceil(h)));
    s += u"%%HiResBoundingBox: 0 0 %1 %2\n"_s.arg(mm(size.width() * k), mm(h));
    s += u"%%Title: %1\n"_s.arg(symbolKindTitle(content.kind) + u' ' + content.expected.simplified());
    s += u"%%Creator: Closient Station\n%%EndComments\n"_s;
    s += u"gsave\n1 setgray 0 0 %1 %2 rectfill\n0 setgray\n"_s.arg(mm(size.width() * k), mm(h));
    for (const auto &r : dark)
        s += u"%1 %2 %3 %4 rectfill\n"_s.arg(
            mm(r.x() * k), mm(h - r.bottom() * k), mm(r.width() * k), mm(r.height() * k));
    for (const auto &l : text) {
        QString escaped = l.text;
        escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"("_s, u"\\("_s).replace(u")"_s, u"\\)"_s);
        s += u"/Helvetica findfont %1 scalefont setfont\n"_s.arg(mm(l.em * k));
        const QString x = mm(l.baseline.x() * k);
        const QString y = mm(h - l.baseline.y() * k);
        if (l.align == 0)
            s += u"%1 %2 moveto (%3) dup stringwidth pop 2 div neg 0 rmoveto show\n"_s.arg(x, y, escaped);
        else if (l.align == 2)
            s += u"%1 %2 moveto (%3) dup stringwidth pop neg 0 rmoveto show\n"_s.arg(x, y, escaped);
        else
            s += u"%1 %2 moveto (%3) show\n"_s.arg(x, y, escaped);
    }
    s += u"grestore\nshowpage\n%%EOF\n"_s;
    return s.toLatin1();
}

QImage LabelArtwork::toImage(double dpi) const
{
    // Whole pixels per module keep every bar the same width; the resolution follows from them.
    const double pixelsPerModule = std::max(2.0, std::round(xDim * dpi / 25.4));
    const double pxPerMm = pixelsPerModule / xDim;
    QImage image(int(std::ceil(size.width() * pxPerMm)), int(std::ceil(size.height() * pxPerMm)), QImage::Format_RGB32);
    image.fill(Qt::white);
    image.setDotsPerMeterX(int(std::lround(pxPerMm * 1000)));
    image.setDotsPerMeterY(int(std::lround(pxPerMm * 1000)));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.scale(pxPerMm, pxPerMm);
    paint(p);
    return image;
}

} // namespace closient::labels
