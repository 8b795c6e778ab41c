// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Corrects a typo in a typed capture before it is sent to Closient; what was typed first is kept.
StationDialog {
    id: root

    property string sessionId
    property string captureId

    function ask(session: string, capture: string, value: string) {
        root.sessionId = session;
        root.captureId = capture;
        field.text = value;
        errorLabel.text = "";
        root.open();
        field.forceActiveFocus();
        field.selectAll();
    }

    objectName: "editCaptureDialog"
    title: qsTr("Correct a typed code")
    actionText: qsTr("Save correction")
    actionEnabled: field.text.trim() !== ""
    onAction: CaptureController.editCapture(root.sessionId, root.captureId, field.text)

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

        TextField {
            id: field
            objectName: "editCaptureField"
            Layout.fillWidth: true
            font.family: Theme.monoFont
            Accessible.name: qsTr("Code")
            onTextEdited: errorLabel.text = ""
        }
        ParsePreview {
            Layout.fillWidth: true
            parse: field.text.trim() === "" ? ({}) : CaptureController.preview(field.text)
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Only a typed code that has not been sent yet can be corrected; what was typed first is kept.")
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
