// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Starts a scan session: what it captures, and the metadata it carries. The one dialog behind Ctrl+N and every
// "New session" button; whoever opened it decides what happens with the new session (created).
StationDialog {
    id: root

    signal created(string id)

    objectName: "newSessionDialog"
    title: qsTr("New scan session")
    actionText: qsTr("Start session")
    actionEnabled: metadataEditor.repeatedKey === ""
    edited: nameField.text !== "" || modeBox.currentIndex !== 0 || metadataEditor.edited
    onAction: {
            let meta = metadataEditor.metadata();
            if (nameField.text.trim() !== "")
                meta["name"] = nameField.text.trim();
            SessionsController.createSession(modeBox.currentText, meta);
        }

    onOpened: {
        modeBox.currentIndex = 0;
        nameField.text = "";
        metadataEditor.reset({});
        errorLabel.text = "";
        nameField.forceActiveFocus();
    }

    Connections {
        target: SessionsController
        function onFailed(message: string) {
            if (root.opened)
                errorLabel.text = message;
        }
        function onSessionCreated(id: string) {
            if (!root.opened)
                return;
            root.focusAfter = null; // the new session's page takes the focus
            root.close();
            root.created(id);
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing

        Label {
            text: qsTr("Name")
        }
        TextField {
            id: nameField
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Inbound dock 3, morning")
            maximumLength: 500
        }
        Label {
            text: qsTr("Captures")
        }
        ComboBox {
            id: modeBox
            Layout.fillWidth: true
            Accessible.name: qsTr("Captures")
            Keys.onPressed: event => root.keyPressed(event)
            model: SessionsController.captureModes
            displayText: SessionsController.modeText(currentText)
            delegate: ItemDelegate {
                required property string modelData
                width: modeBox.width
                text: SessionsController.modeText(modelData)
            }
        }
        Label {
            text: qsTr("Metadata (optional)")
        }
        MetadataEditor {
            id: metadataEditor
            Layout.fillWidth: true
            takenKeys: nameField.text.trim() !== "" ? ["name"] : []
        }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            text: metadataEditor.repeatedKey === "name" && nameField.text.trim() !== "" ? qsTr("The Name above is the key “name”: remove the “name” row, or clear the Name.") : metadataEditor.repeatedKeyText
            color: Theme.bad
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
