// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The designer's arranging: dragging and resizing with snapping, nudges, align, distribute, rotation, z-order and
// the history.
#include "designercontroller.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using closient::labels::Layout;
using closient::labels::LayoutObject;

namespace closient::models {

namespace {
constexpr int kNudgeKey = 1 << 30; // a run of arrow-key nudges is one step to undo
constexpr double kSmallStep = 0.1; // mm: an arrow key
constexpr double kLargeStep = 1; // mm: Shift and an arrow key
constexpr double kMinSide = 0.5; // mm: a box smaller than this cannot be grabbed

designer::Edges edgesOf(DesignerController::Handle h)
{
    using H = DesignerController::Handle;
    designer::Edges e;
    e.left = h == H::HandleTopLeft || h == H::HandleLeft || h == H::HandleBottomLeft;
    e.right = h == H::HandleTopRight || h == H::HandleRight || h == H::HandleBottomRight;
    e.top = h == H::HandleTopLeft || h == H::HandleTop || h == H::HandleTopRight;
    e.bottom = h == H::HandleBottomLeft || h == H::HandleBottom || h == H::HandleBottomRight;
    return e;
}
} // namespace

designer::SnapTargets DesignerController::snapTargets(double tolerance) const
{
    designer::SnapTargets t;
    t.label = QSizeF(m_layout.label.width, m_layout.label.height);
    t.grid = m_snapGrid ? m_grid : 0;
    t.toObjects = m_snapObjects;
    t.tolerance = std::isfinite(tolerance) ? std::max(tolerance, 0.0) : 1.0;
    for (const auto &o : m_layout.objects) {
        if (!m_selection.contains(o.id))
            t.others.push_back(o.rect.normalized());
    }
    return t;
}

void DesignerController::beginGesture()
{
    m_gestureStart = designer::Snapshot { m_layout, m_selection };
}

void DesignerController::moveGesture(double dx, double dy, double tolerance)
{
    if (!m_gestureStart || m_selection.isEmpty() || !std::isfinite(dx) || !std::isfinite(dy))
        return;
    const Layout &start = m_gestureStart->layout;
    std::vector<QRectF> rects;
    for (const auto &o : start.objects) {
        if (m_selection.contains(o.id))
            rects.push_back(o.rect.normalized());
    }
    const QRectF from = designer::bounds(rects);
    const designer::SnapResult snapped = designer::snapMove(from, QPointF(dx, dy), snapTargets(tolerance));
    const QPointF shift = snapped.rect.topLeft() - from.topLeft();
    m_layout.objects = start.objects;
    for (auto &o : m_layout.objects) {
        if (m_selection.contains(o.id))
            o.rect.translate(shift);
    }
    m_guides = snapped.guides;
    recheck();
    Q_EMIT guidesChanged();
}

void DesignerController::resizeGesture(Handle handle, double dx, double dy, double tolerance)
{
    if (!m_gestureStart || m_selection.isEmpty() || !std::isfinite(dx) || !std::isfinite(dy))
        return;
    const QString id = m_selection.constFirst();
    const LayoutObject *before = m_gestureStart->layout.object(id);
    if (!before)
        return;
    const bool line = before->type == LayoutObject::Type::Line;
    const designer::SnapResult snapped = designer::snapResize(
        before->rect, edgesOf(handle), QPointF(dx, dy), snapTargets(tolerance), line ? 0 : kMinSide);
    m_layout.objects = m_gestureStart->layout.objects;
    for (auto &o : m_layout.objects) {
        if (o.id == id)
            o.rect = snapped.rect;
    }
    m_guides = snapped.guides;
    recheck();
    Q_EMIT guidesChanged();
}

void DesignerController::endGesture()
{
    if (!m_gestureStart)
        return;
    designer::Snapshot before = std::move(*m_gestureStart);
    m_gestureStart.reset();
    m_guides.clear();
    Q_EMIT guidesChanged();
    if (before.layout == m_layout)
        return;
    const bool sameSizes = before.layout.objects.size() == m_layout.objects.size()
        && std::equal(before.layout.objects.begin(), before.layout.objects.end(), m_layout.objects.begin(),
            [](const LayoutObject &a, const LayoutObject &b) { return a.rect.size() == b.rect.size(); });
    m_history.push(sameSizes ? tr("Move") : tr("Resize"), before, { m_layout, m_selection });
    Q_EMIT historyChanged();
}

void DesignerController::nudge(int dx, int dy, bool large)
{
    if (m_selection.isEmpty() || (dx == 0 && dy == 0))
        return;
    const double step = large ? kLargeStep : kSmallStep;
    edit(
        tr("Nudge"),
        [&](Layout &l) {
            for (auto &o : l.objects) {
                if (m_selection.contains(o.id))
                    o.rect.translate(dx * step, dy * step);
            }
        },
        kNudgeKey);
}

void DesignerController::align(Alignment edge)
{
    if (m_selection.isEmpty())
        return;
    std::vector<QRectF> rects;
    for (const auto &o : m_layout.objects) {
        if (m_selection.contains(o.id))
            rects.push_back(o.rect);
    }
    // Several objects line up with each other; one object with the label.
    const QRectF frame
        = rects.size() > 1 ? designer::bounds(rects) : QRectF(0, 0, m_layout.label.width, m_layout.label.height);
    const auto moved = designer::align(rects, designer::AlignTo(int(edge)), frame);
    edit(tr("Align"), [&](Layout &l) {
        size_t i = 0;
        for (auto &o : l.objects) {
            if (m_selection.contains(o.id))
                o.rect = moved[i++];
        }
    });
}

void DesignerController::distribute(bool horizontal)
{
    if (m_selection.size() < 3) {
        m_status.warn(tr("Select three or more objects to space them evenly"));
        return;
    }
    std::vector<QRectF> rects;
    for (const auto &o : m_layout.objects) {
        if (m_selection.contains(o.id))
            rects.push_back(o.rect);
    }
    const auto moved = designer::distribute(rects, horizontal);
    edit(tr("Distribute"), [&](Layout &l) {
        size_t i = 0;
        for (auto &o : l.objects) {
            if (m_selection.contains(o.id))
                o.rect = moved[i++];
        }
    });
}

void DesignerController::rotate(bool clockwise)
{
    if (m_selection.isEmpty())
        return;
    edit(clockwise ? tr("Rotate right") : tr("Rotate left"), [&](Layout &l) {
        for (auto &o : l.objects) {
            if (!m_selection.contains(o.id))
                continue;
            o.rect = designer::turned(o.rect);
            o.rotation = (o.rotation + (clockwise ? 90 : 270)) % 360;
        }
    });
}

void DesignerController::order(ZOrder where)
{
    if (m_selection.isEmpty())
        return;
    edit(tr("Arrange"), [&](Layout &l) {
        auto &v = l.objects;
        auto selected = [&](const LayoutObject &o) { return m_selection.contains(o.id); };
        switch (where) {
        case ZOrder::ToFront:
            std::stable_partition(v.begin(), v.end(), [&](const LayoutObject &o) { return !selected(o); });
            break;
        case ZOrder::ToBack:
            std::stable_partition(v.begin(), v.end(), selected);
            break;
        case ZOrder::Forward: // each selected object one place up, past an unselected one
            for (size_t i = v.size(); i-- > 1;) {
                if (selected(v[i - 1]) && !selected(v[i]))
                    std::swap(v[i - 1], v[i]);
            }
            break;
        case ZOrder::Backward:
            for (size_t i = 1; i < v.size(); ++i) {
                if (selected(v[i]) && !selected(v[i - 1]))
                    std::swap(v[i - 1], v[i]);
            }
            break;
        }
    });
}

void DesignerController::undo()
{
    if (m_gestureStart)
        return; // a drag in progress finishes first
    if (const designer::Snapshot *s = m_history.undo())
        apply(*s);
}

void DesignerController::redo()
{
    if (m_gestureStart)
        return;
    if (const designer::Snapshot *s = m_history.redo())
        apply(*s);
}

} // namespace closient::models
