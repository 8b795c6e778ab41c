// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Shown while the store opens, and when it cannot be used: what is wrong, where, and what to do.
Rectangle {
    id: root

    color: Theme.surface

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 640)
        spacing: Theme.spacing

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: AppController.storeOpening
            visible: AppController.storeOpening
        }
        Label {
            Layout.fillWidth: true
            visible: !AppController.storeOpening
            text: qsTr("The local store cannot be used")
            font.pixelSize: 22
            font.bold: true
            color: Theme.bad
            wrapMode: Text.WordWrap
        }
        Label {
            Layout.fillWidth: true
            text: AppController.storeOpening ? qsTr("Opening %1…").arg(AppController.databasePath) : AppController.storeError
            wrapMode: Text.WordWrap
            font.pixelSize: 15
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            visible: !AppController.storeOpening
            text: qsTr("Your data has not been changed. Fix the problem above and try again, or start Closient Station with --db to use another file.")
            wrapMode: Text.WordWrap
            color: Theme.muted
        }
        RowLayout {
            visible: !AppController.storeOpening
            spacing: Theme.spacing
            Button {
                text: qsTr("Try again")
                highlighted: true
                onClicked: AppController.openStore()
            }
            Button {
                text: qsTr("Quit")
                flat: true
                onClicked: Qt.quit()
            }
        }
    }
}
