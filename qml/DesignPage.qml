// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// The Labels screen's Design tab: the layouts by name on the left, the label drawn with real data in the middle
// (the first item of the Labels list), the current object's properties on the right.
Item {
    id: root

    readonly property DesignerController controller: LabelsController.designer
    readonly property bool compact: root.width < 1000
    readonly property alias canvas: canvas

    Shortcut {
        sequence: "Ctrl+S"
        enabled: root.visible
        onActivated: root.controller.builtIn ? names.ask(DesignNameDialog.SaveAs, root.controller.layoutName) : root.controller.save()
    }
    // Undo and redo wherever the focus is on this tab, the properties panel too: the canvas takes these keys first,
    // and a text field keeps its own undo while one types in it.
    Shortcut {
        sequence: "Ctrl+Z"
        enabled: root.visible && root.controller.canUndo
        onActivated: root.controller.undo()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Z", "Ctrl+Y"] // as the canvas takes them
        enabled: root.visible && root.controller.canRedo
        onActivated: root.controller.redo()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8

        DesignToolbar {
            controller: root.controller
            canvas: canvas
            Layout.fillWidth: true
            onNewLayout: unsaved.askThen(() => {
                names.stockId = "";
                names.stockName = "";
                names.ask(DesignNameDialog.New, "");
            })
            onSaveAs: names.ask(DesignNameDialog.SaveAs, qsTr("%1 (copy)").arg(root.controller.layoutName))
            onRename: names.ask(DesignNameDialog.Rename, root.controller.layoutName)
            onRemoveLayout: removeDialog.open()
            onAddImage: imageDialog.open()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            Pane {
                Layout.preferredWidth: root.compact ? 170 : 220
                Layout.fillHeight: true
                padding: 6
                background: Rectangle {
                    color: Theme.card
                    radius: Theme.radius
                    border.color: Theme.border
                }
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        text: qsTr("Layouts")
                        font.bold: true
                    }
                    ListView {
                        id: layoutList
                        objectName: "layoutList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: root.controller.layouts
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: entry
                            required property string name
                            required property string stock
                            required property bool builtIn
                            width: ListView.view.width
                            highlighted: entry.name === root.controller.layoutName
                            onClicked: if (entry.name !== root.controller.layoutName) unsaved.askThen(() => root.controller.openLayout(entry.name))
                            contentItem: ColumnLayout {
                                spacing: 0
                                Label {
                                    text: entry.name
                                    elide: Text.ElideRight
                                    font.bold: entry.highlighted
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: entry.builtIn ? qsTr("Ships with the station") : entry.stock
                                    elide: Text.ElideRight
                                    color: Theme.muted
                                    font.pixelSize: 11
                                    Layout.fillWidth: true
                                }
                            }
                            ToolTip.visible: hovered && entry.stock !== ""
                            ToolTip.text: entry.stock
                            ToolTip.delay: 600
                        }
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 4
                Label {
                    objectName: "designTitle"
                    text: (root.controller.dirty ? "● " : "") + root.controller.layoutName + (root.controller.stockName !== "" ? " · " + root.controller.stockName : "")
                    elide: Text.ElideRight
                    font.bold: true
                    Layout.fillWidth: true
                }
                DesignCanvas {
                    id: canvas
                    objectName: "designCanvas"
                    controller: root.controller
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumWidth: 280
                }
                Label {
                    objectName: "designStatus"
                    // A problem stops the label; a note (a box past the die-cut edge, cut there) does not.
                    readonly property bool noted: root.controller.status.text === "" && root.controller.problems.length > 0
                    text: root.controller.status.text !== "" ? root.controller.status.text
                          : root.controller.problems.length === 0 ? qsTr("Drawn with %1 · %2 objects").arg(root.controller.previewSource).arg(root.controller.objects.count)
                          : root.controller.printable
                            ? (root.controller.problems.length === 1 ? qsTr("Note: %1").arg(root.controller.problems[0])
                               : qsTr("%1 notes; first: %2").arg(root.controller.problems.length).arg(root.controller.problems[0]))
                          : root.controller.problems.length === 1 ? qsTr("Problem: %1").arg(root.controller.problems[0])
                          : qsTr("%1 problems; first: %2").arg(root.controller.problems.length).arg(root.controller.problems[0])
                    color: root.controller.status.severity === StatusMessage.Error || (noted && !root.controller.printable) ? Theme.bad
                         : root.controller.status.severity === StatusMessage.Warning || noted ? Theme.warn : Theme.muted
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    ToolTip.visible: statusHover.hovered && text !== ""
                    ToolTip.text: root.controller.statusDetails
                    HoverHandler {
                        id: statusHover
                    }
                }
            }

            DesignProperties {
                objectName: "designProperties"
                controller: root.controller
                Layout.preferredWidth: root.compact ? 250 : 300
                Layout.fillHeight: true
            }
        }
    }

    DesignNameDialog {
        id: names
        objectName: "designNameDialog"
        controller: root.controller
        onPickStock: stockPicker.open()
    }
    StockPickerDialog {
        id: stockPicker
        objectName: "stockPicker"
        stockId: names.stockId
        returnFocusTo: names.nameInput
        onChosen: id => {
            names.stockId = id;
            names.stockName = stockPicker.nameOf(id);
        }
    }
    DesignUnsavedDialog {
        id: unsaved
        objectName: "designUnsavedDialog"
        controller: root.controller
        onSaveAsRequested: names.ask(DesignNameDialog.SaveAs, root.controller.layoutName)
    }
    StationDialog {
        id: removeDialog
        objectName: "designRemoveDialog"
        title: qsTr("Delete layout")
        actionText: qsTr("Delete")
        preferredWidth: 440
        onAction: {
            root.controller.removeLayout(root.controller.layoutName);
            removeDialog.close();
        }
        contentItem: Label {
            text: qsTr("Delete the layout “%1”? Its file is removed; it stays open here until you leave it.").arg(root.controller.layoutName)
            wrapMode: Text.Wrap
        }
    }
    FileDialog {
        id: imageDialog
        title: qsTr("Add an image")
        nameFilters: [qsTr("Images (*.png *.svg *.jpg *.jpeg)")]
        onAccepted: root.controller.addImage(imageDialog.selectedFile)
    }
}
