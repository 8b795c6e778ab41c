// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "focusprobe.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>

namespace closient::ui {

bool focusIsInDialog()
{
    QWindow *focus = QGuiApplication::focusWindow();
    auto *quick = qobject_cast<QQuickWindow *>(focus);
    if (!quick)
        return focus != nullptr; // a native dialog or another kind of window
    if (quick->transientParent())
        return true; // a window of its own on top of the main one
    for (QQuickItem *item = quick->activeFocusItem(); item; item = item->parentItem()) {
        if (item->inherits("QQuickPopupItem"))
            return true;
    }
    return false;
}

} // namespace closient::ui
