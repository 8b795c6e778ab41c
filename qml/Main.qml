// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Closient.Station.Models

ApplicationWindow {
    id: root

    property string area: AppController.startArea

    // Shown by the application once it has been given a size and place that fit the screen.
    minimumWidth: 800
    minimumHeight: 480
    visible: false
    title: qsTr("Closient Station")

    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent

    Component.onCompleted: AppController.openStore()

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: AppController.storeReady

        NavigationRail {
            Layout.fillHeight: true
            current: root.area
            onSelected: name => root.area = name
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.area === "scan" ? 1 : root.area === "labels" ? 2 : root.area === "settings" ? 3 : root.area === "counts" ? 4 : root.area === "sync" ? 5 : root.area === "review" ? 6 : 0

            SessionsArea {
                id: sessionsArea
                onNewSessionRequested: newSessionDialog.open()
            }
            ScanPage {
                onNewSessionRequested: newSessionDialog.open()
            }
            LabelsPage {}
            SettingsPage {}
            CountsPage {}
            SyncPage {
                onSettingsRequested: root.area = "settings"
            }
            ReviewPage {}
        }
    }

    // Ctrl+N starts a session from anywhere. From the Scan screen the new session is what it captures into;
    // from anywhere else its page opens.
    Shortcut {
        sequence: "Ctrl+Q" // every capture is already saved when it is acknowledged
        onActivated: root.close()
    }
    Shortcut {
        sequence: "Ctrl+N"
        enabled: AppController.storeReady
        onActivated: newSessionDialog.open()
    }
    NewSessionDialog {
        id: newSessionDialog
        onCreated: id => {
            if (root.area === "scan") {
                ScanController.sessionId = id;
            } else {
                root.area = "sessions";
                sessionsArea.openSession(id);
            }
        }
    }

    StoreErrorPage {
        anchors.fill: parent
        visible: !AppController.storeReady
    }

    footer: StatusBar {}
}
