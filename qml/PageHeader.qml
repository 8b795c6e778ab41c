// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The bar on top of every page: a title and whatever the page adds (children go into one row).
ToolBar {
    id: root

    property string title
    property int inset: 20
    default property alias content: row.data

    implicitHeight: 56
    background: Rectangle {
        color: Theme.card
        Rectangle {
            anchors.bottom: parent.bottom
            width: parent.width
            height: 1
            color: Theme.border
        }
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: root.inset
        anchors.rightMargin: 20
        spacing: 10

        Label {
            visible: root.title !== ""
            text: root.title
            font.pixelSize: 20
            font.bold: true
            color: Theme.text
        }
    }
}
