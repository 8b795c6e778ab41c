// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a code means, in fields a person reads: GTIN, lot, expiry, serial, other AIs, and the errors.
// `parse` is the map CaptureController.preview() and CaptureListModel's parse role give.
ColumnLayout {
    id: root

    property var parse: ({})
    readonly property bool hasData: root.parse.hasData ?? false

    spacing: 6

    Flow {
        Layout.fillWidth: true
        spacing: 8
        visible: root.hasData

        component Field: Rectangle {
            id: field
            property string label
            property string value
            property color tint: "#eef2f6"
            property color ink: Theme.text
            visible: field.value !== ""
            radius: 4
            color: field.tint
            implicitWidth: fieldRow.implicitWidth + 14
            implicitHeight: fieldRow.implicitHeight + 8
            Row {
                id: fieldRow
                anchors.centerIn: parent
                spacing: 6
                Label {
                    text: field.label
                    color: Theme.muted
                    font.pixelSize: 11
                    anchors.verticalCenter: parent.verticalCenter
                }
                Label {
                    text: field.value
                    color: field.ink
                    font.family: Theme.monoFont
                    font.pixelSize: 13
                    font.bold: true
                }
            }
        }

        Field {
            label: qsTr("Type")
            value: root.parse.kindText ?? ""
        }
        Field {
            label: qsTr("GTIN")
            value: root.parse.gtin ?? ""
        }
        Field {
            label: qsTr("Lot")
            value: root.parse.lot ?? ""
        }
        Field {
            label: root.parse.expired ? qsTr("Expired") : qsTr("Expiry")
            value: root.parse.expiryText ?? ""
            tint: root.parse.expired ? Theme.badBackground : root.parse.expiresSoon ? Theme.warnBackground : "#eef2f6"
            ink: root.parse.expired ? Theme.bad : root.parse.expiresSoon ? Theme.warn : Theme.text
        }
        Field {
            label: qsTr("Serial")
            value: root.parse.serial ?? ""
        }
        Repeater {
            model: root.parse.ais ?? []
            delegate: Field {
                required property var modelData
                label: "(" + modelData.ai + ") " + modelData.title
                value: modelData.value
            }
        }
    }

    Repeater {
        model: root.parse.errors ?? []
        delegate: Label {
            required property string modelData
            Layout.fillWidth: true
            text: "✕ " + modelData
            color: Theme.bad
            wrapMode: Text.WordWrap
        }
    }
    Repeater {
        model: root.parse.warnings ?? []
        delegate: Label {
            required property string modelData
            Layout.fillWidth: true
            text: "! " + modelData
            color: Theme.warn
            wrapMode: Text.WordWrap
        }
    }
}
