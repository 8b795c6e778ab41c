// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Closient.Station.Models

// The captures as a dense table; the list holds only the pages read so far and asks for more as it scrolls.
// A click on a title sorts by that column; j / k move, Space selects, Ctrl-click and shift-click select too.
FocusScope {
    id: root

    // Column widths in the model's column order: time, session, type, code, GTIN, product, lot, expiry, serial,
    // server status, review, photos.
    readonly property var widths: [128, 130, 66, 230, 128, 170, 70, 88, 90, 96, 170, 52]
    readonly property int rowWidth: root.widths.reduce((a, b) => a + b, 0) + 16
    readonly property alias currentIndex: list.currentIndex
    readonly property alias count: list.count
    property int anchorRow: -1 // where a shift-click range starts

    signal openRequested
    signal flagRequested
    signal searchRequested

    function focusList() {
        list.forceActiveFocus();
        if (list.currentIndex < 0 && list.count > 0)
            list.currentIndex = 0;
    }

    // The column titles, scrolled sideways with the rows.
    Rectangle {
        id: titles
        width: root.width
        height: 32
        clip: true
        color: "#eef2f6"

        Row {
            x: 8 - list.contentX
            height: parent.height
            Repeater {
                model: ReviewController.model.columnTitles
                delegate: ItemDelegate {
                    id: title
                    required property string modelData
                    required property int index
                    width: root.widths[title.index]
                    height: 32
                    padding: 4
                    focusPolicy: Qt.NoFocus
                    onClicked: ReviewController.filters.sortBy(title.index)
                    contentItem: Label {
                        text: title.modelData + (ReviewController.filters.sortColumn === title.index ? (ReviewController.filters.descending ? " ▾" : " ▴") : "")
                        font.bold: true
                        font.pixelSize: 12
                        color: Theme.text
                        elide: Text.ElideRight
                        verticalAlignment: Text.AlignVCenter
                    }
                }
            }
        }
    }

    ListView {
        id: list
        objectName: "reviewList"
        anchors.top: titles.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        clip: true
        focus: true
        activeFocusOnTab: true
        model: ReviewController.model
        contentWidth: root.rowWidth
        flickableDirection: Flickable.AutoFlickDirection
        boundsBehavior: Flickable.StopAtBounds
        highlightMoveDuration: 0
        currentIndex: -1
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}

        onCurrentIndexChanged: ReviewController.currentId = ReviewController.model.idAt(list.currentIndex)
        onCountChanged: {
            if (list.currentIndex >= list.count)
                list.currentIndex = list.count - 1;
            ReviewController.currentId = ReviewController.model.idAt(list.currentIndex);
        }

        Keys.onPressed: event => {
            const k = event.text;
            if (k === "j" || event.key === Qt.Key_Down) {
                list.incrementCurrentIndex();
            } else if (k === "k" || event.key === Qt.Key_Up) {
                list.decrementCurrentIndex();
            } else if (k === " ") {
                ReviewController.model.setSelected(list.currentIndex, !ReviewController.model.isSelected(list.currentIndex));
            } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
                root.openRequested();
            } else if (k === "r") {
                ReviewController.markReviewed();
            } else if (k === "u") {
                ReviewController.markUnreviewed();
            } else if (k === "f") {
                root.flagRequested();
            } else if (k === "/") {
                root.searchRequested();
            } else {
                return;
            }
            event.accepted = true;
        }

        delegate: ReviewRowDelegate {
            id: row
            widths: root.widths
            width: Math.max(list.width, root.rowWidth)
            current: row.index === list.currentIndex
            onClicked: mods => {
                if (mods & Qt.ShiftModifier && root.anchorRow >= 0) {
                    ReviewController.model.selectRange(root.anchorRow, row.index);
                } else if (mods & Qt.ControlModifier) {
                    ReviewController.model.setSelected(row.index, !row.selected);
                    root.anchorRow = row.index;
                } else {
                    root.anchorRow = row.index;
                }
                list.currentIndex = row.index;
                list.forceActiveFocus();
            }
            onDoubleClicked: root.openRequested()
        }
    }

    Label {
        anchors.centerIn: list
        visible: list.count === 0 && !ReviewController.model.loading
        text: ReviewController.filters.active ? qsTr("No capture matches these filters.") : qsTr("No captures yet.")
        color: Theme.muted
    }
}
