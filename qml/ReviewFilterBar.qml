// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Closient.Station.Models

// The review's filters: session, dates, type, server status, GTIN or brand, photos, parse errors, review state.
// Each one applies as it changes; the choices and their words come from ReviewFilters.
Rectangle {
    id: root

    readonly property ReviewFilters filters: ReviewController.filters

    implicitHeight: flow.implicitHeight + 12
    color: Theme.card
    border.color: Theme.border

    Flow {
        id: flow
        anchors.fill: parent
        anchors.margins: 6
        anchors.leftMargin: Theme.spacing
        spacing: 6

        ComboBox {
            id: sessionBox
            objectName: "sessionFilter"
            width: 190
            textRole: "name"
            valueRole: "id"
            model: ReviewController.sessions
            currentIndex: Math.max(0, sessionBox.indexOfValue(root.filters.sessionId))
            onActivated: root.filters.sessionId = sessionBox.currentValue
        }
        TextField {
            id: fromField
            objectName: "fromFilter"
            width: 104
            ToolTip.visible: fromField.activeFocus
            ToolTip.text: qsTr("First day, as 2026-11-30")
            placeholderText: qsTr("From date")
            text: root.filters.fromDate
            onEditingFinished: root.filters.fromDate = fromField.text
        }
        TextField {
            id: toField
            objectName: "toFilter"
            width: 104
            ToolTip.visible: toField.activeFocus
            ToolTip.text: qsTr("Last day, as 2026-11-30")
            placeholderText: qsTr("To date")
            text: root.filters.toDate
            onEditingFinished: root.filters.toDate = toField.text
        }
        ComboBox {
            objectName: "typeFilter"
            width: 136
            model: root.filters.captureTypeNames
            currentIndex: root.filters.captureType
            onActivated: index => root.filters.captureType = index
        }
        ComboBox {
            objectName: "statusFilter"
            width: 140
            model: root.filters.serverStatusNames
            currentIndex: root.filters.serverStatus
            onActivated: index => root.filters.serverStatus = index
        }
        TextField {
            id: productField
            objectName: "productFilter"
            width: 160
            placeholderText: qsTr("GTIN or brand")
            text: root.filters.product
            onEditingFinished: root.filters.product = productField.text
        }
        ComboBox {
            objectName: "photoFilter"
            width: 156
            model: root.filters.photoNames
            currentIndex: root.filters.photo
            onActivated: index => root.filters.photo = index
        }
        ComboBox {
            objectName: "parseFilter"
            width: 178
            model: root.filters.parseErrorNames
            currentIndex: root.filters.parseErrors
            onActivated: index => root.filters.parseErrors = index
        }
        ComboBox {
            objectName: "reviewFilter"
            width: 150
            model: root.filters.reviewNames
            currentIndex: root.filters.review
            onActivated: index => root.filters.review = index
        }
        Button {
            text: qsTr("Clear filters")
            flat: true
            visible: root.filters.active
            onClicked: root.filters.clear()
        }
    }
}
