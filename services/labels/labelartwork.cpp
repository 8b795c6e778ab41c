// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelartwork.h"

#include "hrifont.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr double kLineHeight = 1.15; // line pitch in em
constexpr double kTextGap = 0.35; // space between symbol and text in em

Error refused(const QString &message)
{
    return { u"invalid"_s, message };
}

/// Element strings joined into as few lines as fit @p width at @p em; none when one element alone is too wide. An
/// element string (AI and its data) is never split over two lines.
std::optional<QStringList> groupLines(const QStringList &parts, double width, double em)
{
    QStringList lines;
    for (const auto &p : parts) {
        if (textWidth(p, em) > width + 1e-9)
            return std::nullopt;
        if (!lines.isEmpty() && textWidth(lines.last() + p, em) <= width + 1e-9)
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

/// The HRI lines under a symbol: their widths and how far their glyphs reach, measured from the symbol's bottom.
struct TextBlock
{
    QStringList lines;
    double em = 0;
    std::vector<double> widths;
    std::vector<double> tops; // mm below the symbol
    std::vector<double> bottoms;

    TextBlock(QStringList l, double e)
        : lines(std::move(l))
        , em(e)
    {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const double baseline = baselineOffset(int(i));
            const auto [above, below] = HriFont::get().value()->verticalExtent(lines[i], em);
            widths.push_back(textWidth(lines[i], em));
            tops.push_back(baseline + std::min(above, -0.7 * em));
            bottoms.push_back(baseline + std::max(below, 0.0));
        }
    }
    [[nodiscard]] double baselineOffset(int line) const { return (kTextGap + 1.0 + kLineHeight * line) * em; }
    [[nodiscard]] double height() const { return bottoms.empty() ? 0 : bottoms.back(); }
    [[nodiscard]] double width() const { return widths.empty() ? 0 : *std::max_element(widths.begin(), widths.end()); }
};

/// Where the top of a symbol of side @p s may sit in a circle of radius @p r (y from the centre, down), with the
/// text under it: the range of positions that keep every corner inside, or none.
std::optional<std::pair<double, double>> circlePlacement(double r, double s, const TextBlock &text)
{
    double lo = -1e9;
    double hi = 1e9;
    const auto edge = [&](double offset, double halfWidth) {
        if (halfWidth > r)
            return false;
        const double h = std::sqrt(r * r - halfWidth * halfWidth);
        lo = std::max(lo, -h - offset);
        hi = std::min(hi, h - offset);
        return true;
    };
    if (!edge(0, s / 2) || !edge(s, s / 2))
        return std::nullopt;
    for (size_t i = 0; i < text.widths.size(); ++i) {
        if (!edge(s + text.tops[i], text.widths[i] / 2) || !edge(s + text.bottoms[i], text.widths[i] / 2))
            return std::nullopt;
    }
    if (lo > hi + 1e-9)
        return std::nullopt;
    return std::pair { lo, hi };
}

/// The largest square symbol that fits with its text in @p area.
double largestSide(const LabelArea &area, const TextBlock &text)
{
    if (!area.round)
        return text.width() > area.rect.width() + 1e-9
            ? 0
            : std::max(0.0, std::min(area.rect.width(), area.rect.height() - text.height()));
    const double r = area.rect.width() / 2;
    double lo = 0;
    double hi = 2 * r;
    if (!circlePlacement(r, 0, text))
        return 0;
    for (int i = 0; i < 50; ++i) {
        const double mid = (lo + hi) / 2;
        (circlePlacement(r, mid, text) ? lo : hi) = mid;
    }
    return lo;
}

/// Moves everything by @p d (mm).
void translate(LabelArtwork &art, QPointF d)
{
    art.symbolRect.translate(d);
    for (auto &r : art.dark)
        r.translate(d);
    for (auto &l : art.text)
        l.baseline += d;
}

QString mm(double v)
{
    return QString::number(v, 'f', 4);
}
} // namespace

