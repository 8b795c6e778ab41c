// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Closient.Station.Models

// The brand manager's review of every capture: filters on top, the captures (a table, or photo thumbnails) in the
// middle, the capture's details on the right. Keyboard first: j / k move, Space selects, Enter opens the details,
// r marks reviewed, f flags, u sets back to unreviewed, / searches, Escape goes back to the list.
Page {
    id: root

    readonly property bool compact: root.width < 1100
    property bool photoGrid: false
    property bool detailOpen: true

    background: Rectangle {
        color: Theme.surface
    }

    // Keyboard first: arriving on the page puts the keys in the table (j moves to the first capture).
    onVisibleChanged: {
        if (root.visible)
            table.focusList();
    }
    Component.onCompleted: {
        if (root.visible)
            table.focusList();
    }

    function flagSelection() {
        if (ReviewController.targetCount() > 0)
            flagDialog.open();
        else
            messageLabel.show(qsTr("Pick a capture first (j and k move, Space selects)."), true);
    }

    Connections {
        target: ReviewController
        function onMessage(text: string, error: bool) {
            messageLabel.show(text, error);
        }
    }

    header: PageHeader {
        title: root.compact ? "" : qsTr("Review")
        inset: root.compact ? 12 : 20

        TextField {
            id: searchField
            objectName: "reviewSearch"
            Layout.fillWidth: true
            Layout.maximumWidth: 420
            placeholderText: qsTr("Search code, product, lot, serial  ( / )")
            text: ReviewController.filters.search
            onTextEdited: ReviewController.filters.search = searchField.text
            Keys.onEscapePressed: table.focusList()
            Keys.onReturnPressed: table.focusList()
            Keys.onDownPressed: table.focusList()
        }
        Label {
            Layout.fillWidth: true
            text: ReviewController.summary
            color: Theme.muted
            elide: Text.ElideRight
        }
        Button {
            objectName: "photoGridButton"
            text: root.photoGrid ? qsTr("Table") : qsTr("Photos")
            flat: true
            onClicked: root.photoGrid = !root.photoGrid
        }
        Button {
            objectName: "exportButton"
            text: qsTr("Export CSV…")
            enabled: ReviewController.model.total > 0
            onClicked: {
                exportDialog.selectedFile = ReviewController.suggestedExportFile();
                exportDialog.open();
            }
        }
    }

    Shortcut {
        sequence: "/"
        enabled: root.visible
        onActivated: searchField.forceActiveFocus()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ReviewFilterBar {
            Layout.fillWidth: true
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 0

                ReviewTable {
                    id: table
                    objectName: "reviewTable"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: !root.photoGrid
                    onOpenRequested: {
                        root.detailOpen = true;
                        detailPane.forceActiveFocus();
                    }
                    onFlagRequested: root.flagSelection()
                    onSearchRequested: searchField.forceActiveFocus()
                }
                ReviewPhotoGrid {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visible: root.photoGrid
                }

                // What the actions work on, and the actions.
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: actions.implicitHeight + 12
                    color: Theme.card
                    border.color: Theme.border

                    RowLayout {
                        id: actions
                        anchors.fill: parent
                        anchors.margins: 6
                        anchors.leftMargin: Theme.spacing
                        spacing: 6

                        Button {
                            objectName: "markReviewedButton"
                            text: qsTr("Reviewed (r)")
                            highlighted: true
                            enabled: !ReviewController.busy
                            onClicked: ReviewController.markReviewed()
                        }
                        Button {
                            objectName: "flagButton"
                            text: qsTr("Flag… (f)")
                            enabled: !ReviewController.busy
                            onClicked: root.flagSelection()
                        }
                        Button {
                            objectName: "unreviewButton"
                            text: qsTr("Unreviewed (u)")
                            flat: true
                            enabled: !ReviewController.busy
                            onClicked: ReviewController.markUnreviewed()
                        }
                        Button {
                            text: qsTr("Clear selection")
                            flat: true
                            visible: ReviewController.model.selectedCount > 0
                            onClicked: ReviewController.model.clearSelection()
                        }
                        Label {
                            id: messageLabel
                            objectName: "reviewMessage"
                            property bool error: false
                            function show(text: string, error: bool) {
                                messageLabel.text = text;
                                messageLabel.error = error;
                            }
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignRight
                            elide: Text.ElideRight
                            color: messageLabel.error ? Theme.bad : Theme.good
                        }
                    }
                }
            }

            ReviewDetailPane {
                id: detailPane
                objectName: "reviewDetail"
                Layout.preferredWidth: root.compact ? 320 : 400
                Layout.fillHeight: true
                visible: root.detailOpen && ReviewController.currentId !== ""
                onCloseRequested: {
                    root.detailOpen = false;
                    table.focusList();
                }
                onCorrectGtinRequested: gtinDialog.open()
            }
        }
    }

    ReviewFlagDialog {
        id: flagDialog
        returnFocusTo: table
    }
    ReviewGtinDialog {
        id: gtinDialog
        returnFocusTo: table
    }
    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        title: qsTr("Export the captures shown")
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: ReviewController.exportCsv(exportDialog.selectedFile)
    }
}
