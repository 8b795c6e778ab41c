// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One line of the Scan screen's running list.
Rectangle {
    id: delegate

    required property bool rejected
    required property string timeText
    required property string summary
    required property string rawValue
    required property string reason
    required property string source
    required property bool voided

    implicitHeight: column.implicitHeight + 10
    radius: 4
    color: delegate.rejected ? Theme.badBackground : "#f7f9fb"

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 5
        anchors.leftMargin: 8
        spacing: 1
        RowLayout {
            Label {
                text: delegate.timeText
                font.family: Theme.monoFont
                font.pixelSize: 11
                color: Theme.muted
            }
            Label {
                Layout.fillWidth: true
                text: delegate.rejected ? qsTr("Not captured: %1").arg(delegate.reason) : delegate.voided ? qsTr("Voided: %1").arg(delegate.summary) : delegate.summary
                color: delegate.rejected ? Theme.bad : delegate.voided ? Theme.muted : Theme.text
                font.bold: true
                font.strikeout: delegate.voided
                font.pixelSize: 12
                elide: Text.ElideRight
                ToolTip.visible: truncated && summaryHover.hovered
                ToolTip.text: text
                HoverHandler {
                    id: summaryHover
                }
            }
        }
        Label {
            Layout.fillWidth: true
            text: delegate.rawValue + "  ·  " + delegate.source
            font.family: Theme.monoFont
            font.pixelSize: 10
            color: Theme.muted
            elide: Text.ElideMiddle
            ToolTip.visible: truncated && rawHover.hovered
            ToolTip.text: text
            HoverHandler {
                id: rawHover
            }
        }
    }
}