Result<Done> hriFontReady()
{
    const auto font = HriFont::get();
    if (!font.ok())
        return font.error();
    return Done {};
}

double textWidth(const QString &text, double em)
{
    const auto font = HriFont::get();
    return font.ok() ? font.value()->width(text, em) : 0;
}

Result<LabelArtwork> layoutArtwork(
    const SymbolContent &content, const EncodedSymbol &symbol, const LabelArea &area, const ArtworkOptions &options)
{
    const bool zintText = !symbol.texts.empty(); // EAN/UPC: zint places the digits, scaled with the symbol
    const bool hri = options.humanReadable && !content.hriLines.isEmpty();
    if (hri || zintText) {
        if (auto ready = hriFontReady(); !ready.ok())
            return ready.error();
    }
    if (area.round && (isLinear(content.kind) || zintText)) {
        // Bars keep to the square inscribed in the circle: their height and quiet zones need the corners.
        const double side = area.rect.width() / std::sqrt(2.0);
        const QPointF offset((area.rect.width() - side) / 2, (area.rect.height() - side) / 2);
        auto art
            = layoutArtwork(content, symbol, { QRectF(area.rect.topLeft() + offset, QSizeF(side, side)) }, options);
        if (art.ok()) {
            translate(art.value(), offset);
            art.value().size = area.rect.size();
        }
        return art;
    }

    const XSpec spec = xSpec(content.kind, options.table);
    const bool unlimited = area.unlimited();
    const double availW = unlimited ? 1e6 : area.rect.width();
    const double availH = unlimited ? 1e6 : area.rect.height();
    const QString title = symbolKindTitle(content.kind);

    LabelArtwork art;
    art.content = content;
    std::optional<TextBlock> text;
    double x = 0;
    double symbolW = 0;
    double symbolH = 0;
    std::optional<std::pair<double, double>> placement; // round labels: where the symbol's top may sit

    if (zintText) {
        // EAN/UPC keep their full height (69.24 X): the whole symbol scales with X, never truncated.
        const double fit = std::min(availW / symbol.widthModules, availH / symbol.heightModules);
        x = snapToDots(std::min(spec.targetX, fit), spec.minX, std::min(fit, spec.maxX), options.printerDpi);
        if (x < spec.minX - 1e-9)
            return refused(
                u"%1 needs at least %2 × %3 mm (X %4 mm, full height); this label leaves %5 × %6 mm"_s.arg(title)
                    .arg(symbol.widthModules * spec.minX, 0, 'f', 1)
                    .arg(symbol.heightModules * spec.minX, 0, 'f', 1)
                    .arg(spec.minX, 0, 'f', 3)
                    .arg(availW, 0, 'f', 1)
                    .arg(availH, 0, 'f', 1));
        symbolW = symbol.widthModules * x;
        symbolH = symbol.heightModules * x;
    } else if (isLinear(content.kind)) {
        const double fitX = availW / symbol.widthModules;
        x = snapToDots(std::min(spec.targetX, fitX), spec.minX, std::min(fitX, spec.maxX), options.printerDpi);
        if (x < spec.minX - 1e-9)
            return refused(
                u"%1 with this data is %2 modules wide: %3 mm at the smallest X allowed (%4 mm), and this "
                u"label leaves %5 mm. Choose a wider label, fewer AIs, or a table that allows a smaller X."_s.arg(title)
                    .arg(symbol.widthModules, 0, 'f', 0)
                    .arg(symbol.widthModules * spec.minX, 0, 'f', 1)
                    .arg(spec.minX, 0, 'f', 3)
                    .arg(availW, 0, 'f', 1));
        symbolW = symbol.widthModules * x;
        for (double e = options.preferredTextEm; hri && e >= options.minTextEm - 1e-9; e -= 0.1) {
            if (auto l = groupLines(content.hriLines, symbolW, e)) {
                text.emplace(*l, e);
                break;
            }
        }
        if (hri && !text)
            return refused(u"the human-readable text of %1 does not fit under it even at %2 mm"_s.arg(title).arg(
                options.minTextEm));
        const double textH = text ? text->height() : 0;
        symbolH = std::min(unlimited ? spec.targetBarHeight : availH - textH, spec.targetBarHeight);
        if (symbolH < spec.minBarHeight - 1e-9)
            return refused(u"%1 needs bars at least %2 mm high; this label leaves %3 mm under its text"_s.arg(title)
                               .arg(spec.minBarHeight, 0, 'f', 1)
                               .arg(std::max(0.0, availH - textH), 0, 'f', 1));
    } else {
        // 2D: the text keeps the largest size at which the symbol still gets a legal X; each element string stays
        // whole on its line, several to a line when they fit.
        const double modules = std::max(symbol.widthModules, symbol.heightModules);
        bool placed = false;
        bool textFitted = !hri;
        double bestFit = 0;
        for (double e = options.preferredTextEm; !placed && (!hri || e >= options.minTextEm - 1e-9); e -= 0.1) {
            std::vector<QStringList> groupings;
            if (!hri) {
                groupings.push_back({});
            } else if (unlimited) {
                // Alone (an export), the text may be as wide as its longest element.
                double width = modules * spec.targetX;
                for (const auto &part : content.hriLines)
                    width = std::max(width, textWidth(part, e));
                groupings.push_back(*groupLines(content.hriLines, width, e));
            } else if (auto packed = groupLines(content.hriLines, availW, e)) {
                // As few lines as the width allows; on a round label also one element string per line, which
                // keeps each line short where the circle narrows.
                groupings.push_back(*packed);
                if (area.round && packed->size() < content.hriLines.size())
                    groupings.push_back(content.hriLines);
            }
            std::optional<double> best;
            for (const auto &g : groupings) {
                const TextBlock block(g, hri ? e : 0);
                const double side = unlimited ? modules * spec.targetX : largestSide(area, block);
                if (side <= 0)
                    continue;
                textFitted = true;
                const double fit = side / modules;
                bestFit = std::max(bestFit, fit);
                const double cand
                    = snapToDots(std::min(spec.targetX, fit), spec.minX, std::min(fit, spec.maxX), options.printerDpi);
                if (cand >= spec.minX - 1e-9 && (!best || cand > *best + 1e-9)) {
                    best = cand;
                    text.emplace(block);
                }
            }
            if (best) {
                x = *best;
                placed = true;
            }
            if (!hri)
                break;
        }
        if (!textFitted)
            return refused(u"the human-readable text (%1) is wider than this label's %2 mm even at the smallest "
                           u"size; print without it or choose a larger label"_s.arg(content.hriLines.value(0))
                               .arg(availW, 0, 'f', 1));
        if (!placed)
            return refused(u"%1 with this data is %2 × %2 modules: at the smallest X allowed (%3 mm) it needs %4 mm "
                           u"square plus its text, and this label leaves room for X %5 mm only"_s.arg(title)
                               .arg(modules, 0, 'f', 0)
                               .arg(spec.minX, 0, 'f', 3)
                               .arg(modules * spec.minX, 0, 'f', 1)
                               .arg(bestFit, 0, 'f', 3));
        symbolW = symbol.widthModules * x;
        symbolH = symbol.heightModules * x;
        if (area.round)
            placement
                = circlePlacement(area.rect.width() / 2, std::max(symbolW, symbolH), text ? *text : TextBlock({}, 0));
    }
    if (text && text->lines.isEmpty())
        text.reset();

    const double blockW = std::max(symbolW, text ? text->width() : 0.0);
    const double blockH = symbolH + (text ? text->height() : 0.0);
    art.size = unlimited ? QSizeF(blockW, blockH) : area.rect.size();
    const double left = (art.size.width() - symbolW) / 2;
    const double top = placement ? art.size.height() / 2 + (placement->first + placement->second) / 2
                                 : (art.size.height() - blockH) / 2;
    art.xDim = x;
    art.symbolRect = QRectF(left, top, symbolW, symbolH);

    // Zint's free-height symbols were made 50 modules high; stretch their y to the bar height chosen.
    const double sy = zintText ? x : symbolH / symbol.heightModules;
    art.dark.reserve(symbol.bars.size());
    for (const auto &r : symbol.bars)
        art.dark.emplace_back(left + r.x() * x, top + r.y() * sy, r.width() * x, r.height() * sy);
    for (const auto &t : symbol.texts)
        art.text.push_back({ t.text, QPointF(left + t.x * x, top + t.y * x), t.size * x, t.align });
    if (text) {
        for (qsizetype i = 0; i < text->lines.size(); ++i)
            art.text.push_back({ text->lines[i],
                QPointF(art.size.width() / 2, top + symbolH + text->baselineOffset(int(i))), text->em, 0 });
    }
    return art;
}

