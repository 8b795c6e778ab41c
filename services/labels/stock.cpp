// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

QPainterPath StockShape::outline() const
{
    QPainterPath path;
    switch (kind) {
    case Kind::Rectangle:
        if (cornerRadius > 0)
            path.addRoundedRect(QRectF(0, 0, width, height), cornerRadius, cornerRadius);
        else
            path.addRect(QRectF(0, 0, width, height));
        break;
    case Kind::Round:
    case Kind::Ellipse:
        path.addEllipse(QRectF(0, 0, width, height));
        break;
    case Kind::Cd: {
        const QPointF centre(width / 2, height / 2);
        path.addEllipse(centre, outerRadius, outerRadius);
        if (width < 2 * outerRadius - 1e-6 || height < 2 * outerRadius - 1e-6) {
            QPainterPath box;
            box.addRect(QRectF(0, 0, width, height));
            path = path.intersected(box);
        }
        QPainterPath hole;
        hole.addEllipse(centre, holeRadius, holeRadius);
        path = path.subtracted(hole);
        break;
    }
    }
    return path;
}

bool StockShape::contains(const QRectF &rect) const
{
    // Worked out exactly, not with QPainterPath's boolean operations: those flatten curves into chords, and the
    // square inscribed in a circle would stick out by the chords' sagitta. Ten micrometres of tolerance: a box laid
    // exactly on an edge is on the label.
    constexpr double e = 0.01;
    const QRectF r = rect.normalized();
    if (r.left() < -e || r.top() < -e || r.right() > width + e || r.bottom() > height + e)
        return false;
    const QPointF corners[] = { r.topLeft(), r.topRight(), r.bottomLeft(), r.bottomRight() };
    const auto withinCircle = [&](QPointF centre, double radius) {
        return std::all_of(std::begin(corners), std::end(corners),
            [&](QPointF p) { return std::hypot(p.x() - centre.x(), p.y() - centre.y()) <= radius + e; });
    };
    switch (kind) {
    case Kind::Rectangle: {
        // A corner of the box inside one of the label's rounded corners must lie within that corner's arc.
        const double cr = std::min({ cornerRadius, width / 2, height / 2 });
        for (const QPointF p : corners) {
            const double cx = std::clamp(p.x(), cr, width - cr);
            const double cy = std::clamp(p.y(), cr, height - cr);
            if (std::hypot(p.x() - cx, p.y() - cy) > cr + e)
                return false;
        }
        return true;
    }
    case Kind::Round:
    case Kind::Ellipse: {
        const double a = width / 2;
        const double b = height / 2;
        return std::all_of(std::begin(corners), std::end(corners), [&](QPointF p) {
            const double u = (p.x() - a) / (a + e);
            const double v = (p.y() - b) / (b + e);
            return u * u + v * v <= 1;
        });
    }
    case Kind::Cd: {
        const QPointF centre(width / 2, height / 2);
        if (!withinCircle(centre, outerRadius))
            return false;
        // Off the hole: the box's nearest point to the centre is outside it.
        const double nx = std::clamp(centre.x(), r.left(), r.right());
        const double ny = std::clamp(centre.y(), r.top(), r.bottom());
        return std::hypot(nx - centre.x(), ny - centre.y()) >= holeRadius - e;
    }
    }
    return false;
}

QRectF StockShape::insetRect(double inset) const
{
    switch (kind) {
    case Kind::Rectangle:
        return QRectF(inset, inset, width - 2 * inset, height - 2 * inset);
    case Kind::Round:
    case Kind::Ellipse: {
        // The oval shrunk by the inset holds a rectangle of its own proportions with the corners at 1/√2 of each
        // semi-axis: the largest such rectangle.
        const double a = width / 2 - inset;
        const double b = height / 2 - inset;
        if (a <= 0 || b <= 0)
            return {};
        const double w = a * std::sqrt(2.0);
        const double h = b * std::sqrt(2.0);
        return QRectF(width / 2 - w / 2, height / 2 - h / 2, w, h);
    }
    case Kind::Cd: {
        // The widest-area rectangle in the band above the hole: its top edge is a chord of the (inset) disc, so
        // its width follows from where the top is; that place is searched along the band.
        const double r = outerRadius - inset;
        const double cy = height / 2;
        const double bottom = cy - holeRadius - inset;
        QRectF best;
        for (int i = 0; i < 200; ++i) {
            const double top = std::max(cy - r + (bottom - (cy - r)) * i / 200.0, inset);
            if (top >= bottom)
                break;
            const double dy = cy - top;
            const double half = std::sqrt(std::max(0.0, r * r - dy * dy));
            const double left = std::max(width / 2 - half, inset);
            const double right = std::min(width / 2 + half, width - inset);
            const QRectF candidate(left, top, right - left, bottom - top);
            if (candidate.width() > 0 && candidate.width() * candidate.height() > best.width() * best.height())
                best = candidate;
        }
        return best;
    }
    }
    return {};
}

