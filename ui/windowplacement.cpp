// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowplacement.h"

#include <QScreen>
#include <QSettings>
#include <QWindow>

using namespace Qt::StringLiterals;

namespace closient::ui {

QRect fitWindow(const QRect &saved, const QRect &available, QSize preferred, QSize minimum)
{
    if (!available.isValid())
        return saved.isValid() ? saved : QRect(QPoint(0, 0), preferred);
    QSize size = saved.isValid() ? saved.size() : preferred;
    size = size.expandedTo(minimum).boundedTo(available.size());
    QPoint topLeft = saved.isValid() ? saved.topLeft()
                                     : available.topLeft()
            + QPoint((available.width() - size.width()) / 2, (available.height() - size.height()) / 2);
    topLeft.setX(std::clamp(topLeft.x(), available.left(), available.right() + 1 - size.width()));
    topLeft.setY(std::clamp(topLeft.y(), available.top(), available.bottom() + 1 - size.height()));
    return { topLeft, size };
}

WindowPlacement::WindowPlacement(QWindow *window)
    : QObject(window)
    , m_window(window)
{
    QSettings settings;
    const QRect saved = settings.value(u"window/geometry"_s).toRect();
    const bool maximized = settings.value(u"window/maximized"_s, false).toBool();
    const QRect available = window->screen() ? window->screen()->availableGeometry() : QRect();
    // The window decides its own minimum; on a small screen the screen wins.
    const QSize minimum = window->minimumSize();
    window->setGeometry(fitWindow(saved, available, kPreferred, minimum));
    if (maximized)
        window->showMaximized();
    else
        window->show();
    connect(window, &QWindow::visibleChanged, this, [this](bool visible) {
        if (!visible)
            save();
    });
}

WindowPlacement::~WindowPlacement() = default;

void WindowPlacement::save()
{
    QSettings settings;
    const bool maximized = m_window->windowStates().testFlag(Qt::WindowMaximized);
    settings.setValue(u"window/maximized"_s, maximized);
    if (!maximized)
        settings.setValue(u"window/geometry"_s, m_window->geometry());
}

} // namespace closient::ui
