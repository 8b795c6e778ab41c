// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Asks why a label is printed again or a serial voided: the print log keeps the answer.
Dialog {
    id: root

    property string action: "reprint"
    property string itemId
    property string itemName
    readonly property string reason: reasonBox.editText.trim()

    function ask(what: string, id: string, name: string) {
        root.action = what;
        root.itemId = id;
        root.itemName = name;
        reasonBox.editText = "";
        root.open();
        reasonBox.forceActiveFocus();
    }

    width: Math.min(420, (parent ? parent.width : 420) - 24)
    modal: true
    title: root.action === "void" ? qsTr("Void serial %1").arg(root.itemName)
         : root.action === "print" ? qsTr("Print again") : qsTr("Print %1 again").arg(root.itemName)
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: root.standardButton(Dialog.Ok).enabled = Qt.binding(() => root.reason !== "")

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: root.action === "void"
                  ? qsTr("A void serial is never printed again. The reason goes into the print log.")
                  : root.action === "print"
                    ? qsTr("Printed before: %1. Printing again is a reprint; the reason goes into the print log.").arg(root.itemName)
                    : qsTr("Prints this label on the chosen printer, from the start position. The reason goes into the print log.")
        }
        Label {
            text: qsTr("Reason")
            color: Theme.muted
            font.pixelSize: 12
        }
        ComboBox {
            id: reasonBox
            objectName: "reasonBox"
            Layout.fillWidth: true
            Accessible.name: qsTr("Reason")
            editable: true
            model: root.action === "void" ? [qsTr("Damaged"), qsTr("Lost"), qsTr("Destroyed"), qsTr("Entered by mistake")]
                                          : [qsTr("Damaged"), qsTr("Lost"), qsTr("Misprinted"), qsTr("Unreadable")]
            Component.onCompleted: reasonBox.editText = ""
        }
    }
}
