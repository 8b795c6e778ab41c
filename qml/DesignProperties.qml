// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The current object's properties: place and size in millimetres, rotation, and what its kind has (text: the text
// with fields, font, size, smallest size, bold, alignment, fit, required; symbol: symbology, data elements, human
// readable text; lines and boxes: stroke, fill). Each change is one step to undo.
Pane {
    id: root

    required property DesignerController controller
    readonly property DesignerItem item: root.controller.current
    readonly property bool isText: root.item.present && root.item.type === DesignerObjectModel.Text
    readonly property bool isSymbol: root.item.present && root.item.type === DesignerObjectModel.Symbol
    readonly property bool isShape: root.item.present && (root.item.type === DesignerObjectModel.Box || root.item.type === DesignerObjectModel.Line)

    padding: 8
    background: Rectangle {
        color: Theme.card
        radius: Theme.radius
        border.color: Theme.border
    }

    component MmField: SpinBox {
        id: spin
        required property real mm
        signal edited(real mm)
        from: -20000
        to: 20000
        stepSize: 10
        editable: true
        value: Math.round(spin.mm * 100)
        textFromValue: (v, locale) => Number(v / 100).toLocaleString(locale, "f", 2)
        valueFromText: (t, locale) => Math.round(Number.fromLocaleString(locale, t) * 100)
        onValueModified: spin.edited(spin.value / 100)
        Layout.fillWidth: true
        Layout.minimumWidth: 90
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 6

            Label {
                text: root.item.present ? qsTr("Properties") : root.controller.selectionCount > 1 ? qsTr("%1 objects selected").arg(root.controller.selectionCount) : qsTr("Select an object on the label to change it, or add one.")
                font.bold: root.item.present
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                objectName: "propertiesProblem"
                visible: root.item.problem !== ""
                text: root.item.problem
                wrapMode: Text.Wrap
                color: root.item.blocking ? Theme.bad : Theme.warn
                Layout.fillWidth: true
            }

            GridLayout {
                visible: root.item.present
                columns: 2
                columnSpacing: 6
                rowSpacing: 4
                Layout.fillWidth: true
                Label { text: qsTr("Name") }
                TextField {
                    objectName: "objectIdField"
                    text: root.item.objectId
                    Layout.fillWidth: true
                    onEditingFinished: root.item.objectId = text
                }
                Label { text: qsTr("X mm") }
                MmField { objectName: "xField"; mm: root.item.x; onEdited: v => root.item.x = v }
                Label { text: qsTr("Y mm") }
                MmField { mm: root.item.y; onEdited: v => root.item.y = v }
                Label { text: qsTr("Width mm") }
                MmField { mm: root.item.width; onEdited: v => root.item.width = v }
                Label { text: qsTr("Height mm") }
                MmField { mm: root.item.height; onEdited: v => root.item.height = v }
                Label { text: qsTr("Rotation") }
                StationComboBox {
                    model: ["0°", "90°", "180°", "270°"]
                    currentIndex: root.item.rotation / 90
                    Layout.fillWidth: true
                    onActivated: i => root.item.rotation = i * 90
                }
            }

            DesignTextProperties {
                visible: root.isText
                controller: root.controller
                Layout.fillWidth: true
            }

            // Symbol
            GridLayout {
                visible: root.isSymbol
                columns: 2
                columnSpacing: 6
                rowSpacing: 4
                Layout.fillWidth: true
                Label { text: qsTr("Symbology") }
                StationComboBox {
                    objectName: "symbologyBox"
                    model: [qsTr("GS1 DataMatrix"), qsTr("GS1 QR Code"), qsTr("GS1 Digital Link QR"), qsTr("GS1-128"), qsTr("EAN-13"), qsTr("UPC-A"), qsTr("ITF-14"), qsTr("GS1 DataBar"), qsTr("GS1 DataBar Expanded")]
                    currentIndex: root.item.symbology
                    Layout.fillWidth: true
                    onActivated: i => root.item.symbology = i
                }
                Label {
                    text: qsTr("Data")
                    Layout.alignment: Qt.AlignTop
                }
                TextArea {
                    text: root.item.elements
                    placeholderText: qsTr("One AI a line, e.g. 01 {gtin}\nEmpty: GTIN, dates, lot and serial")
                    wrapMode: TextEdit.NoWrap
                    font.family: Theme.monoFont
                    Layout.fillWidth: true
                    onEditingFinished: root.item.elements = text
                }
                Label { text: qsTr("Text below") }
                CheckBox {
                    text: qsTr("Human readable")
                    checked: root.item.humanReadable
                    onToggled: root.item.humanReadable = checked
                }
            }

            // Lines and boxes
            GridLayout {
                visible: root.isShape
                columns: 2
                columnSpacing: 6
                rowSpacing: 4
                Layout.fillWidth: true
                Label { text: qsTr("Line mm") }
                MmField { mm: root.item.stroke; onEdited: v => root.item.stroke = v }
                Label {
                    visible: root.item.type === DesignerObjectModel.Box
                    text: qsTr("Corners mm")
                }
                MmField {
                    visible: root.item.type === DesignerObjectModel.Box
                    mm: root.item.cornerRadius
                    onEdited: v => root.item.cornerRadius = v
                }
                Item {
                    visible: root.item.type === DesignerObjectModel.Box
                    implicitWidth: 1
                }
                CheckBox {
                    objectName: "filledBox"
                    visible: root.item.type === DesignerObjectModel.Box
                    text: qsTr("Filled")
                    checked: root.item.filled
                    onToggled: root.item.filled = checked
                }
            }
            CheckBox {
                visible: root.item.present && root.item.type === DesignerObjectModel.Image
                text: qsTr("Keep proportions")
                checked: root.item.keepAspect
                onToggled: root.item.keepAspect = checked
            }
        }
    }
}
