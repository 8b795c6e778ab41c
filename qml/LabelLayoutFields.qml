// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The layout labels are drawn with and the stock they go on: any stock of the library (the station's, the user's,
// glabels-data's), found by brand, part or size as the person types; and "New sheet" when a fresh sheet goes in.
ColumnLayout {
    id: root

    property var found: []

    function layoutIndex(layouts: var, name: string): int {
        for (let i = 0; i < layouts.length; ++i) {
            if (layouts[i].value === name)
                return i;
        }
        return 0;
    }

    function search(text: string) {
        root.found = LabelsController.options.searchStocks(text);
    }

    spacing: 4

    component FieldLabel: Label {
        color: Theme.muted
        font.pixelSize: 12
    }

    FieldLabel {
        text: qsTr("Layout")
    }
    ComboBox {
        objectName: "layout"
        Layout.fillWidth: true
        Accessible.name: qsTr("Layout")
        textRole: "text"
        valueRole: "value"
        model: LabelsController.options.layouts
        currentIndex: root.layoutIndex(LabelsController.options.layouts, LabelsController.options.layoutName)
        onActivated: LabelsController.options.layoutName = currentValue
        ToolTip.visible: hovered && !popup.visible
        ToolTip.delay: 800
        ToolTip.text: LabelsController.options.layouts[currentIndex]?.description ?? ""
    }

    FieldLabel {
        text: qsTr("Find a stock (brand, part, size)")
    }
    TextField {
        id: stockSearch
        objectName: "stockSearch"
        Layout.fillWidth: true
        Accessible.name: qsTr("Find a stock")
        placeholderText: qsTr("e.g. Avery 5160")
        onTextEdited: root.search(stockSearch.text)
    }
    ComboBox {
        objectName: "stockResults"
        Layout.fillWidth: true
        visible: stockSearch.text !== ""
        Accessible.name: qsTr("Stocks found")
        textRole: "text"
        valueRole: "value"
        model: root.found
        displayText: count === 0 ? qsTr("No stock matches") : qsTr("%1 found: choose one").arg(count)
        onActivated: {
            LabelsController.options.stock = currentValue;
            stockSearch.text = "";
        }
    }
    Label {
        objectName: "stockName"
        Layout.fillWidth: true
        text: LabelsController.options.stockName
        wrapMode: Text.Wrap
        font.pixelSize: 11
        color: Theme.muted
    }
    Button {
        objectName: "newSheet"
        Layout.bottomMargin: 6
        text: qsTr("New sheet")
        onClicked: LabelsController.options.newSheet()
        ToolTip.visible: hovered
        ToolTip.text: qsTr("A fresh sheet is in the printer: the next print starts at its first label")
    }
}
