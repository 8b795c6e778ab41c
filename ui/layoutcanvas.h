// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "designercontroller.h"

#include <QPointer>
#include <QQuickPaintedItem>

namespace closient::ui {

/**
 * The designer's label, drawn by the one LayoutRenderer with the preview data at @c zoom pixels per millimetre:
 * the label's shape (clipped as it is cut), the grid, every object as it will print, a red frame with a mark on
 * each object that has a problem, and the snap guides of a drag. Handles and the rubber band are QML on top.
 */
class LayoutCanvas : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        closient::models::DesignerController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY zoomChanged) // pixels per millimetre
    Q_PROPERTY(bool showGrid READ showGrid WRITE setShowGrid NOTIFY showGridChanged)

public:
    explicit LayoutCanvas(QQuickItem *parent = nullptr);

    [[nodiscard]] models::DesignerController *controller() const { return m_controller; }
    void setController(models::DesignerController *controller);
    [[nodiscard]] double zoom() const { return m_zoom; }
    void setZoom(double zoom);
    [[nodiscard]] bool showGrid() const { return m_showGrid; }
    void setShowGrid(bool on);

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void controllerChanged();
    void zoomChanged();
    void showGridChanged();

private:
    void resize();

    QPointer<models::DesignerController> m_controller;
    double m_zoom = 4;
    bool m_showGrid = true;
};

} // namespace closient::ui
