// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Closient.Station.Models

// One object on the designer's canvas: its frame when selected, the resize handles of the current object, and a
// mark with the reason when the renderer finds a problem (a symbol too small for its X-dimension, text that does
// not fit, a required value missing).
Item {
    id: root

    required property DesignerController controller
    required property real zoom
    required property real originX
    required property real originY
    required property int index
    required property string objectId
    required property real mmX
    required property real mmY
    required property real mmWidth
    required property real mmHeight
    required property bool selected
    required property string problem
    required property bool blocking
    readonly property bool current: root.controller.selectedIds.length > 0 && root.controller.selectedIds[0] === root.objectId

    x: root.originX + Math.min(root.mmX, root.mmX + root.mmWidth) * root.zoom
    y: root.originY + Math.min(root.mmY, root.mmY + root.mmHeight) * root.zoom
    width: Math.abs(root.mmWidth) * root.zoom
    height: Math.abs(root.mmHeight) * root.zoom
    objectName: "frame-" + root.objectId

    Rectangle {
        anchors.fill: parent
        anchors.margins: -2
        visible: root.selected
        color: "transparent"
        border.color: Theme.accent
        border.width: root.current ? 2 : 1
    }

    // The reason, under the current object; other objects show it on hover of their mark.
    Label {
        objectName: "problemText"
        visible: root.current && root.problem !== ""
        anchors.top: parent.bottom
        anchors.topMargin: 6
        anchors.left: parent.left
        width: Math.max(160, Math.min(360, root.width))
        z: 2
        wrapMode: Text.Wrap
        text: root.problem
        color: "white"
        font.pixelSize: 12
        padding: 4
        background: Rectangle {
            color: root.blocking ? Theme.bad : Theme.warn
            radius: 3
        }
    }
    Item {
        objectName: "problemMark"
        visible: root.problem !== ""
        x: root.width - 8
        y: -8
        width: 16
        height: 16
        HoverHandler {
            id: markHover
        }
        ToolTip.visible: markHover.hovered
        ToolTip.text: root.problem
    }

    // Resize handles on the current object, alone in the selection.
    Repeater {
        model: root.current && root.controller.selectionCount === 1 ? 8 : 0
        delegate: Rectangle {
            id: handle
            required property int index
            // Handles in DesignerController.Handle order: TopLeft, Top, TopRight, Right, BottomRight, Bottom,
            // BottomLeft, Left.
            readonly property real fx: [0, 0.5, 1, 1, 1, 0.5, 0, 0][handle.index]
            readonly property real fy: [0, 0, 0, 0.5, 1, 1, 1, 0.5][handle.index]
            objectName: "handle" + handle.index
            width: 10
            height: 10
            x: root.width * handle.fx - width / 2
            y: root.height * handle.fy - height / 2
            color: "white"
            border.color: Theme.accent
            border.width: 2
            MouseArea {
                anchors.fill: parent
                anchors.margins: -3
                preventStealing: true
                cursorShape: [Qt.SizeFDiagCursor, Qt.SizeVerCursor, Qt.SizeBDiagCursor, Qt.SizeHorCursor][[0, 1, 2, 3, 0, 1, 2, 3][handle.index]]
                property point start
                onPressed: mouse => {
                    const p = mapToItem(null, mouse.x, mouse.y);
                    start = Qt.point(p.x, p.y);
                    root.controller.beginGesture();
                }
                onPositionChanged: mouse => {
                    const p = mapToItem(null, mouse.x, mouse.y);
                    root.controller.resizeGesture(handle.index, (p.x - start.x) / root.zoom, (p.y - start.y) / root.zoom, 6 / root.zoom);
                }
                onReleased: root.controller.endGesture()
                onCanceled: root.controller.endGesture()
            }
        }
    }
}
