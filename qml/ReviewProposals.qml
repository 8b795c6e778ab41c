// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// The server's proposals for the capture: each with its field, current and proposed value, confidence, reasoning
// and source, accepted or rejected one by one, then the accepted ones applied. Each decision is queued for the
// server in the same write that stores it.
ColumnLayout {
    id: root

    required property ReviewDetailView detail

    spacing: 6
    visible: root.detail.proposals.length > 0

    Label {
        Layout.fillWidth: true
        Layout.topMargin: 10
        text: qsTr("Proposals from the server")
        font.bold: true
        color: Theme.primary
    }

    Repeater {
        model: root.detail.proposals
        delegate: Rectangle {
            id: card
            required property var modelData
            Layout.fillWidth: true
            implicitHeight: body.implicitHeight + 16
            radius: Theme.radius
            color: "#f7f9fb"
            border.color: Theme.border

            ColumnLayout {
                id: body
                anchors.fill: parent
                anchors.margins: 8
                spacing: 2
                Label {
                    Layout.fillWidth: true
                    text: card.modelData.field
                    font.bold: true
                }
                Label {
                    Layout.fillWidth: true
                    text: (card.modelData.current !== "" ? card.modelData.current : qsTr("(empty)")) + "  →  " + card.modelData.proposed
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Confidence %1 · from %2").arg(card.modelData.confidence).arg(card.modelData.source)
                    color: Theme.muted
                    font.pixelSize: 12
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    visible: card.modelData.reasoning !== ""
                    text: card.modelData.reasoning
                    color: Theme.muted
                    font.pixelSize: 12
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: card.modelData.decisionText
                        color: card.modelData.decision === ReviewDetailView.Accepted ? Theme.good : card.modelData.decision === ReviewDetailView.Rejected ? Theme.bad : Theme.muted
                        font.pixelSize: 12
                    }
                    Button {
                        objectName: "acceptProposal"
                        text: qsTr("Accept")
                        enabled: card.modelData.decidable && card.modelData.decision !== ReviewDetailView.Accepted
                        onClicked: root.detail.accept(card.modelData.id)
                    }
                    Button {
                        objectName: "rejectProposal"
                        text: qsTr("Reject")
                        flat: true
                        enabled: card.modelData.decidable && card.modelData.decision !== ReviewDetailView.Rejected
                        onClicked: root.detail.reject(card.modelData.id)
                    }
                }
            }
        }
    }

    Button {
        objectName: "applyProposals"
        text: qsTr("Apply the accepted proposals")
        highlighted: true
        enabled: root.detail.canApply
        onClicked: root.detail.applyProposals()
    }
}
