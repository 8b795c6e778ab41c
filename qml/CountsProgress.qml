// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// A count in progress: what the last code did, in big letters; a quantity for the next code (keypad, or a "12x"
// scanned or typed before it); the codes typed by hand; the tally per GTIN + lot + expiry; undo, blind, finish.
Page {
    id: root

    signal back
    signal finishRequested
    signal reportRequested

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        inset: 8
        ToolButton {
            text: "‹"
            font.pixelSize: 22
            onClicked: root.back()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("All counts")
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: CountsController.description !== "" ? CountsController.description : qsTr("Inventory count")
                font.pixelSize: 18
                font.bold: true
                elide: Text.ElideRight
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: (CountsController.locationName !== "" ? CountsController.locationName + " · " : "") + CountsController.location + " · " + qsTr("started %1").arg(CountsController.started)
                elide: Text.ElideRight
                color: Theme.muted
            }
        }
        Switch {
            objectName: "blindSwitch"
            text: qsTr("Blind")
            enabled: CountsController.open
            checked: CountsController.blind
            onToggled: CountsController.blind = checked
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Hide the expected quantities while counting")
        }
        Button {
            text: qsTr("Variance")
            enabled: !CountsController.blind || !CountsController.open
            onClicked: root.reportRequested()
        }
        Button {
            objectName: "finishButton"
            text: qsTr("Finish…")
            highlighted: true
            enabled: CountsController.open
            onClicked: root.finishRequested()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.preferredWidth: 310
            Layout.maximumWidth: 310
            Layout.fillHeight: true
            spacing: Theme.spacing

            CountsFeedback {
                Layout.fillWidth: true
            }

            CountsKeypad {
                Layout.fillWidth: true
                Layout.fillHeight: true
                onCodeEntered: text => CountsController.submit(text, "typed")
            }
        }

        CountsTallyTable {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    footer: ToolBar {
        background: Rectangle {
            color: Theme.card
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: CountsController.open ? qsTr("%1 counted · every camera, scanner and typed code counts here").arg(CountsController.counted) : qsTr("Finished %1: locked").arg(CountsController.finished)
                color: Theme.muted
                elide: Text.ElideRight
            }
            Label {
                visible: CountsController.status.visible
                text: CountsController.status.text
                color: CountsController.status.severity === StatusMessage.Error ? Theme.bad : Theme.muted
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 2
            }
            Button {
                objectName: "undoButton"
                text: qsTr("Undo last")
                enabled: CountsController.open && CountsController.counted > 0
                onClicked: CountsController.undo()
            }
        }
    }
}
