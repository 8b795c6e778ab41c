// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Workstation settings: every number with its unit, every choice with its label.
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
        // Its own size does not follow the content's, whose width follows the view's: no binding loop.
        implicitWidth: 640
        implicitHeight: 480
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            x: 20
            width: scroll.availableWidth - 40
            spacing: Theme.spacing

            Item {
                implicitHeight: 8
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Scan sessions")
                GridLayout {
                    width: parent.width
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
                        Accessible.name: qsTr("End idle sessions after, in minutes")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: ttl.value === 0 ? qsTr("minutes (0 = never)") : qsTr("minutes (%1 h)").arg((ttl.value / 60).toFixed(1))
                        color: Theme.muted
                        elide: Text.ElideRight
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Capturing")
                GridLayout {
                    width: parent.width
                    columns: 3
                    columnSpacing: Theme.spacing
                    Label {
                        text: qsTr("1D codes must be read")
                    }
                    SpinBox {
                        from: 1
                        to: 5
                        value: DeviceSettings.linearReads
                        onValueModified: DeviceSettings.linearReads = value
                        Accessible.name: qsTr("1D codes must be read, in frames")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("frames in a row (guards against misreads)")
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        text: qsTr("Do not capture a code again within")
                    }
                    SpinBox {
                        from: 0
                        to: 3600
                        value: DeviceSettings.duplicateWindowSeconds
                        editable: true
                        onValueModified: DeviceSettings.duplicateWindowSeconds = value
                        Accessible.name: qsTr("Do not capture a code again within, in seconds")
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("seconds (unless you ask; 0 = always capture)")
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                    }
                    CheckBox {
                        id: sounds
                        text: qsTr("Sounds")
                        checked: !DeviceSettings.muted
                        onToggled: DeviceSettings.muted = !checked
                    }
                    Label {
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        text: DeviceSettings.audioAvailable ? qsTr("Played on %1").arg(DeviceSettings.audioOutput) : qsTr("No sound device found: captures are shown on screen only. Plug in speakers or headphones and they are used at once.")
                        color: DeviceSettings.audioAvailable ? Theme.muted : Theme.warn
                        wrapMode: Text.WordWrap
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
                objectName: "accountGroup"
                Layout.fillWidth: true
                title: qsTr("Closient account")
                ColumnLayout {
                    width: parent.width
                    spacing: 8
                    Label {
                        objectName: "accountState"
                        Layout.fillWidth: true
                        text: SyncController.connected ? qsTr("Connected to %1 as %2 (%3) · %4").arg(SyncController.organisation).arg(SyncController.email).arg(SyncController.role).arg(SyncController.online ? qsTr("online") : qsTr("offline")) : qsTr("Not connected: captures and sessions are kept here until a key is set.")
                        wrapMode: Text.WordWrap
                        font.bold: SyncController.connected
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: SyncController.connected
                        text: SyncController.baseUrl
                        color: Theme.muted
                        font.family: Theme.monoFont
                        elide: Text.ElideRight
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        visible: !SyncController.connected
                        columns: 2
                        columnSpacing: Theme.spacing
                        Label {
                            text: qsTr("API key")
                        }
                        TextField {
                            id: apiKey
                            objectName: "apiKeyField"
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("csb_… (from Closient, Settings › API keys)")
                            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Closient API key")
                        }
                        Label {
                            text: qsTr("Server")
                        }
                        ComboBox {
                            id: server
                            objectName: "serverChoice"
                            Layout.fillWidth: true
                            textRole: "label"
                            valueRole: "value"
                            model: [
                                { value: "production", label: qsTr("Closient (www.closient.com)") },
                                { value: "testing", label: qsTr("Closient testing (www.closient.dev)") },
                                { value: "local", label: qsTr("Local (localhost:8000)") }
                            ]
                        }
                    }
                    Label {
                        objectName: "accountError"
                        Layout.fillWidth: true
                        visible: SyncController.accountError !== ""
                        text: SyncController.accountError
                        color: Theme.bad
                        wrapMode: Text.WordWrap
                    }
                    RowLayout {
                        Button {
                            objectName: "connectKeyButton"
                            visible: !SyncController.connected
                            text: SyncController.accountBusy ? qsTr("Checking…") : qsTr("Connect")
                            enabled: !SyncController.accountBusy && apiKey.text.trim() !== ""
                            highlighted: true
                            onClicked: {
                                SyncController.connectKey(apiKey.text.trim(), server.currentValue);
                                apiKey.clear();
                            }
                        }
                        Button {
                            objectName: "disconnectButton"
                            visible: SyncController.connected
                            text: qsTr("Disconnect")
                            enabled: !SyncController.accountBusy
                            onClicked: SyncController.disconnectKey()
                        }
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Store")
                ColumnLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        text: AppController.databasePath
                        font.family: Theme.monoFont
                        wrapMode: Text.WrapAnywhere
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Everything is saved here first and works offline.")
                        color: Theme.muted
                        wrapMode: Text.WordWrap
                    }
                }
            }

            Item {
                implicitHeight: 8
            }
        }
    }
}
