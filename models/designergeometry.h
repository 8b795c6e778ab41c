// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QSizeF>

#include <optional>
#include <vector>

namespace closient::models::designer {

/** What a moved or resized box may snap to, in millimetres on the label. */
struct SnapTargets
{
    QSizeF label; // the label's edges and centre
    std::vector<QRectF> others; // the other objects' edges and centres
    double grid = 0; // 0 = no grid
    bool toObjects = true; // other objects, the label's edges and centre
    double tolerance = 1; // mm: how near an edge must come to snap
};

/** A line the designer shows while something snapped: x = const (vertical) or y = const. */
struct SnapGuide
{
    bool vertical = true;
    double position = 0; // mm
    bool operator==(const SnapGuide &) const = default;
};

struct SnapResult
{
    QRectF rect;
    std::vector<SnapGuide> guides; // only object and label edges; a grid snap shows none
};

/// Moves @p start by @p delta, then shifts it so its nearest edge or centre lands on a target within the
/// tolerance: another object's or the label's left, centre or right (top, middle, bottom), or else a grid line.
[[nodiscard]] SnapResult snapMove(const QRectF &start, QPointF delta, const SnapTargets &targets);

/** Which edges a resize handle moves. */
struct Edges
{
    bool left = false;
    bool top = false;
    bool right = false;
    bool bottom = false;
};

/// Moves the edges @p edges of @p start by @p delta, each snapping as snapMove() does; never below @p minimum mm a
/// side (a line may be 0 thick: pass 0).
[[nodiscard]] SnapResult snapResize(
    const QRectF &start, Edges edges, QPointF delta, const SnapTargets &targets, double minimum);

enum class AlignTo { Left, Centre, Right, Top, Middle, Bottom };

/// Each rectangle moved so its edge (or centre) lines up with @p frame's.
[[nodiscard]] std::vector<QRectF> align(const std::vector<QRectF> &rects, AlignTo edge, const QRectF &frame);

/// Equal gaps between the rectangles (at least three) along x or y; the outermost two stay where they are.
[[nodiscard]] std::vector<QRectF> distribute(const std::vector<QRectF> &rects, bool horizontal);

/// The box turned a quarter turn about its centre: width and height swapped.
[[nodiscard]] QRectF turned(const QRectF &rect);

/// The smallest rectangle around all of @p rects (lines, with no width or height, included).
[[nodiscard]] QRectF bounds(const std::vector<QRectF> &rects);

} // namespace closient::models::designer
