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

    readonly property var sheet: LabelsController.options.sheet

    // The index of @p value in a combo box model (by @p key for lists of objects): a binding to indexOfValue()
    // runs before the model is there and is not run again.
    function indexIn(list, key, value) {
        for (let i = 0; i < list.length; ++i) {
            if ((key === "" ? list[i] : list[i][key]) === value)
                return i;
        }
        return -1;
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
                    StationComboBox {
                        objectName: "exportType"
                        Layout.fillWidth: true
                        ToolTip.visible: hovered && !popup.visible
                        ToolTip.delay: 800
                        ToolTip.text: displayText
                        Accessible.name: qsTr("Make")
                        textRole: "text"
                        valueRole: "value"
                        model: LabelsController.options.exportTypes
                        currentIndex: root.indexIn(LabelsController.options.exportTypes, "value", LabelsController.options.exportType)
                        onActivated: LabelsController.options.exportType = currentValue
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
                            visible: !LabelsController.options.thermal
                        }
                        ComboBox {
                            objectName: "fileFormat"
                            Layout.preferredWidth: 86
                            Accessible.name: qsTr("File")
                            model: LabelsController.options.formats
                            displayText: currentText.toUpperCase()
                            enabled: count > 1
                            currentIndex: root.indexIn(LabelsController.options.formats, "", LabelsController.options.fileFormat)
                            onActivated: LabelsController.options.fileFormat = currentText
                        }
                        StationComboBox {
                            objectName: "symbol"
                            Layout.fillWidth: true
                            visible: !LabelsController.options.thermal
                            ToolTip.visible: hovered && !popup.visible
                            ToolTip.delay: 800
                            ToolTip.text: displayText
                            Accessible.name: qsTr("Symbol")
                            textRole: "title"
                            valueRole: "name"
                            model: LabelsController.options.symbols
                            currentIndex: root.indexIn(LabelsController.options.symbols, "name", LabelsController.options.symbol)
                            onActivated: LabelsController.options.symbol = currentValue
                        }
                    }

                    FieldLabel {
                        text: qsTr("Symbol sizes by the GS1 table for")
                        visible: !LabelsController.options.thermal
                    }
                    StationComboBox {
                        objectName: "gs1Table"
                        Layout.fillWidth: true
                        visible: !LabelsController.options.thermal
                        ToolTip.visible: hovered && !popup.visible
                        ToolTip.delay: 800
                        ToolTip.text: displayText
                        Accessible.name: qsTr("Symbol sizes by the GS1 table for")
                        textRole: "text"
                        valueRole: "value"
                        model: LabelsController.options.gs1Tables
                        currentIndex: root.indexIn(LabelsController.options.gs1Tables, "value", LabelsController.options.gs1Table)
                        onActivated: LabelsController.options.gs1Table = currentValue
                    }

                    FieldLabel {
                        text: qsTr("Label stock")
                        visible: LabelsController.options.sheetExport
                    }
                    StationComboBox {
                        objectName: "template"
                        Layout.fillWidth: true
                        Accessible.name: qsTr("Label stock")
                        visible: LabelsController.options.sheetExport
                        textRole: "text"
                        valueRole: "name"
                        model: LabelsController.options.templates
                        currentIndex: root.indexIn(LabelsController.options.templates, "name", LabelsController.options.templateName)
                        onActivated: LabelsController.options.templateName = currentValue
                        ToolTip.visible: hovered
                        ToolTip.text: LabelsController.options.templates[currentIndex]?.description ?? ""
                    }
                    LabelLayoutFields {
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport
                    }
                    LabelThermalFields {
                        Layout.fillWidth: true
                        visible: LabelsController.options.thermal
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport
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
                        visible: LabelsController.options.sheetExport
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
                            value: LabelsController.options.startPosition
                            onValueModified: LabelsController.options.startPosition = value
                        }
                        SpinBox {
                            Layout.fillWidth: true
                            from: 1
                            to: 1000
                            editable: true
                            value: LabelsController.options.copiesPerItem
                            onValueModified: LabelsController.options.copiesPerItem = value
                        }
                    }
                    FieldLabel {
                        visible: LabelsController.options.sheetExport
                        text: qsTr("Each print starts")
                    }
                    StationComboBox {
                        objectName: "startPolicy"
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport
                        Accessible.name: qsTr("Each print starts")
                        textRole: "text"
                        valueRole: "value"
                        model: LabelsController.options.startPolicies
                        currentIndex: root.indexIn(LabelsController.options.startPolicies, "value", LabelsController.options.startPolicy)
                        onActivated: LabelsController.options.startPolicy = currentValue
                    }
                    // One above the other: side by side they are wider than a narrow panel.
                    ColumnLayout {
                        spacing: 0
                        visible: LabelsController.options.sheetExport
                        CheckBox {
                            text: qsTr("Text under codes")
                            checked: LabelsController.options.showHri
                            onToggled: LabelsController.options.showHri = checked
                        }
                        CheckBox {
                            text: qsTr("Outlines")
                            checked: LabelsController.options.outlines
                            onToggled: LabelsController.options.outlines = checked
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Draws the label edges: print on plain paper and hold it against a sheet to check alignment")
                        }
                    }

                    MenuSeparator {
                        Layout.fillWidth: true
                    }

                    FieldLabel {
                        text: qsTr("Printer")
                        visible: LabelsController.options.sheetExport
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport
                        StationComboBox {
                            objectName: "printer"
                            Layout.fillWidth: true
                            ToolTip.visible: hovered && !popup.visible
                            ToolTip.delay: 800
                            ToolTip.text: displayText
                            Accessible.name: qsTr("Printer")
                            textRole: "description"
                            valueRole: "name"
                            model: LabelsController.printing.printers
                            currentIndex: root.indexIn(LabelsController.printing.printers, "name", LabelsController.printing.printer)
                            displayText: count === 0 ? qsTr("No printers") : currentText
                            onActivated: LabelsController.printing.printer = currentValue
                        }
                        ToolButton {
                            text: "⟳"
                            onClicked: LabelsController.printing.refreshPrinters()
                            ToolTip.visible: hovered
                            ToolTip.text: qsTr("Look for printers again")
                        }
                    }
                    Label {
                        objectName: "noPrintersReason"
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport && text !== ""
                        text: LabelsController.printing.noPrintersReason
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: Theme.warn
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: 8
                        rowSpacing: 0
                        visible: LabelsController.options.sheetExport
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
                            value: LabelsController.printing.copies
                            onValueModified: LabelsController.printing.copies = value
                        }
                        TextField {
                            id: pagesField
                            objectName: "pages"
                            Layout.fillWidth: true
                            placeholderText: LabelsController.preview.pages > 1 ? qsTr("all %1").arg(LabelsController.preview.pages) : qsTr("all")
                            text: LabelsController.printing.pages
                            validator: RegularExpressionValidator {
                                regularExpression: /\s*\d*\s*([-–]\s*\d*)?\s*/
                            }
                            onEditingFinished: {
                                LabelsController.printing.setPages(text); // a refusal is said in the status
                                pagesField.text = Qt.binding(() => LabelsController.printing.pages);
                            }
                            ToolTip.visible: activeFocus
                            ToolTip.text: qsTr("A page (2) or a range (2-4, 3-); empty prints every page")
                        }
                    }
                    FieldLabel {
                        visible: LabelsController.options.sheetExport
                        text: qsTr("Printer offsets, mm (right, down)")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: LabelsController.options.sheetExport
                        Repeater {
                            model: ["offsetX", "offsetY"]
                            delegate: SpinBox {
                                id: offset
                                required property string modelData
                                Layout.fillWidth: true
                                from: -Math.round(LabelsController.printing.calibrationLimit * 10)
                                to: Math.round(LabelsController.printing.calibrationLimit * 10)
                                stepSize: 1
                                editable: true
                                value: Math.round(LabelsController.printing[offset.modelData] * 10)
                                textFromValue: v => (v / 10).toFixed(1)
                                valueFromText: t => Math.round(parseFloat(t) * 10)
                                onValueModified: LabelsController.printing[offset.modelData] = value / 10
                            }
                        }
                    }
                }
            }

            ColumnLayout {
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: historySearch
                        objectName: "historySearch"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Search serial, printer, stock, layout…")
                        Accessible.name: qsTr("Search the history")
                        onTextEdited: LabelsController.history.search = historySearch.text
                    }
                    ComboBox {
                        objectName: "historyFilter"
                        Layout.preferredWidth: 110
                        Accessible.name: qsTr("Show")
                        model: [qsTr("All"), qsTr("Printed"), qsTr("Reprinted"), qsTr("Voided"), qsTr("Tests")]
                        onActivated: index => LabelsController.history.actionFilter = index - 1
                    }
                }
                ListView {
                    id: history
                    objectName: "history"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 6
                    model: LabelsController.history
                    ScrollBar.vertical: ScrollBar {}
                    delegate: Rectangle {
                        id: entry
                        required property int action
                        required property string actionText
                        required property string itemsText
                        required property string firstItem
                        required property string when
                        required property string details
                        width: ListView.view.width
                        height: entryText.implicitHeight + 12
                        radius: Theme.radius
                        color: entry.action === PrintHistoryModel.Void ? Theme.badBackground
                             : entry.action === PrintHistoryModel.Reprint ? Theme.warnBackground : Theme.surface
                        ColumnLayout {
                            id: entryText
                            anchors.fill: parent
                            anchors.margins: 6
                            spacing: 1
                            RowLayout {
                                Label {
                                    text: entry.actionText
                                    font.bold: true
                                    color: Theme.text
                                }
                                Label {
                                    text: entry.itemsText
                                    color: Theme.text
                                }
                                Item {
                                    Layout.fillWidth: true
                                }
                                Label {
                                    text: entry.when
                                    color: Theme.muted
                                    font.pixelSize: 11
                                }
                            }
                            Label {
                                Layout.fillWidth: true
                                text: entry.firstItem
                                font.family: Theme.monoFont
                                font.pixelSize: 11
                                color: Theme.text
                                wrapMode: Text.WrapAnywhere
                            }
                            Label {
                                Layout.fillWidth: true
                                text: entry.details
                                color: Theme.muted
                                font.pixelSize: 11
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        visible: history.count === 0
                        text: LabelsController.history.totalCount > 0 ? qsTr("Nothing matches") : qsTr("Nothing printed yet")
                        color: Theme.muted
                    }
                }
            }
        }

        // The running job, or what the last one did.
        ColumnLayout {
            Layout.fillWidth: true
            visible: LabelsController.printing.jobRunning
            spacing: 2
            RowLayout {
                Label {
                    objectName: "jobProgressText"
                    Layout.fillWidth: true
                    text: LabelsController.printing.jobTitle + " · " + LabelsController.printing.jobPhaseText
                          + (LabelsController.printing.jobTotal > 0 ? " · %1 / %2".arg(LabelsController.printing.jobDone).arg(LabelsController.printing.jobTotal) : "")
                    wrapMode: Text.WordWrap
                    font.pixelSize: 12
                    color: Theme.text
                }
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    onClicked: LabelsController.printing.cancelJob()
                }
            }
            ProgressBar {
                objectName: "jobProgress"
                Layout.fillWidth: true
                from: 0
                to: Math.max(1, LabelsController.printing.jobTotal)
                value: LabelsController.printing.jobDone
                indeterminate: LabelsController.printing.jobTotal === 0
            }
        }
        Rectangle {
            Layout.fillWidth: true
            visible: LabelsController.status.text !== "" && !LabelsController.printing.jobRunning
            implicitHeight: messageColumn.implicitHeight + 12
            radius: Theme.radius
            color: LabelsController.status.severity === StatusMessage.Good ? Theme.goodBackground
                 : LabelsController.status.severity === StatusMessage.Error ? Theme.badBackground : Theme.warnBackground
            ColumnLayout {
                id: messageColumn
                anchors.fill: parent
                anchors.margins: 6
                spacing: 2
                RowLayout {
                    Label {
                        objectName: "jobMessage"
                        Layout.fillWidth: true
                        text: LabelsController.status.text
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: LabelsController.status.severity === StatusMessage.Good ? Theme.good
                             : LabelsController.status.severity === StatusMessage.Error ? Theme.bad : Theme.warn
                    }
                    ToolButton {
                        text: "✕"
                        onClicked: LabelsController.status.clear()
                    }
                }
                Repeater {
                    model: LabelsController.status.details
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
                visible: LabelsController.options.sheetExport || LabelsController.options.thermal
                text: qsTr("Print")
                highlighted: true
                enabled: !LabelsController.printing.jobRunning && LabelsController.selection.items.count > 0
                         && (LabelsController.options.thermal ? LabelsController.thermal.printer !== "" : LabelsController.printing.printer !== "")
                onClicked: LabelsController.printing.confirmPrint()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Every label is read back before anything is sent (Ctrl+P)")
            }
            Button {
                Layout.fillWidth: true
                objectName: "exportButton"
                text: LabelsController.options.thermal ? qsTr("Export ZPL…") : qsTr("Export…")
                enabled: !LabelsController.printing.jobRunning && LabelsController.selection.items.count > 0
                onClicked: {
                    saveDialog.selectedFile = LabelsController.printing.suggestedExportFile();
                    saveDialog.open();
                }
            }
        }
    }

    PrintConfirmDialog {
        id: confirmDialog
        objectName: "printConfirm"
        onConfirmed: reason => LabelsController.printing.print(reason)
    }
    Connections {
        target: LabelsController.printing
        function onConfirmationNeeded(summary: var) {
            confirmDialog.show(summary);
        }
    }

    FileDialog {
        id: saveDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Export labels")
        nameFilters: LabelsController.options.sheetExport ? [qsTr("PDF files (*.pdf)")]
                   : LabelsController.options.thermal ? [qsTr("ZPL files (*.zpl)")] : [qsTr("ZIP archives (*.zip)")]
        onAccepted: LabelsController.printing.exportTo(saveDialog.selectedFile)
    }
}
