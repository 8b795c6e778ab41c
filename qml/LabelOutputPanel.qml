// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// What to make and where it goes: type, format, symbol, stock and start; the printer with its copies, pages and
// calibration; the running job with its progress; and the print history.
Rectangle {
    id: root

    readonly property var sheet: LabelsController.sheet

    readonly property var exportTypes: [
        { value: "sheet_pdf", text: qsTr("Sheet PDF (labels on a stock)") },
        { value: "datamatrix", text: qsTr("DataMatrix files (ZIP)") },
        { value: "qr_codes", text: qsTr("QR Code files (ZIP)") },
        { value: "barcodes_1d", text: qsTr("Linear barcode files (ZIP)") },
        { value: "codes_combined", text: qsTr("QR + linear per item (ZIP)") }
    ]
    readonly property var gs1Tables: [
        { value: "general", text: qsTr("General retail and distribution") },
        { value: "healthcare", text: qsTr("Healthcare (smaller X allowed)") },
        { value: "logistics", text: qsTr("Logistics labels") }
    ]

    // "a · b · c" without the empty parts.
    function joined(parts) {
        return parts.filter(p => p !== "" && p !== "@").join(" · ");
    }

    // The index of @p value in a combo box model (by @p key for lists of objects): a binding to indexOfValue()
    // runs before the model is there and is not run again.
    function indexIn(list, key, value) {
        for (let i = 0; i < list.length; ++i) {
            if ((key === "" ? list[i] : list[i][key]) === value)
                return i;
        }
        return -1;
    }

    // "2" or "2-3" into the first and last page to print; "" is every page.
    function setPages(text) {
        const m = text.trim().match(/^(\d+)?\s*(?:[-–]\s*(\d+)?)?$/);
        if (!m) {
            pagesField.text = root.pagesText();
            return;
        }
        const from = m[1] ? parseInt(m[1]) : 0;
        const to = text.indexOf("-") >= 0 || text.indexOf("–") >= 0 ? (m[2] ? parseInt(m[2]) : 0) : from;
        LabelsController.fromPage = from;
        LabelsController.toPage = to;
    }

    function pagesText() {
        const from = LabelsController.fromPage, to = LabelsController.toPage;
        if (from === 0 && to === 0)
            return "";
        return from === to ? String(from) : (from > 0 ? String(from) : "1") + "-" + (to > 0 ? String(to) : "");
    }

    radius: Theme.radius
    color: Theme.card
    border.color: Theme.border

    // Short texts that fit the narrowest panel: a wrapping or eliding label here makes the panel's layout
    // depend on its own height while the page is hidden (a polish loop).
    component FieldLabel: Label {
        color: Theme.muted
        font.pixelSize: 12
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6

        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton {
                text: qsTr("Output")
            }
            TabButton {
                objectName: "historyTab"
                text: qsTr("History")
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ScrollView {
                id: scroller
                // A fixed size hint: what scrolls inside (wrapped text whose height follows the width) must not
                // feed back into the panel's layout.
                implicitWidth: 240
                implicitHeight: 240
                contentWidth: availableWidth
                clip: true
                // The printer settings sit below the fold on a small screen: the bar shows there is more, in a gutter
                // of its own so it never covers a field.
                rightPadding: 12
                ScrollBar.vertical.policy: scroller.contentHeight > scroller.availableHeight ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded

                ColumnLayout {
                    width: scroller.availableWidth
                    spacing: 4

                    FieldLabel {
                        text: qsTr("Make")
                    }
                    ComboBox {
                        objectName: "exportType"
                        Layout.fillWidth: true
                        ToolTip.visible: hovered && !popup.visible
                        ToolTip.delay: 800
                        ToolTip.text: displayText
                        Accessible.name: qsTr("Make")
                        textRole: "text"
                        valueRole: "value"
                        model: root.exportTypes
                        currentIndex: root.indexIn(root.exportTypes, "value", LabelsController.exportType)
                        onActivated: LabelsController.exportType = currentValue
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 0
                        FieldLabel {
                            text: qsTr("File")
                        }
                        FieldLabel {
                            text: qsTr("Symbol")
                        }
                        ComboBox {
                            objectName: "fileFormat"
                            Layout.preferredWidth: 86
                            Accessible.name: qsTr("File")
                            model: LabelsController.formats
                            displayText: currentText.toUpperCase()
                            enabled: count > 1
                            currentIndex: root.indexIn(LabelsController.formats, "", LabelsController.fileFormat)
                            onActivated: LabelsController.fileFormat = currentText
                        }
                        ComboBox {
                            objectName: "symbol"
                            Layout.fillWidth: true
                            ToolTip.visible: hovered && !popup.visible
                            ToolTip.delay: 800
                            ToolTip.text: displayText
                            Accessible.name: qsTr("Symbol")
                            textRole: "title"
                            valueRole: "name"
                            model: LabelsController.symbols
                            currentIndex: root.indexIn(LabelsController.symbols, "name", LabelsController.symbol)
                            onActivated: LabelsController.symbol = currentValue
                        }
                    }

                    FieldLabel {
                        text: qsTr("Symbol sizes by the GS1 table for")
                    }
                    ComboBox {
                        objectName: "gs1Table"
                        Layout.fillWidth: true
                        ToolTip.visible: hovered && !popup.visible
                        ToolTip.delay: 800
                        ToolTip.text: displayText
                        Accessible.name: qsTr("Symbol sizes by the GS1 table for")
                        textRole: "text"
                        valueRole: "value"
                        model: root.gs1Tables
                        currentIndex: root.indexIn(root.gs1Tables, "value", LabelsController.gs1Table)
                        onActivated: LabelsController.gs1Table = currentValue
                    }

                    FieldLabel {
                        text: qsTr("Label stock")
                        visible: LabelsController.exportType === "sheet_pdf"
                    }
                    ComboBox {
                        objectName: "template"
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Label stock")
                        visible: LabelsController.exportType === "sheet_pdf"
                        textRole: "name"
                        valueRole: "name"
                        model: LabelsController.templates
                        currentIndex: root.indexIn(LabelsController.templates, "name", LabelsController.templateName)
                        onActivated: LabelsController.templateName = currentValue
                        ToolTip.visible: hovered
                        ToolTip.text: LabelsController.templates[currentIndex]?.description ?? ""
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: LabelsController.exportType === "sheet_pdf"
                        text: root.sheet.summary ?? ""
                        color: Theme.muted
                        font.pixelSize: 11
                        wrapMode: Text.WordWrap
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 0
                        visible: LabelsController.exportType === "sheet_pdf"
                        FieldLabel {
                            text: qsTr("Start at label")
                        }
                        FieldLabel {
                            text: qsTr("Copies of each")
                        }
                        SpinBox {
                            objectName: "startPosition"
                            Layout.fillWidth: true
                            from: 1
                            to: root.sheet.perPage ?? 1
                            editable: true
                            value: LabelsController.startPosition
                            onValueModified: LabelsController.startPosition = value
                        }
                        SpinBox {
                            Layout.fillWidth: true
                            from: 1
                            to: 1000
                            editable: true
                            value: LabelsController.copiesPerItem
                            onValueModified: LabelsController.copiesPerItem = value
                        }
                    }
                    // One above the other: side by side they are wider than a narrow panel.
                    ColumnLayout {
                        spacing: 0
                        visible: LabelsController.exportType === "sheet_pdf"
                        CheckBox {
                            text: qsTr("Text under codes")
                            checked: LabelsController.showHri
                            onToggled: LabelsController.showHri = checked
                        }
                        CheckBox {
                            text: qsTr("Outlines")
                            checked: LabelsController.outlines
                            onToggled: LabelsController.outlines = checked
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Draws the label edges: print on plain paper and hold it against a sheet to check alignment")
                        }
                    }

                    MenuSeparator {
                        Layout.fillWidth: true
                    }

                    FieldLabel {
                        text: qsTr("Printer")
                        visible: LabelsController.exportType === "sheet_pdf"
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: LabelsController.exportType === "sheet_pdf"
                        ComboBox {
                            objectName: "printer"
                            Layout.fillWidth: true
                            ToolTip.visible: hovered && !popup.visible
                            ToolTip.delay: 800
                            ToolTip.text: displayText
                            Accessible.name: qsTr("Printer")
                            textRole: "description"
                            valueRole: "name"
                            model: LabelsController.printers
                            currentIndex: root.indexIn(LabelsController.printers, "name", LabelsController.printer)
                            displayText: count === 0 ? qsTr("No printers") : currentText
                            onActivated: LabelsController.printer = currentValue
                        }
                        ToolButton {
                            text: "⟳"
                            onClicked: LabelsController.refreshPrinters()
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Look for printers again")
                        }
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 0
                        visible: LabelsController.exportType === "sheet_pdf"
                        FieldLabel {
                            text: qsTr("Copies")
                        }
                        FieldLabel {
                            text: qsTr("Pages")
                        }
                        SpinBox {
                            Layout.fillWidth: true
                            from: 1
                            to: 999
                            editable: true
                            value: LabelsController.printCopies
                            onValueModified: LabelsController.printCopies = value
                        }
                        TextField {
                            id: pagesField
                            objectName: "pages"
                            Layout.fillWidth: true
                            placeholderText: LabelsController.previewPages > 1 ? qsTr("all %1").arg(LabelsController.previewPages) : qsTr("all")
                            text: root.pagesText()
                            validator: RegularExpressionValidator {
                                regularExpression: /\s*\d*\s*([-–]\s*\d*)?\s*/
                            }
                            onEditingFinished: root.setPages(text)
                            ToolTip.visible: activeFocus
                            ToolTip.text: qsTr("A page (2) or a range (2-4, 3-); empty prints every page")
                        }
                    }
                    FieldLabel {
                        visible: LabelsController.exportType === "sheet_pdf"
                        text: qsTr("Printer offsets, mm (right, down)")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: LabelsController.exportType === "sheet_pdf"
                        Repeater {
                            model: ["offsetX", "offsetY"]
                            delegate: SpinBox {
                                id: offset
                                required property string modelData
                                Layout.fillWidth: true
                                from: -100
                                to: 100
                                stepSize: 1
                                editable: true
                                value: Math.round(LabelsController[offset.modelData] * 10)
                                textFromValue: v => (v / 10).toFixed(1)
                                valueFromText: t => Math.round(parseFloat(t) * 10)
                                onValueModified: LabelsController[offset.modelData] = value / 10
                            }
                        }
                    }
                }
            }

            ListView {
                id: history
                objectName: "history"
                clip: true
                spacing: 6
                model: LabelsController.history
                ScrollBar.vertical: ScrollBar {}
                delegate: Rectangle {
                    id: entry
                    required property var modelData
                    width: ListView.view.width
                    height: entryText.implicitHeight + 12
                    radius: Theme.radius
                    color: entry.modelData.action === "void" ? Theme.badBackground
                         : entry.modelData.action === "reprint" ? Theme.warnBackground : Theme.surface
                    ColumnLayout {
                        id: entryText
                        anchors.fill: parent
                        anchors.margins: 6
                        spacing: 1
                        RowLayout {
                            Label {
                                text: entry.modelData.action === "void" ? qsTr("Voided")
                                    : entry.modelData.action === "reprint" ? qsTr("Reprinted")
                                    : entry.modelData.action === "test" ? qsTr("Test print") : qsTr("Printed")
                                font.bold: true
                                color: Theme.text
                            }
                            Label {
                                text: entry.modelData.items === 1 ? qsTr("1 label") : qsTr("%1 labels").arg(entry.modelData.items)
                                color: Theme.text
                            }
                            Item {
                                Layout.fillWidth: true
                            }
                            Label {
                                text: entry.modelData.when
                                color: Theme.muted
                                font.pixelSize: 11
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: entry.modelData.firstItem + (entry.modelData.items > 1 ? qsTr(" and %1 more").arg(entry.modelData.items - 1) : "")
                            font.family: Theme.monoFont
                            font.pixelSize: 11
                            color: Theme.text
                            wrapMode: Text.WrapAnywhere
                        }
                        Label {
                            Layout.fillWidth: true
                            text: root.joined([entry.modelData.printer, entry.modelData.template,
                                               entry.modelData.user + "@" + entry.modelData.workstation,
                                               entry.modelData.reason !== "" ? "“" + entry.modelData.reason + "”" : ""])
                            color: Theme.muted
                            font.pixelSize: 11
                            wrapMode: Text.WordWrap
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    visible: history.count === 0
                    text: qsTr("Nothing printed yet")
                    color: Theme.muted
                }
            }
        }

        // The running job, or what the last one did.
        ColumnLayout {
            Layout.fillWidth: true
            visible: LabelsController.jobRunning
            spacing: 2
            RowLayout {
                Label {
                    objectName: "jobProgressText"
                    Layout.fillWidth: true
                    text: LabelsController.jobTitle + " · " + (LabelsController.jobPhase === "verifying" ? qsTr("reading every label back")
                          : LabelsController.jobPhase === "printing" ? qsTr("sending to the printer")
                          : LabelsController.jobPhase === "rendering" ? qsTr("making the sheets") : qsTr("starting"))
                          + (LabelsController.jobTotal > 0 ? " · %1 / %2".arg(LabelsController.jobDone).arg(LabelsController.jobTotal) : "")
                    wrapMode: Text.WordWrap
                    font.pixelSize: 12
                    color: Theme.text
                }
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    onClicked: LabelsController.cancelJob()
                }
            }
            ProgressBar {
                objectName: "jobProgress"
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, LabelsController.jobTotal)
                value: LabelsController.jobDone
                indeterminate: LabelsController.jobTotal === 0
            }
        }
        Rectangle {
            Layout.fillWidth: true
            visible: LabelsController.message !== "" && !LabelsController.jobRunning
            implicitHeight: messageColumn.implicitHeight + 12
            radius: Theme.radius
            color: LabelsController.messageKind === "good" ? Theme.goodBackground
                 : LabelsController.messageKind === "bad" ? Theme.badBackground : Theme.warnBackground
            ColumnLayout {
                id: messageColumn
                anchors.fill: parent
                anchors.margins: 6
                spacing: 2
                RowLayout {
                    Label {
                        objectName: "jobMessage"
                        Layout.fillWidth: true
                        text: LabelsController.message
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: LabelsController.messageKind === "good" ? Theme.good
                             : LabelsController.messageKind === "bad" ? Theme.bad : Theme.warn
                    }
                    ToolButton {
                        text: "✕"
                        onClicked: LabelsController.clearMessage()
                    }
                }
                Repeater {
                    model: LabelsController.messageDetails
                    delegate: Label {
                        required property string modelData
                        Layout.fillWidth: true
                        text: modelData
                        wrapMode: Text.Wrap
                        font.pixelSize: 11
                        color: Theme.text
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Button {
                objectName: "printButton"
                Layout.fillWidth: true
                visible: LabelsController.exportType === "sheet_pdf"
                text: qsTr("Print")
                highlighted: true
                enabled: !LabelsController.jobRunning && LabelsController.printer !== "" && LabelsController.items.count > 0
                onClicked: LabelsController.print()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Every label is read back before anything is sent (Ctrl+P)")
            }
            Button {
                Layout.fillWidth: true
                text: qsTr("Export…")
                enabled: !LabelsController.jobRunning && LabelsController.items.count > 0
                onClicked: {
                    saveDialog.selectedFile = LabelsController.suggestedExportFile();
                    saveDialog.open();
                }
            }
        }
    }

    FileDialog {
        id: saveDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Export labels")
        nameFilters: LabelsController.exportType === "sheet_pdf" ? [qsTr("PDF files (*.pdf)")] : [qsTr("ZIP archives (*.zip)")]
        onAccepted: LabelsController.exportTo(saveDialog.selectedFile)
    }
}
