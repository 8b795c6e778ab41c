// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sheettemplate.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

QRectF SheetTemplate::cell(int index) const
{
    const int col = index % columns;
    const int row = (index / columns) % rows;
    return { x0 + col * dx, y0 + row * dy, labelWidth, labelHeight };
}

QRectF SheetTemplate::safeArea() const
{
    if (shape == Shape::Round) {
        const double d = std::min(labelWidth, labelHeight);
        const double side = d / std::sqrt(2.0) - 2 * safeInset;
        return { (labelWidth - side) / 2, (labelHeight - side) / 2, side, side };
    }
    return { safeInset, safeInset, labelWidth - 2 * safeInset, labelHeight - 2 * safeInset };
}

LabelArea SheetTemplate::contentArea() const
{
    if (shape == Shape::Round) {
        const double d = std::min(labelWidth, labelHeight) - 2 * safeInset;
        return { QRectF((labelWidth - d) / 2, (labelHeight - d) / 2, d, d), true };
    }
    return { safeArea(), false };
}

QPageSize SheetTemplate::pageSize() const
{
    if (pageName.compare(u"Letter"_s, Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::Letter);
    if (pageName.compare(u"A4"_s, Qt::CaseInsensitive) == 0)
        return QPageSize(QPageSize::A4);
    return QPageSize(QSizeF(pageWidth, pageHeight), QPageSize::Millimeter, name, QPageSize::ExactMatch);
}

QString SheetTemplate::summary() const
{
    const QString shapeText = shape == Shape::Round ? u"round"_s : u"rectangular"_s;
    const QString size = u"%1 × %2 mm %3"_s.arg(labelWidth, 0, 'f', 1).arg(labelHeight, 0, 'f', 1).arg(shapeText);
    if (roll)
        return size + u" · roll"_s;
    return u"%1 × %2 · %3 · %4"_s.arg(columns).arg(rows).arg(size, pageName);
}

namespace {
constexpr int kMaxLabelsPerPage = 1000;
constexpr double kMaxPageMm = 2000; // larger than A0's long side; roll labels are one label per page

double unitFactor(const QString &unit, bool *ok)
{
    *ok = true;
    if (unit == u"mm")
        return 1;
    if (unit == u"in")
        return 25.4;
    if (unit == u"pt")
        return 25.4 / 72;
    if (unit == u"cm")
        return 10;
    *ok = false;
    return 0;
}
} // namespace

namespace {
std::optional<SheetTemplate> templateOf(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject()) {
        *error = u"not a JSON object (%1)"_s.arg(pe.errorString());
        return std::nullopt;
    }
    const auto o = doc.object();
    bool ok = false;
    const double f = unitFactor(o.value(u"unit"_s).toString(u"mm"_s), &ok);
    if (!ok) {
        *error = u"\"unit\" must be mm, cm, in or pt"_s;
        return std::nullopt;
    }
    SheetTemplate t;
    t.name = o.value(u"name"_s).toString();
    t.description = o.value(u"description"_s).toString();
    for (const auto &v : o.value(u"vendor_equivalents"_s).toArray())
        t.equivalents << v.toString();
    const auto page = o.value(u"page"_s).toObject();
    const auto label = o.value(u"label"_s).toObject();
    const auto layout = o.value(u"layout"_s).toObject();
    t.pageName = page.value(u"name"_s).toString();
    t.pageWidth = page.value(u"width"_s).toDouble() * f;
    t.pageHeight = page.value(u"height"_s).toDouble() * f;
    t.shape = label.value(u"shape"_s).toString() == u"round" ? SheetTemplate::Shape::Round
                                                             : SheetTemplate::Shape::Rectangle;
    t.labelWidth = label.value(u"width"_s).toDouble() * f;
    t.labelHeight = label.value(u"height"_s).toDouble() * f;
    t.cornerRadius = label.value(u"corner_radius"_s).toDouble() * f;
    t.columns = std::clamp(layout.value(u"columns"_s).toInt(), 0, kMaxLabelsPerPage);
    t.rows = std::clamp(layout.value(u"rows"_s).toInt(), 0, kMaxLabelsPerPage);
    t.x0 = layout.value(u"x0"_s).toDouble() * f;
    t.y0 = layout.value(u"y0"_s).toDouble() * f;
    t.dx = layout.value(u"dx"_s).toDouble(t.labelWidth / f) * f;
    t.dy = layout.value(u"dy"_s).toDouble(t.labelHeight / f) * f;
    t.safeInset = o.value(u"safe_inset"_s).toDouble(1.5 / f) * f;
    t.roll = o.value(u"roll"_s).toBool();

    // Counts are read as JSON numbers and multiplied in 64 bits: 46341 × 46341 must not wrap around to fit.
    const double columns = layout.value(u"columns"_s).toDouble();
    const double rows = layout.value(u"rows"_s).toDouble();
    const auto finite = [](std::initializer_list<double> values) {
        return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
    };
    static const QRegularExpression namePattern(u"^[A-Za-z0-9_.-]{1,64}$"_s);
    if (!namePattern.match(t.name).hasMatch())
        *error = u"\"name\" must be 1 to 64 letters, digits, '_', '.' or '-'"_s;
    else if (columns != std::floor(columns) || rows != std::floor(rows) || columns < 1 || rows < 1
        || columns * rows > kMaxLabelsPerPage)
        *error = u"the layout has %1 columns × %2 rows; it needs whole numbers and 1 to %3 labels in all"_s
                     .arg(layout.value(u"columns"_s).toVariant().toString(),
                         layout.value(u"rows"_s).toVariant().toString())
                     .arg(kMaxLabelsPerPage);
    else if (!finite({ t.pageWidth, t.pageHeight }) || t.pageWidth <= 0 || t.pageHeight <= 0)
        *error = u"the page needs a width and a height"_s;
    else if (t.pageWidth > kMaxPageMm || t.pageHeight > kMaxPageMm)
        *error = u"the page is %1 × %2 mm; a page may be at most %3 mm on each side"_s.arg(t.pageWidth, 0, 'f', 0)
                     .arg(t.pageHeight, 0, 'f', 0)
                     .arg(kMaxPageMm, 0, 'f', 0);
    else if (!finite({ t.labelWidth, t.labelHeight, t.cornerRadius, t.x0, t.y0, t.dx, t.dy, t.safeInset })
        || t.labelWidth <= 0 || t.labelHeight <= 0)
        *error = u"the label needs a width and a height"_s;
    else if (t.dx < t.labelWidth - 1e-6 || t.dy < t.labelHeight - 1e-6)
        *error = u"the pitch (dx, dy) is smaller than the label, so labels would overlap"_s;
    else if (t.x0 < -1e-6 || t.y0 < -1e-6 || t.x0 + (t.columns - 1) * t.dx + t.labelWidth > t.pageWidth + 0.01
        || t.y0 + (t.rows - 1) * t.dy + t.labelHeight > t.pageHeight + 0.01)
        *error = u"the labels do not fit on the page"_s;
    else if (t.safeInset < 0 || t.safeArea().width() <= 2 || t.safeArea().height() <= 2)
        *error = u"the safe inset leaves no room on the label"_s;
    else
        return t;
    return std::nullopt;
}

} // namespace

