// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QQuickPaintedItem>
#include <QTimer>
#include <QVariantList>

namespace closient::ui {

/**
 * Draws the outlines of the codes found in the current frame over the video: green when captured (with a
 * short flash), amber while a 1D code waits for confirmation, blue for a duplicate, red for a refusal.
 * Frame pixels are mapped into the video's content rectangle (VideoOutput.contentRect).
 */
class CodeOverlay : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QVariantList marks READ marks WRITE setMarks NOTIFY marksChanged)
    Q_PROPERTY(int frameWidth READ frameWidth WRITE setFrameWidth NOTIFY frameSizeChanged)
    Q_PROPERTY(int frameHeight READ frameHeight WRITE setFrameHeight NOTIFY frameSizeChanged)
    Q_PROPERTY(QRectF contentRect READ contentRect WRITE setContentRect NOTIFY contentRectChanged)

public:
    explicit CodeOverlay(QQuickItem *parent = nullptr);

    [[nodiscard]] QVariantList marks() const { return m_marks; }
    void setMarks(const QVariantList &marks);
    [[nodiscard]] int frameWidth() const { return m_frameSize.width(); }
    [[nodiscard]] int frameHeight() const { return m_frameSize.height(); }
    void setFrameWidth(int w) { setFrameSize({ w, m_frameSize.height() }); }
    void setFrameHeight(int h) { setFrameSize({ m_frameSize.width(), h }); }
    void setFrameSize(const QSize &size);
    [[nodiscard]] QRectF contentRect() const { return m_contentRect; }
    void setContentRect(const QRectF &rect);

    void paint(QPainter *painter) override;

    /// The outline of a code in item coordinates; a linear read (a line) is widened into a box.
    [[nodiscard]] static QPolygonF outline(const QVariantList &points, const QSize &frame, const QRectF &content);

Q_SIGNALS:
    void marksChanged();
    void frameSizeChanged();
    void contentRectChanged();

private:
    QVariantList m_marks;
    QSize m_frameSize;
    QRectF m_contentRect;
    QElapsedTimer m_sinceCapture;
    QTimer m_animation;
};

} // namespace closient::ui
