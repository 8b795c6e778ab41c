// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Edits a session's metadata. Cleared values delete their key; keys not shown are never touched.
StationDialog {
    id: root

    required property string sessionId
    property var current: ({})

    title: qsTr("Session metadata")
    actionText: qsTr("Save")
    actionEnabled: editor.repeatedKey === ""
    edited: editor.edited
    onAction: {
            let change = editor.metadata();
            for (const key in root.current) {
                if (!(key in change))
                    change[key] = ""; // removed rows delete their key
            }
            SessionsController.updateMetadata(root.sessionId, change);
        }

    onOpened: {
        editor.reset(root.current);
        errorLabel.text = "";
    }

    Connections {
        target: SessionsController
        function onFailed(message: string) {
            if (root.opened)
                errorLabel.text = message;
        }
        function onMetadataUpdated(id: string) {
            if (id === root.sessionId)
                root.close();
        }
    }

    ColumnLayout {
        width: parent.width
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: qsTr("Up to 50 keys; keys up to 40 characters, values up to 500. Clear a value to delete its key.")
            color: Theme.muted
            wrapMode: Text.WordWrap
        }
        MetadataEditor {
            id: editor
            Layout.fillWidth: true
        }
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            text: editor.repeatedKeyText
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
