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
    required property string captureId
    required property bool voided
    required property string voidText
    required property bool edited
    required property string originalRawValue
    required property bool editable
    required property bool voidable
    required property string productName
    required property bool sent

    signal voidRequested(string captureId, string summary)
    signal editRequested(string captureId, string rawValue)

    implicitHeight: layout.implicitHeight + 16
    radius: Theme.radius
    color: delegate.rejected ? Theme.badBackground : delegate.voided ? Theme.surface : Theme.card
    opacity: delegate.voided ? 0.75 : 1
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
                color: delegate.rejected ? Theme.bad : delegate.voided ? Theme.muted : Theme.text
                font.bold: true
                font.strikeout: delegate.voided
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "productName"
                Layout.fillWidth: true
                visible: !delegate.rejected && delegate.productName !== ""
                text: delegate.productName
                color: Theme.accent
                elide: Text.ElideRight
            }
            Label {
                objectName: "voidText"
                Layout.fillWidth: true
                visible: delegate.voided
                text: delegate.voidText
                color: Theme.bad
                font.pixelSize: 12
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: delegate.rawValue
                font.family: Theme.monoFont
                font.pixelSize: 12
                font.strikeout: delegate.voided
                color: Theme.muted
                elide: Text.ElideRight
                ToolTip.visible: truncated && rawHover.hovered
                ToolTip.text: text
                HoverHandler {
                    id: rawHover
                }
            }
            Label {
                Layout.fillWidth: true
                visible: delegate.edited
                text: qsTr("Corrected; first typed as %1").arg(delegate.originalRawValue)
                color: Theme.warn
                font.pixelSize: 12
                elide: Text.ElideRight
            }
            ParsePreview {
                Layout.fillWidth: true
                visible: !delegate.rejected && !delegate.voided && (delegate.parse.gs1 ?? false)
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
                objectName: "sentText"
                Layout.alignment: Qt.AlignRight
                visible: !delegate.rejected
                text: delegate.sent ? qsTr("on Closient") : qsTr("not sent yet")
                color: delegate.sent ? Theme.good : Theme.muted
                font.pixelSize: 11
            }
            Label {
                Layout.alignment: Qt.AlignRight
                text: delegate.rejected ? delegate.source : delegate.captureType.toLowerCase() + (delegate.source !== "" ? " · " + delegate.source : "")
                color: Theme.muted
                font.pixelSize: 11
            }
            ToolButton {
                objectName: "captureMenuButton"
                Layout.alignment: Qt.AlignRight
                visible: delegate.voidable || delegate.editable
                text: "⋯"
                focusPolicy: Qt.NoFocus
                Accessible.name: qsTr("Capture actions")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Void or correct this capture")
                onClicked: menu.popup()
                Menu {
                    id: menu
                    objectName: "captureMenu"
                    MenuItem {
                        objectName: "editCaptureItem"
                        text: qsTr("Correct…")
                        enabled: delegate.editable
                        onTriggered: delegate.editRequested(delegate.captureId, delegate.rawValue)
                    }
                    MenuItem {
                        objectName: "voidCaptureItem"
                        text: qsTr("Void…")
                        enabled: delegate.voidable
                        onTriggered: delegate.voidRequested(delegate.captureId, delegate.summary)
                    }
                }
            }
        }
    }
}
