// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One capture, or one refused scan, in a session's live list.
Rectangle {
    id: delegate

    required property bool rejected
    required property string timeText
    required property string captureType
    required property string rawValue
    required property string summary
    required property var parse
    required property string status
    required property string reason
    required property string source

    implicitHeight: layout.implicitHeight + 16
    radius: Theme.radius
    color: delegate.rejected ? Theme.badBackground : Theme.card
    border.color: delegate.rejected ? "#f3c1bd" : Theme.border

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 8
        anchors.leftMargin: 12
        spacing: 14

        Label {
            Layout.alignment: Qt.AlignTop
            text: delegate.timeText
            font.family: Theme.monoFont
            color: Theme.muted
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            Label {
                Layout.fillWidth: true
                text: delegate.rejected ? qsTr("Not captured: %1").arg(delegate.reason) : delegate.summary
                color: delegate.rejected ? Theme.bad : Theme.text
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: delegate.rawValue
                font.family: Theme.monoFont
                font.pixelSize: 12
                color: Theme.muted
                elide: Text.ElideRight
            }
            ParsePreview {
                Layout.fillWidth: true
                visible: !delegate.rejected && (delegate.parse.gs1 ?? false)
                parse: delegate.parse
            }
        }

        ColumnLayout {
            Layout.alignment: Qt.AlignTop
            spacing: 4
            StatusBadge {
                Layout.alignment: Qt.AlignRight
                status: delegate.status
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: delegate.rejected ? delegate.source : delegate.captureType.toLowerCase() + (delegate.source !== "" ? " · " + delegate.source : "")
                color: Theme.muted
                font.pixelSize: 11
            }
        }
    }
}
