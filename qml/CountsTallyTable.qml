// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The tally of the count in progress: one row per GTIN + lot + expiry; the expected column stays empty in blind mode.
Rectangle {
    id: root

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border

    component Cell: Label {
        elide: Text.ElideRight
        color: Theme.text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: 10
            spacing: 8
            Cell {
                Layout.preferredWidth: 130
                text: qsTr("GTIN")
                font.bold: true
            }
            Cell {
                Layout.fillWidth: true
                text: qsTr("Lot · expiry")
                font.bold: true
            }
            Cell {
                Layout.preferredWidth: 76
                horizontalAlignment: Text.AlignRight
                text: qsTr("Counted")
                font.bold: true
            }
            Cell {
                Layout.preferredWidth: 76
                horizontalAlignment: Text.AlignRight
                text: CountsController.blind && CountsController.open ? qsTr("(blind)") : qsTr("Expected")
                font.bold: true
            }
        }
        Rectangle {
            Layout.fillWidth: true
            height: 1
            color: Theme.border
        }

        ListView {
            id: list
            objectName: "tallyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: CountsController.tally
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: line
                required property int index
                required property string gtin
                required property string lot
                required property string expiry
                required property double counted
                required property int serials
                required property bool hasExpected
                required property double expected

                width: list.width
                height: 36
                color: line.index % 2 ? "#f8fafc" : Theme.card
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 10
                    anchors.rightMargin: 10
                    spacing: 8
                    Cell {
                        Layout.preferredWidth: 130
                        text: line.gtin
                        font.family: Theme.monoFont
                    }
                    Cell {
                        Layout.fillWidth: true
                        text: (line.lot !== "" ? line.lot : qsTr("no lot")) + (line.expiry !== "" ? " · " + qsTr("exp %1").arg(line.expiry) : "") + (line.serials > 0 ? " · " + (line.serials === 1 ? qsTr("1 serial") : qsTr("%1 serials").arg(line.serials)) : "")
                        color: line.lot !== "" ? Theme.text : Theme.muted
                    }
                    Cell {
                        Layout.preferredWidth: 76
                        horizontalAlignment: Text.AlignRight
                        text: line.counted
                        font.bold: true
                    }
                    Cell {
                        Layout.preferredWidth: 76
                        horizontalAlignment: Text.AlignRight
                        text: line.hasExpected ? line.expected : "–"
                        color: line.hasExpected && line.expected !== line.counted ? Theme.warn : Theme.muted
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Nothing counted yet")
                color: Theme.muted
            }
        }
    }
}
