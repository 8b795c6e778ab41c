// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The label station: what to label on the left, the sheet exactly as it will print in the middle, and how to
// print or export it (with the print history) on the right.
Page {
    id: root

    // Below about 1100 px (a 1024 or 1280 px screen with the navigation rail) the side panels give up width so the
    // sheet keeps room to be seen; the preview never gets narrower than its toolbar.
    readonly property bool compact: root.width < 1100
    // The Design tab: the label designer instead of the sheet and its output.
    property bool designing: false

    background: Rectangle {
        color: Theme.surface
    }

    Shortcut {
        sequence: "Ctrl+P"
        enabled: !LabelsController.printing.jobRunning
        onActivated: LabelsController.printing.confirmPrint()
    }

    header: PageHeader {
        title: qsTr("Labels")

        TabBar {
            objectName: "labelsTabs"
            Layout.leftMargin: Theme.spacing
            currentIndex: root.designing ? 1 : 0
            TabButton {
                text: qsTr("Print")
                width: implicitWidth
                onClicked: root.designing = false
            }
            TabButton {
                objectName: "designTab"
                text: qsTr("Design")
                width: implicitWidth
                onClicked: root.designing = true
            }
        }
        TabBar {
            id: scopeBar
            Layout.leftMargin: Theme.spacing
            currentIndex: LabelsController.selection.serials ? 1 : 0
            TabButton {
                text: qsTr("Lots")
                width: implicitWidth
                onClicked: LabelsController.selection.scope = "lots"
            }
            TabButton {
                text: qsTr("Serials")
                width: implicitWidth
                onClicked: LabelsController.selection.scope = "serials"
            }
        }
        Item {
            Layout.fillWidth: true
        }
        Label {
            Layout.rightMargin: Theme.spacing
            text: LabelsController.selection.items.checkedCount > 0
                  ? qsTr("%1 ticked of %2 listed").arg(LabelsController.selection.items.checkedCount).arg(LabelsController.selection.items.count)
                  : root.compact ? qsTr("%1 listed, all go on the labels").arg(LabelsController.selection.items.count)
                                 : qsTr("%1 listed · all of them go on the labels").arg(LabelsController.selection.items.count)
            color: Theme.muted
        }
    }

    DesignPage {
        objectName: "designPage"
        visible: root.designing
        anchors.fill: parent
        anchors.margins: root.compact ? 8 : Theme.spacing
    }

    RowLayout {
        visible: !root.designing
        anchors.fill: parent
        anchors.margins: root.compact ? 8 : Theme.spacing
        spacing: root.compact ? 8 : Theme.spacing

        LabelItemsPanel {
            Layout.preferredWidth: root.compact ? 232 : 290
            Layout.minimumWidth: 210
            Layout.fillHeight: true
        }

        SheetPreview {
            objectName: "sheetPreview"
            Layout.fillWidth: true
            Layout.minimumWidth: 300
            Layout.fillHeight: true
        }

        LabelOutputPanel {
            Layout.preferredWidth: root.compact ? 272 : 320
            Layout.minimumWidth: 250
            Layout.fillHeight: true
        }
    }
}
