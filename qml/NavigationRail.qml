// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The product's areas; those this build cannot do yet are shown but disabled.
Rectangle {
    id: root

    property string current
    signal selected(string name)

    implicitWidth: 188
    color: Theme.rail

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: 2

        Label {
            Layout.leftMargin: 18
            Layout.bottomMargin: 14
            text: qsTr("Closient Station")
            color: "white"
            font.pixelSize: 17
            font.bold: true
        }

        Repeater {
            model: [
                { name: "sessions", label: qsTr("Sessions"), glyph: "▤" },
                { name: "scan", label: qsTr("Scan"), glyph: "◎" },
                { name: "labels", label: qsTr("Labels"), glyph: "▦" },
                { name: "review", label: qsTr("Review"), glyph: "✓" },
                { name: "counts", label: qsTr("Counts"), glyph: "☰" },
                { name: "sync", label: qsTr("Sync"), glyph: "⇅" },
                { name: "settings", label: qsTr("Settings"), glyph: "⚙" }
            ]

            delegate: ItemDelegate {
                id: item

                required property var modelData
                readonly property bool available: AppController.areaAvailable(item.modelData.name)
                readonly property bool isCurrent: root.current === item.modelData.name

                Layout.fillWidth: true
                Layout.leftMargin: 8
                Layout.rightMargin: 8
                enabled: item.available
                highlighted: item.isCurrent
                onClicked: root.selected(item.modelData.name)
                ToolTip.visible: !item.available && item.hovered
                ToolTip.text: qsTr("Not available in this version yet")

                background: Rectangle {
                    radius: Theme.radius
                    color: item.isCurrent ? Qt.rgba(1, 1, 1, 0.14) : item.hovered ? Qt.rgba(1, 1, 1, 0.06) : "transparent"
                }
                contentItem: RowLayout {
                    spacing: 10
                    Label {
                        text: item.modelData.glyph
                        color: item.isCurrent ? "white" : Theme.railText
                        opacity: item.available ? 1 : 0.35
                        font.pixelSize: 16
                        Layout.preferredWidth: 20
                        horizontalAlignment: Text.AlignHCenter
                    }
                    Label {
                        Layout.fillWidth: true
                        text: item.modelData.label
                        color: item.isCurrent ? "white" : Theme.railText
                        opacity: item.available ? 1 : 0.35
                        font.pixelSize: 14
                        font.bold: item.isCurrent
                    }
                }
            }
        }

        Item {
            Layout.fillHeight: true
        }
    }
}
