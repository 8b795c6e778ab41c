// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Labels for a thermal printer: the layout that draws them and the printer they go to, chosen from the station's
// thermal printers, with Add and Edit opening the printer dialog.
ColumnLayout {
    id: root

    function indexIn(list: var, key: string, value: string): int {
        for (let i = 0; i < list.length; ++i) {
            if (list[i][key] === value)
                return i;
        }
        return -1;
    }

    spacing: 4

    component FieldLabel: Label {
        color: Theme.muted
        font.pixelSize: 12
    }

    FieldLabel {
        text: qsTr("Layout")
    }
    StationComboBox {
        objectName: "thermalLayout"
        Layout.fillWidth: true
        Accessible.name: qsTr("Layout")
        textRole: "text"
        valueRole: "value"
        model: LabelsController.options.layouts
        currentIndex: Math.max(0, root.indexIn(LabelsController.options.layouts, "value", LabelsController.options.layoutName))
        onActivated: LabelsController.options.layoutName = currentValue
    }
    Label {
        objectName: "thermalStock"
        Layout.fillWidth: true
        Layout.bottomMargin: 4
        visible: LabelsController.options.layoutName !== "" && LabelsController.options.stock !== ""
        text: LabelsController.options.stockName
        color: Theme.muted
        font.pixelSize: 11
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: LabelsController.options.layoutName === ""
        text: qsTr("Thermal labels are drawn by a layout: choose one.")
        color: Theme.warn
        font.pixelSize: 11
        wrapMode: Text.Wrap
    }

    FieldLabel {
        text: qsTr("Thermal printer")
    }
    StationComboBox {
        objectName: "thermalPrinter"
        Layout.fillWidth: true
        Accessible.name: qsTr("Thermal printer")
        textRole: "name"
        valueRole: "id"
        model: LabelsController.thermal.printers
        currentIndex: root.indexIn(LabelsController.thermal.printers, "id", LabelsController.thermal.printer)
        displayText: count === 0 ? qsTr("None yet: add one") : currentText
        onActivated: LabelsController.thermal.printer = currentValue
    }
    Label {
        objectName: "thermalSummary"
        Layout.fillWidth: true
        visible: text !== ""
        text: LabelsController.thermal.printers[root.indexIn(LabelsController.thermal.printers, "id", LabelsController.thermal.printer)]?.summary ?? ""
        color: Theme.muted
        font.pixelSize: 11
        wrapMode: Text.WrapAnywhere
    }
    RowLayout {
        Layout.fillWidth: true
        Button {
            objectName: "addThermalPrinter"
            text: qsTr("Add…")
            onClicked: printerDialog.edit("")
        }
        Button {
            objectName: "editThermalPrinter"
            text: qsTr("Edit…")
            enabled: LabelsController.thermal.printer !== ""
            onClicked: printerDialog.edit(LabelsController.thermal.printer)
        }
    }

    ThermalPrinterDialog {
        id: printerDialog
        objectName: "thermalPrinterDialog"
        parent: Overlay.overlay // centred on the window, whatever the panel's size
    }
}
