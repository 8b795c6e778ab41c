// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Closient.Station.Models

// One capture in the review table: the cells in the model's column order.
Rectangle {
    id: root

    required property int index
    required property string timeText
    required property string session
    required property string typeText
    required property string code
    required property string gtin
    required property bool gtinCorrected
    required property string product
    required property string lot
    required property string expiry
    required property string serial
    required property string statusText
    required property int mark
    required property string markText
    required property string note
    required property int photoCount
    required property string parseErrors
    required property bool voided
    required property bool selected
    property var widths: []
    property bool current: false

    signal clicked(int mods)
    signal doubleClicked

    component Cell: Label {
        property int column
        width: root.widths[column] ?? 80
        height: 30
        leftPadding: 4
        rightPadding: 4
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        font.pixelSize: 12
        font.strikeout: root.voided
        color: root.voided ? Theme.muted : Theme.text
    }

    height: 30
    color: root.current ? "#dbe7f5" : root.selected ? "#eaf3fb" : root.index % 2 ? "#fafbfc" : Theme.card

    Rectangle {
        width: 3
        height: parent.height
        color: Theme.accent
        visible: root.selected
    }

    Row {
        x: 8
        height: parent.height

        Cell { column: 0; text: root.timeText }
        Cell { column: 1; text: root.session }
        Cell { column: 2; text: root.typeText }
        Cell { column: 3; text: root.code; font.family: Theme.monoFont }
        Cell { column: 4; text: root.gtin + (root.gtinCorrected ? " ✎" : ""); font.family: Theme.monoFont }
        Cell { column: 5; text: root.product }
        Cell { column: 6; text: root.lot }
        Cell { column: 7; text: root.expiry }
        Cell { column: 8; text: root.serial }
        Cell { column: 9; text: root.statusText }
        Cell {
            column: 10
            text: root.markText + (root.parseErrors !== "" ? qsTr(" · parse errors") : "")
            color: root.mark === ReviewModel.Flagged ? Theme.bad : root.mark === ReviewModel.Reviewed ? Theme.good : Theme.muted
            ToolTip.visible: cellHover.hovered && (root.note !== "" || root.parseErrors !== "")
            ToolTip.text: root.note !== "" && root.parseErrors !== "" ? root.note + "\n" + root.parseErrors : root.note + root.parseErrors
            HoverHandler {
                id: cellHover
            }
        }
        Cell { column: 11; text: root.photoCount > 0 ? root.photoCount : "" }
    }

    MouseArea {
        anchors.fill: parent
        onClicked: mouse => root.clicked(mouse.modifiers)
        onDoubleClicked: root.doubleClicked()
    }
}
