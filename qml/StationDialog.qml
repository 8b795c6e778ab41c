// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls

// Every dialog of the station: modal, centred, never wider or taller than the window, its action beside Cancel
// at the bottom, and when it closes the focus goes back where the person was typing (the capture field, most of
// the time). The action does not close the dialog: the owner closes it once the action has succeeded.
//
// The keyboard, the same in every dialog: Enter (Return or the keypad's) anywhere runs the action when it is
// enabled, once (a field whose own Enter handler already ran it does not make it run twice); on a focused button it
// presses that button; a multi-line text field keeps it for new lines and an open combo box list for choosing. A
// dialog without an action is a message: Enter closes it. A combo box takes Enter for itself even when its list is
// closed, so a combo box in a dialog hands its keys on: `Keys.onPressed: event => root.keyPressed(event)`.
// Escape, Cancel and a press outside close the dialog, except while `edited` says it holds changes: then Escape and
// Cancel ask "Discard your changes?" first, and a press outside does nothing.
Dialog {
    id: root

    property string actionText
    property bool actionEnabled: true
    // The button that closes without the action: "Cancel", or "OK" on a message that has no action.
    property string cancelText: qsTr("Cancel")
    // True while the dialog holds changes that closing would lose; a dialog that edits binds it to its fields.
    property bool edited: false
    signal action

    // Where the focus goes when the dialog closes: returnFocusTo when the page names one (its capture field),
    // else the item that had the focus when it opened; set to null to leave the focus alone.
    property Item returnFocusTo: null
    property Item focusAfter: null
    property int preferredWidth: 560

    // Enter's work: the action when there is one and it is enabled; a message closes.
    function trigger() {
        if (root.actionText === "")
            root.cancel();
        else if (root.actionEnabled)
            root.action();
    }

    // Closes without the action; asks first when there are changes to lose.
    function cancel() {
        if (!root.edited) {
            root.reject();
            return;
        }
        if (!root.discardQuestion)
            root.discardQuestion = root.questionComponent.createObject(root.Overlay.overlay);
        root.discardQuestion.ask();
    }

    // Set while an action runs and until the event loop turns again: the key press that ran it runs nothing more.
    property bool actionJustRan: false
    readonly property Timer actionSettled: Timer {
        interval: 0
        onTriggered: root.actionJustRan = false
    }
    onAction: {
        root.actionJustRan = true;
        root.actionSettled.restart();
    }

    // Keys that nothing inside the dialog took (a text field does not take Enter, a button only takes Space).
    function keyPressed(event: KeyEvent) {
        if (event.key === Qt.Key_Escape && event.modifiers === Qt.NoModifier) {
            event.accepted = true;
            root.cancel();
            return;
        }
        if ((event.key !== Qt.Key_Return && event.key !== Qt.Key_Enter) || (event.modifiers & ~Qt.KeypadModifier))
            return;
        const focused = root.contentItem.Window.activeFocusItem;
        for (let i = focused; i; i = i.parent) {
            if (i instanceof ComboBox && i.popup.visible)
                return; // the open list chooses
        }
        event.accepted = true;
        if (event.isAutoRepeat || root.actionJustRan)
            return; // a held-down Enter, or a field that ran the action itself: once
        if (focused instanceof Button && !focused.checkable) {
            if (focused.enabled)
                focused.clicked();
            return;
        }
        root.trigger();
    }

    function contains(item: Item): bool {
        for (let i = item; i; i = i.parent) {
            if (i === root.contentItem || i === root.footer)
                return true;
        }
        return false;
    }

    modal: true
    focus: true
    closePolicy: root.edited ? Popup.NoAutoClose : Popup.CloseOnPressOutside
    // No fade-out: a modal dialog that is still fading takes the next click for itself, and the person's click on
    // what is under it would be lost.
    exit: null
    anchors.centerIn: Overlay.overlay
    contentItem: Item {
        focus: true // with no field focused, keys come here, not to the page behind the dialog
        Keys.onPressed: event => root.keyPressed(event)
    }
    footer: DialogButtonBox {
        Keys.onPressed: event => root.keyPressed(event)
        StationButton {
            objectName: "cancelButton"
            text: root.cancelText
            flat: root.actionText !== ""
            highlighted: root.actionText === "" // a message's one button
            onClicked: root.cancel()
        }
        StationButton {
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
    onOpened: {
        // A dialog that replaced its content item may have nothing that takes keys: the buttons do.
        if (!root.contains(root.contentItem.Window.activeFocusItem))
            root.footer.forceActiveFocus();
    }
    onClosed: {
        root.discardQuestion?.close();
        const item = root.focusAfter;
        root.focusAfter = null;
        if (item && item.visible && item.enabled)
            item.forceActiveFocus();
    }

    // "Discard your changes?": Keep editing (focused, so Enter keeps them) or Discard. Made the first time it is
    // asked, so dialogs that never ask carry none.
    property Dialog discardQuestion: null
    Component.onDestruction: root.discardQuestion?.destroy()
    readonly property Component questionComponent: Component {
        Dialog {
            id: question

            property Item focusBefore: null

            function ask() {
                question.focusBefore = root.contentItem.Window.activeFocusItem;
                question.open();
                keepButton.forceActiveFocus(Qt.TabFocusReason);
            }

            objectName: "discardQuestion"
            anchors.centerIn: parent
            width: Math.min(420, (parent?.width ?? 420) - 24)
            modal: true
            focus: true
            exit: null
            title: qsTr("Discard your changes?")
            onClosed: {
                const item = question.focusBefore;
                question.focusBefore = null;
                if (root.opened && item && item.visible && item.enabled)
                    item.forceActiveFocus();
            }

            Label {
                width: question.availableWidth
                text: qsTr("What you changed in “%1” is not saved. Keep editing, or discard the changes and close.").arg(root.title)
                wrapMode: Text.WordWrap
            }
            footer: DialogButtonBox {
                StationButton {
                    id: keepButton
                    objectName: "keepEditingButton"
                    text: qsTr("Keep editing")
                    flat: true
                    onClicked: question.close()
                }
                StationButton {
                    objectName: "discardButton"
                    text: qsTr("Discard")
                    highlighted: true
                    onClicked: {
                        question.close();
                        root.reject();
                    }
                }
            }
        }
    }
}
