// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A button that shows where the keyboard is: tabbed into, it wears a frame in Theme.focusFrame a little outside its
// shape, clear on a filled (highlighted) button too, where the style's own focus shade hardly shows. Enter (Return or
// the keypad's) presses it, as Space does.
Button {
    id: root

    function pressByKey(event: KeyEvent) {
        event.accepted = true;
        if (!event.isAutoRepeat && root.enabled)
            root.clicked();
    }

    Keys.onReturnPressed: event => root.pressByKey(event)
    Keys.onEnterPressed: event => root.pressByKey(event)

    Rectangle {
        objectName: "focusFrame"
        // Around the painted shape (the style insets it from the button's edges), with a gap of its own.
        x: root.leftInset - 4
        y: root.topInset - 4
        width: root.width - root.leftInset - root.rightInset + 8
        height: root.height - root.topInset - root.bottomInset + 8
        visible: root.visualFocus
        color: "transparent"
        radius: 4
        border.width: 2
        border.color: Theme.focusFrame
    }
}
