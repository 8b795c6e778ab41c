// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The quantity for the next code (keypad digits, then "×") and a field for codes typed by hand. Scans with the focus
// in the field count like scans anywhere else on the page.
Rectangle {
    id: root

    property string digits: ""
    signal codeEntered(string text)

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border
    implicitHeight: 320

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        TextField {
            id: codeField
            objectName: "codeField"
            property bool capturesScans: true // scans with the focus here count, as anywhere outside a field
            Layout.fillWidth: true
            enabled: CountsController.open
            placeholderText: qsTr("Type a code or 12x, then Enter")
            font.family: Theme.monoFont
            onAccepted: {
                if (codeField.text.trim() !== "")
                    root.codeEntered(codeField.text);
                codeField.clear();
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Quantity")
                color: Theme.muted
            }
            Label {
                objectName: "quantityDisplay"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignRight
                text: root.digits !== "" ? root.digits + " ×" : "× " + CountsController.multiplier
                font.pixelSize: 22
                font.bold: true
                color: Theme.text
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: 3
            rowSpacing: 4
            columnSpacing: 4
            enabled: CountsController.open

            Repeater {
                model: ["7", "8", "9", "4", "5", "6", "1", "2", "3", "C", "0", "×"]
                delegate: Button {
                    id: key
                    required property string modelData
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 30
                    Layout.preferredHeight: 44
                    text: key.modelData
                    font.pixelSize: 18
                    focusPolicy: Qt.NoFocus
                    highlighted: key.modelData === "×"
                    onClicked: {
                        if (key.modelData === "C") {
                            root.digits = "";
                            CountsController.multiplier = 1;
                        } else if (key.modelData === "×") {
                            if (root.digits !== "")
                                CountsController.multiplier = parseInt(root.digits);
                            root.digits = "";
                        } else if (root.digits.length < 5) {
                            root.digits = root.digits + key.modelData;
                        }
                    }
                }
            }
        }
    }
}
