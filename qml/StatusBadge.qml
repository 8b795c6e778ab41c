// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls

// A small coloured pill for a status word (ACTIVE, COMPLETED, EXPIRED, PENDING, REJECTED, ...).
Rectangle {
    id: root

    required property string status
    readonly property var palette: ({
            "ACTIVE": [Theme.goodBackground, Theme.good],
            "COMPLETED": ["#e3ecf7", Theme.primary],
            "EXPIRED": [Theme.warnBackground, Theme.warn],
            "PENDING": ["#eef1f5", Theme.muted],
            "REJECTED": [Theme.badBackground, Theme.bad],
            "FAILED": [Theme.badBackground, Theme.bad],
            "NOT_FOUND": [Theme.warnBackground, Theme.warn]
        })
    readonly property var colours: root.palette[root.status] ?? ["#eef1f5", Theme.muted]

    implicitWidth: label.implicitWidth + 14
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: root.colours[0]

    Label {
        id: label
        anchors.centerIn: parent
        text: root.status.charAt(0) + root.status.slice(1).toLowerCase().replace("_", " ")
        color: root.colours[1]
        font.pixelSize: 11
        font.bold: true
    }
}
