// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The designer's tools: the layout's file actions, undo and redo, adding objects, arranging them, and the view
// (zoom, grid, snapping). Narrow screens fold the labels into tooltips.
ToolBar {
    id: root

    required property DesignerController controller
    required property DesignCanvas canvas
    readonly property bool narrow: root.width < 900
    signal newLayout
    signal saveAs
    signal rename
    signal removeLayout
    signal addImage

    component Tool: ToolButton {
        id: tool
        property string tip
        implicitWidth: Math.max(34, implicitContentWidth + 12)
        ToolTip.visible: hovered && tool.tip !== ""
        ToolTip.text: tool.tip
        ToolTip.delay: 500
        focusPolicy: Qt.NoFocus
    }

    background: Rectangle {
        color: Theme.card
        radius: Theme.radius
        border.color: Theme.border
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Tool {
            text: qsTr("Layout")
            onClicked: fileMenu.open()
            Menu {
                id: fileMenu
                objectName: "designFileMenu"
                y: parent.height
                MenuItem { text: qsTr("New layout…"); onTriggered: root.newLayout() }
                MenuItem {
                    text: qsTr("Save")
                    enabled: !root.controller.builtIn
                    onTriggered: root.controller.save()
                }
                MenuItem { text: qsTr("Save as…"); onTriggered: root.saveAs() }
                MenuItem {
                    text: qsTr("Rename…")
                    enabled: !root.controller.builtIn
                    onTriggered: root.rename()
                }
                MenuItem {
                    text: qsTr("Delete…")
                    enabled: !root.controller.builtIn && root.controller.saved
                    onTriggered: root.removeLayout()
                }
            }
        }
        Tool {
            objectName: "saveButton"
            text: qsTr("Save")
            tip: root.controller.builtIn ? qsTr("This layout ships with the station: use Save as") : qsTr("Save (Ctrl+S)")
            enabled: root.controller.dirty
            onClicked: root.controller.builtIn ? root.saveAs() : root.controller.save()
        }
        ToolSeparator {}
        Tool {
            objectName: "undoButton"
            text: "↶"
            tip: root.controller.canUndo ? qsTr("Undo %1 (Ctrl+Z)").arg(root.controller.undoText) : qsTr("Undo")
            enabled: root.controller.canUndo
            onClicked: root.controller.undo()
        }
        Tool {
            objectName: "redoButton"
            text: "↷"
            tip: root.controller.canRedo ? qsTr("Redo %1 (Ctrl+Shift+Z)").arg(root.controller.redoText) : qsTr("Redo")
            enabled: root.controller.canRedo
            onClicked: root.controller.redo()
        }
        ToolSeparator {}
        Tool {
            text: qsTr("Add")
            onClicked: addMenu.open()
            Menu {
                id: addMenu
                objectName: "designAddMenu"
                y: parent.height
                Menu {
                    title: qsTr("Symbol")
                    MenuItem { text: qsTr("GS1 DataMatrix"); onTriggered: root.controller.addSymbol(DesignerController.Gs1DataMatrix) }
                    MenuItem { text: qsTr("GS1 QR Code"); onTriggered: root.controller.addSymbol(DesignerController.Gs1Qr) }
                    MenuItem { text: qsTr("GS1 Digital Link QR"); onTriggered: root.controller.addSymbol(DesignerController.DigitalLinkQr) }
                    MenuItem { text: qsTr("GS1-128"); onTriggered: root.controller.addSymbol(DesignerController.Gs1_128) }
                    MenuItem { text: qsTr("EAN-13"); onTriggered: root.controller.addSymbol(DesignerController.Ean13) }
                    MenuItem { text: qsTr("UPC-A"); onTriggered: root.controller.addSymbol(DesignerController.UpcA) }
                    MenuItem { text: qsTr("ITF-14"); onTriggered: root.controller.addSymbol(DesignerController.Itf14) }
                    MenuItem { text: qsTr("GS1 DataBar"); onTriggered: root.controller.addSymbol(DesignerController.DataBar) }
                    MenuItem { text: qsTr("GS1 DataBar Expanded"); onTriggered: root.controller.addSymbol(DesignerController.DataBarExpanded) }
                }
                MenuItem { text: qsTr("Text"); onTriggered: root.controller.addText("") }
                MenuItem { text: qsTr("Image (PNG, SVG)…"); onTriggered: root.addImage() }
                MenuItem { text: qsTr("Line"); onTriggered: root.controller.addLine() }
                MenuItem { text: qsTr("Box"); onTriggered: root.controller.addBox() }
            }
        }
        Tool {
            text: qsTr("Arrange")
            enabled: root.controller.selectionCount > 0
            onClicked: arrangeMenu.open()
            Menu {
                id: arrangeMenu
                objectName: "designArrangeMenu"
                y: parent.height
                MenuItem { text: qsTr("Align left"); onTriggered: root.controller.align(DesignerController.AlignLeft) }
                MenuItem { text: qsTr("Align centre"); onTriggered: root.controller.align(DesignerController.AlignCentre) }
                MenuItem { text: qsTr("Align right"); onTriggered: root.controller.align(DesignerController.AlignRight) }
                MenuItem { text: qsTr("Align top"); onTriggered: root.controller.align(DesignerController.AlignTop) }
                MenuItem { text: qsTr("Align middle"); onTriggered: root.controller.align(DesignerController.AlignMiddle) }
                MenuItem { text: qsTr("Align bottom"); onTriggered: root.controller.align(DesignerController.AlignBottom) }
                MenuSeparator {}
                MenuItem {
                    text: qsTr("Space evenly across")
                    enabled: root.controller.selectionCount >= 3
                    onTriggered: root.controller.distribute(true)
                }
                MenuItem {
                    text: qsTr("Space evenly down")
                    enabled: root.controller.selectionCount >= 3
                    onTriggered: root.controller.distribute(false)
                }
                MenuSeparator {}
                MenuItem { text: qsTr("Bring to front"); onTriggered: root.controller.order(DesignerController.ToFront) }
                MenuItem { text: qsTr("Bring forward"); onTriggered: root.controller.order(DesignerController.Forward) }
                MenuItem { text: qsTr("Send backward"); onTriggered: root.controller.order(DesignerController.Backward) }
                MenuItem { text: qsTr("Send to back"); onTriggered: root.controller.order(DesignerController.ToBack) }
                MenuSeparator {}
                MenuItem { text: qsTr("Copy"); onTriggered: root.controller.copy() }
                MenuItem { text: qsTr("Paste"); enabled: root.controller.canPaste; onTriggered: root.controller.paste() }
                MenuItem { text: qsTr("Delete"); onTriggered: root.controller.deleteSelection() }
            }
        }
        Tool {
            objectName: "rotateButton"
            text: "⟳"
            tip: qsTr("Rotate a quarter turn clockwise")
            enabled: root.controller.selectionCount > 0
            onClicked: root.controller.rotate(true)
        }
        Item { Layout.fillWidth: true }
        Tool {
            text: qsTr("Fit")
            tip: qsTr("The whole label in view")
            onClicked: root.canvas.fit()
        }
        Tool {
            text: "100%"
            tip: qsTr("Real size")
            onClicked: root.canvas.zoomTo(root.canvas.realSizeZoom)
        }
        Label {
            visible: !root.narrow
            text: qsTr("%1%").arg(Math.round(100 * root.canvas.zoom / root.canvas.realSizeZoom))
            color: Theme.muted
            Layout.minimumWidth: 44
        }
        Tool {
            text: qsTr("Grid")
            checkable: true
            checked: root.controller.snapToGrid
            tip: qsTr("Show the %1 mm grid and snap to it").arg(root.controller.gridSize)
            onToggled: {
                root.controller.snapToGrid = checked;
                root.canvas.canvas.showGrid = checked;
            }
        }
        Tool {
            text: qsTr("Snap")
            checkable: true
            checked: root.controller.snapToObjects
            tip: qsTr("Snap to other objects' edges and to the label's edges and centre")
            onToggled: root.controller.snapToObjects = checked
        }
    }
}
