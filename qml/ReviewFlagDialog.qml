// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Flags the selected captures (or the current one) with a note that says what is wrong.
StationDialog {
    id: root

    objectName: "reviewFlagDialog"
    title: qsTr("Flag captures")
    actionText: qsTr("Flag")
    actionEnabled: noteField.text.trim() !== ""
    preferredWidth: 460

    onAboutToShow: {
        root.title = qsTr("Flag %1").arg(ReviewController.captures(ReviewController.targetCount()));
        noteField.text = "";
    }
    onOpened: noteField.forceActiveFocus()
    onAction: {
        ReviewController.flag(noteField.text);
        root.close();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: qsTr("What is wrong? The note is kept with the flag.")
            wrapMode: Text.WordWrap
        }
        TextField {
            id: noteField
            objectName: "flagNote"
            Layout.fillWidth: true
            maximumLength: 500
            placeholderText: qsTr("e.g. lot unreadable on the photo")
            onAccepted: {
                if (root.actionEnabled)
                    root.action();
            }
        }
    }
}
