// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// A count's variance report: per GTIN + lot expected, counted and the difference, with the unexpected and missing
// items; saved as CSV or a printable PDF, and a finished count's EPCIS document.
Page {
    id: root

    signal back

    background: Rectangle {
        color: Theme.surface
    }

    header: PageHeader {
        inset: 8
        ToolButton {
            text: "‹"
            font.pixelSize: 22
            onClicked: root.back()
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: qsTr("Variance · %1").arg(CountsController.description !== "" ? CountsController.description : CountsController.location)
                font.pixelSize: 18
                font.bold: true
                elide: Text.ElideRight
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                text: CountsController.location + " · " + (CountsController.open ? qsTr("still counting") : qsTr("finished %1").arg(CountsController.finished))
                elide: Text.ElideRight
                color: Theme.muted
            }
        }
        Button {
            text: qsTr("CSV…")
            onClicked: csvDialog.open()
        }
        Button {
            text: qsTr("PDF…")
            onClicked: pdfDialog.open()
        }
        Button {
            text: qsTr("EPCIS…")
            enabled: !CountsController.open
            onClicked: epcisDialog.open()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("The finished count's EPCIS 2.0 document")
        }
    }

    component Cell: Label {
        elide: Text.ElideRight
        color: Theme.text
    }

    Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        radius: Theme.radius
        color: Theme.card
        border.color: Theme.border

        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 1
            spacing: 0
            Label {
                objectName: "varianceSummary"
                Layout.fillWidth: true
                Layout.margins: 10
                Layout.bottomMargin: 0
                text: CountsController.variance.summary
                wrapMode: Text.Wrap
                color: Theme.text
                font.bold: true
            }
            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 10
                spacing: 8
                Cell { Layout.preferredWidth: 150; text: qsTr("GTIN"); font.bold: true }
                Cell { Layout.fillWidth: true; text: qsTr("Lot"); font.bold: true }
                Cell { Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; text: qsTr("Expected"); font.bold: true }
                Cell { Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; text: qsTr("Counted"); font.bold: true }
                Cell { Layout.preferredWidth: 90; horizontalAlignment: Text.AlignRight; text: qsTr("Difference"); font.bold: true }
                Cell { Layout.preferredWidth: 100; text: qsTr("Status"); font.bold: true }
            }
            Rectangle {
                Layout.fillWidth: true
                height: 1
                color: Theme.border
            }
            ListView {
                id: list
                objectName: "varianceList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: CountsController.variance
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    id: row
                    required property int index
                    required property string gtin
                    required property string lot
                    required property bool hasExpected
                    required property double expected
                    required property double counted
                    required property double difference
                    required property int kind
                    required property string kindText
                    readonly property color tone: row.kind === CountsVarianceModel.Match ? Theme.good : row.kind === CountsVarianceModel.Missing || row.kind === CountsVarianceModel.Short ? Theme.bad : Theme.warn

                    width: list.width
                    height: 36
                    color: row.index % 2 ? "#f8fafc" : Theme.card
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 10
                        anchors.rightMargin: 10
                        spacing: 8
                        Cell { Layout.preferredWidth: 150; text: row.gtin; font.family: Theme.monoFont }
                        Cell { Layout.fillWidth: true; text: row.lot !== "" ? row.lot : qsTr("no lot"); color: row.lot !== "" ? Theme.text : Theme.muted }
                        Cell { Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; text: row.hasExpected ? row.expected : "–" }
                        Cell { Layout.preferredWidth: 80; horizontalAlignment: Text.AlignRight; text: row.counted }
                        Cell { Layout.preferredWidth: 90; horizontalAlignment: Text.AlignRight; text: (row.difference > 0 ? "+" : "") + row.difference; color: row.tone; font.bold: row.difference !== 0 }
                        Cell { Layout.preferredWidth: 100; text: row.kindText; color: row.tone }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: qsTr("Nothing counted or expected")
                    color: Theme.muted
                }
            }
        }
    }

    footer: ToolBar {
        visible: CountsController.status.visible
        background: Rectangle {
            color: Theme.card
        }
        Label {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            verticalAlignment: Text.AlignVCenter
            text: CountsController.status.text
            color: CountsController.status.severity === StatusMessage.Error ? Theme.bad : Theme.muted
            elide: Text.ElideRight
        }
    }

    FileDialog {
        id: csvDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Save the variance as CSV")
        nameFilters: [qsTr("CSV files (*.csv)")]
        defaultSuffix: "csv"
        onAccepted: CountsController.exportVarianceCsv(csvDialog.selectedFile)
    }
    FileDialog {
        id: pdfDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Save the variance report as PDF")
        nameFilters: [qsTr("PDF files (*.pdf)")]
        defaultSuffix: "pdf"
        onAccepted: CountsController.exportVariancePdf(pdfDialog.selectedFile)
    }
    FileDialog {
        id: epcisDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Save the count's EPCIS document")
        nameFilters: [qsTr("EPCIS JSON-LD (*.jsonld *.json)")]
        defaultSuffix: "jsonld"
        onAccepted: CountsController.exportDocument(epcisDialog.selectedFile)
    }
}
