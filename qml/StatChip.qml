// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A small label/value pair for live figures (frames per second, decode time, ...).
Rectangle {
    id: root

    property string label
    property var value

    implicitWidth: row.implicitWidth + 14
    implicitHeight: 24
    radius: 12
    color: "#eef2f6"

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 5
        Label {
            text: root.label
            color: Theme.muted
            font.pixelSize: 11
            anchors.verticalCenter: parent.verticalCenter
        }
        Label {
            text: String(root.value)
            color: Theme.text
            font.pixelSize: 12
            font.bold: true
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
