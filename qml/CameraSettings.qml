// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Which camera the Scan screen starts, at which resolution.
GroupBox {
    id: root

    title: qsTr("Cameras")

    ColumnLayout {
        width: parent.width
        spacing: 8

        Label {
            visible: DeviceSettings.cameras.length === 0
            text: qsTr("No camera is connected. Plug one in; video files and images work without one.")
            color: Theme.muted
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Repeater {
            model: DeviceSettings.cameras
            delegate: RowLayout {
                id: camera
                required property var modelData
                Layout.fillWidth: true
                spacing: 10
                RadioButton {
                    Layout.fillWidth: true
                    text: camera.modelData.name + (camera.modelData.isDefault ? qsTr(" (system default)") : "")
                    checked: DeviceSettings.cameraId === camera.modelData.id || (DeviceSettings.cameraId === "" && camera.modelData.isDefault)
                    onToggled: DeviceSettings.cameraId = camera.modelData.id
                }
                Label {
                    text: qsTr("Resolution")
                }
                ComboBox {
                    Layout.preferredWidth: 160
                    model: [qsTr("Automatic")].concat(camera.modelData.resolutions)
                    onActivated: index => DeviceSettings.cameraResolution = index === 0 ? "" : currentText
                    Accessible.name: qsTr("Resolution of %1").arg(camera.modelData.name)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: qsTr("Look again")
                flat: true
                onClicked: DeviceSettings.refreshDevices()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Without a choice the Scan screen uses the system's default camera, at up to 1280 × 720 pixels.")
                color: Theme.muted
                font.pixelSize: 12
                wrapMode: Text.WordWrap
            }
        }
    }
}
