// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// Every dialog of the station: modal, centred, never wider or taller than the window, its action beside Cancel
// at the bottom, and when it closes the focus goes back where the person was typing (the capture field, most of
// the time). The action does not close the dialog: the owner closes it once the action has succeeded.
Dialog {
    id: root

    property string actionText
    property bool actionEnabled: true
    signal action

    // Where the focus goes when the dialog closes: returnFocusTo when the page names one (its capture field),
    // else the item that had the focus when it opened; set to null to leave the focus alone.
    property Item returnFocusTo: null
    property Item focusAfter: null
    property int preferredWidth: 560

    modal: true
    anchors.centerIn: Overlay.overlay
    footer: DialogButtonBox {
        standardButtons: Dialog.Cancel
        onRejected: root.reject()
        Button {
            objectName: "actionButton"
            visible: root.actionText !== ""
            text: root.actionText
            enabled: root.actionEnabled
            highlighted: true
            onClicked: root.action()
        }
    }
    width: Math.min(root.preferredWidth, (parent?.width ?? root.preferredWidth) - 24)
    height: Math.min(implicitHeight, (parent?.height ?? implicitHeight) - 24)

    onAboutToShow: root.focusAfter = root.returnFocusTo ?? root.Window.activeFocusItem
    onClosed: {
        const item = root.focusAfter;
        root.focusAfter = null;
        if (item && item.visible && item.enabled)
            item.forceActiveFocus();
    }
}