int Stock::labelsPerSheet() const
{
    int n = 0;
    for (const auto &g : grids)
        n += g.count();
    return n;
}

std::vector<QRectF> Stock::labelRects() const
{
    std::vector<QRectF> rects;
    rects.reserve(size_t(labelsPerSheet()));
    for (const auto &g : grids) {
        for (int row = 0; row < g.rows; ++row) {
            for (int col = 0; col < g.columns; ++col)
                rects.emplace_back(g.x0 + col * g.dx, g.y0 + row * g.dy, shape.width, shape.height);
        }
    }
    return rects;
}

QString inchText(double inches)
{
    const double whole = std::floor(inches + 1e-6);
    const double frac = inches - whole;
    QString lead = whole >= 1 ? QString::number(int(whole)) : QString();
    struct Fraction
    {
        double value;
        const char16_t *text;
    };
    static constexpr Fraction kFractions[] = {
        { 0, u"" },
        { 1.0 / 8, u"⅛" },
        { 1.0 / 4, u"¼" },
        { 1.0 / 3, u"⅓" },
        { 3.0 / 8, u"⅜" },
        { 1.0 / 2, u"½" },
        { 5.0 / 8, u"⅝" },
        { 2.0 / 3, u"⅔" },
        { 3.0 / 4, u"¾" },
        { 7.0 / 8, u"⅞" },
        { 1.0, u"" },
    };
    for (const auto &f : kFractions) {
        if (std::abs(frac - f.value) < 0.002) {
            if (f.value == 1.0)
                return QString::number(int(whole) + 1);
            const QString text = lead + QString::fromUtf16(f.text);
            return text.isEmpty() ? u"0"_s : text;
        }
    }
    // Sixteenths as the maker prints them, "2⁵⁄₁₆"; anything else in decimals.
    const double sixteenths = frac * 16;
    if (std::abs(sixteenths - std::round(sixteenths)) < 0.03) {
        static const QString sup[] = { u"¹"_s, u"³"_s, u"⁵"_s, u"⁷"_s, u"⁹"_s, u"¹¹"_s, u"¹³"_s, u"¹⁵"_s };
        const int n = int(std::round(sixteenths));
        if (n % 2 == 1)
            return lead + sup[n / 2] + u"⁄₁₆"_s;
    }
    QString s = QString::number(inches, 'f', 3);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

namespace {
QString mmText(double mm)
{
    QString s = QString::number(mm, 'f', 1);
    while (s.contains(u'.') && s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}
} // namespace

QString sentenceCase(const QString &title)
{
    static const QRegularExpression word(u"^[A-Z][a-z]+$"_s);
    QStringList words = title.simplified().split(u' ');
    for (qsizetype i = 1; i < words.size(); ++i) {
        // Only plain capitalised words: "CD", "DVD", "McGuffin" and "3.5in" keep their capitals.
        if (word.match(words[i]).hasMatch())
            words[i] = words[i].toLower();
    }
    return words.join(u' ');
}

QString Stock::sizeText() const
{
    const bool inch = unit == Unit::Inch;
    const auto len = [&](double mm) { return inch ? inchText(mm / 25.4) : mmText(mm); };
    const QString u = inch ? u"in"_s : u"mm"_s;
    switch (shape.kind) {
    case StockShape::Kind::Round:
        return u"Ø %1 %2"_s.arg(len(shape.width), u);
    case StockShape::Kind::Cd:
        return u"Ø %1 %2 CD"_s.arg(len(2 * shape.outerRadius), u);
    case StockShape::Kind::Rectangle:
    case StockShape::Kind::Ellipse:
        break;
    }
    // As the makers print it: inch sizes short side first ("1 × 2⅝ in", "4 × 6 in"), metric ones width × height
    // ("63.5 × 38.1 mm", a Dymo roll's "25 × 54 mm").
    const double shortSide = std::min(shape.width, shape.height);
    const double longSide = std::max(shape.width, shape.height);
    const QString size = inch ? u"%1 × %2 %3"_s.arg(len(shortSide), len(longSide), u)
                              : u"%1 × %2 %3"_s.arg(len(shape.width), len(shape.height), u);
    return shape.kind == StockShape::Kind::Ellipse ? size + u" oval"_s : size;
}

QString Stock::countText() const
{
    if (roll)
        return u"roll"_s;
    return u"%1 per sheet"_s.arg(labelsPerSheet());
}

QString Stock::displayName() const
{
    const QString what = description.isEmpty() ? u"Labels"_s : description;
    const QString details = u"%1, %2, %3"_s.arg(what, sizeText(), countText());
    const QString name = QStringList { brand, part }.join(u' ').trimmed();
    return name.isEmpty() ? details : name + u" — "_s + details;
}

bool Stock::matches(const QStringList &words) const
{
    const QString hay = QStringList { brand, part, description, equivalentOf, aliases.join(u' '), sizeText(),
        countText(), paperName, categories.join(u' ') }
                            .join(u' ');
    for (const auto &w : words) {
        if (!hay.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QByteArray sheetTemplateJson(const SheetTemplate &t)
{
    QJsonObject o;
    o[u"name"_s] = t.name;
    o[u"description"_s] = t.description;
    if (!t.equivalents.isEmpty())
        o[u"vendor_equivalents"_s] = QJsonArray::fromStringList(t.equivalents);
    o[u"unit"_s] = u"mm"_s;
    o[u"page"_s]
        = QJsonObject { { u"name"_s, t.pageName }, { u"width"_s, t.pageWidth }, { u"height"_s, t.pageHeight } };
    o[u"label"_s] = QJsonObject { { u"shape"_s, t.shape == SheetTemplate::Shape::Round ? u"round"_s : u"rectangle"_s },
        { u"width"_s, t.labelWidth }, { u"height"_s, t.labelHeight }, { u"corner_radius"_s, t.cornerRadius } };
    o[u"layout"_s] = QJsonObject { { u"columns"_s, t.columns }, { u"rows"_s, t.rows }, { u"x0"_s, t.x0 },
        { u"y0"_s, t.y0 }, { u"dx"_s, t.dx }, { u"dy"_s, t.dy } };
    o[u"safe_inset"_s] = t.safeInset;
    if (t.roll)
        o[u"roll"_s] = true;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

namespace {
/// Letters, digits, '_', '.' and '-' only, at most 64: the template name rules.
QString safeName(const QString &id)
{
    QString s;
    for (const QChar c : id)
        s += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'_' || c == u'.' || c == u'-' ? c : u'-';
    return s.left(64);
}
} // namespace

Result<SheetConversion> toSheetTemplate(const Stock &stock)
{
    if (stock.sheet)
        return SheetConversion { *stock.sheet, 0, {} };
    const auto refused = [&](const QString &why) {
        return Error { u"unsupported_stock"_s, u"%1 cannot be printed as a sheet: %2"_s.arg(stock.displayName(), why) };
    };
    if (stock.shape.kind == StockShape::Kind::Cd)
        return refused(u"a CD label has a hole in the middle, where sheet printing centres the symbol; design a "
                       u"layout for it instead"_s);
    if (stock.grids.empty())
        return refused(u"it has no labels"_s);
    const auto largest = std::max_element(stock.grids.begin(), stock.grids.end(),
        [](const StockGrid &a, const StockGrid &b) { return a.count() < b.count(); });

    SheetConversion out;
    SheetTemplate &t = out.sheet;
    t.name = safeName(stock.id);
    t.description = stock.displayName();
    for (const auto &a : stock.aliases)
        t.equivalents << a;
    t.pageName = stock.paperId == u"US-Letter" ? u"Letter"_s : stock.paperId == u"A4" ? u"A4"_s : QString();
    t.pageWidth = stock.pageWidth;
    t.pageHeight = stock.pageHeight;
    t.labelWidth = stock.shape.width;
    t.labelHeight = stock.shape.height;
    t.columns = largest->columns;
    t.rows = largest->rows;
    t.x0 = largest->x0;
    t.y0 = largest->y0;
    // A single column or row has no pitch in glabels (0): any pitch at least the label's size describes it.
    t.dx = t.columns == 1 ? std::max(largest->dx, t.labelWidth) : largest->dx;
    t.dy = t.rows == 1 ? std::max(largest->dy, t.labelHeight) : largest->dy;
    t.roll = stock.roll;
    // glabels-data rounds some pitches below the label's size (Avery L7161: 0.1 pt): labels that overlap by a
    // rounding error are printed as the pitch's size. A real overlap is refused below.
    constexpr double kRounding = 0.5;
    if (t.dx < t.labelWidth && t.labelWidth - t.dx <= kRounding)
        t.labelWidth = t.dx;
    if (t.dy < t.labelHeight && t.labelHeight - t.dy <= kRounding)
        t.labelHeight = t.dy;

    // The safe inset: the maker's margin where glabels gives one, else 1.5 mm, never so much that nothing is left.
    double inset = 1.5;
    for (const auto &m : stock.markups) {
        if (m.kind == StockMarkup::Kind::Margin && m.size > 0)
            inset = m.size;
    }
    const double smallest = std::min(t.labelWidth, t.labelHeight);
    inset = std::min(inset, std::max(0.0, (smallest - 2.5) / 2));
    switch (stock.shape.kind) {
    case StockShape::Kind::Rectangle:
        t.shape = SheetTemplate::Shape::Rectangle;
        t.cornerRadius = stock.shape.cornerRadius;
        t.safeInset = inset;
        break;
    case StockShape::Kind::Round:
        t.shape = SheetTemplate::Shape::Round;
        t.cornerRadius = t.labelWidth / 2;
        t.safeInset = std::min(inset, std::max(0.0, (smallest / std::sqrt(2.0) - 2.5) / 2));
        break;
    case StockShape::Kind::Ellipse: {
        // The sheet renderer knows rectangles and circles. An oval prints as a rectangle whose uniform inset keeps
        // the safe area's corners inside the oval: ((w/2 - d)/(w/2))² + ((h/2 - d)/(h/2))² ≤ 1, solved for d.
        const double a = t.labelWidth / 2;
        const double b = t.labelHeight / 2;
        double lo = 0;
        double hi = std::min(a, b);
        for (int i = 0; i < 60; ++i) {
            const double d = (lo + hi) / 2;
            const double v = std::pow((a - d) / a, 2) + std::pow((b - d) / b, 2);
            (v <= 1 ? hi : lo) = d;
        }
        t.shape = SheetTemplate::Shape::Rectangle;
        t.cornerRadius = std::min(a, b);
        t.safeInset = hi + inset;
        out.note = u"The oval is printed as a rectangle inside it; the corners stay blank."_s;
        break;
    }
    case StockShape::Kind::Cd:
        break;
    }
    out.unusedLabels = stock.labelsPerSheet() - largest->count();
    if (out.unusedLabels > 0) {
        const QString unused
            = u"%1 of the %2 labels on a sheet sit off the main grid and stay blank."_s.arg(out.unusedLabels)
                  .arg(stock.labelsPerSheet());
        out.note = out.note.isEmpty() ? unused : out.note + u' ' + unused;
    }
    // The station's own rules decide whether the result is printable (labels on the page, room inside them).
    if (const auto checked = parseTemplate(sheetTemplateJson(t)); !checked)
        return refused(checked.error().message);
    return out;
}

Stock stockFromSheetTemplate(const SheetTemplate &t, StockSource source)
{
    Stock s;
    s.id = t.name;
    s.source = source;
    s.sheet = t;
    s.file = t.source;
    s.aliases = t.equivalents;
    s.pageWidth = t.pageWidth;
    s.pageHeight = t.pageHeight;
    s.paperId = t.pageName == u"Letter" ? u"US-Letter"_s : t.pageName.isEmpty() ? u"Other"_s : t.pageName;
    s.paperName = t.pageName == u"Letter" ? u"US Letter"_s : t.pageName;
    s.roll = t.roll;
    s.shape.kind = t.shape == SheetTemplate::Shape::Round ? StockShape::Kind::Round : StockShape::Kind::Rectangle;
    s.shape.width = t.labelWidth;
    s.shape.height = t.labelHeight;
    s.shape.cornerRadius = t.shape == SheetTemplate::Shape::Round ? 0 : t.cornerRadius;
    s.grids.push_back({ t.columns, t.rows, t.x0, t.y0, t.dx, t.dy });
    s.markups.push_back({ StockMarkup::Kind::Margin, t.safeInset, {}, 0 });
    // Inch stocks are those whose size is a whole number of sixteenths of an inch.
    const auto sixteenths = [](double mm) {
        const double v = mm / 25.4 * 16;
        return std::abs(v - std::round(v)) < 0.01;
    };
    s.unit = sixteenths(t.labelWidth) && sixteenths(t.labelHeight) && t.pageName != u"A4" ? Stock::Unit::Inch
                                                                                          : Stock::Unit::Millimetre;

    // "avery_5160" with "Avery 5160 address labels, 2.625 × 1 in, ..." → Avery, 5160, "Address labels".
    QString text = t.description.section(u',', 0, 0).trimmed();
    const QStringList nameParts = t.name.split(u'_');
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    if (nameParts.size() == 2 && words.size() >= 2 && words[0].compare(nameParts[0], Qt::CaseInsensitive) == 0
        && words[1].compare(nameParts[1], Qt::CaseInsensitive) == 0) {
        s.brand = words[0];
        s.part = words[1];
        text = words.mid(2).join(u' ');
    }
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    s.description = text;
    return s;
}

} // namespace closient::labels
