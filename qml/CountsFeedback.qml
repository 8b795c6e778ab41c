// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// What the last code did, big enough to read from a step away: green counted, amber a repeated serial, red refused.
Rectangle {
    id: root

    readonly property int kind: CountsController.lastKind
    readonly property color accent: root.kind === CountsController.Counted ? Theme.good : root.kind === CountsController.Repeated ? Theme.warn : root.kind === CountsController.Refused ? Theme.bad : Theme.primary
    readonly property color tint: root.kind === CountsController.Counted ? Theme.goodBackground : root.kind === CountsController.Repeated ? Theme.warnBackground : root.kind === CountsController.Refused ? Theme.badBackground : Theme.card

    implicitHeight: 132
    radius: Theme.radius
    color: root.tint
    border.color: root.accent
    border.width: 2

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: 4

        Label {
            objectName: "lastTitle"
            Layout.fillWidth: true
            text: CountsController.lastTitle !== "" ? CountsController.lastTitle : qsTr("Scan or type a code")
            font.pixelSize: 26
            font.bold: true
            color: root.accent
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            text: CountsController.lastDetail
            visible: text !== ""
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: CountsController.multiplier > 1 ? qsTr("Next code counts × %1").arg(CountsController.multiplier) : CountsController.lastSource !== "" ? qsTr("from %1").arg(CountsController.lastSource) : ""
            visible: text !== ""
            color: CountsController.multiplier > 1 ? Theme.accent : Theme.muted
            font.bold: CountsController.multiplier > 1
        }
    }
}
