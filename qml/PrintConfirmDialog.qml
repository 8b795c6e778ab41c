// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Before every print: what will be printed, where and on what, counted by the controller (LabelPrinting
// confirmPrint). Serials printed before make it a reprint, which needs a reason; Print hands it to print(reason).
Dialog {
    id: root

    property var summary: ({})
    readonly property int reprinted: root.summary.reprintedSerials ?? 0
    readonly property string reason: reasonBox.editText.trim()

    signal confirmed(string reason)

    function show(what: var) {
        root.summary = what;
        reasonBox.editText = "";
        root.open();
    }

    // Centred on the window, however narrow the panel that opens it.
    parent: Overlay.overlay
    anchors.centerIn: Overlay.overlay
    width: Math.min(460, (parent ? parent.width : 460) - 24)
    modal: true
    title: root.reprinted > 0 ? qsTr("Print again?") : qsTr("Print these labels?")
    standardButtons: Dialog.Ok | Dialog.Cancel
    Component.onCompleted: {
        root.standardButton(Dialog.Ok).text = qsTr("Print");
        root.standardButton(Dialog.Ok).objectName = "confirmPrint";
        root.standardButton(Dialog.Ok).enabled = Qt.binding(() => root.reprinted === 0 || root.reason !== "");
    }
    onAccepted: root.confirmed(root.reason)

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Repeater {
                // A thermal printer takes a roll: no pages and no start, but a resolution.
                model: root.summary.thermal ?? false ? [
                    { name: qsTr("Labels"), value: qsTr("%1 on the roll").arg(root.summary.labels ?? 0) },
                    { name: qsTr("Serials"), value: qsTr("%1 new, %2 printed before").arg(root.summary.newSerials ?? 0).arg(root.reprinted) },
                    { name: qsTr("Printer"), value: root.summary.printer ?? "" },
                    { name: qsTr("Resolution"), value: root.summary.resolution ?? "" },
                    { name: qsTr("Stock"), value: root.summary.stock ?? "" },
                    { name: qsTr("Layout"), value: root.summary.layout ?? "" }
                ] : [
                    { name: qsTr("Labels"), value: qsTr("%1 on %2 page(s)").arg(root.summary.labels ?? 0).arg(root.summary.pages ?? 0) },
                    { name: qsTr("Serials"), value: qsTr("%1 new, %2 printed before").arg(root.summary.newSerials ?? 0).arg(root.reprinted) },
                    { name: qsTr("Printer"), value: (root.summary.copies ?? 1) > 1 ? qsTr("%1, %2 copies").arg(root.summary.printer ?? "").arg(root.summary.copies) : (root.summary.printer ?? "") },
                    { name: qsTr("Stock"), value: root.summary.stock ?? "" },
                    { name: qsTr("Layout"), value: root.summary.layout ?? "" },
                    { name: qsTr("Start at"), value: qsTr("label %1 of the first sheet").arg(root.summary.start ?? 1) }
                ]
                delegate: RowLayout {
                    id: row
                    required property var modelData
                    required property int index
                    Layout.fillWidth: true
                    spacing: 12
                    Label {
                        Layout.preferredWidth: 80
                        text: row.modelData.name
                        color: Theme.muted
                    }
                    Label {
                        objectName: "summary" + row.index
                        Layout.fillWidth: true
                        text: row.modelData.value
                        wrapMode: Text.Wrap
                    }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: root.reprinted > 0
            wrapMode: Text.WordWrap
            color: Theme.text
            text: qsTr("Printed before: %1%2. Printing them again is a reprint; say why, for the print log.")
                  .arg(root.summary.reprinted ?? "").arg(root.reprinted > 5 ? qsTr(" and %1 more").arg(root.reprinted - 5) : "")
        }
        ComboBox {
            id: reasonBox
            objectName: "confirmReason"
            Layout.fillWidth: true
            visible: root.reprinted > 0
            Accessible.name: qsTr("Reason")
            editable: true
            model: LabelsController.printing.reprintReasons
            Component.onCompleted: reasonBox.editText = ""
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            color: Theme.muted
            font.pixelSize: 11
            text: root.summary.thermal ?? false ? qsTr("Every label is read back before anything is sent; the print is recorded once the printer has taken every label.")
                                                : qsTr("Every label is read back before anything is sent; the print is recorded once the print server says it printed.")
        }
    }
}
