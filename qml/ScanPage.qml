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

    function chooseSession() {
        // Keep the chosen session while it is active; otherwise take the most recently active one.
        const active = SessionsController.activeSessions;
        for (let i = 0; i < active.length; ++i) {
            if (active[i].sessionId === ScanController.sessionId)
                return;
        }
        ScanController.sessionId = active.length > 0 ? active[0].sessionId : "";
    }

    background: Rectangle {
        color: Theme.surface
    }

    Component.onCompleted: root.chooseSession()

    Connections {
        target: SessionsController
        function onActiveSessionsChanged() {
            root.chooseSession();
        }
        function onSessionCreated(id: string) {
            ScanController.sessionId = id;
        }
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
            Layout.preferredWidth: 320
            model: SessionsController.activeSessions
            textRole: "title"
            valueRole: "sessionId"
            displayText: count === 0 ? qsTr("No active session") : currentText
            currentIndex: indexOfValue(ScanController.sessionId)
            onActivated: ScanController.sessionId = currentValue
        }
        Button {
            text: qsTr("New session")
            flat: true
            onClicked: SessionsController.createSession("barcode_scan", {})
        }
        Item {
            Layout.fillWidth: true
        }
        StatChip {
            label: qsTr("fps")
            value: root.stats.fps
            visible: ScanController.sourceState === "running"
        }
        StatChip {
            label: qsTr("decode")
            value: root.stats.decodeMs + " ms"
            visible: ScanController.sourceState === "running"
        }
        StatChip {
            label: qsTr("dropped")
            value: root.stats.droppedPercent + " %"
            visible: ScanController.sourceState === "running"
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
