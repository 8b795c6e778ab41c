// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Every scan session with its status and counts; start a new one, open or end one.
Page {
    id: root

    signal openSession(string id)
    signal newSessionRequested

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        title: qsTr("Scan sessions")
        Label {
            Layout.leftMargin: Theme.spacing
            text: qsTr("%1 active · %2 in all").arg(SessionsController.sessions.activeCount).arg(SessionsController.sessions.count)
            color: Theme.muted
        }
        Item {
            Layout.fillWidth: true
        }
        Button {
            text: qsTr("New session")
            highlighted: true
            onClicked: root.newSessionRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Ctrl+N")
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        anchors.margins: 20
        spacing: 8
        clip: true
        model: SessionsController.sessions
        ScrollBar.vertical: ScrollBar {}

        delegate: SessionDelegate {
            width: list.width
            onOpen: id => root.openSession(id)
            onEnd: id => endDialog.ask(id)
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        visible: list.count === 0
        spacing: Theme.spacing
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("No scan sessions yet")
            font.pixelSize: 18
            color: Theme.muted
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Start the first session")
            highlighted: true
            onClicked: root.newSessionRequested()
        }
    }

    EndSessionDialog {
        id: endDialog
    }
}
