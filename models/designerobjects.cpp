// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The designer's objects: adding each kind, deleting, copy and paste.
#include "designercontroller.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>

#include <algorithm>

using namespace Qt::StringLiterals;
using closient::labels::Layout;
using closient::labels::LayoutObject;

namespace closient::models {

namespace {
constexpr double kPasteOffset = 2; // mm: a pasted copy sits below and right of the original
constexpr qsizetype kMaxImageBytes = 8 * 1024 * 1024; // as the layout file allows

bool isLinear(labels::LayoutSymbology s)
{
    using S = labels::LayoutSymbology;
    return s == S::Gs1_128 || s == S::Ean13 || s == S::UpcA || s == S::Itf14 || s == S::DataBar
        || s == S::DataBarExpanded;
}
} // namespace

// ---- adding, removing, the clipboard

QString DesignerController::uniqueId(const QString &base, const Layout &layout) const
{
    if (!layout.object(base))
        return base;
    for (int n = 2;; ++n) {
        const QString id = u"%1-%2"_s.arg(base).arg(n);
        if (!layout.object(id))
            return id;
    }
}

QString DesignerController::addObject(LayoutObject object, const QString &text)
{
    if (int(m_layout.objects.size()) >= Layout::kMaxObjects) {
        m_status.warn(tr("A layout holds at most %1 objects").arg(Layout::kMaxObjects));
        return {};
    }
    object.id = uniqueId(object.id, m_layout);
    Layout after = m_layout;
    after.objects.push_back(object);
    designer::Snapshot next { std::move(after), { object.id } };
    m_history.push(text, { m_layout, m_selection }, next);
    apply(next);
    return object.id;
}

QString DesignerController::addSymbol(Symbology symbology)
{
    LayoutObject o;
    o.type = LayoutObject::Type::Symbol;
    o.symbology = labels::LayoutSymbology(int(symbology));
    o.id = u"symbol"_s;
    const double w = m_layout.label.width;
    const double h = m_layout.label.height;
    const QSizeF size = isLinear(o.symbology) ? QSizeF(std::min(w * 0.8, 45.0), std::min(h * 0.6, 20.0))
                                              : QSizeF(std::min({ w, h, 22.0 }) * 0.8, std::min({ w, h, 22.0 }) * 0.8);
    o.rect = QRectF(QPointF((w - size.width()) / 2, (h - size.height()) / 2), size);
    return addObject(o, tr("Add %1").arg(labels::layoutSymbologyTitle(o.symbology)));
}

QString DesignerController::addText(const QString &text)
{
    LayoutObject o;
    o.type = LayoutObject::Type::Text;
    o.id = u"text"_s;
    o.text = text.isEmpty() ? u"{product_name}"_s : text;
    o.fontSize = 8;
    o.fit = LayoutObject::Fit::Wrap;
    const double w = m_layout.label.width;
    const double h = m_layout.label.height;
    const QSizeF size(w * 0.6, std::min(h * 0.3, 8.0));
    o.rect = QRectF(QPointF((w - size.width()) / 2, (h - size.height()) / 2), size);
    return addObject(o, tr("Add text"));
}

QString DesignerController::addImage(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status.error(tr("The image %1 cannot be opened").arg(path), { f.errorString() });
        return {};
    }
    if (f.size() > kMaxImageBytes) {
        m_status.error(tr("The image %1 is too large for a label (at most 8 MB)").arg(path));
        return {};
    }
    const QByteArray data = f.readAll();
    QSizeF aspect(1, 1);
    const bool svg = data.left(4096).contains("<svg");
    if (svg) {
        // Its size as the SVG states it (through Qt's SVG image plugin, when installed): a box of its proportions.
        QBuffer buffer;
        buffer.setData(data);
        const QSize size = QImageReader(&buffer, "svg").size();
        if (size.isValid() && !size.isEmpty())
            aspect = QSizeF(size);
    } else {
        QImageReader reader(path);
        const QSize size = reader.size();
        if (!reader.canRead() || size.isEmpty()) {
            m_status.error(tr("%1 is not a PNG, JPEG or SVG image").arg(path));
            return {};
        }
        aspect = QSizeF(size);
    }
    LayoutObject o;
    o.type = LayoutObject::Type::Image;
    o.id = u"image"_s;
    o.imageData = data;
    const double w = m_layout.label.width;
    const double h = m_layout.label.height;
    const double side = std::min({ w, h }) * 0.5;
    const QSizeF size = aspect.scaled(side, side, Qt::KeepAspectRatio);
    o.rect = QRectF(QPointF((w - size.width()) / 2, (h - size.height()) / 2), size);
    return addObject(o, tr("Add image"));
}

QString DesignerController::addLine()
{
    LayoutObject o;
    o.type = LayoutObject::Type::Line;
    o.id = u"line"_s;
    const double w = m_layout.label.width;
    o.rect = QRectF(w * 0.2, m_layout.label.height / 2, w * 0.6, 0);
    return addObject(o, tr("Add line"));
}

QString DesignerController::addBox()
{
    LayoutObject o;
    o.type = LayoutObject::Type::Box;
    o.id = u"box"_s;
    const double w = m_layout.label.width;
    const double h = m_layout.label.height;
    o.rect = QRectF(w * 0.25, h * 0.25, w * 0.5, h * 0.5);
    return addObject(o, tr("Add box"));
}

void DesignerController::deleteSelection()
{
    if (m_selection.isEmpty())
        return;
    const QStringList gone = m_selection;
    edit(m_selection.size() == 1 ? tr("Delete %1").arg(gone.constFirst())
                                 : tr("Delete %n objects", "", int(gone.size())),
        [&](Layout &l) { std::erase_if(l.objects, [&](const LayoutObject &o) { return gone.contains(o.id); }); });
}

void DesignerController::copy()
{
    if (m_selection.isEmpty())
        return;
    m_clipboard.clear();
    for (const auto &o : m_layout.objects) {
        if (m_selection.contains(o.id))
            m_clipboard.push_back(o);
    }
    m_pasteCount = 0;
    Q_EMIT clipboardChanged();
}

void DesignerController::cut()
{
    copy();
    deleteSelection();
}

void DesignerController::paste()
{
    if (m_clipboard.empty())
        return;
    if (int(m_layout.objects.size() + m_clipboard.size()) > Layout::kMaxObjects) {
        m_status.warn(tr("A layout holds at most %1 objects").arg(Layout::kMaxObjects));
        return;
    }
    ++m_pasteCount;
    Layout after = m_layout;
    QStringList ids;
    for (LayoutObject o : m_clipboard) {
        o.id = uniqueId(o.id, after);
        o.rect.translate(kPasteOffset * m_pasteCount, kPasteOffset * m_pasteCount);
        after.objects.push_back(o);
        ids << o.id;
    }
    designer::Snapshot next { std::move(after), ids };
    m_history.push(tr("Paste"), { m_layout, m_selection }, next);
    apply(next);
}

} // namespace closient::models
