// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Voids a capture: it stays in the session, struck through, and no longer counts; the reason is kept and sent.
StationDialog {
    id: root

    property string sessionId
    property string captureId
    property string summary
    readonly property bool other: reasonBox.currentIndex === reasonBox.count - 1
    readonly property string reason: root.other ? qsTr("Other: %1").arg(details.text.trim()) : reasonBox.currentText

    function ask(session: string, capture: string, what: string) {
        root.sessionId = session;
        root.captureId = capture;
        root.summary = what;
        reasonBox.currentIndex = 0;
        details.clear();
        errorLabel.text = "";
        root.open();
        reasonBox.forceActiveFocus();
    }

    objectName: "voidCaptureDialog"
    preferredWidth: 480
    title: qsTr("Void this capture?")
    actionText: qsTr("Void capture")
    actionEnabled: !root.other || details.text.trim() !== ""
    edited: details.text.trim() !== "" // words typed for "Other"; a reason picked from the list is one click
    onAction: CaptureController.voidCapture(root.sessionId, root.captureId, root.reason)

    Connections {
        target: CaptureController
        function onCorrected(sessionId: string, captureId: string) {
            if (root.opened && captureId === root.captureId)
                root.close();
        }
        function onCorrectionFailed(sessionId: string, captureId: string, message: string) {
            if (root.opened && captureId === root.captureId)
                errorLabel.text = message;
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: root.summary
            font.bold: true
            wrapMode: Text.WrapAnywhere
        }
        Label {
            text: qsTr("Reason")
        }
        ComboBox {
            id: reasonBox
            objectName: "voidReason"
            Layout.fillWidth: true
            model: CaptureController.voidReasons
            Accessible.name: qsTr("Reason")
            Keys.onPressed: event => root.keyPressed(event)
            onActivated: {
                if (root.other)
                    details.forceActiveFocus(); // "Other" needs words: the cursor goes where they are typed
            }
        }
        TextField {
            id: details
            objectName: "voidDetails"
            Layout.fillWidth: true
            visible: root.other
            placeholderText: qsTr("Why, in a few words")
            maximumLength: 180
            Accessible.name: qsTr("Why, in a few words")
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("A voided capture stays in the session, struck through, and no longer counts. The reason is kept and sent to Closient.")
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
