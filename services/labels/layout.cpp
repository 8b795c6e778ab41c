// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout.h"

#include "layoutfields.h"
#include "outputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr auto kFormat = u"closient-label-layout";
constexpr double kMaxLabelMm = 2000;
constexpr qsizetype kMaxImageBytes = 8 * 1024 * 1024;

template<typename E>
struct Names
{
    E value;
    const char16_t *name;
};
constexpr Names<LayoutObject::Type> kTypes[] = { { LayoutObject::Type::Symbol, u"symbol" },
    { LayoutObject::Type::Text, u"text" }, { LayoutObject::Type::Image, u"image" },
    { LayoutObject::Type::Line, u"line" }, { LayoutObject::Type::Box, u"box" } };
constexpr Names<LayoutObject::Font> kFonts[] = { { LayoutObject::Font::Sans, u"sans" },
    { LayoutObject::Font::OcrB, u"ocr-b" }, { LayoutObject::Font::Mono, u"mono" } };
constexpr Names<LayoutObject::Align> kAligns[] = { { LayoutObject::Align::Left, u"left" },
    { LayoutObject::Align::Centre, u"centre" }, { LayoutObject::Align::Right, u"right" } };
constexpr Names<LayoutObject::VAlign> kVAligns[] = { { LayoutObject::VAlign::Top, u"top" },
    { LayoutObject::VAlign::Middle, u"middle" }, { LayoutObject::VAlign::Bottom, u"bottom" } };
constexpr Names<LayoutObject::Fit> kFits[]
    = { { LayoutObject::Fit::Shrink, u"shrink" }, { LayoutObject::Fit::Wrap, u"wrap" } };
constexpr Names<StockShape::Kind> kShapes[] = { { StockShape::Kind::Rectangle, u"rectangle" },
    { StockShape::Kind::Round, u"round" }, { StockShape::Kind::Ellipse, u"ellipse" }, { StockShape::Kind::Cd, u"cd" } };

template<typename E, size_t N>
QString nameOf(const Names<E> (&table)[N], E value)
{
    for (const auto &n : table) {
        if (n.value == value)
            return QString::fromUtf16(n.name);
    }
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const Names<E> (&table)[N], const QString &name)
{
    for (const auto &n : table) {
        if (name == QStringView(n.name))
            return n.value;
    }
    return std::nullopt;
}

template<typename E, size_t N>
QString choices(const Names<E> (&table)[N])
{
    QStringList names;
    for (const auto &n : table)
        names << QString::fromUtf16(n.name);
    return names.join(u", "_s);
}

Error invalid(const QString &message)
{
    return { u"invalid"_s, message };
}

bool finite(std::initializer_list<double> values)
{
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

/**
 * Reads the values of one JSON object by key, each of the kind it must be. A missing key gives the fallback; a key
 * with a value of another kind (a quoted number, a number where text belongs) is a mistake, kept with its key for
 * the caller to refuse the file: a hand-edited layout is never read as something else.
 */
class Reader
{
public:
    explicit Reader(const QJsonObject &object)
        : m_object(object)
    { }

    double number(const QString &key, double fallback = 0)
    {
        const QJsonValue v = m_object.value(key);
        return present(v, v.isDouble(), key, u"a number") ? v.toDouble() : fallback;
    }
    QString text(const QString &key, const QString &fallback = {})
    {
        const QJsonValue v = m_object.value(key);
        return present(v, v.isString(), key, u"text") ? v.toString() : fallback;
    }
    bool flag(const QString &key, bool fallback = false)
    {
        const QJsonValue v = m_object.value(key);
        return present(v, v.isBool(), key, u"true or false") ? v.toBool() : fallback;
    }
    QJsonArray list(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        return present(v, v.isArray(), key, u"a list") ? v.toArray() : QJsonArray();
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        return present(v, v.isObject(), key, u"an object") ? v.toObject() : QJsonObject();
    }
    /// The first value of the wrong kind, as '"x" must be a number'; empty when there was none.
    [[nodiscard]] const QString &mistake() const { return m_mistake; }

private:
    bool present(const QJsonValue &v, bool rightKind, const QString &key, QStringView kind)
    {
        if (v.isUndefined())
            return false;
        if (!rightKind && m_mistake.isEmpty())
            m_mistake = u"\"%1\" must be %2"_s.arg(key, kind);
        return rightKind;
    }

    QJsonObject m_object;
    QString m_mistake;
};
} // namespace