QPainterPath LabelArtwork::textOutline(const Line &l) const
{
    const auto font = HriFont::get();
    if (!font.ok())
        return {};
    const double w = font.value()->width(l.text, l.em);
    const double x = l.align == 0 ? l.baseline.x() - w / 2 : l.align == 2 ? l.baseline.x() - w : l.baseline.x();
    return font.value()->outline(l.text, l.em).translated(x, l.baseline.y());
}

void LabelArtwork::paint(QPainter &painter, QPointF origin) const
{
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::black);
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Pdf && xDim > 0 && !dark.empty()) {
        // In a PDF the modules are rectangles ("re") in module units, filled as one path: whole numbers where the
        // symbol is on its grid, so a sheet of 63 symbols stays a few hundred kilobytes, and is quick to write and to
        // read back. One fill with the nonzero rule, as the path below: touching modules leave no seam.
        const QPointF corner = origin + dark.front().topLeft();
        const auto units = [this](double mm) {
            const double u = mm / xDim;
            const double whole = std::round(u);
            return std::abs(u - whole) < 1e-6 ? whole : u;
        };
        std::vector<QRectF> modules;
        modules.reserve(dark.size());
        for (const auto &r : dark) {
            const QRectF at = r.translated(origin - corner);
            modules.emplace_back(
                QPointF(units(at.left()), units(at.top())), QPointF(units(at.right()), units(at.bottom())));
        }
        painter.save();
        painter.translate(corner);
        painter.scale(xDim, xDim);
        painter.drawRects(modules.data(), int(modules.size()));
        painter.restore();
    } else {
        // On pixels, one path: antialiased edges of touching modules would otherwise leave faint seams.
        QPainterPath path;
        path.setFillRule(Qt::WindingFill);
        for (const auto &r : dark)
            path.addRect(r.translated(origin));
        painter.drawPath(path);
    }
    const auto font = HriFont::get();
    if (!text.empty() && font.ok()) {
        // Real text (a PDF embeds the font and can be searched), measured with the same font as the layout.
        painter.setFont(font.value()->font());
        painter.setPen(Qt::black);
        constexpr double ref = HriFont::kReferencePixels;
        for (const auto &l : text) {
            const double w = font.value()->width(l.text, l.em);
            const double x = l.align == 0 ? l.baseline.x() - w / 2 : l.align == 2 ? l.baseline.x() - w : l.baseline.x();
            painter.save();
            painter.translate(origin + QPointF(x, l.baseline.y()));
            painter.scale(l.em / ref, l.em / ref);
            painter.drawText(QPointF(0, 0), l.text);
            painter.restore();
        }
    }
    painter.restore();
}

