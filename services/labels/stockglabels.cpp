// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stockglabels.h"

#include <QHash>
#include <QXmlStreamReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr double kMaxLengthMm = 5000; // longer than any sheet or roll label glabels describes

/// The unit a length is written in: "in", "mm", ... or "pt" when none is given (glabels' default).
QStringView unitOf(QStringView text)
{
    qsizetype i = text.size();
    while (i > 0 && text[i - 1].isLetter())
        --i;
    return i == text.size() ? u"pt" : text.mid(i);
}

Error invalid(const QString &message)
{
    return { u"invalid"_s, message };
}
} // namespace

Result<double> parseGlabelsLength(QStringView text)
{
    const QStringView t = text.trimmed();
    const QStringView unit = unitOf(t);
    const QStringView number = t.size() > 0 && t.back().isLetter() ? t.first(t.size() - unit.size()) : t;
    bool ok = false;
    // As libglabels reads it (strtod): a unit with no number before it ("in", "") is zero. glabels-data has such
    // values (round="in", x0="") and glabels prints them as zero.
    const double v = number.isEmpty() ? 0.0 : number.toDouble(&ok);
    ok = ok || number.isEmpty();
    if (!ok || !std::isfinite(v))
        return invalid(u"\"%1\" is not a length"_s.arg(text));
    double factor = 0;
    if (unit == u"pt")
        factor = 25.4 / 72;
    else if (unit == u"in")
        factor = 25.4;
    else if (unit == u"mm")
        factor = 1;
    else if (unit == u"cm")
        factor = 10;
    else if (unit == u"pc")
        factor = 25.4 / 6;
    else
        return invalid(u"\"%1\" has a unit glabels does not use (pt, in, mm, cm, pc)"_s.arg(text));
    const double mm = v * factor;
    if (std::abs(mm) > kMaxLengthMm)
        return invalid(u"\"%1\" is longer than any label"_s.arg(text));
    return mm;
}

std::vector<GlabelsPaper> fallbackPaperSizes()
{
    return { { u"A4"_s, u"A4"_s, 210, 297 }, { u"US-Letter"_s, u"US Letter"_s, 215.9, 279.4 },
        { u"US-Legal"_s, u"US Legal"_s, 215.9, 355.6 } };
}

Result<std::vector<GlabelsPaper>> parseGlabelsPaperSizes(const QByteArray &xml)
{
    std::vector<GlabelsPaper> papers;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == u"Paper-size") {
            const auto a = r.attributes();
            const auto w = parseGlabelsLength(a.value("width"_L1));
            const auto h = parseGlabelsLength(a.value("height"_L1));
            if (w.ok() && h.ok() && w.value() > 0 && h.value() > 0) {
                QString name = a.value("_name"_L1).toString();
                if (name.isEmpty())
                    name = a.value("name"_L1).toString();
                papers.push_back({ a.value("id"_L1).toString(), name, w.value(), h.value() });
            }
        }
    }
    if (r.hasError())
        return invalid(u"the paper sizes cannot be read: %1 (line %2)"_s.arg(r.errorString()).arg(r.lineNumber()));
    return papers;
}

