// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Workstation settings.
Page {
    id: root

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        title: qsTr("Settings")
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: 20
        spacing: Theme.spacing

        GroupBox {
            Layout.fillWidth: true
            title: qsTr("Scan sessions")
            GridLayout {
                columns: 3
                columnSpacing: Theme.spacing
                Label {
                    text: qsTr("End idle sessions after")
                }
                SpinBox {
                    id: ttl
                    from: 0
                    to: 10080
                    stepSize: 30
                    editable: true
                    value: SessionsController.ttlMinutes
                    onValueModified: SessionsController.ttlMinutes = ttl.value
                }
                Label {
                    text: ttl.value === 0 ? qsTr("minutes (never)") : qsTr("minutes (%1 h)").arg((ttl.value / 60).toFixed(1))
                    color: Theme.muted
                }
            }
        }

        GroupBox {
            Layout.fillWidth: true
            title: qsTr("Store")
            ColumnLayout {
                Label {
                    text: AppController.databasePath
                    font.family: Theme.monoFont
                }
                Label {
                    text: qsTr("Everything is saved here first and works offline.")
                    color: Theme.muted
                }
            }
        }
    }
}
