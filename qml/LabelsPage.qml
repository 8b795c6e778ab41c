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

    background: Rectangle {
        color: Theme.surface
    }

    Shortcut {
        sequence: "Ctrl+P"
        enabled: !LabelsController.jobRunning
        onActivated: LabelsController.print()
    }

    header: PageHeader {
        title: qsTr("Labels")

        TabBar {
            id: scopeBar
            Layout.leftMargin: Theme.spacing
            currentIndex: LabelsController.scope === "serials" ? 1 : 0
            TabButton {
                text: qsTr("Lots")
                width: implicitWidth
                onClicked: LabelsController.scope = "lots"
            }
            TabButton {
                text: qsTr("Serials")
                width: implicitWidth
                onClicked: LabelsController.scope = "serials"
            }
        }
        Item {
            Layout.fillWidth: true
        }
        Label {
            text: LabelsController.items.checkedCount > 0
                  ? qsTr("%1 ticked of %2 listed").arg(LabelsController.items.checkedCount).arg(LabelsController.items.count)
                  : qsTr("%1 listed · all of them go on the labels").arg(LabelsController.items.count)
            color: Theme.muted
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        LabelItemsPanel {
            Layout.preferredWidth: 290
            Layout.fillHeight: true
        }

        SheetPreview {
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        LabelOutputPanel {
            Layout.preferredWidth: 320
            Layout.fillHeight: true
        }
    }
}
