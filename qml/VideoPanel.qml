// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import Closient.Station.Models
import Closient.Station.Ui

// The live picture: camera, video file or images, with the codes outlined and the last outcome below.
Rectangle {
    id: root

    radius: Theme.radius
    color: "#10161f"
    clip: true

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            VideoOutput {
                id: video
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
                Component.onCompleted: ScanController.videoSink = video.videoSink
            }
            CodeOverlay {
                anchors.fill: parent
                marks: ScanController.marks
                frameWidth: ScanController.frameWidth
                frameHeight: ScanController.frameHeight
                contentRect: video.contentRect
            }

            // What the source says, on a panel of its own: the last image stays on screen behind it.
            Rectangle {
                anchors.centerIn: parent
                width: hint.width + 32
                height: hint.implicitHeight + 24
                radius: Theme.radius
                color: "#d90f1722"
                visible: hint.visible
            }
            ColumnLayout {
                id: hint
                anchors.centerIn: parent
                width: Math.min(parent.width - 40, 460)
                visible: ScanController.sourceState !== ScanController.Running
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: ScanController.sourceStatus
                    color: ScanController.sourceState === ScanController.Error || ScanController.sourceState === ScanController.Unavailable ? "#ffb4ab" : "#c9d6e8"
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    font.pixelSize: 15
                }
                Label {
                    Layout.fillWidth: true
                    visible: ScanController.sourceState === ScanController.Stopped || ScanController.sourceState === ScanController.Finished
                    text: qsTr("You can also drop image or video files here. Hand scanners work at any time.")
                    color: "#8a9bb3"
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                }
            }

            DropArea {
                anchors.fill: parent
                onDropped: drop => {
                    if (drop.hasUrls)
                        ScanController.openFiles(drop.urls);
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 44
            visible: ScanController.messageKind !== ScanController.None
            color: ScanController.messageKind === ScanController.Captured ? "#1e5b34" : ScanController.messageKind === ScanController.Duplicate ? "#1d4c7a" : ScanController.messageKind === ScanController.Notice ? "#6b4a00" : "#7a2520"
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    objectName: "scanMessage"
                    text: ScanController.message
                    color: "white"
                    font.bold: true
                    elide: Text.ElideRight
                    ToolTip.visible: truncated && messageHover.hovered
                    ToolTip.text: text
                    HoverHandler {
                        id: messageHover
                    }
                }
                Button {
                    visible: ScanController.canCaptureAgain
                    text: qsTr("Capture again")
                    onClicked: ScanController.captureAgain()
                }
            }
        }

        ToolBar {
            Layout.fillWidth: true
            background: Rectangle {
                color: "#1a2330"
            }
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                spacing: 6
                Button {
                    text: qsTr("Camera")
                    highlighted: ScanController.cameraSource
                    onClicked: ScanController.startCamera()
                }
                Button {
                    text: qsTr("Video file…")
                    onClicked: videoDialog.open()
                }
                Button {
                    text: qsTr("Images…")
                    onClicked: imageDialog.open()
                }
                Button {
                    objectName: "stopButton"
                    text: qsTr("Stop")
                    // Only something starting or running can be stopped: a file that could not be read, a camera
                    // that is not there or a video that has ended leaves nothing to stop.
                    enabled: ScanController.sourceState === ScanController.Running || ScanController.sourceState === ScanController.Starting
                    onClicked: ScanController.stopSource()
                }
                Switch {
                    visible: ScanController.torchAvailable
                    text: qsTr("Torch")
                    onToggled: ScanController.setTorch(checked)
                }
                Label {
                    Layout.fillWidth: true
                    Layout.minimumWidth: 0
                    Layout.rightMargin: Theme.spacing
                    horizontalAlignment: Text.AlignRight
                    text: ScanController.sourceState === ScanController.Running ? ScanController.sourceStatus : ""
                    color: "#c9d6e8"
                    elide: Text.ElideLeft
                    ToolTip.visible: truncated && sourceHover.hovered
                    ToolTip.text: text
                    HoverHandler {
                        id: sourceHover
                    }
                }
            }
        }
    }

    FileDialog {
        id: videoDialog
        title: qsTr("Open a video")
        nameFilters: [qsTr("Videos (*.avi *.mp4 *.mkv *.mov *.webm)"), qsTr("All files (*)")]
        onAccepted: ScanController.openFiles([videoDialog.selectedFile])
    }
    FileDialog {
        id: imageDialog
        title: qsTr("Open images")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.tif *.tiff)"), qsTr("All files (*)")]
        onAccepted: ScanController.openFiles(imageDialog.selectedFiles)
    }
}
