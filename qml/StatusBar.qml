// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Where the data lives and what waits for the network: the workstation works offline, this says so.
ToolBar {
    id: root

    implicitHeight: 30
    background: Rectangle {
        color: Theme.card
        Rectangle {
            width: parent.width
            height: 1
            color: Theme.border
        }
    }

    // A code typed into a session's field has its answer on that page; what the status bar said about an earlier
    // scan is no longer the latest news.
    Connections {
        target: CaptureController
        function onCaptured() {
            ScanController.clearMessage();
        }
        function onRejected() {
            ScanController.clearMessage();
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: 18

        Label {
            text: AppController.storeReady ? qsTr("● Saved locally") : AppController.storeOpening ? qsTr("Opening the store…") : qsTr("● Store unavailable")
            color: AppController.storeReady ? Theme.good : Theme.bad
            font.pixelSize: 12
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 200
            visible: ScanController.messageKind === ScanController.None
            text: AppController.databasePath
            color: Theme.muted
            elide: Text.ElideMiddle
            font.pixelSize: 12
        }
        // What the last scan did, on every screen: a hand scanner works anywhere, so its answer shows anywhere.
        Label {
            objectName: "statusScanMessage"
            Layout.fillWidth: true
            Layout.preferredWidth: 200
            visible: ScanController.messageKind !== ScanController.None
            text: ScanController.message
            color: ScanController.messageKind === ScanController.Captured ? Theme.good : ScanController.messageKind === ScanController.Duplicate ? Theme.primary : ScanController.messageKind === ScanController.Notice ? Theme.warn : Theme.bad
            font.pixelSize: 12
            font.bold: true
            elide: Text.ElideRight
            ToolTip.visible: truncated && statusHover.hovered
            ToolTip.text: text
            HoverHandler {
                id: statusHover
            }
        }
        Label {
            text: AppController.pendingSync === 0 ? qsTr("Nothing waiting to sync") : AppController.pendingSync === 1 ? qsTr("1 change waiting to sync") : qsTr("%1 changes waiting to sync").arg(AppController.pendingSync)
            color: Theme.muted
            font.pixelSize: 12
        }
        Label {
            objectName: "onlineState"
            text: !SyncController.connected ? qsTr("Not connected") : SyncController.online ? qsTr("Online") : qsTr("Offline")
            color: SyncController.connected && !SyncController.online ? Theme.warn : Theme.muted
            font.pixelSize: 12
        }
        Label {
            text: "v" + AppController.version
            color: Theme.muted
            font.pixelSize: 12
        }
    }
}
