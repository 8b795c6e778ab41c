// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models
import Closient.Station.Ui

// Choosing a label stock: every stock the station knows (its own, yours, glabels-data's), by brand, part and
// description, narrowed as you type and by brand, with a drawing of the sheet. Round and oval labels are drawn as
// they are cut. The result is stockId (for programs; people only ever see the name); `chosen` says it was picked.
StationDialog {
    id: root

    property string stockId
    signal chosen(string stockId)

    /// The display name of any stock, for the dialog's owner to show what was chosen.
    function nameOf(id: string): string {
        return stocks.displayName(id);
    }

    title: qsTr("Choose a label stock")
    actionText: qsTr("Choose")
    actionEnabled: list.currentItem !== null
    preferredWidth: 860
    onAction: {
        root.stockId = list.currentStockId;
        root.chosen(root.stockId);
        root.close();
    }
    onAboutToShow: {
        search.text = "";
        brand.currentIndex = 0;
        list.currentIndex = root.stockId !== "" ? stocks.indexOf(root.stockId) : -1;
        list.positionViewAtIndex(Math.max(0, list.currentIndex), ListView.Center);
        search.forceActiveFocus();
    }

    // The model is filtered again before these are signalled: a new search or brand highlights its first stock.
    component StockRow: ItemDelegate {
        required property int index
        required property string stockId
        required property string displayName
    }

    StockListModel {
        id: stocks
        search: search.text
        brand: brand.currentIndex > 0 ? brand.currentText : ""
        onSearchChanged: list.currentIndex = stocks.count > 0 && stocks.search !== "" ? 0 : -1
        onBrandChanged: list.currentIndex = stocks.count > 0 ? 0 : -1
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        implicitHeight: 460

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "stockSearch"
                placeholderText: qsTr("Search: brand, part number, size, “round”…")
                Layout.fillWidth: true
                Keys.onDownPressed: list.incrementCurrentIndex()
                Keys.onUpPressed: list.decrementCurrentIndex()
                Keys.onReturnPressed: if (root.actionEnabled) root.action()
            }
            Label { text: qsTr("Brand") }
            ComboBox {
                id: brand
                objectName: "stockBrand"
                Keys.onPressed: event => root.keyPressed(event)
                model: stocks.brands // "" first: every brand
                displayText: brand.currentIndex <= 0 ? qsTr("All brands") : brand.currentText
                delegate: ItemDelegate {
                    required property int index
                    required property string modelData
                    width: ListView.view.width
                    text: index === 0 ? qsTr("All brands") : modelData
                    highlighted: brand.highlightedIndex === index
                }
                Layout.preferredWidth: 170
            }
        }
        Label {
            text: qsTr("%1 of %2 stocks").arg(stocks.count).arg(stocks.total)
            color: Theme.muted
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            ListView {
                id: list
                objectName: "stockList"
                // Read from the highlighted row itself: a row index alone stays 0 when a new search fills the list
                // again, and what is drawn and chosen would be the stock of the search before.
                readonly property var currentRow: list.currentItem // a StockRow
                readonly property string currentStockId: list.currentRow ? list.currentRow.stockId : ""
                readonly property string currentName: list.currentRow ? list.currentRow.displayName : ""
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 160
                clip: true
                model: stocks
                currentIndex: -1
                highlightMoveDuration: 0
                ScrollBar.vertical: ScrollBar {}
                delegate: StockRow {
                    id: row
                    width: ListView.view.width
                    text: row.displayName
                    highlighted: ListView.isCurrentItem
                    onClicked: list.currentIndex = row.index
                    onDoubleClicked: {
                        list.currentIndex = row.index;
                        root.action();
                    }
                    contentItem: Label {
                        text: row.text
                        elide: Text.ElideRight
                    }
                    ToolTip.visible: hovered && implicitContentWidth > availableWidth
                    ToolTip.text: row.displayName
                    ToolTip.delay: 600
                }
            }
            ColumnLayout {
                Layout.preferredWidth: 220
                Layout.maximumWidth: 220
                Layout.fillHeight: true
                StockSheet {
                    objectName: "stockSheet"
                    stockId: list.currentStockId
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.minimumHeight: 100
                    Layout.preferredHeight: 270
                }
                Label {
                    objectName: "stockName"
                    text: list.currentItem ? list.currentName : qsTr("Pick a stock to see its sheet")
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                    color: Theme.muted
                }
            }
        }
    }
}
