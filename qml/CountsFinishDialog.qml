// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Asks before a count is finished: it is then locked, and its EPCIS document is recorded and queued for Closient.
StationDialog {
    id: root

    objectName: "finishCountDialog"
    title: qsTr("Finish this count?")
    actionText: qsTr("Finish and lock")
    preferredWidth: 480
    onAction: {
        CountsController.finish();
        root.close();
    }

    ColumnLayout {
        width: parent.width
        spacing: 8
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("%1 items counted at %2.").arg(CountsController.counted).arg(CountsController.location)
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("Nothing can be counted, taken back or changed afterwards. The count's EPCIS 2.0 events are recorded and sent to Closient when the station is online.")
            color: Theme.muted
        }
    }
}
