// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Asks why a label is printed again or a serial voided: the print log keeps the answer.
Dialog {
    id: root

    enum Action { Reprint, Print, Void }

    property int action: ReasonDialog.Reprint
    property string itemId
    property string itemName
    readonly property string reason: reasonBox.editText.trim()

    function ask(what: int, id: string, name: string) {
        root.action = what;
        root.itemId = id;
        root.itemName = name;
        reasonBox.editText = "";
        root.open();
        reasonBox.forceActiveFocus();
    }

    width: Math.min(420, (parent ? parent.width : 420) - 24)
    modal: true
    title: root.action === ReasonDialog.Void ? qsTr("Void serial %1").arg(root.itemName)
         : root.action === ReasonDialog.Print ? qsTr("Print again") : qsTr("Print %1 again").arg(root.itemName)
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: root.standardButton(Dialog.Ok).enabled = Qt.binding(() => root.reason !== "")

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: root.action === ReasonDialog.Void
                  ? qsTr("A void serial is never printed again. The reason goes into the print log.")
                  : root.action === ReasonDialog.Print
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
            model: root.action === ReasonDialog.Void ? LabelsController.printing.voidReasons : LabelsController.printing.reprintReasons
            Component.onCompleted: reasonBox.editText = ""
        }
    }
}
