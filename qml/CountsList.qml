// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Every count, newest first: where, what, when, how many counted; open one to go on counting or see its report.
Page {
    id: root

    signal openCount(string id)
    signal newCount

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        title: qsTr("Inventory counts")
        Label {
            Layout.leftMargin: Theme.spacing
            text: qsTr("%1 in all").arg(CountsController.counts.count)
            color: Theme.muted
        }
        Item {
            Layout.fillWidth: true
        }
        Button {
            objectName: "newCountButton"
            text: qsTr("New count")
            highlighted: true
            onClicked: root.newCount()
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 20
        spacing: 8
        clip: true
        model: CountsController.counts
        ScrollBar.vertical: ScrollBar {}

        delegate: ItemDelegate {
            id: row

            required property string countId
            required property string location
            required property string locationName
            required property string description
            required property bool open
            required property string started
            required property string finished
            required property double counted

            width: list.width
            onClicked: root.openCount(row.countId)
            background: Rectangle {
                radius: Theme.radius
                color: row.hovered ? "#eef3f8" : Theme.card
                border.color: Theme.border
            }
            contentItem: RowLayout {
                spacing: Theme.spacing
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: row.description !== "" ? row.description : qsTr("Count at %1").arg(row.location)
                        font.pixelSize: 16
                        font.bold: true
                        elide: Text.ElideRight
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        text: (row.locationName !== "" ? row.locationName + " · " : "") + row.location + " · " + (row.open ? qsTr("started %1").arg(row.started) : qsTr("finished %1").arg(row.finished))
                        elide: Text.ElideRight
                        color: Theme.muted
                    }
                }
                Label {
                    text: qsTr("%1 counted").arg(row.counted)
                    color: Theme.text
                }
                StatusBadge {
                    status: row.open ? "ACTIVE" : "COMPLETED"
                }
            }
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        visible: list.count === 0
        spacing: Theme.spacing
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("No counts yet")
            font.pixelSize: 18
            color: Theme.muted
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Start the first count")
            highlighted: true
            onClicked: root.newCount()
        }
    }
}
