// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Adds or edits a thermal (ZPL) printer: its name, where it is (a network printer's raw port or a CUPS raw queue),
// its resolution, darkness, speed and media. The station checks every value when it is saved and says what does
// not fit; the dialog stays open until the printer is kept. Remove takes an existing printer off the list.
StationDialog {
    id: root

    property string printerId
    property var values: ({})
    readonly property bool editing: root.printerId !== ""

    // The index of the entry whose value is @p value in a list of {value, text}; 0 when none is.
    function indexOf(list: var, value: var): int {
        for (let i = 0; i < list.length; ++i) {
            if (list[i].value === value)
                return i;
        }
        return 0;
    }

    // Opens the dialog on the printer @p id, or on a new one when @p id is empty.
    function edit(id: string) {
        root.values = LabelsController.thermal.printerById(id);
        root.printerId = id;
        nameField.text = root.values.name;
        targetField.text = root.values.target;
        dpiBox.currentIndex = root.indexOf(LabelsController.thermal.resolutions, root.values.dpi);
        darknessBox.value = root.values.darkness;
        speedBox.value = root.values.speed;
        mediaBox.currentIndex = root.indexOf(LabelsController.thermal.mediaChoices, root.values.media);
        root.open();
        nameField.forceActiveFocus();
    }

    title: root.editing ? qsTr("Thermal printer") : qsTr("Add a thermal printer")
    actionText: qsTr("Save")
    actionEnabled: nameField.text.trim() !== "" && targetField.text.trim() !== ""
    preferredWidth: 520
    onAboutToShow: LabelsController.thermal.clearError()
    onAction: {
        const saved = LabelsController.thermal.savePrinter({
            id: root.printerId,
            name: nameField.text,
            target: targetField.text,
            dpi: dpiBox.currentValue,
            darkness: darknessBox.value,
            speed: speedBox.value,
            media: mediaBox.currentValue
        });
        if (saved)
            root.close();
    }

    GridLayout {
        anchors.fill: parent
        columns: 2
        columnSpacing: 12
        rowSpacing: 6

        Label {
            text: qsTr("Name")
        }
        TextField {
            id: nameField
            objectName: "thermalName"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Zebra on the bench")
        }
        Label {
            text: qsTr("Address")
        }
        TextField {
            id: targetField
            objectName: "thermalTarget"
            Layout.fillWidth: true
            placeholderText: qsTr("tcp://10.0.0.7:9100 or cups:Zebra")
            ToolTip.visible: activeFocus
            ToolTip.text: qsTr("A network printer's raw port (tcp://HOST:9100) or a CUPS queue that takes raw jobs (cups:QUEUE)")
        }
        Label {
            text: qsTr("Resolution")
        }
        StationComboBox {
            id: dpiBox
            objectName: "thermalDpi"
            Layout.fillWidth: true
            Keys.onPressed: event => root.keyPressed(event)
            Accessible.name: qsTr("Resolution")
            textRole: "text"
            valueRole: "value"
            model: LabelsController.thermal.resolutions
        }
        Label {
            text: qsTr("Darkness")
        }
        SpinBox {
            id: darknessBox
            objectName: "thermalDarkness"
            Layout.fillWidth: true
            from: 0
            to: 30
            editable: true
        }
        Label {
            text: qsTr("Speed, in/s")
        }
        SpinBox {
            id: speedBox
            objectName: "thermalSpeed"
            Layout.fillWidth: true
            from: 1
            to: 14
            editable: true
        }
        Label {
            text: qsTr("Media")
        }
        StationComboBox {
            id: mediaBox
            objectName: "thermalMedia"
            Layout.fillWidth: true
            Keys.onPressed: event => root.keyPressed(event)
            Accessible.name: qsTr("Media")
            textRole: "text"
            valueRole: "value"
            model: LabelsController.thermal.mediaChoices
        }
        Label {
            objectName: "thermalError"
            Layout.columnSpan: 2
            Layout.fillWidth: true
            visible: LabelsController.thermal.error !== ""
            text: LabelsController.thermal.error
            color: Theme.bad
            wrapMode: Text.Wrap
        }
        Button {
            objectName: "thermalRemove"
            Layout.columnSpan: 2
            visible: root.editing
            text: qsTr("Remove this printer")
            flat: true
            onClicked: {
                if (LabelsController.thermal.removePrinter(root.printerId))
                    root.close();
            }
        }
    }
}
