// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutcanvas.h"

#include "designercontroller.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace closient::ui {

LayoutCanvas::LayoutCanvas(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
}

void LayoutCanvas::setController(models::DesignerController *controller)
{
    if (controller == m_controller)
        return;
    if (m_controller)
        m_controller->disconnect(this);
    m_controller = controller;
    if (controller) {
        connect(controller, &models::DesignerController::changed, this, [this] { update(); });
        connect(controller, &models::DesignerController::guidesChanged, this, [this] { update(); });
        connect(controller, &models::DesignerController::layoutChanged, this, &LayoutCanvas::resize);
        connect(controller, &models::DesignerController::snappingChanged, this, [this] { update(); });
    }
    resize();
    Q_EMIT controllerChanged();
}

void LayoutCanvas::setZoom(double zoom)
{
    zoom = std::isfinite(zoom) ? std::clamp(zoom, 0.5, 80.0) : 4.0;
    if (zoom == m_zoom)
        return;
    m_zoom = zoom;
    resize();
    Q_EMIT zoomChanged();
}

void LayoutCanvas::setShowGrid(bool on)
{
    if (on == m_showGrid)
        return;
    m_showGrid = on;
    update();
    Q_EMIT showGridChanged();
}

void LayoutCanvas::resize()
{
    if (m_controller) {
        setImplicitWidth(m_controller->labelWidth() * m_zoom);
        setImplicitHeight(m_controller->labelHeight() * m_zoom);
    }
    update();
}

void LayoutCanvas::paint(QPainter *painter)
{
    if (!m_controller || !m_controller->renderer())
        return;
    const auto &layout = m_controller->layout();
    const QPainterPath outline = layout.label.outline();
    painter->save();
    painter->scale(m_zoom, m_zoom); // one unit = one millimetre, as the renderer draws
    painter->setRenderHint(QPainter::Antialiasing);
    painter->fillPath(outline, Qt::white);

    // The grid: faint lines every grid step, stronger every ten, inside the label's shape.
    const double step = m_controller->gridSize();
    if (m_showGrid && step * m_zoom >= 4) {
        painter->save();
        painter->setClipPath(outline);
        const double w = layout.label.width;
        const double h = layout.label.height;
        for (int i = 1; i * step < w; ++i) {
            painter->setPen(QPen(QColor(0, 90, 200, i % 10 == 0 ? 60 : 25), 0));
            painter->drawLine(QPointF(i * step, 0), QPointF(i * step, h));
        }
        for (int i = 1; i * step < h; ++i) {
            painter->setPen(QPen(QColor(0, 90, 200, i % 10 == 0 ? 60 : 25), 0));
            painter->drawLine(QPointF(0, i * step), QPointF(w, i * step));
        }
        painter->restore();
    }

    // The label as it prints: the same renderer as the PDF, the printer and ZPL.
    labels::LayoutRenderOptions options;
    m_controller->renderer()->paint(*painter, m_controller->previewData(), options);

    painter->setClipping(false);
    painter->setPen(QPen(QColor(0x60, 0x60, 0x60), 0));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);

    // Problems: a red frame, and a mark at its corner; the reason is in the view's tooltip and the panel.
    QHash<QString, bool> blocking;
    for (const auto &p : m_controller->checked().problems)
        blocking[p.objectId] = blocking.value(p.objectId) || p.blocking;
    for (const auto &o : layout.objects) {
        const bool problem = blocking.contains(o.id) || !m_controller->problemsOf(o.id).isEmpty();
        if (!problem)
            continue;
        const QColor colour = blocking.value(o.id, true) ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xe6, 0x8a, 0x00);
        QPen pen(colour, 1.5 / m_zoom, Qt::DashLine);
        painter->setPen(pen);
        painter->drawRect(o.rect.normalized().adjusted(-0.3, -0.3, 0.3, 0.3));
        const double r = 6 / m_zoom;
        const QPointF c = o.rect.normalized().topRight() + QPointF(0, 0);
        painter->setPen(Qt::NoPen);
        painter->setBrush(colour);
        painter->drawEllipse(c, r, r);
        painter->setPen(QPen(Qt::white, 1.6 / m_zoom));
        painter->drawLine(c + QPointF(0, -r * 0.55), c + QPointF(0, r * 0.15));
        painter->drawPoint(c + QPointF(0, r * 0.5));
        painter->setBrush(Qt::NoBrush);
    }

    // Snap guides while something is dragged.
    painter->setPen(QPen(QColor(0xe0, 0x1e, 0x8c), 1 / m_zoom));
    for (const auto &g : m_controller->snapGuides()) {
        if (g.vertical)
            painter->drawLine(QPointF(g.position, -2), QPointF(g.position, layout.label.height + 2));
        else
            painter->drawLine(QPointF(-2, g.position), QPointF(layout.label.width + 2, g.position));
    }
    painter->restore();
}

} // namespace closient::ui
