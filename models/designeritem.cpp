// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designeritem.h"

#include "designercontroller.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;
using closient::labels::LayoutObject;

namespace closient::models {

namespace {
constexpr double kMinSide = 0.5; // mm: smaller boxes cannot be grabbed on the canvas
constexpr double kMaxSide = 2000; // as the layout file allows

// A run of typing in one field of one object is one step to undo.
int typingKey(const QString &id, int field)
{
    return int((qHash(id) & 0xffffff) << 4) | field | 1;
}

double bounded(double v, double low, double high)
{
    return std::isfinite(v) ? std::clamp(v, low, high) : low;
}
} // namespace

DesignerItem::DesignerItem(DesignerController *controller)
    : QObject(controller)
    , m_controller(controller)
{ }

#define CURRENT_OR(fallback)                                                                                           \
    const LayoutObject *o = m_controller->currentObject();                                                             \
    if (!o)                                                                                                            \
        return fallback;

bool DesignerItem::present() const
{
    return m_controller->currentObject() != nullptr;
}

QString DesignerItem::objectId() const
{
    CURRENT_OR({})
    return o->id;
}

void DesignerItem::setObjectId(const QString &id)
{
    const QString name = id.trimmed();
    CURRENT_OR()
    if (name.isEmpty() || name == o->id)
        return Q_EMIT changed();
    if (m_controller->object(name)) {
        m_controller->status()->warn(tr("Another object is already called “%1”").arg(name));
        return Q_EMIT changed();
    }
    const QString old = o->id;
    m_controller->edit(tr("Rename object"), [&](labels::Layout &l) {
        for (auto &x : l.objects) {
            if (x.id == old)
                x.id = name;
        }
    });
    m_controller->select(name);
}

int DesignerItem::type() const
{
    CURRENT_OR(0)
    return int(o->type);
}

double DesignerItem::x() const
{
    CURRENT_OR(0)
    return o->rect.x();
}

void DesignerItem::setX(double v)
{
    m_controller->editCurrent(tr("Move"), [&](LayoutObject &x) { x.rect.moveLeft(bounded(v, -kMaxSide, kMaxSide)); });
}

double DesignerItem::y() const
{
    CURRENT_OR(0)
    return o->rect.y();
}

void DesignerItem::setY(double v)
{
    m_controller->editCurrent(tr("Move"), [&](LayoutObject &x) { x.rect.moveTop(bounded(v, -kMaxSide, kMaxSide)); });
}

double DesignerItem::width() const
{
    CURRENT_OR(0)
    return o->rect.width();
}

void DesignerItem::setWidth(double v)
{
    m_controller->editCurrent(tr("Resize"), [&](LayoutObject &x) {
        const double low = x.type == LayoutObject::Type::Line ? 0 : kMinSide;
        x.rect.setWidth(bounded(v, low, kMaxSide));
    });
}

double DesignerItem::height() const
{
    CURRENT_OR(0)
    return o->rect.height();
}

void DesignerItem::setHeight(double v)
{
    m_controller->editCurrent(tr("Resize"), [&](LayoutObject &x) {
        const double low = x.type == LayoutObject::Type::Line ? 0 : kMinSide;
        x.rect.setHeight(bounded(v, low, kMaxSide));
    });
}

int DesignerItem::rotation() const
{
    CURRENT_OR(0)
    return o->rotation;
}

void DesignerItem::setRotation(int degrees)
{
    const int target = ((degrees % 360) + 360) % 360 / 90 * 90;
    m_controller->editCurrent(tr("Rotate"), [&](LayoutObject &x) {
        if ((target - x.rotation) % 180 != 0)
            x.rect = designer::turned(x.rect); // a quarter turn either way: width and height change places
        x.rotation = target;
    });
}

QString DesignerItem::text() const
{
    CURRENT_OR({})
    return o->text;
}

void DesignerItem::setText(const QString &text)
{
    CURRENT_OR()
    m_controller->editCurrent(
        tr("Edit text"), [&](LayoutObject &x) { x.text = text; }, typingKey(o->id, 2));
}

DesignerItem::Font DesignerItem::font() const
{
    CURRENT_OR(Font::Sans)
    return Font(int(o->font));
}

void DesignerItem::setFont(Font f)
{
    m_controller->editCurrent(tr("Font"), [&](LayoutObject &x) { x.font = LayoutObject::Font(int(f)); });
}

double DesignerItem::fontSize() const
{
    CURRENT_OR(0)
    return o->fontSize;
}

void DesignerItem::setFontSize(double pt)
{
    m_controller->editCurrent(tr("Font size"), [&](LayoutObject &x) {
        x.fontSize = bounded(pt, 1, 500);
        x.minFontSize = std::min(x.minFontSize, x.fontSize);
    });
}

double DesignerItem::minFontSize() const
{
    CURRENT_OR(0)
    return o->minFontSize;
}

void DesignerItem::setMinFontSize(double pt)
{
    m_controller->editCurrent(
        tr("Smallest font size"), [&](LayoutObject &x) { x.minFontSize = bounded(pt, 1, x.fontSize); });
}

bool DesignerItem::bold() const
{
    CURRENT_OR(false)
    return o->bold;
}

void DesignerItem::setBold(bool on)
{
    m_controller->editCurrent(on ? tr("Bold") : tr("Not bold"), [&](LayoutObject &x) { x.bold = on; });
}

DesignerItem::HAlign DesignerItem::align() const
{
    CURRENT_OR(HAlign::Left)
    return HAlign(int(o->align));
}

void DesignerItem::setAlign(HAlign a)
{
    m_controller->editCurrent(tr("Text alignment"), [&](LayoutObject &x) { x.align = LayoutObject::Align(int(a)); });
}

DesignerItem::VAlign DesignerItem::valign() const
{
    CURRENT_OR(VAlign::Top)
    return VAlign(int(o->valign));
}

void DesignerItem::setValign(VAlign a)
{
    m_controller->editCurrent(
        tr("Vertical alignment"), [&](LayoutObject &x) { x.valign = LayoutObject::VAlign(int(a)); });
}

DesignerItem::Fit DesignerItem::fit() const
{
    CURRENT_OR(Fit::Shrink)
    return Fit(int(o->fit));
}

void DesignerItem::setFit(Fit f)
{
    m_controller->editCurrent(tr("Fit"), [&](LayoutObject &x) { x.fit = LayoutObject::Fit(int(f)); });
}

bool DesignerItem::required() const
{
    CURRENT_OR(false)
    return o->required;
}

void DesignerItem::setRequired(bool on)
{
    m_controller->editCurrent(on ? tr("Required") : tr("Not required"), [&](LayoutObject &x) { x.required = on; });
}

int DesignerItem::symbology() const
{
    CURRENT_OR(0)
    return int(o->symbology);
}

void DesignerItem::setSymbology(int s)
{
    if (s < 0 || s > int(labels::LayoutSymbology::DataBarExpanded))
        return;
    m_controller->editCurrent(tr("Symbology"), [&](LayoutObject &x) { x.symbology = labels::LayoutSymbology(s); });
}

QString DesignerItem::elements() const
{
    CURRENT_OR({})
    QStringList lines;
    for (const auto &e : o->elements)
        lines << e.ai + u' ' + e.value;
    return lines.join(u'\n');
}

void DesignerItem::setElements(const QString &lines)
{
    CURRENT_OR()
    // "01 {gtin}", "(17) {expiry:%y%m%d}": the AI, then its value after the first space.
    std::vector<labels::LayoutElement> elements;
    static const QRegularExpression line(u"^\\s*\\(?(\\d{2,4})\\)?\\s*(.*?)\\s*$"_s);
    for (const QString &l : lines.split(u'\n', Qt::SkipEmptyParts)) {
        const auto m = line.match(l);
        if (m.hasMatch())
            elements.push_back({ m.captured(1), m.captured(2) });
    }
    m_controller->editCurrent(
        tr("Symbol data"), [&](LayoutObject &x) { x.elements = elements; }, typingKey(o->id, 4));
}

bool DesignerItem::humanReadable() const
{
    CURRENT_OR(false)
    return o->humanReadable;
}

void DesignerItem::setHumanReadable(bool on)
{
    m_controller->editCurrent(tr("Human readable text"), [&](LayoutObject &x) { x.humanReadable = on; });
}

double DesignerItem::stroke() const
{
    CURRENT_OR(0)
    return o->stroke;
}

void DesignerItem::setStroke(double mm)
{
    m_controller->editCurrent(tr("Line width"), [&](LayoutObject &x) { x.stroke = bounded(mm, 0.05, 20); });
}

bool DesignerItem::filled() const
{
    CURRENT_OR(false)
    return o->filled;
}

void DesignerItem::setFilled(bool on)
{
    m_controller->editCurrent(tr("Fill"), [&](LayoutObject &x) { x.filled = on; });
}

double DesignerItem::cornerRadius() const
{
    CURRENT_OR(0)
    return o->cornerRadius;
}

void DesignerItem::setCornerRadius(double mm)
{
    m_controller->editCurrent(tr("Corner radius"), [&](LayoutObject &x) { x.cornerRadius = bounded(mm, 0, 100); });
}

bool DesignerItem::keepAspect() const
{
    CURRENT_OR(true)
    return o->keepAspect;
}

void DesignerItem::setKeepAspect(bool on)
{
    m_controller->editCurrent(tr("Keep proportions"), [&](LayoutObject &x) { x.keepAspect = on; });
}

QString DesignerItem::problem() const
{
    CURRENT_OR({})
    return m_controller->problemsOf(o->id).join(u'\n');
}

bool DesignerItem::blocking() const
{
    CURRENT_OR(false)
    return m_controller->blocks(o->id);
}

void DesignerItem::insertField(const QString &field, int position)
{
    CURRENT_OR()
    QString text = o->text;
    text.insert(std::clamp(position, 0, int(text.size())), field);
    m_controller->editCurrent(tr("Insert %1").arg(field), [&](LayoutObject &x) { x.text = text; });
}

#undef CURRENT_OR

} // namespace closient::models
