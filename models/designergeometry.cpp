// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "designergeometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace closient::models::designer {

namespace {

// The lines an edge may snap to along one axis: the label's edges and centre, each other object's.
std::vector<double> lines(const SnapTargets &t, bool x)
{
    std::vector<double> out;
    if (!t.toObjects)
        return out;
    const double size = x ? t.label.width() : t.label.height();
    out = { 0, size / 2, size };
    for (const QRectF &r : t.others) {
        if (x)
            out.insert(out.end(), { r.left(), r.center().x(), r.right() });
        else
            out.insert(out.end(), { r.top(), r.center().y(), r.bottom() });
    }
    return out;
}

struct AxisSnap
{
    double shift = 0;
    std::optional<double> guide;
};

// The smallest shift that puts one of @p edges on a line within the tolerance; else the first edge on the grid.
AxisSnap snapAxis(const std::vector<double> &edges, const SnapTargets &t, bool x)
{
    AxisSnap best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const double line : lines(t, x)) {
        for (const double e : edges) {
            const double d = std::abs(line - e);
            if (d <= t.tolerance && d < bestDistance) {
                bestDistance = d;
                best.shift = line - e;
                best.guide = line;
            }
        }
    }
    if (!best.guide && t.grid > 0 && !edges.empty())
        best.shift = std::round(edges.front() / t.grid) * t.grid - edges.front();
    return best;
}

} // namespace

SnapResult snapMove(const QRectF &start, QPointF delta, const SnapTargets &targets)
{
    QRectF r = start.translated(delta);
    SnapResult result;
    const AxisSnap sx = snapAxis({ r.left(), r.center().x(), r.right() }, targets, true);
    const AxisSnap sy = snapAxis({ r.top(), r.center().y(), r.bottom() }, targets, false);
    r.translate(sx.shift, sy.shift);
    if (sx.guide)
        result.guides.push_back({ true, *sx.guide });
    if (sy.guide)
        result.guides.push_back({ false, *sy.guide });
    result.rect = r;
    return result;
}

SnapResult snapResize(const QRectF &start, Edges edges, QPointF delta, const SnapTargets &targets, double minimum)
{
    double left = start.left();
    double top = start.top();
    double right = start.right();
    double bottom = start.bottom();
    SnapResult result;
    auto move = [&](double &edge, double by, bool x) {
        edge += by;
        const AxisSnap s = snapAxis({ edge }, targets, x);
        edge += s.shift;
        if (s.guide)
            result.guides.push_back({ x, *s.guide });
    };
    if (edges.left)
        move(left, delta.x(), true);
    if (edges.right)
        move(right, delta.x(), true);
    if (edges.top)
        move(top, delta.y(), false);
    if (edges.bottom)
        move(bottom, delta.y(), false);
    // Never smaller than the minimum: the edge that moved stops, the other stays.
    if (right - left < minimum) {
        if (edges.left)
            left = right - minimum;
        else
            right = left + minimum;
    }
    if (bottom - top < minimum) {
        if (edges.top)
            top = bottom - minimum;
        else
            bottom = top + minimum;
    }
    result.rect = QRectF(QPointF(left, top), QPointF(right, bottom));
    return result;
}

std::vector<QRectF> align(const std::vector<QRectF> &rects, AlignTo edge, const QRectF &frame)
{
    std::vector<QRectF> out = rects;
    for (QRectF &r : out) {
        switch (edge) {
        case AlignTo::Left:
            r.moveLeft(frame.left());
            break;
        case AlignTo::Centre:
            r.moveLeft(frame.center().x() - r.width() / 2);
            break;
        case AlignTo::Right:
            r.moveRight(frame.right());
            break;
        case AlignTo::Top:
            r.moveTop(frame.top());
            break;
        case AlignTo::Middle:
            r.moveTop(frame.center().y() - r.height() / 2);
            break;
        case AlignTo::Bottom:
            r.moveBottom(frame.bottom());
            break;
        }
    }
    return out;
}

std::vector<QRectF> distribute(const std::vector<QRectF> &rects, bool horizontal)
{
    std::vector<QRectF> out = rects;
    if (rects.size() < 3)
        return out;
    std::vector<size_t> order(rects.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto pos = [&](size_t i) { return horizontal ? rects[i].left() : rects[i].top(); };
    auto len = [&](size_t i) { return horizontal ? rects[i].width() : rects[i].height(); };
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return pos(a) < pos(b); });
    const double first = pos(order.front());
    const double end = std::max(pos(order.back()) + len(order.back()), first);
    double used = 0;
    for (const size_t i : order)
        used += len(i);
    const double gap = (end - first - used) / double(order.size() - 1);
    double at = first;
    for (const size_t i : order) {
        if (horizontal)
            out[i].moveLeft(at);
        else
            out[i].moveTop(at);
        at += len(i) + gap;
    }
    return out;
}

QRectF turned(const QRectF &rect)
{
    const QPointF c = rect.center();
    return QRectF(c.x() - rect.height() / 2, c.y() - rect.width() / 2, rect.height(), rect.width());
}

QRectF bounds(const std::vector<QRectF> &rects)
{
    if (rects.empty())
        return {};
    double l = rects.front().left(), t = rects.front().top(), r = rects.front().right(), b = rects.front().bottom();
    for (const QRectF &x : rects) {
        l = std::min(l, x.left());
        t = std::min(t, x.top());
        r = std::max(r, x.right());
        b = std::max(b, x.bottom());
    }
    return QRectF(QPointF(l, t), QPointF(r, b));
}

} // namespace closient::models::designer
