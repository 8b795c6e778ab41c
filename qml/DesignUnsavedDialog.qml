// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Asked before the open layout is left with changes not saved: save them, leave them, or stay.
StationDialog {
    id: root

    required property DesignerController controller
    property var then: null // what to do once the changes are saved or left

    function askThen(next: var) {
        if (!root.controller.dirty) {
            next();
            return;
        }
        root.then = next;
        root.open();
    }
    function proceed() {
        const next = root.then;
        root.then = null;
        root.close();
        if (next)
            next();
    }

    title: qsTr("Unsaved changes")
    actionText: root.controller.builtIn || !root.controller.saved ? qsTr("Save as…") : qsTr("Save")
    preferredWidth: 480
    onAction: {
        if (root.controller.builtIn || !root.controller.saved) {
            root.close(); // the owner asks for a name; the changes stay until saved
            root.saveAsRequested();
            return;
        }
        if (root.controller.save())
            root.proceed();
    }
    signal saveAsRequested

    contentItem: ColumnLayout {
        Label {
            text: qsTr("“%1” has changes that are not saved. Leave them, or save them first?").arg(root.controller.layoutName)
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "discardButton"
            text: qsTr("Leave changes")
            flat: true
            Layout.alignment: Qt.AlignRight
            onClicked: root.proceed()
        }
    }
}
