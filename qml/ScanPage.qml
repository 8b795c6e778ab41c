// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The Scan screen: live picture with the codes outlined, the session's running list, device status.
Page {
    id: root

    readonly property var stats: ScanController.stats

    signal newSessionRequested

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        title: qsTr("Scan")
        Label {
            Layout.leftMargin: Theme.spacing
            text: qsTr("into")
            color: Theme.muted
        }
        ComboBox {
            id: sessionBox
            objectName: "sessionBox"
            Layout.fillWidth: true
            Layout.maximumWidth: 300
            Layout.minimumWidth: 140
            model: ScanController.sessions
            textRole: "title"
            valueRole: "sessionId"
            displayText: count === 0 ? qsTr("No session takes barcodes") : currentIndex < 0 ? qsTr("Choose a session…") : currentText
            currentIndex: indexOfValue(ScanController.sessionId)
            onActivated: ScanController.sessionId = currentValue
            Accessible.name: qsTr("Session to capture into")
            ToolTip.visible: hovered && currentIndex >= 0
            ToolTip.text: currentText
        }
        Button {
            objectName: "scanNewSession"
            text: qsTr("New session")
            flat: true
            onClicked: root.newSessionRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Ctrl+N")
        }
        Item {
            Layout.fillWidth: true
        }
        StatChip {
            label: qsTr("fps")
            value: root.stats.fps
            visible: ScanController.sourceState === ScanController.Running
        }
        StatChip {
            label: qsTr("decode")
            value: root.stats.decodeMs + " ms"
            visible: ScanController.sourceState === ScanController.Running
        }
        StatChip {
            label: qsTr("dropped")
            value: root.stats.droppedPercent + " %"
            visible: ScanController.sourceState === ScanController.Running
        }
        StatChip {
            label: qsTr("decoder restarts")
            value: root.stats.restarts
            visible: root.stats.restarts > 0
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        VideoPanel {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        ScanSidePanel {
            Layout.preferredWidth: 420
            Layout.fillHeight: true
        }
    }
}