QString shapeName(StockShape::Kind kind)
{
    return nameOf(kShapes, kind);
}

const LayoutObject *Layout::object(const QString &id) const
{
    for (const auto &o : objects) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

bool Layout::operator==(const Layout &o) const
{
    const auto sameShape = [](const StockShape &a, const StockShape &b) {
        return a.kind == b.kind && a.width == b.width && a.height == b.height && a.cornerRadius == b.cornerRadius
            && a.holeRadius == b.holeRadius && a.outerRadius == b.outerRadius;
    };
    return name == o.name && description == o.description && sameShape(label, o.label) && stockId == o.stockId
        && table == o.table && resolverDomain == o.resolverDomain && objects == o.objects;
}

namespace {

/// Reads one object; @p where names it in messages ("object 3 (\"lot\")").
Result<LayoutObject> readObject(const QJsonObject &j, const QString &where)
{
    LayoutObject o;
    Reader r(j);
    const auto type = valueOf(kTypes, j.value(u"type"_s).toString());
    if (!type)
        return invalid(u"%1: \"type\" must be one of %2"_s.arg(where, choices(kTypes)));
    o.type = *type;
    o.id = r.text(u"id"_s);
    o.rect = QRectF(r.number(u"x"_s), r.number(u"y"_s), r.number(u"width"_s), r.number(u"height"_s));
    const double rotation = r.number(u"rotation"_s, 0);
    if (!r.mistake().isEmpty())
        return invalid(u"%1: %2"_s.arg(where, r.mistake()));
    if (rotation != 0 && rotation != 90 && rotation != 180 && rotation != 270)
        return invalid(u"%1: \"rotation\" must be 0, 90, 180 or 270"_s.arg(where));
    o.rotation = int(rotation);
    if (!finite({ o.rect.x(), o.rect.y(), o.rect.width(), o.rect.height() }) || std::abs(o.rect.x()) > kMaxLabelMm
        || std::abs(o.rect.y()) > kMaxLabelMm || std::abs(o.rect.width()) > kMaxLabelMm
        || std::abs(o.rect.height()) > kMaxLabelMm)
        return invalid(u"%1: its position and size must be numbers within %2 mm"_s.arg(where).arg(kMaxLabelMm));
    if (o.type != LayoutObject::Type::Line && (o.rect.width() <= 0 || o.rect.height() <= 0))
        return invalid(u"%1: it needs a width and a height above zero"_s.arg(where));

    switch (o.type) {
    case LayoutObject::Type::Text: {
        o.text = r.text(u"text"_s);
        const QString fontName = r.text(u"font"_s, u"sans"_s);
        const QString alignName = r.text(u"align"_s, u"left"_s);
        const QString valignName = r.text(u"valign"_s, u"top"_s);
        const QString fitName = r.text(u"fit"_s, u"shrink"_s);
        o.fontSize = r.number(u"size"_s, 10);
        o.minFontSize = r.number(u"min_size"_s, std::min(5.0, o.fontSize));
        o.bold = r.flag(u"bold"_s);
        o.required = r.flag(u"required"_s);
        if (!r.mistake().isEmpty())
            return invalid(u"%1: %2"_s.arg(where, r.mistake()));
        if (auto t = FieldTemplate::parse(o.text); !t.ok())
            return invalid(u"%1: %2"_s.arg(where, t.error().message));
        const auto font = valueOf(kFonts, fontName);
        const auto align = valueOf(kAligns, alignName);
        const auto valign = valueOf(kVAligns, valignName);
        const auto fit = valueOf(kFits, fitName);
        if (!font)
            return invalid(u"%1: \"font\" must be one of %2"_s.arg(where, choices(kFonts)));
        if (!align || !valign)
            return invalid(u"%1: \"align\" must be one of %2 and \"valign\" one of %3"_s.arg(
                where, choices(kAligns), choices(kVAligns)));
        if (!fit)
            return invalid(u"%1: \"fit\" must be one of %2"_s.arg(where, choices(kFits)));
        o.font = *font;
        o.align = *align;
        o.valign = *valign;
        o.fit = *fit;
        if (!finite({ o.fontSize, o.minFontSize }) || o.fontSize < 2 || o.fontSize > 400 || o.minFontSize < 2
            || o.minFontSize > o.fontSize)
            return invalid(
                u"%1: the font size must be 2 to 400 pt, and \"min_size\" at least 2 and at most the size"_s.arg(
                    where));
        break;
    }
    case LayoutObject::Type::Symbol: {
        const QString symbology = r.text(u"symbology"_s);
        o.humanReadable = r.flag(u"human_readable"_s);
        const QJsonArray elements = r.list(u"elements"_s);
        if (!r.mistake().isEmpty())
            return invalid(u"%1: %2"_s.arg(where, r.mistake()));
        const auto s = layoutSymbologyFromName(symbology);
        if (!s)
            return invalid(u"%1: \"symbology\" \"%2\" is not one the station prints"_s.arg(where, symbology));
        o.symbology = *s;
        static const QRegularExpression aiPattern(u"^[0-9]{2,4}$"_s);
        for (qsizetype n = 0; n < elements.size(); ++n) {
            if (!elements[n].isObject())
                return invalid(u"%1, element %2: not an object"_s.arg(where).arg(n + 1));
            Reader e(elements[n].toObject());
            LayoutElement el { e.text(u"ai"_s), e.text(u"value"_s) };
            if (!e.mistake().isEmpty())
                return invalid(u"%1, element %2: %3"_s.arg(where).arg(n + 1).arg(e.mistake()));
            if (!aiPattern.match(el.ai).hasMatch())
                return invalid(u"%1: \"%2\" is not an AI (2 to 4 digits)"_s.arg(where, el.ai));
            if (auto t = FieldTemplate::parse(el.value); !t.ok())
                return invalid(u"%1, AI %2: %3"_s.arg(where, el.ai, t.error().message));
            o.elements.push_back(el);
        }
        break;
    }
    case LayoutObject::Type::Image: {
        o.imageFile = r.text(u"file"_s);
        const QString data = r.text(u"data"_s);
        o.keepAspect = r.flag(u"keep_aspect"_s, true);
        if (!r.mistake().isEmpty())
            return invalid(u"%1: %2"_s.arg(where, r.mistake()));
        if (!data.isEmpty()) {
            const auto decoded
                = QByteArray::fromBase64Encoding(data.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return invalid(u"%1: \"data\" is not base64"_s.arg(where));
            o.imageData = *decoded;
        }
        if (o.imageFile.isEmpty() && o.imageData.isEmpty())
            return invalid(u"%1: an image needs a \"file\" or embedded \"data\""_s.arg(where));
        if (o.imageData.size() > kMaxImageBytes)
            return invalid(u"%1: the embedded image is larger than 8 MiB"_s.arg(where));
        break;
    }
    case LayoutObject::Type::Line:
    case LayoutObject::Type::Box:
        o.stroke = r.number(u"stroke"_s, 0.3);
        o.filled = r.flag(u"fill"_s);
        o.cornerRadius = r.number(u"corner_radius"_s, 0);
        if (!r.mistake().isEmpty())
            return invalid(u"%1: %2"_s.arg(where, r.mistake()));
        if (!finite({ o.stroke, o.cornerRadius }) || o.stroke < 0 || o.stroke > 50 || o.cornerRadius < 0)
            return invalid(u"%1: \"stroke\" must be 0 to 50 mm and \"corner_radius\" not negative"_s.arg(where));
        if (o.type == LayoutObject::Type::Line && o.stroke <= 0)
            return invalid(u"%1: a line needs a stroke wider than zero"_s.arg(where));
        break;
    }
    return o;
}

} // namespace

Result<Layout> parseLayout(const QByteArray &json, const QString &folder)
{
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return invalid(u"not a layout: %1"_s.arg(
            pe.error == QJsonParseError::NoError ? u"not a JSON object"_s : pe.errorString()));
    const auto o = doc.object();
    if (o.value(u"format"_s).toString() != kFormat)
        return invalid(u"not a label layout (\"format\" must be \"%1\")"_s.arg(kFormat));
    const int version = o.value(u"version"_s).toInt(-1);
    if (version > Layout::kVersion)
        return invalid(
            u"this layout was saved by a newer station (format version %1; this one reads up to %2)"_s.arg(version).arg(
                Layout::kVersion));
    if (version < 1)
        return invalid(u"\"version\" must be a whole number from 1"_s);

    Layout l;
    l.folder = folder;
    Reader r(o);
    l.name = r.text(u"name"_s).trimmed();
    l.description = r.text(u"description"_s);
    l.stockId = r.text(u"stock"_s);
    l.resolverDomain = r.text(u"resolver"_s);
    const QString tableName = r.text(u"gs1_table"_s, u"general"_s);
    const auto label = r.object(u"label"_s);
    const auto objects = r.list(u"objects"_s);
    if (!r.mistake().isEmpty())
        return invalid(r.mistake());
    if (l.name.isEmpty() || l.name.size() > 100)
        return invalid(u"a layout needs a \"name\" of 1 to 100 characters"_s);
    const auto table = gs1TableFromName(tableName);
    if (!table)
        return invalid(u"\"gs1_table\" must be general, healthcare or logistics"_s);
    l.table = *table;

    Reader lr(label);
    const QString shapeText = lr.text(u"shape"_s, u"rectangle"_s);
    l.label.width = lr.number(u"width"_s);
    l.label.height = lr.number(u"height"_s);
    l.label.cornerRadius = lr.number(u"corner_radius"_s);
    const double hole = lr.number(u"hole_radius"_s);
    const double outer = lr.number(u"outer_radius"_s, std::min(l.label.width, l.label.height) / 2);
    if (!lr.mistake().isEmpty())
        return invalid(u"the label's %1"_s.arg(lr.mistake()));
    const auto shape = valueOf(kShapes, shapeText);
    if (!shape)
        return invalid(u"the label's \"shape\" must be one of %1"_s.arg(choices(kShapes)));
    l.label.kind = *shape;
    // Only a CD has a disc and a hole (and only a CD's are written): other shapes read back as they were made.
    const bool cd = l.label.kind == StockShape::Kind::Cd;
    l.label.holeRadius = cd ? hole : 0;
    l.label.outerRadius = cd ? outer : 0;
    if (!finite({ l.label.width, l.label.height, l.label.cornerRadius, l.label.holeRadius, l.label.outerRadius })
        || l.label.width <= 0 || l.label.height <= 0 || l.label.width > kMaxLabelMm || l.label.height > kMaxLabelMm
        || l.label.cornerRadius < 0 || l.label.holeRadius < 0)
        return invalid(u"the label needs a width and a height (mm, up to %1)"_s.arg(kMaxLabelMm));
    if (l.label.kind == StockShape::Kind::Cd && l.label.holeRadius >= l.label.outerRadius)
        return invalid(u"the CD's hole is as large as the disc"_s);

    if (objects.size() > Layout::kMaxObjects)
        return invalid(u"a layout holds at most %1 objects"_s.arg(Layout::kMaxObjects));
    QSet<QString> ids;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        if (!objects[i].isObject())
            return invalid(u"object %1: not an object"_s.arg(i + 1));
        const auto j = objects[i].toObject();
        const QString id = j.value(u"id"_s).toString();
        const QString where = id.isEmpty() ? u"object %1"_s.arg(i + 1) : u"object %1 (\"%2\")"_s.arg(i + 1).arg(id);
        auto obj = readObject(j, where);
        if (!obj.ok())
            return obj.error();
        // Objects without an id get one: the designer and the problem list need a name for each.
        if (obj.value().id.isEmpty()) {
            for (int n = int(i) + 1; obj.value().id.isEmpty() || ids.contains(obj.value().id); ++n)
                obj.value().id = u"%1-%2"_s.arg(nameOf(kTypes, obj.value().type)).arg(n);
        }
        if (ids.contains(obj.value().id))
            return invalid(u"%1: the id \"%2\" is used twice"_s.arg(where, obj.value().id));
        ids.insert(obj.value().id);
        l.objects.push_back(std::move(obj.value()));
    }
    return l;
}

QByteArray layoutToJson(const Layout &l)
{
    QJsonObject o;
    o[u"format"_s] = QString::fromUtf16(kFormat);
    o[u"version"_s] = Layout::kVersion;
    o[u"name"_s] = l.name;
    if (!l.description.isEmpty())
        o[u"description"_s] = l.description;
    if (!l.stockId.isEmpty())
        o[u"stock"_s] = l.stockId;
    o[u"gs1_table"_s] = gs1TableName(l.table);
    if (!l.resolverDomain.isEmpty())
        o[u"resolver"_s] = l.resolverDomain;
    QJsonObject label { { u"shape"_s, nameOf(kShapes, l.label.kind) }, { u"width"_s, l.label.width },
        { u"height"_s, l.label.height } };
    if (l.label.cornerRadius > 0)
        label[u"corner_radius"_s] = l.label.cornerRadius;
    if (l.label.kind == StockShape::Kind::Cd) {
        label[u"hole_radius"_s] = l.label.holeRadius;
        label[u"outer_radius"_s] = l.label.outerRadius;
    }
    o[u"label"_s] = label;

    QJsonArray objects;
    for (const auto &ob : l.objects) {
        QJsonObject j { { u"id"_s, ob.id }, { u"type"_s, nameOf(kTypes, ob.type) }, { u"x"_s, ob.rect.x() },
            { u"y"_s, ob.rect.y() }, { u"width"_s, ob.rect.width() }, { u"height"_s, ob.rect.height() } };
        if (ob.rotation != 0)
            j[u"rotation"_s] = ob.rotation;
        switch (ob.type) {
        case LayoutObject::Type::Text:
            j[u"text"_s] = ob.text;
            j[u"font"_s] = nameOf(kFonts, ob.font);
            j[u"size"_s] = ob.fontSize;
            j[u"min_size"_s] = ob.minFontSize;
            if (ob.bold)
                j[u"bold"_s] = true;
            j[u"align"_s] = nameOf(kAligns, ob.align);
            j[u"valign"_s] = nameOf(kVAligns, ob.valign);
            j[u"fit"_s] = nameOf(kFits, ob.fit);
            if (ob.required)
                j[u"required"_s] = true;
            break;
        case LayoutObject::Type::Symbol: {
            j[u"symbology"_s] = layoutSymbologyName(ob.symbology);
            if (!ob.elements.empty()) {
                QJsonArray elements;
                for (const auto &e : ob.elements)
                    elements.append(QJsonObject { { u"ai"_s, e.ai }, { u"value"_s, e.value } });
                j[u"elements"_s] = elements;
            }
            if (ob.humanReadable)
                j[u"human_readable"_s] = true;
            break;
        }
        case LayoutObject::Type::Image:
            if (!ob.imageFile.isEmpty())
                j[u"file"_s] = ob.imageFile;
            if (!ob.imageData.isEmpty())
                j[u"data"_s] = QString::fromLatin1(ob.imageData.toBase64());
            if (!ob.keepAspect)
                j[u"keep_aspect"_s] = false;
            break;
        case LayoutObject::Type::Line:
        case LayoutObject::Type::Box:
            j[u"stroke"_s] = ob.stroke;
            if (ob.filled)
                j[u"fill"_s] = true;
            if (ob.cornerRadius > 0)
                j[u"corner_radius"_s] = ob.cornerRadius;
            break;
        }
        objects.append(j);
    }
    o[u"objects"_s] = objects;
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<Layout> loadLayoutFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error { u"not_found"_s, u"the layout %1 cannot be opened: %2"_s.arg(path, f.errorString()) };
    if (f.size() > 64 * 1024 * 1024)
        return invalid(u"%1 is too large for a layout"_s.arg(path));
    auto l = parseLayout(f.readAll(), QFileInfo(path).absolutePath());
    if (!l.ok())
        return Error { l.error().code, u"%1: %2"_s.arg(QFileInfo(path).fileName(), l.error().message) };
    return l;
}

Result<Done> saveLayoutFile(const Layout &layout, const QString &path)
{
    auto out = OutputFile::prepare(path, {});
    if (!out.ok())
        return out.error();
    QFile f(out.value().tempPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error { u"io"_s, u"%1 cannot be written: %2"_s.arg(path, f.errorString()) };
    const QByteArray json = layoutToJson(layout);
    if (f.write(json) != json.size() || !f.flush())
        return Error { u"io"_s, u"%1 cannot be written: %2"_s.arg(path, f.errorString()) };
    f.close();
    return out.value().commit();
}

QStringList boundFields(const Layout &layout)
{
    QStringList names;
    const auto add = [&names](const QString &text) {
        const auto parsed = FieldTemplate::parse(text);
        if (!parsed.ok())
            return; // parseLayout() refuses such a layout; nothing is bound
        for (const QString &name : parsed.value().fields()) {
            if (!names.contains(name, Qt::CaseInsensitive))
                names << name;
        }
    };
    for (const auto &o : layout.objects) {
        if (o.type == LayoutObject::Type::Text)
            add(o.text);
        else if (o.type == LayoutObject::Type::Symbol) {
            for (const auto &e : o.elements)
                add(e.value);
        }
    }
    return names;
}

} // namespace closient::labels