namespace {

QString stockId(const QString &brand, const QString &part)
{
    QString s = u"glabels."_s + brand + u'.' + part;
    for (QChar &c : s) {
        if (!((c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'.' || c == u'-'))
            c = u'-';
    }
    return s;
}

/// Reads one Template element (the reader stands on its start) into @p stock; the error says what is missing.
class TemplateReader
{
public:
    TemplateReader(QXmlStreamReader &reader, const QHash<QString, GlabelsPaper> &papers)
        : r(reader)
        , m_papers(papers)
    { }

    Result<Stock> read()
    {
        const auto a = r.attributes();
        Stock s;
        s.source = StockSource::Glabels;
        s.brand = a.value("brand"_L1).toString().trimmed();
        s.part = a.value("part"_L1).toString().trimmed();
        s.description = a.value("_description"_L1).toString();
        if (s.description.isEmpty())
            s.description = a.value("description"_L1).toString();
        s.description = sentenceCase(s.description);
        s.equivalentOf = a.value("equiv"_L1).toString().trimmed();
        s.id = stockId(s.brand, s.part);
        if (s.brand.isEmpty() || s.part.isEmpty())
            return fail(u"a template without a brand or part number"_s);
        if (!s.equivalentOf.isEmpty()) {
            r.skipCurrentElement();
            return s;
        }
        if (auto page = readPage(a, s); !page.ok())
            return page.error();
        bool haveLabel = false;
        while (r.readNextStartElement()) {
            const auto name = r.name();
            if (name == u"Meta") {
                const auto m = r.attributes();
                if (m.hasAttribute("category"_L1))
                    s.categories << m.value("category"_L1).toString();
                if (m.hasAttribute("product_url"_L1))
                    s.productUrl = m.value("product_url"_L1).toString();
                if (m.value("print"_L1) == u"mirrored")
                    s.mirrored = true;
                r.skipCurrentElement();
            } else if (name.startsWith(u"Label-")) {
                if (haveLabel) {
                    // libglabels 3 reads only the first label of a template.
                    r.skipCurrentElement();
                    continue;
                }
                if (auto label = readLabel(s); !label.ok())
                    return label.error();
                haveLabel = true;
            } else {
                r.skipCurrentElement();
            }
        }
        if (!haveLabel)
            return fail(u"%1 %2 describes no label"_s.arg(s.brand, s.part));
        if (s.grids.empty())
            return fail(u"%1 %2 places no labels (no Layout)"_s.arg(s.brand, s.part));
        // A roll: a page of its own size (glabels' "Other") holding one label that fills it.
        const auto rects = s.labelRects();
        s.roll = s.paperId == u"Other" && rects.size() == 1 && std::abs(rects[0].x()) < 0.5
            && std::abs(rects[0].y()) < 0.5 && std::abs(s.pageWidth - s.shape.width) < 0.5
            && std::abs(s.pageHeight - s.shape.height) < 0.5;
        return s;
    }

private:
    Error fail(const QString &message) const { return invalid(message); }

    Result<double> length(const QXmlStreamAttributes &a, QLatin1StringView name, std::optional<double> fallback = {})
    {
        if (!a.hasAttribute(name)) {
            if (fallback)
                return *fallback;
            return fail(u"the %1 is missing"_s.arg(name));
        }
        return parseGlabelsLength(a.value(name));
    }

    Result<Done> readPage(const QXmlStreamAttributes &a, Stock &s)
    {
        s.paperId = a.value("size"_L1).toString();
        if (s.paperId == u"Other" || s.paperId.isEmpty()) {
            const auto w = length(a, "width"_L1);
            const auto h = length(a, "height"_L1);
            if (!w.ok() || !h.ok())
                return fail(u"%1 %2: a page of its own size needs a width and a height"_s.arg(s.brand, s.part));
            s.paperId = u"Other"_s;
            s.pageWidth = w.value();
            s.pageHeight = h.value();
        } else if (const auto it = m_papers.constFind(s.paperId); it != m_papers.constEnd()) {
            s.paperName = it->name;
            s.pageWidth = it->width;
            s.pageHeight = it->height;
        } else {
            return fail(u"%1 %2: the paper size \"%3\" is unknown"_s.arg(s.brand, s.part, s.paperId));
        }
        if (s.pageWidth <= 0 || s.pageHeight <= 0)
            return fail(u"%1 %2: the page has no size"_s.arg(s.brand, s.part));
        return Done {};
    }

    Result<Done> readLabel(Stock &s)
    {
        const auto a = r.attributes();
        const auto name = r.name();
        StockShape &shape = s.shape;
        QStringView widthUnit;
        const auto need = [&](Result<double> v, double &out) {
            if (v.ok())
                out = v.value();
            return v.ok();
        };
        bool ok = true;
        if (name == u"Label-rectangle") {
            shape.kind = StockShape::Kind::Rectangle;
            ok = need(length(a, "width"_L1), shape.width) && need(length(a, "height"_L1), shape.height)
                && need(length(a, "round"_L1, 0.0), shape.cornerRadius)
                && need(length(a, "x_waste"_L1, 0.0), shape.wasteX) && need(length(a, "y_waste"_L1, 0.0), shape.wasteY);
            // Older files give one "waste" for both directions.
            double waste = 0;
            if (ok && a.hasAttribute("waste"_L1) && need(length(a, "waste"_L1), waste))
                shape.wasteX = shape.wasteY = waste;
            widthUnit = unitOf(a.value("width"_L1));
        } else if (name == u"Label-round") {
            double r0 = 0;
            shape.kind = StockShape::Kind::Round;
            ok = need(length(a, "radius"_L1), r0) && need(length(a, "waste"_L1, 0.0), shape.wasteX);
            shape.width = shape.height = 2 * r0;
            shape.wasteY = shape.wasteX;
            widthUnit = unitOf(a.value("radius"_L1));
        } else if (name == u"Label-ellipse") {
            shape.kind = StockShape::Kind::Ellipse;
            ok = need(length(a, "width"_L1), shape.width) && need(length(a, "height"_L1), shape.height)
                && need(length(a, "waste"_L1, 0.0), shape.wasteX);
            shape.wasteY = shape.wasteX;
            widthUnit = unitOf(a.value("width"_L1));
        } else if (name == u"Label-cd") {
            shape.kind = StockShape::Kind::Cd;
            ok = need(length(a, "radius"_L1), shape.outerRadius) && need(length(a, "hole"_L1), shape.holeRadius)
                && need(length(a, "waste"_L1, 0.0), shape.wasteX);
            // A business-card CD is the disc clipped to width × height; a full disc is 2r square.
            ok = ok && need(length(a, "width"_L1, 2 * shape.outerRadius), shape.width)
                && need(length(a, "height"_L1, 2 * shape.outerRadius), shape.height);
            shape.wasteY = shape.wasteX;
            widthUnit = unitOf(a.value("radius"_L1));
            if (ok && shape.holeRadius >= shape.outerRadius)
                return fail(u"%1 %2: the CD's hole is larger than the disc"_s.arg(s.brand, s.part));
        } else {
            return fail(u"%1 %2: unknown label shape %3"_s.arg(s.brand, s.part, name));
        }
        if (!ok || shape.width <= 0 || shape.height <= 0)
            return fail(u"%1 %2: the label's size cannot be read"_s.arg(s.brand, s.part));
        // Sizes are shown in the unit the maker wrote them in; points stand for inches on US paper.
        const bool usPaper = s.paperId.startsWith(u"US-");
        s.unit = widthUnit == u"in" || ((widthUnit == u"pt" || widthUnit == u"pc") && usPaper)
            ? Stock::Unit::Inch
            : Stock::Unit::Millimetre;

        while (r.readNextStartElement()) {
            const auto child = r.name();
            const auto c = r.attributes();
            if (child == u"Layout") {
                StockGrid g;
                bool okNx = false;
                bool okNy = false;
                g.columns = c.value("nx"_L1).toInt(&okNx);
                g.rows = c.value("ny"_L1).toInt(&okNy);
                const bool lengthsOk = need(length(c, "x0"_L1, 0.0), g.x0) && need(length(c, "y0"_L1, 0.0), g.y0)
                    && need(length(c, "dx"_L1, 0.0), g.dx) && need(length(c, "dy"_L1, 0.0), g.dy);
                if (!okNx || !okNy || !lengthsOk || g.columns < 1 || g.rows < 1 || g.count() > 10000)
                    return fail(u"%1 %2: a layout cannot be read"_s.arg(s.brand, s.part));
                s.grids.push_back(g);
            } else if (child == u"Markup-margin") {
                StockMarkup m;
                if (need(length(c, "size"_L1, 0.0), m.size))
                    s.markups.push_back(m);
            } else if (child == u"Markup-line") {
                double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
                if (need(length(c, "x1"_L1), x1) && need(length(c, "y1"_L1), y1) && need(length(c, "x2"_L1), x2)
                    && need(length(c, "y2"_L1), y2))
                    s.markups.push_back({ StockMarkup::Kind::Line, 0, QRectF(QPointF(x1, y1), QPointF(x2, y2)), 0 });
            } else if (child == u"Markup-circle") {
                double x0 = 0, y0 = 0, radius = 0;
                if (need(length(c, "x0"_L1), x0) && need(length(c, "y0"_L1), y0)
                    && need(length(c, "radius"_L1), radius))
                    s.markups.push_back({ StockMarkup::Kind::Circle, 0,
                        QRectF(x0 - radius, y0 - radius, 2 * radius, 2 * radius), radius });
            } else if (child == u"Markup-rect") {
                double x1 = 0, y1 = 0, w = 0, h = 0, radius = 0;
                if (need(length(c, "x1"_L1), x1) && need(length(c, "y1"_L1), y1) && need(length(c, "w"_L1), w)
                    && need(length(c, "h"_L1), h) && need(length(c, "r"_L1, 0.0), radius))
                    s.markups.push_back({ StockMarkup::Kind::Rect, 0, QRectF(x1, y1, w, h), radius });
            }
            r.skipCurrentElement();
        }
        return Done {};
    }

    QXmlStreamReader &r;
    const QHash<QString, GlabelsPaper> &m_papers;
};

} // namespace

GlabelsFile parseGlabelsTemplates(
    const QByteArray &xml, const QString &fileName, const std::vector<GlabelsPaper> &papers)
{
    QHash<QString, GlabelsPaper> byId;
    for (const auto &p : papers)
        byId.insert(p.id, p);
    GlabelsFile out;
    QXmlStreamReader r(xml);
    if (!r.readNextStartElement() || r.name() != u"Glabels-templates") {
        out.problems << u"%1: not a glabels template file"_s.arg(fileName);
        return out;
    }
    while (r.readNextStartElement()) {
        if (r.name() != u"Template") {
            r.skipCurrentElement();
            continue;
        }
        const qint64 line = r.lineNumber();
        TemplateReader reader(r, byId);
        auto stock = reader.read();
        if (r.hasError())
            break;
        if (!stock.ok()) {
            out.problems << u"%1, line %2: %3"_s.arg(fileName).arg(line).arg(stock.error().message);
            // Templates do not nest: the next Template end is this one's, wherever the reading stopped.
            while (!r.atEnd() && !(r.isEndElement() && r.name() == u"Template"))
                r.readNext();
            continue;
        }
        stock.value().file = fileName;
        out.stocks.push_back(std::move(stock.value()));
    }
    if (r.hasError())
        out.problems << u"%1, line %2: %3"_s.arg(fileName).arg(r.lineNumber()).arg(r.errorString());
    return out;
}

void resolveGlabelsEquivalents(std::vector<Stock> &stocks, QStringList *problems)
{
    // A twin may name another twin (Herma 10801 → 4608 → 4102): resolve in rounds until nothing changes.
    const auto key
        = [](const QString &brand, const QString &part) { return brand.toLower() + u'\x1f' + part.toLower(); };
    QHash<QString, Stock> described;
    for (const auto &s : stocks) {
        if (s.equivalentOf.isEmpty())
            described.insert(key(s.brand, s.part), s);
    }
    std::vector<bool> done(stocks.size());
    for (size_t i = 0; i < stocks.size(); ++i)
        done[i] = stocks[i].equivalentOf.isEmpty();
    for (bool progress = true; progress;) {
        progress = false;
        for (size_t i = 0; i < stocks.size(); ++i) {
            if (done[i])
                continue;
            const Stock &s = stocks[i];
            const auto base = described.constFind(key(s.brand, s.equivalentOf));
            if (base == described.constEnd())
                continue;
            Stock e = *base;
            e.id = s.id;
            e.part = s.part;
            e.equivalentOf = s.equivalentOf;
            e.file = s.file;
            e.source = s.source;
            if (!s.description.isEmpty())
                e.description = s.description;
            e.aliases = { base->brand + u' ' + base->part };
            described.insert(key(e.brand, e.part), e);
            stocks[i] = std::move(e);
            done[i] = true;
            progress = true;
        }
    }
    std::vector<Stock> resolved;
    resolved.reserve(stocks.size());
    for (size_t i = 0; i < stocks.size(); ++i) {
        if (done[i]) {
            resolved.push_back(std::move(stocks[i]));
        } else if (problems) {
            const Stock &s = stocks[i];
            *problems << u"%1: %2 %3 is said to equal %4, which no file describes"_s.arg(
                s.file, s.brand, s.part, s.equivalentOf);
        }
    }
    stocks = std::move(resolved);
}

} // namespace closient::labels
