// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Corrects the GTIN of the capture in the detail pane. The captured GTIN is kept; the store checks the new one.
StationDialog {
    id: root

    objectName: "reviewGtinDialog"
    title: qsTr("Correct the GTIN")
    actionText: qsTr("Correct")
    readonly property var capture: ReviewController.detail.capture
    actionEnabled: gtinField.text.trim() !== ""
    preferredWidth: 460

    onAboutToShow: gtinField.text = root.capture.gtin ?? ""
    onOpened: gtinField.forceActiveFocus()
    onAction: {
        ReviewController.detail.correctGtin(gtinField.text);
        root.close();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            Layout.fillWidth: true
            text: qsTr("Captured as %1. The captured GTIN stays in the capture's history.").arg(root.capture.capturedGtin ?? "")
            wrapMode: Text.WordWrap
        }
        TextField {
            id: gtinField
            objectName: "gtinField"
            Layout.fillWidth: true
            font.family: Theme.monoFont
            maximumLength: 14
            inputMethodHints: Qt.ImhDigitsOnly
            placeholderText: qsTr("8, 12, 13 or 14 digits")
        }
    }
}
