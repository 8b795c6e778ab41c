// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Closient.Station.Models

// The captures shown as photo thumbnails (the same rows and order as the table); a capture without a photo shows
// its code instead. A click makes it the current capture.
GridView {
    id: root

    clip: true
    model: ReviewController.model
    cellWidth: 168
    cellHeight: 168
    ScrollBar.vertical: ScrollBar {}

    delegate: ItemDelegate {
        id: tile

        required property int index
        required property string captureId
        required property url photoUrl
        required property string code
        required property string product
        required property int photoCount

        width: root.cellWidth - 8
        height: root.cellHeight - 8
        highlighted: ReviewController.currentId === tile.captureId
        onClicked: ReviewController.currentId = tile.captureId

        contentItem: Column {
            spacing: 4
            Rectangle {
                width: parent.width
                height: tile.height - 44
                color: "#eef2f6"
                Image {
                    anchors.fill: parent
                    anchors.margins: 2
                    source: tile.photoUrl
                    sourceSize.width: 256
                    sourceSize.height: 256
                    asynchronous: true
                    fillMode: Image.PreserveAspectFit
                    visible: tile.photoCount > 0
                }
                Label {
                    anchors.centerIn: parent
                    visible: tile.photoCount === 0
                    text: qsTr("No photo")
                    color: Theme.muted
                }
            }
            Label {
                width: parent.width
                text: tile.product !== "" ? tile.product : tile.code
                elide: Text.ElideRight
                font.pixelSize: 12
            }
        }
    }
}
