// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The products the labels print names from: those Closient named (filled by sync) and those edited here, searchable
// by GTIN, name or brand, each saying where its name comes from. A product is named here by GTIN (one Closient does
// not know is added); an edit wins over what a later sync brings until "Use Closient's" clears it.
StationDialog {
    id: root

    readonly property ProductsModel products: LabelsController.products
    // The product in the form: "" while a new one is typed.
    property string gtin: ""
    property bool editedHere: false
    property bool fromClosient: false
    property string closientName: ""
    property var stored: ({}) // the product as stored, to tell an edit from a look
    readonly property bool changed: root.gtin === "" || nameField.text.trim() !== root.stored.name
                                    || brandField.text.trim() !== root.stored.brand
                                    || descriptionField.text.trim() !== root.stored.description
    readonly property string problem: root.products.check(gtinField.text, nameField.text, brandField.text,
                                                           descriptionField.text)

    function pick(index: int) {
        root.stored = root.products.productAt(index);
        if (root.stored.gtin === undefined) {
            root.startNew();
            return;
        }
        list.currentIndex = index;
        root.gtin = root.stored.gtin;
        root.editedHere = root.stored.edited;
        root.fromClosient = root.stored.fromClosient;
        root.closientName = root.stored.closientName;
        gtinField.text = root.stored.gtin;
        nameField.text = root.stored.name;
        brandField.text = root.stored.brand;
        descriptionField.text = root.stored.description;
    }

    function startNew() {
        list.currentIndex = -1;
        root.stored = ({});
        root.gtin = "";
        root.editedHere = false;
        root.fromClosient = false;
        root.closientName = "";
        gtinField.text = "";
        nameField.text = "";
        brandField.text = "";
        descriptionField.text = "";
        gtinField.forceActiveFocus();
    }

    objectName: "productsDialog"
    title: qsTr("Products")
    actionText: ""
    cancelText: qsTr("Close")
    preferredWidth: 900

    onAboutToShow: {
        search.text = "";
        root.products.search = "";
        root.products.reload();
        root.startNew();
        search.forceActiveFocus();
    }

    component ProductRow: ItemDelegate {
        required property int index
        required property string gtin
        required property string name
        required property string brand
        required property string description
        required property string source
        required property bool edited
        required property bool fromClosient
        required property string closientName
    }

    // The list holds the product again when these come: the form shows it as stored.
    Connections {
        target: root.products
        function onSaved(gtin: string) {
            root.pick(root.products.indexOf(gtin));
        }
        function onCleared(gtin: string) {
            const index = root.products.indexOf(gtin);
            if (index >= 0)
                root.pick(index);
            else
                root.startNew();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        implicitHeight: 440

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: search
                objectName: "productSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search: GTIN, name or brand")
                onTextEdited: root.products.search = text
                Keys.onDownPressed: list.incrementCurrentIndex()
                Keys.onUpPressed: list.decrementCurrentIndex()
            }
            StationButton {
                objectName: "addProduct"
                text: qsTr("Add product…")
                onClicked: root.startNew()
            }
        }
        Label {
            text: root.products.count === 1 ? qsTr("1 product") : qsTr("%1 products").arg(root.products.count)
            color: Theme.muted
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 12

            ListView {
                id: list
                objectName: "productList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 120
                clip: true
                model: root.products
                currentIndex: -1
                highlightMoveDuration: 0
                ScrollBar.vertical: ScrollBar {}
                // Up and down in the search field move through the list: the form follows.
                onCurrentIndexChanged: {
                    if (list.currentIndex >= 0 && list.currentIndex !== root.products.indexOf(root.gtin))
                        root.pick(list.currentIndex);
                }
                delegate: ProductRow {
                    id: row
                    width: ListView.view.width
                    highlighted: ListView.isCurrentItem
                    onClicked: root.pick(row.index)
                    contentItem: ColumnLayout {
                        spacing: 2
                        RowLayout {
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: row.name !== "" ? row.name : qsTr("(no name)")
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Label {
                                text: row.source
                                color: row.edited ? Theme.accent : Theme.muted
                                font.pixelSize: 12
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.brand !== "" ? row.gtin + " · " + row.brand : row.gtin
                            color: Theme.muted
                            font.pixelSize: 12
                            elide: Text.ElideRight
                        }
                    }
                }
                Label {
                    anchors.centerIn: parent
                    width: parent.width - 24
                    visible: list.count === 0 && !root.products.busy
                    text: search.text !== "" ? qsTr("No product matches.")
                                             : qsTr("No products yet: sync fills them, or add one by its GTIN.")
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    color: Theme.muted
                }
            }

            GridLayout {
                Layout.preferredWidth: 380
                Layout.maximumWidth: 380
                Layout.alignment: Qt.AlignTop
                columns: 2
                columnSpacing: 8
                rowSpacing: 6

                Label {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    objectName: "productSource"
                    text: root.gtin === "" ? qsTr("A new product: its GTIN, the name to print and its brand.")
                        : root.editedHere ? (root.fromClosient ? qsTr("Edited here. Closient calls it “%1”.").arg(root.closientName)
                                                               : qsTr("Edited here. Closient has not named it yet."))
                        : qsTr("As Closient names it. An edit here is printed instead, also after a sync.")
                    wrapMode: Text.Wrap
                    color: Theme.muted
                }
                Label { text: qsTr("GTIN") }
                TextField {
                    id: gtinField
                    objectName: "productGtin"
                    Layout.fillWidth: true
                    font.family: Theme.monoFont
                    maximumLength: 14
                    inputMethodHints: Qt.ImhDigitsOnly
                    placeholderText: qsTr("8, 12, 13 or 14 digits")
                    readOnly: root.gtin !== ""
                }
                Label { text: qsTr("Name") }
                TextField {
                    id: nameField
                    objectName: "productName"
                    Layout.fillWidth: true
                    maximumLength: 200
                    placeholderText: qsTr("As labels print it")
                }
                Label { text: qsTr("Brand") }
                TextField {
                    id: brandField
                    objectName: "productBrand"
                    Layout.fillWidth: true
                    maximumLength: 200
                }
                Label { text: qsTr("Description") }
                TextField {
                    id: descriptionField
                    objectName: "productDescription"
                    Layout.fillWidth: true
                    maximumLength: 2000
                }
                Label {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    objectName: "productProblem"
                    visible: text !== ""
                    text: root.products.error !== "" ? root.products.error
                        : (gtinField.text !== "" && nameField.text !== "" ? root.problem : "")
                    wrapMode: Text.Wrap
                    color: Theme.bad
                }
                RowLayout {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Item { Layout.fillWidth: true }
                    StationButton {
                        objectName: "clearProduct"
                        text: root.fromClosient ? qsTr("Use Closient's") : qsTr("Forget")
                        visible: root.editedHere
                        enabled: !root.products.busy
                        onClicked: root.products.clear(root.gtin)
                    }
                    StationButton {
                        objectName: "saveProduct"
                        text: root.gtin === "" ? qsTr("Add") : qsTr("Save edit")
                        highlighted: true
                        enabled: root.problem === "" && root.changed && !root.products.busy
                        onClicked: root.products.save(gtinField.text, nameField.text, brandField.text,
                                                      descriptionField.text)
                    }
                }
            }
        }
    }
}
