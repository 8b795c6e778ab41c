// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// The lots or serials to label: search and filters, ticks to narrow the list, and ways to add more.
Rectangle {
    id: root

    // "a · b · c" without the empty parts.
    function joined(parts) {
        return parts.filter(p => p !== "").join(" · ");
    }

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 8

        TextField {
            id: searchField
            objectName: "labelSearch"
            Layout.fillWidth: true
            placeholderText: LabelsController.selection.serials ? qsTr("Search GTIN, lot or serial") : qsTr("Search GTIN or lot")
            text: LabelsController.selection.search
            onTextEdited: LabelsController.selection.search = text
        }
        TextField {
            Layout.fillWidth: true
            placeholderText: qsTr("Only these GTINs (space separated)")
            font.family: Theme.monoFont
            text: LabelsController.selection.gtinFilter
            onEditingFinished: LabelsController.selection.gtinFilter = text
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 4
            CheckBox {
                id: allBox
                leftPadding: 0
                text: qsTr("All")
                tristate: true
                checkState: LabelsController.selection.items.checkedCount === 0 ? Qt.Unchecked
                          : LabelsController.selection.items.checkedCount === LabelsController.selection.items.count ? Qt.Checked : Qt.PartiallyChecked
                nextCheckState: () => LabelsController.selection.items.checkedCount > 0 ? Qt.Unchecked : Qt.Checked
                onClicked: LabelsController.selection.items.setAllChecked(allBox.checkState === Qt.Checked)
            }
            Item {
                Layout.fillWidth: true
            }
            Switch {
                objectName: "neverPrinted"
                leftPadding: 0
                rightPadding: 0
                text: qsTr("Never printed")
                checked: LabelsController.selection.neverPrinted
                onToggled: LabelsController.selection.neverPrinted = checked
            }
        }

        ListView {
            id: list
            objectName: "labelItems"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: LabelsController.selection.items
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: row

                required property int index
                required property string itemId
                required property string gtin
                required property string lot
                required property string serial
                required property string expiry
                required property int printCount
                required property string lastPrinted
                required property bool ticked
                readonly property string name: LabelsController.selection.serials ? row.serial : row.lot

                width: ListView.view.width
                implicitHeight: rowLayout.implicitHeight + 8
                radius: Theme.radius
                color: row.ticked ? Qt.rgba(0.06, 0.55, 0.55, 0.10) : rowMouse.containsMouse ? Theme.surface : "transparent"

                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: LabelsController.selection.items.setChecked(row.index, !row.ticked)
                }

                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.leftMargin: 2
                    anchors.rightMargin: 2
                    spacing: 6
                    CheckBox {
                        checked: row.ticked
                        onClicked: LabelsController.selection.items.setChecked(row.index, checked)
                        padding: 0
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 1
                        Label {
                            id: nameLabel
                            Layout.fillWidth: true
                            text: row.name
                            font.family: Theme.monoFont
                            font.bold: true
                            elide: Text.ElideRight
                            color: Theme.text
                        }
                        Label {
                            id: detailLabel
                            objectName: "itemDetails"
                            Layout.fillWidth: true
                            text: root.joined([row.gtin, LabelsController.selection.serials && row.lot !== "" ? qsTr("lot %1").arg(row.lot) : "",
                                               row.expiry !== "" ? qsTr("exp. %1").arg(row.expiry) : ""])
                            font.pixelSize: 11
                            color: Theme.muted
                            elide: Text.ElideRight
                        }
                        // A narrow list cuts the name or the details: the whole text shows on hover.
                        ToolTip.visible: rowMouse.containsMouse && (nameLabel.truncated || detailLabel.truncated)
                        ToolTip.delay: 500
                        ToolTip.text: nameLabel.text + "\n" + detailLabel.text
                    }
                    Label {
                        text: row.printCount === 0 ? qsTr("new") : qsTr("%1×").arg(row.printCount)
                        color: row.printCount === 0 ? Theme.accent : Theme.muted
                        font.pixelSize: 11
                        ToolTip.visible: printedHover.hovered && row.printCount > 0
                        ToolTip.text: qsTr("Printed %1 times, last %2").arg(row.printCount).arg(row.lastPrinted)
                        HoverHandler {
                            id: printedHover
                        }
                    }
                    ToolButton {
                        text: "⋮"
                        onClicked: rowMenu.popup()
                        Menu {
                            id: rowMenu
                            MenuItem {
                                // Printing again is for labels that were printed; the rest print with Print.
                                objectName: "printAgain"
                                text: qsTr("Print again…")
                                visible: row.printCount > 0
                                height: visible ? implicitHeight : 0
                                enabled: !LabelsController.printing.jobRunning
                                onTriggered: reasonDialog.ask(ReasonDialog.Reprint, row.itemId, row.name)
                            }
                            MenuItem {
                                text: qsTr("Void serial…")
                                enabled: LabelsController.selection.serials
                                onTriggered: reasonDialog.ask(ReasonDialog.Void, row.itemId, row.serial)
                            }
                        }
                    }
                }
            }

            BusyIndicator {
                anchors.centerIn: parent
                running: LabelsController.selection.loading && list.count === 0
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 20
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                visible: !LabelsController.selection.loading && list.count === 0
                text: LabelsController.selection.search !== "" || LabelsController.selection.neverPrinted || LabelsController.selection.gtinFilter !== ""
                      ? qsTr("Nothing matches the filters.")
                      : LabelsController.selection.serials ? qsTr("No serials yet: add a range or import a CSV.")
                                                             : qsTr("No lots yet: add one or import a CSV.")
                color: Theme.muted
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: root.width < 270 ? 1 : 2 // side by side when both fit
            rowSpacing: 0
            Button {
                Layout.fillWidth: true
                text: LabelsController.selection.serials ? qsTr("Add serials…") : qsTr("Add lot…")
                onClicked: entryDialog.open()
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Import CSV…")
                onClicked: importDialog.open()
            }
            Button {
                objectName: "openProducts"
                Layout.fillWidth: true
                Layout.columnSpan: root.width < 270 ? 1 : 2
                text: qsTr("Products…")
                ToolTip.visible: hovered
                ToolTip.delay: 600
                ToolTip.text: qsTr("The product names and brands labels print; name a product here")
                onClicked: productsDialog.open()
            }
        }
    }

    ProductsDialog {
        id: productsDialog
        parent: Overlay.overlay // as wide as the window allows, not as the panel
        anchors.centerIn: Overlay.overlay
    }

    LabelEntryDialog {
        id: entryDialog
        anchors.centerIn: Overlay.overlay
    }

    ReasonDialog {
        id: reasonDialog
        anchors.centerIn: Overlay.overlay
        onAccepted: {
            if (reasonDialog.kind === ReasonDialog.Void)
                LabelsController.printing.voidSerial(reasonDialog.itemId, reasonDialog.reason);
            else if (reasonDialog.kind === ReasonDialog.Print)
                LabelsController.printing.print(reasonDialog.reason);
            else
                LabelsController.printing.reprint(reasonDialog.itemId, reasonDialog.reason);
        }
    }

    FileDialog {
        id: importDialog
        title: qsTr("Import %1 from CSV").arg(LabelsController.selection.scope)
        nameFilters: [qsTr("CSV files (*.csv *.txt)"), qsTr("All files (*)")]
        onAccepted: LabelsController.entry.importCsv(importDialog.selectedFile)
    }

    Connections {
        target: LabelsController.entry
        function onFinished(ok: bool, message: string, errors: list<string>) {
            if (!entryDialog.visible)
                importReport.show(ok, message, errors);
        }
    }

    Connections {
        target: LabelsController.printing
        // Print found serials that were printed before: printing them again is a reprint, with a reason.
        function onReprintReasonNeeded(serials: string) {
            reasonDialog.ask(ReasonDialog.Print, "", serials);
        }
    }

    StationDialog {
        id: importReport

        property bool good: true
        property string text
        property list<string> errors

        function show(ok: bool, message: string, rows: list<string>) {
            importReport.good = ok;
            importReport.text = message;
            importReport.errors = rows;
            importReport.open();
        }

        objectName: "importReport"
        preferredWidth: 520
        title: importReport.good ? qsTr("Imported") : qsTr("Nothing imported")
        cancelText: qsTr("OK")
        ColumnLayout {
            anchors.fill: parent
            spacing: 8
            Label {
                Layout.fillWidth: true
                text: importReport.text
                wrapMode: Text.WordWrap
                color: importReport.good ? Theme.good : Theme.bad
            }
            ListView {
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(240, contentHeight)
                clip: true
                model: importReport.errors
                delegate: Label {
                    required property string modelData
                    width: ListView.view.width
                    text: modelData
                    wrapMode: Text.WordWrap
                    font.pixelSize: 12
                    color: Theme.text
                }
            }
        }
    }
}
