// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The job's own PDF, rendered by Poppler page by page: what you see is what prints. On the first page the labels
// already used on the sheet are greyed out and the start label is marked; click a label to start there.
Rectangle {
    id: root

    property int page: 0
    property real zoom: 1
    readonly property var sheet: LabelsController.options.sheet
    readonly property int pages: LabelsController.preview.state === LabelPreview.Ready || LabelsController.preview.state === LabelPreview.Rendering ? LabelsController.preview.pages : 0
    readonly property real aspect: LabelsController.preview.pageAspect > 0 ? LabelsController.preview.pageAspect : root.sheet.pageWidth > 0 ? root.sheet.pageHeight / root.sheet.pageWidth : 11 / 8.5
    readonly property real fitWidth: Math.max(100, Math.min(flick.width - 32, (flick.height - 32) / root.aspect))

    radius: Theme.radius
    color: "#e4e8ee"
    border.color: Theme.border
    clip: true

    onPagesChanged: root.page = Math.min(root.page, Math.max(0, root.pages - 1))

    component BarButton: ToolButton {
        implicitWidth: Math.max(36, implicitContentWidth + 12)
        ToolTip.visible: hovered && ToolTip.text !== ""
        ToolTip.delay: 500
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ToolBar {
            id: toolbar
            Layout.fillWidth: true
            background: Rectangle {
                color: Theme.card
                radius: Theme.radius
            }
            // Narrow (a 1024 px screen): the page reads "1 / 2" and the label count moves into the tooltip, so the
            // buttons never overlap.
            readonly property bool narrow: width < 420

            RowLayout {
                id: toolbarRow
                objectName: "previewToolbar"
                anchors.fill: parent
                anchors.leftMargin: 4
                anchors.rightMargin: 4
                spacing: 0
                BarButton {
                    text: "‹"
                    enabled: root.page > 0
                    onClicked: root.page -= 1
                    ToolTip.text: qsTr("Previous page (Page Up)")
                }
                Label {
                    objectName: "pageLabel"
                    text: root.pages === 0 ? qsTr("No pages")
                          : toolbar.narrow ? qsTr("%1 / %2").arg(root.page + 1).arg(root.pages)
                          : qsTr("Page %1 of %2").arg(root.page + 1).arg(root.pages)
                    color: Theme.text
                }
                BarButton {
                    text: "›"
                    enabled: root.page < root.pages - 1
                    onClicked: root.page += 1
                    ToolTip.text: qsTr("Next page (Page Down)")
                }
                Label {
                    id: countLabel
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    Layout.leftMargin: 4
                    Layout.rightMargin: 4
                    horizontalAlignment: Text.AlignRight
                    text: LabelsController.preview.state === LabelPreview.Ready
                          ? (LabelsController.preview.labels === 1 ? qsTr("1 label") : qsTr("%1 labels").arg(LabelsController.preview.labels))
                          : LabelsController.preview.state === LabelPreview.Rendering ? qsTr("laying out…") : ""
                    color: Theme.muted
                    elide: Text.ElideLeft
                    HoverHandler {
                        id: countHover
                    }
                    ToolTip.visible: countHover.hovered && countLabel.truncated
                    ToolTip.text: countLabel.text
                }
                BarButton {
                    text: "−"
                    enabled: root.zoom > 0.5
                    onClicked: root.zoom = Math.max(0.5, root.zoom / 1.25)
                    ToolTip.text: qsTr("Zoom out (Ctrl+−)")
                }
                BarButton {
                    text: qsTr("Fit")
                    onClicked: root.zoom = 1
                    ToolTip.text: qsTr("The whole page")
                }
                BarButton {
                    text: "+"
                    enabled: root.zoom < 8
                    onClicked: root.zoom = Math.min(8, root.zoom * 1.25)
                    ToolTip.text: qsTr("Zoom in (Ctrl++)")
                }
            }
        }

        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: Math.max(width, paper.width + 32)
            contentHeight: Math.max(height, paper.height + 32)
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}
            visible: LabelsController.preview.state === LabelPreview.Ready || LabelsController.preview.state === LabelPreview.Rendering

            Rectangle {
                id: paper
                x: Math.max(16, (flick.contentWidth - width) / 2)
                y: 16
                width: root.fitWidth * root.zoom
                height: width * root.aspect
                color: "white"
                border.color: "#c3cad4"

                Image {
                    id: pageImage
                    objectName: "pageImage"
                    anchors.fill: parent
                    asynchronous: true
                    cache: false
                    fillMode: Image.PreserveAspectFit
                    sourceSize.width: Math.min(4000, Math.round(paper.width * Screen.devicePixelRatio))
                    // previewPath is named so that a new preview with as many pages loads too.
                    source: root.pages > 0 && LabelsController.preview.path !== "" ? LabelsController.preview.pageSource(root.page) : ""
                    opacity: LabelsController.preview.state === LabelPreview.Rendering ? 0.45 : 1
                }

                // Start position: used labels greyed, the first one to print marked. Only on the first sheet.
                Repeater {
                    model: root.page === 0 && !LabelsController.preview.labelPages ? root.sheet.cells : []
                    delegate: Rectangle {
                        id: cell
                        required property var modelData
                        required property int index
                        readonly property bool used: cell.index < LabelsController.options.startPosition - 1
                        readonly property bool start: cell.index === LabelsController.options.startPosition - 1
                        x: cell.modelData.x * paper.width
                        y: cell.modelData.y * paper.height
                        width: cell.modelData.width * paper.width
                        height: cell.modelData.height * paper.height
                        radius: root.sheet.round ? width / 2 : 2
                        color: cell.used ? Qt.rgba(0.55, 0.6, 0.66, 0.35) : cellMouse.containsMouse ? Qt.rgba(0.06, 0.55, 0.55, 0.12) : "transparent"
                        border.width: cell.start ? 2 : cellMouse.containsMouse ? 1 : 0
                        border.color: Theme.accent

                        Label {
                            anchors.centerIn: parent
                            visible: cell.used && cell.width > 28
                            text: qsTr("used")
                            font.pixelSize: Math.max(8, Math.min(12, cell.height / 4))
                            color: "#445"
                        }
                        Rectangle {
                            visible: cell.start
                            anchors.left: parent.left
                            anchors.bottom: parent.top
                            anchors.bottomMargin: -2
                            width: startTag.implicitWidth + 8
                            height: startTag.implicitHeight + 2
                            color: Theme.accent
                            radius: 2
                            Label {
                                id: startTag
                                anchors.centerIn: parent
                                text: qsTr("start %1").arg(LabelsController.options.startPosition)
                                color: "white"
                                font.pixelSize: 10
                            }
                        }
                        MouseArea {
                            id: cellMouse
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: LabelsController.options.startPosition = cell.index + 1
                            ToolTip.visible: containsMouse
                            ToolTip.delay: 600
                            ToolTip.text: qsTr("Start on label %1 (the ones before it are used up)").arg(cell.index + 1)
                        }
                    }
                }
            }

            WheelHandler {
                acceptedModifiers: Qt.ControlModifier
                onWheel: event => root.zoom = Math.max(0.5, Math.min(8, root.zoom * (event.angleDelta.y > 0 ? 1.15 : 1 / 1.15)))
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !flick.visible
            Label {
                anchors.centerIn: parent
                width: Math.min(parent.width - 40, 440)
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: LabelsController.preview.state === LabelPreview.Failed ? qsTr("These labels cannot be made:\n%1").arg(LabelsController.preview.message)
                                                                  : LabelsController.preview.message
                color: LabelsController.preview.state === LabelPreview.Failed ? Theme.bad : Theme.muted
                font.pixelSize: 15
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: LabelsController.preview.state === LabelPreview.Rendering || pageImage.status === Image.Loading
    }

    Shortcut {
        sequence: "PgUp"
        onActivated: root.page = Math.max(0, root.page - 1)
    }
    Shortcut {
        sequence: "PgDown"
        onActivated: root.page = Math.min(root.pages - 1, root.page + 1)
    }
    Shortcut {
        sequence: "Ctrl++"
        onActivated: root.zoom = Math.min(8, root.zoom * 1.25)
    }
    Shortcut {
        sequence: "Ctrl+-"
        onActivated: root.zoom = Math.max(0.5, root.zoom / 1.25)
    }
}
