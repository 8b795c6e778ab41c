// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Asks before a session is ended, with what it holds: an ended session takes no more captures.
StationDialog {
    id: root

    property string sessionId
    property var info: ({})

    function ask(id: string) {
        root.sessionId = id;
        root.info = SessionsController.sessions.get(id);
        errorLabel.text = "";
        root.open();
    }

    objectName: "endSessionDialog"
    preferredWidth: 460
    title: qsTr("End “%1”?").arg(root.info.title ?? "")
    actionText: qsTr("End session")
    onAction: SessionsController.endSession(root.sessionId)

    Connections {
        target: SessionsController
        function onSessionEnded(id: string) {
            if (id === root.sessionId && root.opened)
                root.close();
        }
        function onFailed(message: string) {
            if (root.opened)
                errorLabel.text = message;
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        GridLayout {
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: 4
            Label {
                text: qsTr("Captured")
                color: Theme.muted
            }
            Label {
                objectName: "summaryCaptures"
                text: root.info.captureCount ?? 0
                font.bold: true
            }
            Label {
                text: qsTr("Voided")
                color: Theme.muted
            }
            Label {
                text: root.info.voidedCount ?? 0
                font.bold: true
            }
            Label {
                text: qsTr("Refused")
                color: Theme.muted
            }
            Label {
                text: root.info.rejectedCount ?? 0
                font.bold: true
                color: (root.info.rejectedCount ?? 0) > 0 ? Theme.bad : Theme.text
            }
            Label {
                text: qsTr("Photos")
                color: Theme.muted
            }
            Label {
                text: root.info.photoCount ?? 0
                font.bold: true
            }
            Label {
                text: qsTr("Started")
                color: Theme.muted
            }
            Label {
                text: root.info.createdText ?? ""
            }
            Label {
                text: qsTr("Last capture")
                color: Theme.muted
            }
            Label {
                text: root.info.lastActivityText ?? ""
            }
            Label {
                text: qsTr("Duration")
                color: Theme.muted
            }
            Label {
                text: root.info.durationText ?? ""
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("An ended session takes no more captures. Everything it holds is kept and is sent to Closient as usual.")
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        Label {
            id: errorLabel
            Layout.fillWidth: true
            visible: text !== ""
            color: Theme.bad
            wrapMode: Text.WordWrap
        }
    }
}
