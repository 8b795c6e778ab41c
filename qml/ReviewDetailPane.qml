// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// Everything about the current capture: review state, GS1 breakdown with its errors in plain words, the product
// the GTIN matches, photos (click to zoom), the server's proposals, the status history, GTIN corrections and the
// session. Escape goes back to the table.
Rectangle {
    id: root

    readonly property ReviewDetailView detail: ReviewController.detail
    // The maps of the detail, as plain objects (see ReviewDetailView for their keys).
    readonly property var capture: root.detail.capture
    readonly property var product: root.detail.product
    readonly property var session: root.detail.session
    signal closeRequested
    signal correctGtinRequested

    color: Theme.card
    border.color: Theme.border
    Keys.onEscapePressed: root.closeRequested()

    component Heading: Label {
        Layout.fillWidth: true
        Layout.topMargin: 10
        font.bold: true
        color: Theme.primary
    }
    component Line: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 13
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        anchors.margins: 1
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth - 24
            x: 12
            spacing: 3

            RowLayout {
                Layout.fillWidth: true
                Layout.topMargin: 10
                Label {
                    Layout.fillWidth: true
                    text: root.capture.code ?? ""
                    font.family: Theme.monoFont
                    font.bold: true
                    wrapMode: Text.WrapAnywhere
                }
                ToolButton {
                    text: "✕"
                    onClicked: root.closeRequested()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Close the details (Esc)")
                }
            }
            Line {
                text: qsTr("%1 · %2 · %3").arg(root.capture.time ?? "").arg(root.capture.type ?? "").arg(root.capture.status ?? "")
                color: Theme.muted
            }
            Line {
                visible: (root.capture.serverError ?? "") !== ""
                text: qsTr("Server: %1").arg(root.capture.serverError ?? "")
                color: Theme.bad
            }
            Line {
                objectName: "detailMark"
                text: (root.capture.markText ?? "") + ((root.capture.reviewedBy ?? "") !== "" ? qsTr(" by %1, %2").arg(root.capture.reviewedBy).arg(root.capture.reviewedText) : "")
                color: root.capture.mark === ReviewModel.Flagged ? Theme.bad : root.capture.mark === ReviewModel.Reviewed ? Theme.good : Theme.muted
                font.bold: true
            }
            Line {
                visible: (root.capture.note ?? "") !== ""
                text: qsTr("Note: %1").arg(root.capture.note ?? "")
            }
            Line {
                visible: root.capture.voided ?? false
                text: qsTr("Voided at the station: it no longer counts.")
                color: Theme.warn
            }

            Heading {
                text: qsTr("GS1 data")
            }
            ParsePreview {
                Layout.fillWidth: true
                parse: root.detail.parse
            }

            Heading {
                text: qsTr("Product")
            }
            RowLayout {
                Layout.fillWidth: true
                Line {
                    text: qsTr("GTIN %1").arg(root.capture.gtin ?? "") + ((root.capture.gtinCorrected ?? false) ? qsTr(" (corrected; captured %1)").arg(root.capture.capturedGtin) : "")
                    font.family: Theme.monoFont
                }
                Button {
                    objectName: "correctGtinButton"
                    Layout.preferredWidth: implicitWidth
                    text: qsTr("Correct…")
                    flat: true
                    onClicked: root.correctGtinRequested()
                }
            }
            Line {
                text: (root.product.name ?? "") !== "" ? qsTr("%1 — %2").arg(root.product.name).arg(root.product.brand ?? "") : qsTr("No product in the cache for this GTIN.")
                color: (root.product.name ?? "") !== "" ? Theme.text : Theme.muted
            }

            Heading {
                text: qsTr("Photos")
                visible: root.detail.photos.length > 0
            }
            Flow {
                Layout.fillWidth: true
                spacing: 6
                visible: root.detail.photos.length > 0
                Repeater {
                    model: root.detail.photos
                    delegate: Image {
                        id: thumb
                        required property var modelData
                        width: 96
                        height: 96
                        source: thumb.modelData.url
                        sourceSize.width: 192
                        sourceSize.height: 192
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        TapHandler {
                            onTapped: {
                                viewer.source = thumb.modelData.url;
                                viewer.open();
                            }
                        }
                    }
                }
            }

            ReviewProposals {
                Layout.fillWidth: true
                detail: root.detail
            }

            Heading {
                text: qsTr("Server status history")
            }
            Line {
                visible: root.detail.history.length === 0
                text: qsTr("The server has not reported on this capture yet.")
                color: Theme.muted
            }
            Repeater {
                model: root.detail.history
                delegate: Line {
                    required property var modelData
                    text: modelData.time + " · " + modelData.status + (modelData.error !== "" ? " · " + modelData.error : "") + (modelData.product !== "" ? " · " + modelData.product : "")
                }
            }

            Heading {
                text: qsTr("GTIN corrections")
                visible: root.detail.corrections.length > 0
            }
            Repeater {
                model: root.detail.corrections
                delegate: Line {
                    required property var modelData
                    text: qsTr("%1: %2 → %3 by %4").arg(modelData.time).arg(modelData.from).arg(modelData.to).arg(modelData.by)
                }
            }

            Heading {
                text: qsTr("Session")
            }
            Line {
                text: (root.session.name ?? "") + " · " + (root.session.status ?? "")
            }
            Line {
                text: qsTr("Started %1").arg(root.session.created ?? "") + ((root.session.ended ?? "") !== "" ? qsTr(", ended %1").arg(root.session.ended) : "")
                color: Theme.muted
            }
            Repeater {
                model: root.session.metadata ?? []
                delegate: Line {
                    required property string modelData
                    text: modelData
                    color: Theme.muted
                }
            }
            Item {
                Layout.preferredHeight: 12
            }
        }
    }

    ReviewPhotoViewer {
        id: viewer
    }
}
