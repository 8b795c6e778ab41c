// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Window
import Closient.Station.Models
import Closient.Station.Ui

// The label being designed, drawn by the station's one renderer with real data. Click to select (Shift or Ctrl
// adds), drag to move, drag the handles to resize, drag on empty space for a rubber band; arrow keys nudge (Shift
// a larger step), Delete removes; the wheel zooms. Everything snaps as the controller decides; a problem is marked
// on its object with the reason.
Rectangle {
    id: root

    required property DesignerController controller
    property real zoom: 4 // pixels per millimetre
    readonly property real margin: 24
    readonly property real fitZoom: Math.max(0.5, Math.min((flick.width - 2 * root.margin) / Math.max(1, root.controller.labelWidth),
                                                           (flick.height - 2 * root.margin) / Math.max(1, root.controller.labelHeight)))
    readonly property real realSizeZoom: Screen.pixelDensity > 0 ? Screen.pixelDensity : 96 / 25.4
    readonly property alias canvas: canvas
    readonly property alias surface: surface

    // Where a gesture began (pixels on the canvas) and what it does: 0 none, 1 move, 2 rubber band.
    property point pressAt: Qt.point(0, 0)
    property int gesture: 0
    property bool moved: false
    property string pressedInSelection: "" // an object pressed within a selection of several: alone if not dragged

    // Until someone zooms, the label follows the view's size (the page may be laid out after it is made).
    property bool autoFit: true
    onFitZoomChanged: if (root.autoFit) root.zoom = root.fitZoom
    function fit() { root.autoFit = true; root.zoom = root.fitZoom; }
    function zoomTo(z: real) { root.autoFit = false; root.zoom = Math.max(0.5, Math.min(80, z)); }
    function toMm(px: real): real { return px / root.zoom; }

    color: "#e4e8ee"
    radius: Theme.radius
    border.color: Theme.border
    clip: true
    activeFocusOnTab: true

    // Another label size (a layout opened or made new): the whole label in view again.
    property size fittedLabel: Qt.size(0, 0)
    Connections {
        target: root.controller
        function onLayoutChanged() {
            const size = Qt.size(root.controller.labelWidth, root.controller.labelHeight);
            if (size.width !== root.fittedLabel.width || size.height !== root.fittedLabel.height) {
                root.fittedLabel = size;
                root.fit();
            }
        }
    }

    // The canvas's own editing keys come to it before any window shortcut takes them.
    Keys.onShortcutOverride: event => {
        event.accepted = (event.modifiers & Qt.ControlModifier) !== 0
            && [Qt.Key_Z, Qt.Key_Y, Qt.Key_C, Qt.Key_X, Qt.Key_V, Qt.Key_A].indexOf(event.key) >= 0;
    }
    Keys.onPressed: event => {
        const large = (event.modifiers & Qt.ShiftModifier) !== 0;
        const ctrl = (event.modifiers & Qt.ControlModifier) !== 0;
        if (event.key === Qt.Key_Left) root.controller.nudge(-1, 0, large);
        else if (event.key === Qt.Key_Right) root.controller.nudge(1, 0, large);
        else if (event.key === Qt.Key_Up) root.controller.nudge(0, -1, large);
        else if (event.key === Qt.Key_Down) root.controller.nudge(0, 1, large);
        else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) root.controller.deleteSelection();
        else if (event.key === Qt.Key_Escape) root.controller.clearSelection();
        else if (ctrl && event.key === Qt.Key_Z && large) root.controller.redo();
        else if (ctrl && event.key === Qt.Key_Z) root.controller.undo();
        else if (ctrl && event.key === Qt.Key_Y) root.controller.redo();
        else if (ctrl && event.key === Qt.Key_C) root.controller.copy();
        else if (ctrl && event.key === Qt.Key_X) root.controller.cut();
        else if (ctrl && event.key === Qt.Key_V) root.controller.paste();
        else if (ctrl && event.key === Qt.Key_A) root.controller.selectAll();
        else return;
        event.accepted = true;
    }

    Flickable {
        id: flick
        objectName: "designFlick"
        anchors.fill: parent
        interactive: false
        contentWidth: Math.max(width, canvas.width + 2 * root.margin)
        contentHeight: Math.max(height, canvas.height + 2 * root.margin)
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}

        Item {
            id: surface
            objectName: "designSurface"
            width: flick.contentWidth
            height: flick.contentHeight

            LayoutCanvas {
                id: canvas
                objectName: "layoutCanvas"
                x: Math.round((surface.width - width) / 2)
                y: Math.round((surface.height - height) / 2)
                width: implicitWidth
                height: implicitHeight
                controller: root.controller
                zoom: root.zoom
            }

            // Press, drag and release anywhere on the surface: select, move, or a rubber band.
            MouseArea {
                id: area
                anchors.fill: parent
                acceptedButtons: Qt.LeftButton
                onPressed: mouse => {
                    root.forceActiveFocus();
                    const mmX = root.toMm(mouse.x - canvas.x);
                    const mmY = root.toMm(mouse.y - canvas.y);
                    const id = root.controller.objectAt(mmX, mmY);
                    const extend = (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)) !== 0;
                    root.pressAt = Qt.point(mouse.x, mouse.y);
                    root.moved = false;
                    root.pressedInSelection = !extend && root.controller.selectionCount > 1
                            && root.controller.isSelected(id) ? id : "";
                    if (id !== "") {
                        if (extend)
                            root.controller.toggle(id);
                        else
                            root.controller.select(id);
                        if (root.controller.isSelected(id)) {
                            root.controller.beginGesture();
                            root.gesture = 1;
                        }
                    } else {
                        if (!extend)
                            root.controller.clearSelection();
                        root.gesture = 2;
                    }
                }
                onPositionChanged: mouse => {
                    root.moved = true;
                    if (root.gesture === 1)
                        root.controller.moveGesture(root.toMm(mouse.x - root.pressAt.x), root.toMm(mouse.y - root.pressAt.y), root.toMm(6));
                    band.x = Math.min(mouse.x, root.pressAt.x);
                    band.y = Math.min(mouse.y, root.pressAt.y);
                    band.width = Math.abs(mouse.x - root.pressAt.x);
                    band.height = Math.abs(mouse.y - root.pressAt.y);
                }
                onReleased: mouse => {
                    if (root.gesture === 1)
                        root.controller.endGesture();
                    if (root.gesture === 1 && !root.moved && root.pressedInSelection !== "") {
                        root.controller.clearSelection();
                        root.controller.select(root.pressedInSelection);
                    }
                    else if (root.gesture === 2 && root.moved)
                        root.controller.selectInRect(root.toMm(band.x - canvas.x), root.toMm(band.y - canvas.y),
                                                     root.toMm(band.width), root.toMm(band.height),
                                                     (mouse.modifiers & (Qt.ShiftModifier | Qt.ControlModifier)) !== 0);
                    root.gesture = 0;
                }
                onCanceled: {
                    if (root.gesture === 1)
                        root.controller.endGesture();
                    root.gesture = 0;
                }
            }

            // Ctrl+wheel zooms; the wheel scrolls a label larger than the view, Shift+wheel across (as in other
            // label designers). acceptedModifiers must be every modifier: a handler takes only an exact match.
            WheelHandler {
                acceptedModifiers: Qt.KeyboardModifierMask
                onWheel: event => {
                    if (event.modifiers & Qt.ControlModifier) {
                        if (event.angleDelta.y !== 0)
                            root.zoomTo(root.zoom * (event.angleDelta.y > 0 ? 1.15 : 1 / 1.15));
                        return;
                    }
                    const across = (event.modifiers & Qt.ShiftModifier) !== 0;
                    const dx = across ? event.angleDelta.y : event.angleDelta.x;
                    const dy = across ? 0 : event.angleDelta.y;
                    const step = 48 / 120; // pixels per eighth of a degree: 48 px a notch
                    flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, flick.contentX - dx * step));
                    flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, flick.contentY - dy * step));
                }
            }

            Rectangle {
                id: band
                objectName: "rubberBand"
                visible: root.gesture === 2 && root.moved
                color: "#200f8b8d"
                border.color: Theme.accent
            }

            // Each object's frame: blue when selected, a red mark with the reason when something is wrong.
            Repeater {
                model: root.controller.objects
                delegate: DesignObjectFrame {
                    controller: root.controller
                    zoom: root.zoom
                    originX: canvas.x
                    originY: canvas.y
                }
            }
        }
    }
}
