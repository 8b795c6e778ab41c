// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Beside the picture: the session's counts, a field for typed codes, and the running list of captures.
Rectangle {
    id: root

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        RowLayout {
            spacing: 18
            ColumnLayout {
                spacing: 0
                Label {
                    text: captures.capturedCount
                    font.pixelSize: 26
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    text: qsTr("captured")
                    color: Theme.muted
                    font.pixelSize: 11
                }
            }
            ColumnLayout {
                spacing: 0
                Label {
                    text: captures.rejectedCount
                    font.pixelSize: 26
                    font.bold: true
                    color: captures.rejectedCount > 0 ? Theme.bad : Theme.text
                }
                Label {
                    text: qsTr("refused")
                    color: Theme.muted
                    font.pixelSize: 11
                }
            }
            Item {
                Layout.fillWidth: true
            }
        }

        TextField {
            id: entry
            property bool capturesScans: true // scans with the focus here are captures, as anywhere outside a field
            Layout.fillWidth: true
            enabled: ScanController.sessionId !== ""
            font.family: Theme.monoFont
            placeholderText: ScanController.sessionId === "" ? qsTr("Choose a session above to capture") : qsTr("Type or paste a code, Enter captures")
            Accessible.name: qsTr("Code to capture")
            onTextEdited: ScanController.clearMessage()
            onAccepted: {
                if (entry.text.trim() !== "")
                    CaptureController.submitManual(ScanController.sessionId, entry.text);
            }
            Connections {
                target: CaptureController
                function onCaptured(sessionId: string) {
                    if (sessionId === ScanController.sessionId)
                        entry.clear();
                }
            }
        }

        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: CaptureListModel {
                id: captures
                source: CaptureController
                sessionId: ScanController.sessionId
            }
            ScrollBar.vertical: ScrollBar {}
            delegate: CompactCaptureDelegate {
                width: list.width
            }
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            visible: list.count === 0
            text: ScanController.sessionId === "" ? (ScanController.sessions.length > 0 ? qsTr("Choose a session above to capture") : qsTr("Start a session to capture")) : qsTr("No captures yet")
            color: Theme.muted
        }
    }
}
