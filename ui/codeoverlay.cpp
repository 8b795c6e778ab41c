// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "codeoverlay.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::ui {

namespace {
constexpr int kFlashMs = 500;

QColor colourOf(const QString &state)
{
    if (state == u"captured")
        return QColor(0x2e, 0xcc, 0x71);
    if (state == u"pending")
        return QColor(0xf5, 0xb0, 0x41);
    if (state == u"duplicate")
        return QColor(0x4a, 0x9e, 0xff);
    if (state == u"rejected")
        return QColor(0xe7, 0x4c, 0x3c);
    return QColor(0xff, 0xff, 0xff, 180);
}
} // namespace

CodeOverlay::CodeOverlay(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAntialiasing(true);
    m_animation.setInterval(33);
    connect(&m_animation, &QTimer::timeout, this, [this] {
        if (m_sinceCapture.isValid() && m_sinceCapture.elapsed() > kFlashMs)
            m_animation.stop();
        update();
    });
}

void CodeOverlay::setMarks(const QVariantList &marks)
{
    const bool newCapture = std::any_of(marks.begin(), marks.end(), [&](const QVariant &m) {
        const auto map = m.toMap();
        if (map.value(u"state"_s).toString() != u"captured")
            return false;
        return std::none_of(m_marks.begin(), m_marks.end(), [&](const QVariant &old) {
            const auto o = old.toMap();
            return o.value(u"label"_s) == map.value(u"label"_s) && o.value(u"state"_s).toString() == u"captured";
        });
    });
    m_marks = marks;
    if (newCapture) {
        m_sinceCapture.start();
        m_animation.start();
    }
    Q_EMIT marksChanged();
    update();
}

void CodeOverlay::setFrameSize(const QSize &size)
{
    if (size == m_frameSize)
        return;
    m_frameSize = size;
    Q_EMIT frameSizeChanged();
    update();
}

void CodeOverlay::setContentRect(const QRectF &rect)
{
    if (rect == m_contentRect)
        return;
    m_contentRect = rect;
    Q_EMIT contentRectChanged();
    update();
}

QPolygonF CodeOverlay::outline(const QVariantList &points, const QSize &frame, const QRectF &content)
{
    QPolygonF poly;
    if (points.size() != 4 || frame.isEmpty() || content.isEmpty())
        return poly;
    const qreal sx = content.width() / frame.width();
    const qreal sy = content.height() / frame.height();
    for (const auto &p : points) {
        const QPointF f = p.toPointF();
        poly << QPointF(content.x() + f.x() * sx, content.y() + f.y() * sy);
    }
    // A 1D read is the scan line across the bars: give it the height bars usually have (a fifth of its length).
    const QLineF along(poly[0], poly[1]);
    const QLineF across(poly[1], poly[2]);
    if (across.length() < 0.1 * along.length() && along.length() > 0) {
        const QPointF normal = QPointF(-along.dy(), along.dx()) / along.length() * (0.1 * along.length());
        const QPointF centre = (poly[0] + poly[1] + poly[2] + poly[3]) / 4;
        const QPointF half = (along.p2() - along.p1()) / 2;
        poly = QPolygonF { centre - half - normal, centre + half - normal, centre + half + normal,
            centre - half + normal };
    }
    return poly;
}

void CodeOverlay::paint(QPainter *painter)
{
    const qreal flash = m_sinceCapture.isValid() && m_sinceCapture.elapsed() < kFlashMs
        ? 1.0 - double(m_sinceCapture.elapsed()) / kFlashMs
        : 0.0;
    for (const auto &v : m_marks) {
        const auto m = v.toMap();
        const QPolygonF poly = outline(m.value(u"points"_s).toList(), m_frameSize, m_contentRect);
        if (poly.isEmpty())
            continue;
        const QString state = m.value(u"state"_s).toString();
        const QColor colour = colourOf(state);
        QPainterPath path;
        path.addPolygon(poly);
        path.closeSubpath();
        QColor fill = colour;
        fill.setAlphaF(state == u"captured" ? 0.18 + 0.5 * flash : 0.12);
        painter->fillPath(path, fill);
        painter->setPen(
            QPen(colour, state == u"captured" ? 3 + 4 * flash : 2.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPath(path);
        const QString label = m.value(u"label"_s).toString();
        if (!label.isEmpty()) {
            QFont font = painter->font();
            font.setPixelSize(13);
            font.setBold(true);
            painter->setFont(font);
            const QRectF bounds = poly.boundingRect();
            const QRectF text = painter->fontMetrics().boundingRect(label).adjusted(-6, -3, 6, 3);
            QRectF box(bounds.left(), bounds.top() - text.height() - 4, text.width(), text.height());
            if (box.top() < 0)
                box.moveTop(bounds.bottom() + 4);
            painter->setPen(Qt::NoPen);
            painter->setBrush(QColor(0, 0, 0, 170));
            painter->drawRoundedRect(box, 4, 4);
            painter->setPen(colour);
            painter->drawText(box, Qt::AlignCenter, label);
        }
    }
}

} // namespace closient::ui
