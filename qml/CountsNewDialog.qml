// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// Starts an inventory count: where (a GLN with its check digit checked as it is typed, .EXTENSION for a place
// inside it, or a named place), what it is, the expected quantities from a CSV file, and blind mode.
StationDialog {
    id: root

    property url expectedFile
    readonly property string expectedPath: CountsController.localPath(root.expectedFile)
    readonly property string locationProblem: CountsController.locationProblem(locationField.text)

    objectName: "newCountDialog"
    title: qsTr("New inventory count")
    actionText: qsTr("Start count")
    actionEnabled: locationField.text.trim() !== "" && root.locationProblem === ""
    edited: locationField.text !== "" || nameField.text !== "" || root.expectedPath !== "" || blindBox.checked
    onAction: CountsController.startCount(locationField.text, nameField.text, root.expectedFile, blindBox.checked)

    onOpened: {
        locationField.text = "";
        nameField.text = "";
        root.expectedFile = "";
        blindBox.checked = false;
        locationField.forceActiveFocus();
    }

    ColumnLayout {
        width: parent.width
        spacing: 8

        Label {
            text: qsTr("Location: GLN, GLN.EXTENSION or a named place")
        }
        TextField {
            id: locationField
            objectName: "locationField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. 9521234000006.A12")
            font.family: Theme.monoFont
        }
        Label {
            objectName: "locationCheck"
            Layout.fillWidth: true
            visible: locationField.text.trim() !== ""
            text: root.locationProblem !== "" ? root.locationProblem : qsTr("✓ A valid location")
            color: root.locationProblem !== "" ? Theme.bad : Theme.good
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 6
            visible: placesRepeater.count > 0
            Repeater {
                id: placesRepeater
                model: CountsController.places()
                delegate: Button {
                    required property var modelData
                    flat: true
                    text: modelData.name
                    onClicked: locationField.text = modelData.name
                    ToolTip.visible: hovered
                    ToolTip.text: modelData.location
                }
            }
        }
        Label {
            text: qsTr("What is counted")
        }
        TextField {
            id: nameField
            objectName: "nameField"
            Layout.fillWidth: true
            maximumLength: 200
            placeholderText: qsTr("e.g. Aisle 4, monthly count")
        }
        Label {
            text: qsTr("Expected quantities (optional)")
        }
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: root.expectedPath !== "" ? root.expectedPath : qsTr("None: every item counted is listed as unexpected")
                elide: Text.ElideMiddle
                color: root.expectedPath !== "" ? Theme.text : Theme.muted
            }
            Button {
                text: qsTr("Choose CSV…")
                onClicked: csvDialog.open()
            }
        }
        CheckBox {
            id: blindBox
            text: qsTr("Blind count: hide the expected quantities until it is finished")
        }
        Label {
            objectName: "newCountError"
            Layout.fillWidth: true
            visible: CountsController.newCountError !== ""
            text: CountsController.newCountError
            color: Theme.bad
            wrapMode: Text.Wrap
        }
    }

    FileDialog {
        id: csvDialog
        title: qsTr("Expected quantities: CSV with gtin, lot, expected")
        nameFilters: [qsTr("CSV files (*.csv *.txt)"), qsTr("All files (*)")]
        onAccepted: root.expectedFile = csvDialog.selectedFile
    }
}
