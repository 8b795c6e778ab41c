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

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

    ColumnLayout {
        width: scroll.availableWidth - 40
        x: 20
        y: 20
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
            title: qsTr("Capturing")
            GridLayout {
                columns: 3
                columnSpacing: Theme.spacing
                Label {
                    text: qsTr("1D codes must be read")
                }
                SpinBox {
                    from: 1
                    to: 5
                    value: ScanController.linearReads
                    onValueModified: ScanController.linearReads = value
                }
                Label {
                    text: qsTr("times in a row (guards against misreads)")
                    color: Theme.muted
                }
                Label {
                    text: qsTr("Do not capture a code again within")
                }
                SpinBox {
                    from: 0
                    to: 3600
                    value: ScanController.duplicateWindowSeconds
                    editable: true
                    onValueModified: ScanController.duplicateWindowSeconds = value
                }
                Label {
                    text: qsTr("seconds (unless you ask)")
                    color: Theme.muted
                }
                CheckBox {
                    Layout.columnSpan: 3
                    text: qsTr("Sounds")
                    checked: !ScanController.muted
                    onToggled: ScanController.muted = !checked
                }
            }
        }

        CameraSettings {
            Layout.fillWidth: true
        }

        ScannerSettings {
            Layout.fillWidth: true
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
}
