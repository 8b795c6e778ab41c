// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QRect>

class QWindow;

namespace closient::ui {

/// Where a window of @p preferred size goes on a screen whose usable area is @p available: the @p saved geometry
/// when there is one, moved and shrunk until it lies wholly on the screen; never larger than the screen, never
/// smaller than @p minimum unless the screen itself is smaller.
[[nodiscard]] QRect fitWindow(const QRect &saved, const QRect &available, QSize preferred, QSize minimum);

/** Opens the main window at a size that fits its screen, and remembers its geometry (in the user's config
 *  folder, per machine) when it closes, so it opens where the person left it. */
class WindowPlacement : public QObject
{
    Q_OBJECT
public:
    /// Places and shows @p window; its geometry is saved when it is hidden or closed.
    explicit WindowPlacement(QWindow *window);
    ~WindowPlacement() override;

    static constexpr QSize kPreferred { 1280, 800 };

private:
    void save();
    QWindow *m_window;
};

} // namespace closient::ui
