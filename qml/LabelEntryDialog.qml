// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Adds a lot, or a range of serials for one GTIN; the GS1 core checks every field before anything is stored.
Dialog {
    id: root

    readonly property bool serials: LabelsController.selection.serials
    property string error

    function submit() {
        const fields = {
            gtin: gtin.text,
            lot: lot.text,
            expiry: expiry.text,
            productionDate: production.text
        };
        root.error = "";
        if (root.serials) {
            fields.prefix = prefix.text;
            fields.first = first.value;
            fields.count = count.value;
            fields.width = digits.value;
            LabelsController.entry.addSerials(fields);
        } else {
            LabelsController.entry.addLot(fields);
        }
    }

    width: 460
    modal: true
    title: root.serials ? qsTr("Add serials") : qsTr("Add a lot")
    standardButtons: Dialog.Cancel
    onOpened: {
        root.error = "";
        gtin.forceActiveFocus();
    }

    Connections {
        target: LabelsController.entry
        enabled: root.visible
        function onFinished(ok: bool, message: string, errors: list<string>) {
            if (ok)
                root.close();
            else
                root.error = message;
        }
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: Theme.spacing
        rowSpacing: 4

        Label {
            text: qsTr("GTIN")
        }
        TextField {
            id: gtin
            Layout.fillWidth: true
            font.family: Theme.monoFont
            placeholderText: "09506000134352"
            inputMethodHints: Qt.ImhDigitsOnly
            onAccepted: root.submit()
        }
        Label {
            text: root.serials ? qsTr("Lot (optional)") : qsTr("Lot")
        }
        TextField {
            id: lot
            Layout.fillWidth: true
            font.family: Theme.monoFont
            placeholderText: "L2291"
            onAccepted: root.submit()
        }
        Label {
            text: qsTr("Expiry")
        }
        TextField {
            id: expiry
            Layout.fillWidth: true
            placeholderText: qsTr("2027-12-31 or 271231 (optional)")
            onAccepted: root.submit()
        }
        Label {
            text: qsTr("Production date")
            visible: !root.serials
        }
        TextField {
            id: production
            Layout.fillWidth: true
            visible: !root.serials
            placeholderText: qsTr("optional")
            onAccepted: root.submit()
        }
        Label {
            text: qsTr("Serials")
            visible: root.serials
        }
        RowLayout {
            visible: root.serials
            Layout.fillWidth: true
            TextField {
                id: prefix
                Layout.preferredWidth: 80
                placeholderText: qsTr("prefix")
                font.family: Theme.monoFont
            }
            SpinBox {
                id: first
                from: 0
                to: 999999999
                value: 1
                editable: true
                Layout.fillWidth: true
            }
        }
        Label {
            text: qsTr("How many")
            visible: root.serials
        }
        RowLayout {
            visible: root.serials
            Layout.fillWidth: true
            SpinBox {
                id: count
                from: 1
                to: 100000
                value: 63
                editable: true
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("digits")
            }
            SpinBox {
                id: digits
                from: 1
                to: 20
                value: 6
                Layout.preferredWidth: 110
            }
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: root.serials
            color: Theme.muted
            font.pixelSize: 12
            text: qsTr("From %1 to %2").arg(prefix.text + String(first.value).padStart(digits.value, "0"))
                                       .arg(prefix.text + String(first.value + count.value - 1).padStart(digits.value, "0"))
        }
        Button {
            Layout.columnSpan: 2
            Layout.alignment: Qt.AlignRight
            text: root.serials ? qsTr("Add %1 serials").arg(count.value) : qsTr("Add lot")
            highlighted: true
            enabled: gtin.text.trim() !== "" && (root.serials || lot.text.trim() !== "")
            onClicked: root.submit()
        }
        Label {
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: root.error !== ""
            text: root.error
            color: Theme.bad
            wrapMode: Text.WordWrap
        }
    }
}
