// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Names a layout: a new one (on a stock chosen in the stock picker), a copy (Save as) or the open one (Rename).
// The controller refuses a name that is taken, with the reason; the dialog stays open until it succeeds.
StationDialog {
    id: root

    enum Purpose { New, SaveAs, Rename }

    required property DesignerController controller
    property int purpose: DesignNameDialog.New
    property string stockId
    property string stockName
    readonly property string name: nameField.text.trim()
    readonly property Item nameInput: nameField // where the focus goes back after the stock picker
    signal pickStock

    function ask(purpose: int, suggestion: string) {
        root.purpose = purpose;
        nameField.text = suggestion;
        root.open();
        nameField.selectAll();
        nameField.forceActiveFocus();
    }

    title: root.purpose === DesignNameDialog.New ? qsTr("New layout") : root.purpose === DesignNameDialog.SaveAs ? qsTr("Save layout as") : qsTr("Rename layout")
    actionText: root.purpose === DesignNameDialog.New ? qsTr("Create") : root.purpose === DesignNameDialog.SaveAs ? qsTr("Save") : qsTr("Rename")
    actionEnabled: root.name !== "" && (root.purpose !== DesignNameDialog.New || root.stockId !== "")
    preferredWidth: 520
    onAction: {
        let done = false;
        if (root.purpose === DesignNameDialog.New)
            done = root.controller.newLayout(root.stockId, root.name);
        else if (root.purpose === DesignNameDialog.SaveAs)
            done = root.controller.saveAs(root.name);
        else
            done = root.controller.rename(root.name);
        if (done)
            root.close();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        Label { text: qsTr("Name") }
        TextField {
            id: nameField
            objectName: "layoutNameField"
            Layout.fillWidth: true
            placeholderText: qsTr("e.g. Product label with logo")
            onAccepted: if (root.actionEnabled) root.action()
        }
        Label {
            visible: root.name !== "" && root.controller.layoutExists(root.name) && !(root.purpose === DesignNameDialog.Rename && root.name.toLowerCase() === root.controller.layoutName.toLowerCase())
            text: qsTr("There is already a layout called “%1”.").arg(root.name)
            color: Theme.bad
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: root.purpose === DesignNameDialog.New
            text: qsTr("Label stock")
        }
        RowLayout {
            visible: root.purpose === DesignNameDialog.New
            Layout.fillWidth: true
            Label {
                text: root.stockName !== "" ? root.stockName : qsTr("None chosen yet")
                color: root.stockName !== "" ? Theme.text : Theme.muted
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Button {
                objectName: "chooseStockButton"
                text: qsTr("Choose…")
                onClicked: root.pickStock()
            }
        }
    }
}
