// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Asks why a label is printed again or a serial voided: the print log keeps the answer. Its action accepts the
// dialog: the owner acts on accepted, reading kind, itemId and reason.
StationDialog {
    id: root

    enum Kind { Reprint, Print, Void }

    property int kind: ReasonDialog.Reprint
    property string itemId
    property string itemName
    readonly property string reason: reasonBox.editText.trim()

    function ask(what: int, id: string, name: string) {
        root.kind = what;
        root.itemId = id;
        root.itemName = name;
        reasonBox.editText = "";
        root.open();
        reasonBox.contentItem.forceActiveFocus(); // the typing field of the combo box, not the box itself
    }

    objectName: "reasonDialog"
    preferredWidth: 420
    title: root.kind === ReasonDialog.Void ? qsTr("Void serial %1").arg(root.itemName)
         : root.kind === ReasonDialog.Print ? qsTr("Print again") : qsTr("Print %1 again").arg(root.itemName)
    actionText: root.kind === ReasonDialog.Void ? qsTr("Void serial") : qsTr("Print again")
    actionEnabled: root.reason !== ""
    onAction: root.accept()

    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            text: root.kind === ReasonDialog.Void
                  ? qsTr("A void serial is never printed again. The reason goes into the print log.")
                  : root.kind === ReasonDialog.Print
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
            model: root.kind === ReasonDialog.Void ? LabelsController.printing.voidReasons : LabelsController.printing.reprintReasons
            Component.onCompleted: reasonBox.editText = ""
            Keys.onPressed: event => root.keyPressed(event)
        }
    }
}