namespace {
/// A path as SVG path data (mm).
QString svgPath(const QPainterPath &path)
{
    QString d;
    for (int i = 0; i < path.elementCount(); ++i) {
        const auto e = path.elementAt(i);
        switch (e.type) {
        case QPainterPath::MoveToElement:
            d += (i > 0 ? u"Z"_s : QString()) + u"M%1 %2"_s.arg(mm(e.x), mm(e.y));
            break;
        case QPainterPath::LineToElement:
            d += u"L%1 %2"_s.arg(mm(e.x), mm(e.y));
            break;
        case QPainterPath::CurveToElement: {
            const auto c2 = path.elementAt(i + 1);
            const auto end = path.elementAt(i + 2);
            d += u"C%1 %2 %3 %4 %5 %6"_s.arg(mm(e.x), mm(e.y), mm(c2.x), mm(c2.y), mm(end.x), mm(end.y));
            i += 2;
            break;
        }
        case QPainterPath::CurveToDataElement:
            break;
        }
    }
    return path.elementCount() > 0 ? d + u"Z"_s : d;
}

/// A path as PostScript (points, y up from @p height).
QString psPath(const QPainterPath &path, double k, double height)
{
    QString s;
    const auto pt = [&](double x, double y) { return u"%1 %2"_s.arg(mm(x * k), mm(height - y * k)); };
    for (int i = 0; i < path.elementCount(); ++i) {
        const auto e = path.elementAt(i);
        switch (e.type) {
        case QPainterPath::MoveToElement:
            s += (i > 0 ? u"closepath "_s : QString()) + pt(e.x, e.y) + u" moveto\n"_s;
            break;
        case QPainterPath::LineToElement:
            s += pt(e.x, e.y) + u" lineto\n"_s;
            break;
        case QPainterPath::CurveToElement: {
            const auto c2 = path.elementAt(i + 1);
            const auto end = path.elementAt(i + 2);
            s += pt(e.x, e.y) + u' ' + pt(c2.x, c2.y) + u' ' + pt(end.x, end.y) + u" curveto\n"_s;
            i += 2;
            break;
        }
        case QPainterPath::CurveToDataElement:
            break;
        }
    }
    return s;
}
} // namespace

