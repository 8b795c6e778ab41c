// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A capture's photo at full size: the wheel, + and - zoom, drag pans, 0 fits it to the window again.
Popup {
    id: root

    property url source
    property real zoom: 1

    objectName: "reviewPhotoViewer"
    modal: true
    anchors.centerIn: Overlay.overlay
    width: (parent?.width ?? 800) - 48
    height: (parent?.height ?? 600) - 48
    padding: 8
    onAboutToShow: root.zoom = 1

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: "−"
                onClicked: root.zoom = Math.max(0.25, root.zoom / 1.25)
            }
            Label {
                text: Math.round(root.zoom * 100) + " %"
            }
            Button {
                text: "+"
                onClicked: root.zoom = Math.min(8, root.zoom * 1.25)
            }
            Button {
                text: qsTr("Fit")
                flat: true
                onClicked: root.zoom = 1
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Close")
                onClicked: root.close()
            }
        }
        Flickable {
            id: view
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: Math.max(view.width, view.width * root.zoom)
            contentHeight: Math.max(view.height, view.height * root.zoom)
            ScrollBar.vertical: ScrollBar {}
            ScrollBar.horizontal: ScrollBar {}
            Image {
                width: view.contentWidth
                height: view.contentHeight
                source: root.source
                fillMode: Image.PreserveAspectFit
                asynchronous: true
            }
            WheelHandler {
                onWheel: event => root.zoom = Math.max(0.25, Math.min(8, root.zoom * (event.angleDelta.y > 0 ? 1.15 : 1 / 1.15)))
            }
        }
    }
    Shortcut {
        sequences: ["+", "="]
        enabled: root.opened
        onActivated: root.zoom = Math.min(8, root.zoom * 1.25)
    }
    Shortcut {
        sequence: "-"
        enabled: root.opened
        onActivated: root.zoom = Math.max(0.25, root.zoom / 1.25)
    }
    Shortcut {
        sequence: "0"
        enabled: root.opened
        onActivated: root.zoom = 1
    }
}
