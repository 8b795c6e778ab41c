// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Hand scanners: a USB scanner that types (keyboard wedge) and a serial one, with what each just read.
GroupBox {
    id: root

    readonly property var wedge: ScanController.wedge
    readonly property var serial: ScanController.serial

    function setWedge(key: string, value: var) {
        let w = ScanController.wedge;
        w[key] = value;
        ScanController.wedge = w;
    }
    function setSerial(key: string, value: var) {
        let s = ScanController.serial;
        s[key] = value;
        ScanController.serial = s;
    }

    title: qsTr("Barcode scanners")

    GridLayout {
        anchors.fill: parent
        columns: 4
        columnSpacing: Theme.spacing
        rowSpacing: 4

        Label {
            Layout.columnSpan: 4
            text: qsTr("USB scanner that types (keyboard wedge)")
            font.bold: true
        }
        CheckBox {
            Layout.columnSpan: 4
            text: qsTr("Recognise scanner input anywhere in the window")
            checked: root.wedge.enabled
            onToggled: root.setWedge("enabled", checked)
        }
        Label {
            text: qsTr("Fastest person's key gap")
        }
        SpinBox {
            from: 5
            to: 200
            value: root.wedge.maxKeyGapMs
            editable: true
            onValueModified: root.setWedge("maxKeyGapMs", value)
        }
        Label {
            text: qsTr("Shortest code")
        }
        SpinBox {
            from: 2
            to: 50
            value: root.wedge.minLength
            onValueModified: root.setWedge("minLength", value)
        }
        CheckBox {
            text: qsTr("Ends with Enter")
            checked: root.wedge.terminatorEnter
            onToggled: root.setWedge("terminatorEnter", checked)
        }
        CheckBox {
            text: qsTr("Ends with Tab")
            checked: root.wedge.terminatorTab
            onToggled: root.setWedge("terminatorTab", checked)
        }
        CheckBox {
            text: qsTr("F8 means GS")
            checked: root.wedge.f8IsGs
            onToggled: root.setWedge("f8IsGs", checked)
        }
        TextField {
            placeholderText: qsTr("Character sent for GS")
            text: root.wedge.gsSubstitute
            maximumLength: 1
            onEditingFinished: root.setWedge("gsSubstitute", text)
        }
        TextField {
            placeholderText: qsTr("Prefix to strip")
            text: root.wedge.prefix
            onEditingFinished: root.setWedge("prefix", text)
        }
        TextField {
            placeholderText: qsTr("Suffix to strip")
            text: root.wedge.suffix
            onEditingFinished: root.setWedge("suffix", text)
        }
        Item {
            Layout.columnSpan: 2
            implicitHeight: 1
        }

        Label {
            Layout.columnSpan: 4
            Layout.topMargin: 10
            text: qsTr("Serial scanner (USB CDC-ACM or RS-232)")
            font.bold: true
        }
        ComboBox {
            id: portBox
            Layout.preferredWidth: 220
            editable: true
            model: ScanController.serialPorts
            textRole: "name"
            editText: root.serial.port
            onAccepted: root.setSerial("port", editText)
            onActivated: root.setSerial("port", currentText)
        }
        ComboBox {
            model: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]
            currentIndex: model.indexOf(root.serial.baudRate)
            onActivated: root.setSerial("baudRate", currentValue)
        }
        ComboBox {
            model: [qsTr("Ends with CR"), qsTr("Ends with LF"), qsTr("Ends with CR LF"), qsTr("Ends after a pause")]
            readonly property var values: ["\r", "\n", "\r\n", ""]
            currentIndex: values.indexOf(root.serial.terminator)
            onActivated: index => root.setSerial("terminator", values[index])
        }
        Switch {
            text: qsTr("Connect")
            checked: root.serial.enabled
            onToggled: root.setSerial("enabled", checked)
        }
        Label {
            Layout.columnSpan: 4
            text: ScanController.serialStatus
            color: Theme.muted
        }

        Label {
            Layout.columnSpan: 4
            Layout.topMargin: 10
            text: qsTr("Last reads, every device")
            font.bold: true
        }
        Repeater {
            model: ScanController.deviceReads
            delegate: Label {
                required property var modelData
                Layout.columnSpan: 4
                text: modelData.time + "  " + modelData.device + ":  " + modelData.text
                font.family: Theme.monoFont
                font.pixelSize: 12
            }
        }
        Label {
            Layout.columnSpan: 4
            visible: ScanController.deviceReads.length === 0
            text: qsTr("Scan something with any device to see it here.")
            color: Theme.muted
        }
    }
}