QByteArray LabelArtwork::toSvg() const
{
    QString s;
    s += u"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"_s;
    s += u"<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1mm\" height=\"%2mm\" viewBox=\"0 0 %1 %2\">\n"_s
             .arg(mm(size.width()), mm(size.height()));
    s += u"  <desc>%1: %2 (X %3 mm)</desc>\n"_s.arg(symbolKindTitle(content.kind),
        QString(content.expected).replace(QChar(0x1D), u"<GS>"_s).toHtmlEscaped(), mm(xDim));
    s += u"  <rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#FFFFFF\"/>\n"_s.arg(
        mm(size.width()), mm(size.height()));
    s += u"  <path fill=\"#000000\" d=\""_s;
    for (const auto &r : dark)
        s += u"M%1 %2h%3v%4h-%3Z"_s.arg(mm(r.x()), mm(r.y()), mm(r.width()), mm(r.height()));
    s += u"\"/>\n"_s;
    // Text as the font's outlines: the file looks the same wherever it is opened, whatever fonts are there.
    for (const auto &l : text)
        s += u"  <path fill=\"#000000\" d=\"%1\"><title>%2</title></path>\n"_s.arg(
            svgPath(textOutline(l)), l.text.toHtmlEscaped());
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
    QString title = symbolKindTitle(content.kind) + u' ' + QString(content.expected).replace(QChar(0x1D), u' ');
    s += u"%%Title: %1\n"_s.arg(title.simplified());
    s += u"%%Creator: Closient Station\n%%EndComments\n"_s;
    s += u"gsave\n1 setgray 0 0 %1 %2 rectfill\n0 setgray\n"_s.arg(mm(size.width() * k), mm(h));
    for (const auto &r : dark)
        s += u"%1 %2 %3 %4 rectfill\n"_s.arg(
            mm(r.x() * k), mm(h - r.bottom() * k), mm(r.width() * k), mm(r.height() * k));
    // Text as the font's outlines (non-zero winding, as the font draws them): no font needed to print it.
    for (const auto &l : text) {
        const QPainterPath outline = textOutline(l);
        if (!outline.isEmpty())
            s += u"newpath\n"_s + psPath(outline, k, h) + u"closepath fill\n"_s;
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
