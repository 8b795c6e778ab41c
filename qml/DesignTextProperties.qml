// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// A text object's properties: the text with its fields (inserted from the list at the cursor), the font, sizes,
// weight, alignment, how it fits its box, and whether a missing value stops the label.
GridLayout {
    id: root

    required property DesignerController controller
    readonly property DesignerItem item: root.controller.current

    columns: 2
    columnSpacing: 6
    rowSpacing: 4

    Label {
        text: qsTr("Text")
        Layout.alignment: Qt.AlignTop
    }
    TextArea {
        id: textArea
        objectName: "textField"
        text: root.item.text
        wrapMode: TextEdit.Wrap
        Layout.fillWidth: true
        Layout.minimumHeight: 56
        onTextChanged: if (activeFocus && text !== root.item.text) root.item.text = text
    }
    Label { text: qsTr("Field") }
    StationComboBox {
        objectName: "fieldBox"
        model: root.controller.fields
        displayText: qsTr("Insert a field…")
        Layout.fillWidth: true
        onActivated: i => {
            root.item.insertField(root.controller.fields[i], textArea.cursorPosition);
        }
    }
    Item { implicitWidth: 1 }
    Button {
        text: qsTr("Columns from a CSV file…")
        flat: true
        Layout.fillWidth: true
        onClicked: csvDialog.open()
        FileDialog {
            id: csvDialog
            title: qsTr("Columns of the CSV file to print from")
            nameFilters: [qsTr("CSV files (*.csv *.txt)")]
            onAccepted: root.controller.useCsvColumns(csvDialog.selectedFile)
        }
    }
    Label { text: qsTr("Font") }
    StationComboBox {
        model: [qsTr("Sans"), qsTr("OCR-B"), qsTr("Mono")]
        currentIndex: root.item.font
        Layout.fillWidth: true
        onActivated: i => root.item.font = i
    }
    Label { text: qsTr("Size pt") }
    SpinBox {
        from: 1
        to: 500
        value: Math.round(root.item.fontSize)
        editable: true
        Layout.fillWidth: true
        onValueModified: root.item.fontSize = value
    }
    Label { text: qsTr("Smallest pt") }
    SpinBox {
        from: 1
        to: 500
        value: Math.round(root.item.minFontSize)
        editable: true
        Layout.fillWidth: true
        onValueModified: root.item.minFontSize = value
    }
    Label { text: qsTr("Align") }
    StationComboBox {
        model: [qsTr("Left"), qsTr("Centre"), qsTr("Right")]
        currentIndex: root.item.align
        Layout.fillWidth: true
        onActivated: i => root.item.align = i
    }
    Label { text: qsTr("Vertical") }
    StationComboBox {
        model: [qsTr("Top"), qsTr("Middle"), qsTr("Bottom")]
        currentIndex: root.item.valign
        Layout.fillWidth: true
        onActivated: i => root.item.valign = i
    }
    Label { text: qsTr("Fit") }
    StationComboBox {
        model: [qsTr("Shrink to fit"), qsTr("Wrap, then shrink")]
        currentIndex: root.item.fit
        Layout.fillWidth: true
        onActivated: i => root.item.fit = i
    }
    Item { implicitWidth: 1 }
    RowLayout {
        CheckBox {
            text: qsTr("Bold")
            checked: root.item.bold
            onToggled: root.item.bold = checked
        }
        CheckBox {
            text: qsTr("Required")
            checked: root.item.required
            onToggled: root.item.required = checked
            ToolTip.visible: hovered
            ToolTip.text: qsTr("A label whose value is missing here is not printed")
        }
    }
}
