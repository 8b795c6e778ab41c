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

    readonly property var wedge: DeviceSettings.wedge
    readonly property var serial: DeviceSettings.serial

    function setWedge(key: string, value: var) {
        let w = DeviceSettings.wedge;
        w[key] = value;
        DeviceSettings.wedge = w;
    }
    function setSerial(key: string, value: var) {
        let s = DeviceSettings.serial;
        s[key] = value;
        DeviceSettings.serial = s;
    }

    title: qsTr("Barcode scanners")

    GridLayout {
        width: parent.width
        columns: 3
        columnSpacing: Theme.spacing
        rowSpacing: 4

        Label {
            Layout.columnSpan: 3
            text: qsTr("USB scanner that types (keyboard wedge)")
            font.bold: true
        }
        CheckBox {
            Layout.columnSpan: 3
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
            Accessible.name: qsTr("Fastest person's key gap, in milliseconds")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("ms between keys: faster bursts are a scanner")
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        Label {
            text: qsTr("Quiet time before a scan")
        }
        SpinBox {
            from: 50
            to: 2000
            stepSize: 50
            value: root.wedge.quietMs
            editable: true
            onValueModified: root.setWedge("quietMs", value)
            Accessible.name: qsTr("Quiet time before a scan, in milliseconds")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("ms without a key before a scanner burst can start")
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        Label {
            text: qsTr("Shortest code")
        }
        SpinBox {
            from: 2
            to: 50
            value: root.wedge.minLength
            onValueModified: root.setWedge("minLength", value)
            Accessible.name: qsTr("Shortest code, in characters")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("characters")
            color: Theme.muted
        }
        Label {
            text: qsTr("A code ends with")
        }
        RowLayout {
            Layout.columnSpan: 2
            CheckBox {
                text: qsTr("Enter")
                checked: root.wedge.terminatorEnter
                onToggled: root.setWedge("terminatorEnter", checked)
            }
            CheckBox {
                text: qsTr("Tab")
                checked: root.wedge.terminatorTab
                onToggled: root.setWedge("terminatorTab", checked)
            }
        }
        Label {
            text: qsTr("Group separator (GS)")
        }
        RowLayout {
            Layout.columnSpan: 2
            CheckBox {
                text: qsTr("sent as F8")
                checked: root.wedge.f8IsGs
                onToggled: root.setWedge("f8IsGs", checked)
            }
            Label {
                text: qsTr("or as the character")
            }
            TextField {
                Layout.preferredWidth: 60
                text: root.wedge.gsSubstitute
                maximumLength: 1
                onEditingFinished: root.setWedge("gsSubstitute", text)
                Accessible.name: qsTr("Character the scanner sends for GS")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("A printable character the scanner is set to send instead of GS; Ctrl+] always works")
            }
        }
        Label {
            text: qsTr("Prefix to strip")
        }
        TextField {
            Layout.columnSpan: 2
            Layout.preferredWidth: 200
            text: root.wedge.prefix
            maximumLength: 20 // as the station keeps it
            onEditingFinished: root.setWedge("prefix", text)
            Accessible.name: qsTr("Prefix to strip")
        }
        Label {
            text: qsTr("Suffix to strip")
        }
        TextField {
            Layout.columnSpan: 2
            Layout.preferredWidth: 200
            text: root.wedge.suffix
            maximumLength: 20
            onEditingFinished: root.setWedge("suffix", text)
            Accessible.name: qsTr("Suffix to strip")
        }

        Label {
            Layout.columnSpan: 3
            Layout.topMargin: 10
            text: qsTr("Serial scanner (USB CDC-ACM or RS-232)")
            font.bold: true
        }
        Label {
            text: qsTr("Port")
        }
        ComboBox {
            id: portBox
            Layout.preferredWidth: 220
            editable: true
            model: DeviceSettings.serialPorts
            textRole: "name"
            editText: root.serial.port
            onAccepted: root.setSerial("port", editText)
            onActivated: root.setSerial("port", currentText)
            Accessible.name: qsTr("Serial port")
            ToolTip.visible: hovered && editText !== ""
            ToolTip.text: editText
        }
        Switch {
            text: qsTr("Connect")
            checked: root.serial.enabled
            onToggled: root.setSerial("enabled", checked)
        }
        Label {
            text: qsTr("Speed")
        }
        ComboBox {
            Layout.preferredWidth: 220
            model: [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]
            displayText: qsTr("%1 baud").arg(currentText)
            currentIndex: model.indexOf(root.serial.baudRate)
            onActivated: root.setSerial("baudRate", currentValue)
            Accessible.name: qsTr("Serial speed, in baud")
        }
        Label {
            text: qsTr("8 data bits, no parity, 1 stop bit")
            color: Theme.muted
        }
        Label {
            text: qsTr("A code ends with")
        }
        ComboBox {
            id: terminatorBox
            readonly property var values: ["\r", "\n", "\r\n", ""]
            Layout.columnSpan: 2
            Layout.preferredWidth: 320
            model: [qsTr("CR (carriage return)"), qsTr("LF (line feed)"), qsTr("CR LF"), qsTr("a pause (no end character)")]
            currentIndex: terminatorBox.values.indexOf(root.serial.terminator)
            onActivated: index => root.setSerial("terminator", terminatorBox.values[index])
            Accessible.name: qsTr("What ends a code from the serial scanner")
            ToolTip.visible: hovered
            ToolTip.text: currentText
        }
        Label {
            Layout.columnSpan: 3
            Layout.fillWidth: true
            text: DeviceSettings.serialStatus
            color: Theme.muted
            wrapMode: Text.WordWrap
        }

        Label {
            Layout.columnSpan: 3
            Layout.topMargin: 10
            text: qsTr("Last reads, every device")
            font.bold: true
        }
        Repeater {
            model: DeviceSettings.deviceReads
            delegate: Label {
                required property var modelData
                Layout.columnSpan: 3
                Layout.fillWidth: true
                text: modelData.time + "  " + modelData.device + ":  " + modelData.text
                font.family: Theme.monoFont
                font.pixelSize: 12
                elide: Text.ElideRight
                ToolTip.visible: truncated && readHover.hovered
                ToolTip.text: text
                HoverHandler {
                    id: readHover
                }
            }
        }
        Label {
            Layout.columnSpan: 3
            visible: DeviceSettings.deviceReads.length === 0
            text: qsTr("Scan something with any device to see it here.")
            color: Theme.muted
        }
    }
}