Result<SheetTemplate> parseTemplate(const QByteArray &json)
{
    QString why;
    auto t = templateOf(json, &why);
    if (!t)
        return Error { u"invalid"_s, why };
    return std::move(*t);
}

const TemplateLibrary &TemplateLibrary::instance()
{
    static TemplateLibrary library = [] {
        TemplateLibrary l;
        l.load();
        return l;
    }();
    return library;
}

void TemplateLibrary::reload()
{
    const_cast<TemplateLibrary &>(instance()).load();
}

QString TemplateLibrary::userFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/templates"_s;
}

void TemplateLibrary::load()
{
    m_templates.clear();
    m_problems.clear();
    QStringList folders { u":/templates"_s, userFolder() };
    if (const QString extra = qEnvironmentVariable("CLOSIENT_TEMPLATE_DIR"); !extra.isEmpty())
        folders << extra;
    for (const QString &folder : folders) {
        const bool builtIn = folder.startsWith(u':');
        const auto files = QDir(folder).entryInfoList({ u"*.json"_s }, QDir::Files, QDir::Name);
        for (const auto &fi : files) {
            QFile f(fi.filePath());
            Result<SheetTemplate> t = f.open(QIODevice::ReadOnly)
                ? parseTemplate(f.readAll())
                : Result<SheetTemplate>(Error { u"io"_s, f.errorString() });
            if (!t) {
                m_problems << u"%1: %2"_s.arg(builtIn ? fi.fileName() : fi.filePath(), t.error().message);
                continue;
            }
            t->source = builtIn ? u"built-in"_s : fi.filePath();
            // A user file with a built-in name replaces it: the user measured their stock.
            std::erase_if(m_templates, [&](const SheetTemplate &o) { return o.name == t->name; });
            m_templates.push_back(*t);
        }
    }
}

std::optional<SheetTemplate> TemplateLibrary::find(const QString &name) const
{
    // "avery_5160", "Avery 5160", "5160" and "Avery 8160" (an equivalent) all name the same stock.
    const QString wanted = name.trimmed().toLower().replace(u' ', u'_');
    for (const auto &t : m_templates) {
        const QString n = t.name.toLower();
        if (n == wanted || n == u"avery_"_s + wanted)
            return t;
        for (const auto &e : t.equivalents) {
            const QString eq = e.toLower().replace(u' ', u'_');
            if (eq == wanted || eq == u"avery_"_s + wanted)
                return t;
        }
    }
    return std::nullopt;
}

QStringList TemplateLibrary::names() const
{
    QStringList n;
    for (const auto &t : m_templates)
        n << t.name;
    return n;
}

} // namespace closient::labels
