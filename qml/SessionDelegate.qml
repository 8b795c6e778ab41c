// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One row of the sessions list.
ItemDelegate {
    id: delegate

    required property string sessionId
    required property string title
    required property string status
    required property bool active
    required property string modeText
    required property string metadataText
    required property string createdText
    required property string lastActivityText
    required property int captureCount
    required property int photoCount
    required property int rejectedCount

    signal open(string id)
    signal end(string id)

    implicitHeight: 74
    onClicked: delegate.open(delegate.sessionId)

    background: Rectangle {
        radius: Theme.radius
        color: delegate.hovered ? "#f0f4f8" : Theme.card
        border.color: Theme.border
    }

    contentItem: RowLayout {
        spacing: 16

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            RowLayout {
                spacing: 10
                Label {
                    text: delegate.title
                    font.pixelSize: 15
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.maximumWidth: 460
                }
                StatusBadge {
                    status: delegate.status
                }
            }
            Label {
                Layout.fillWidth: true
                text: delegate.modeText + "  ·  " + qsTr("started %1").arg(delegate.createdText) + "  ·  " + qsTr("last activity %1").arg(delegate.lastActivityText)
                color: Theme.muted
                font.pixelSize: 12
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: delegate.metadataText !== ""
                text: delegate.metadataText
                color: Theme.muted
                font.pixelSize: 12
                elide: Text.ElideRight
            }
        }

        ColumnLayout {
            spacing: 0
            Label {
                Layout.alignment: Qt.AlignRight
                text: delegate.captureCount
                font.pixelSize: 20
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: delegate.captureCount === 1 ? qsTr("capture") : qsTr("captures")
                font.pixelSize: 11
                color: Theme.muted
            }
        }
        ColumnLayout {
            spacing: 0
            visible: delegate.photoCount > 0
            Label {
                Layout.alignment: Qt.AlignRight
                text: delegate.photoCount
                font.pixelSize: 20
                font.bold: true
                color: Theme.text
            }
            Label {
                text: delegate.photoCount === 1 ? qsTr("photo") : qsTr("photos")
                font.pixelSize: 11
                color: Theme.muted
            }
        }
        Label {
            visible: delegate.rejectedCount > 0
            text: qsTr("%1 refused").arg(delegate.rejectedCount)
            color: Theme.bad
            font.pixelSize: 12
        }
        Button {
            visible: delegate.active
            text: qsTr("End")
            flat: true
            onClicked: delegate.end(delegate.sessionId)
        }
    }
}
