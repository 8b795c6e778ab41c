// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "focusprobe.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>

namespace closient::ui {

bool focusIsInDialog()
{
    QWindow *window = QGuiApplication::focusWindow();
    auto *quick = qobject_cast<QQuickWindow *>(window);
    if (!quick)
        return window != nullptr; // a native dialog or another kind of window
    if (quick->transientParent())
        return true; // a window of its own on top of the main one
    QQuickItem *focus = quick->activeFocusItem();
    for (QQuickItem *item = focus; item; item = item->parentItem()) {
        if (item->inherits("QQuickPopupItem"))
            return true;
    }
    if (focus && (focus->inherits("QQuickTextInput") || focus->inherits("QQuickTextEdit"))) {
        // A text field: only a capture field takes scans as captures; it may say so itself or through the
        // control it belongs to (the text input inside an editable combo box or spin box).
        for (QQuickItem *item = focus; item; item = item->parentItem()) {
            if (item->property("capturesScans").toBool())
                return false;
            if (item->inherits("QQuickControl") && item != focus)
                break;
        }
        return true;
    }
    return false;
}

} // namespace closient::ui
