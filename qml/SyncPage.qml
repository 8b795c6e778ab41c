// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// What goes to Closient and what came back: online or not, the queue by kind, records the server refused (with its
// words, to retry or give up), the pace the rate limit allows, and a bar while the queue drains.
Page {
    id: root

    signal settingsRequested

    background: Rectangle {
        color: Theme.surface
    }

    onVisibleChanged: if (visible)
        SyncController.refresh()

    header: PageHeader {
        title: qsTr("Sync")

        Item {
            Layout.fillWidth: true
        }
        Rectangle {
            objectName: "onlineChip"
            radius: height / 2
            implicitHeight: 26
            implicitWidth: onlineLabel.implicitWidth + 24
            color: !SyncController.connected ? "#eef1f5" : SyncController.online ? Theme.goodBackground : Theme.warnBackground
            Label {
                id: onlineLabel
                anchors.centerIn: parent
                text: !SyncController.connected ? qsTr("Not connected") : SyncController.online ? qsTr("Online") : qsTr("Offline")
                color: !SyncController.connected ? Theme.muted : SyncController.online ? Theme.good : Theme.warn
                font.bold: true
            }
        }
        Button {
            objectName: "syncNowButton"
            text: qsTr("Sync now")
            enabled: SyncController.connected
            highlighted: true
            onClicked: SyncController.syncNow()
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        implicitWidth: 640
        implicitHeight: 480
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            x: 20
            width: scroll.availableWidth - 40
            spacing: Theme.spacing

            Item {
                implicitHeight: 8
            }

            // Not connected: say where to connect.
            Frame {
                objectName: "notConnectedBanner"
                Layout.fillWidth: true
                visible: !SyncController.connected
                background: Rectangle {
                    color: Theme.warnBackground
                    radius: Theme.radius
                }
                RowLayout {
                    width: parent.width
                    Label {
                        Layout.fillWidth: true
                        text: SyncController.accountError !== "" ? SyncController.accountError : qsTr("The station is not connected to Closient. Everything is kept here and goes once a key is set.")
                        wrapMode: Text.WordWrap
                    }
                    Button {
                        objectName: "connectButton"
                        text: qsTr("Connect…")
                        onClicked: root.settingsRequested()
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: SyncController.connected ? qsTr("Closient: %1").arg(SyncController.organisation) : qsTr("Closient")
                ColumnLayout {
                    width: parent.width
                    spacing: 6
                    Label {
                        Layout.fillWidth: true
                        text: SyncController.pending === 0 ? qsTr("Everything is on Closient.") : SyncController.draining ? qsTr("Sending %1 record(s)…").arg(SyncController.pending) : qsTr("%1 record(s) wait to be sent.").arg(SyncController.pending)
                        font.bold: true
                        wrapMode: Text.WordWrap
                    }
                    ProgressBar {
                        objectName: "drainProgress"
                        Layout.fillWidth: true
                        visible: SyncController.draining
                        value: SyncController.progress
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: SyncController.stopReason !== ""
                        text: SyncController.stopReason
                        color: Theme.bad
                        wrapMode: Text.WordWrap
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        columns: 2
                        columnSpacing: Theme.spacing
                        Label {
                            text: qsTr("Last success")
                            color: Theme.muted
                        }
                        Label {
                            Layout.fillWidth: true
                            text: SyncController.lastSuccess !== "" ? SyncController.lastSuccess : qsTr("none yet")
                            elide: Text.ElideRight
                        }
                        Label {
                            text: qsTr("Rate limit")
                            color: Theme.muted
                        }
                        Label {
                            objectName: "governorLabel"
                            Layout.fillWidth: true
                            text: SyncController.governor
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            text: qsTr("Last error")
                            color: Theme.muted
                            visible: SyncController.lastError !== ""
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: SyncController.lastError !== ""
                            text: SyncController.lastError
                            wrapMode: Text.WordWrap
                            color: Theme.muted
                        }
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                title: qsTr("Waiting to go")
                ColumnLayout {
                    width: parent.width
                    Label {
                        visible: SyncController.queue.length === 0
                        text: qsTr("Nothing is waiting.")
                        color: Theme.muted
                    }
                    Repeater {
                        model: SyncController.queue
                        delegate: RowLayout {
                            id: kindRow
                            required property var modelData
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: kindRow.modelData.kind
                            }
                            Label {
                                text: qsTr("%1 waiting").arg(kindRow.modelData.pending)
                                color: Theme.muted
                            }
                            Label {
                                visible: kindRow.modelData.parked > 0
                                text: qsTr("%1 refused").arg(kindRow.modelData.parked)
                                color: Theme.bad
                            }
                        }
                    }
                }
            }

            GroupBox {
                Layout.fillWidth: true
                visible: SyncController.parkedCount > 0
                title: qsTr("Refused by Closient (%1)").arg(SyncController.parkedCount)
                ColumnLayout {
                    width: parent.width
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Kept here. Retry once the cause is fixed, or discard to give the change up.")
                            color: Theme.muted
                            wrapMode: Text.WordWrap
                        }
                        Button {
                            objectName: "retryAllButton"
                            text: qsTr("Retry all")
                            onClicked: SyncController.retry(0)
                        }
                    }
                    Repeater {
                        model: SyncController.parked
                        delegate: Frame {
                            id: parkedRow
                            required property var modelData
                            Layout.fillWidth: true
                            background: Rectangle {
                                color: Theme.card
                                border.color: Theme.border
                                radius: Theme.radius
                            }
                            RowLayout {
                                width: parent.width
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    Label {
                                        Layout.fillWidth: true
                                        text: qsTr("%1 · #%2").arg(parkedRow.modelData.kind).arg(parkedRow.modelData.seq)
                                        font.bold: true
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        objectName: "parkedError"
                                        Layout.fillWidth: true
                                        text: parkedRow.modelData.error
                                        wrapMode: Text.WordWrap
                                        color: Theme.bad
                                    }
                                }
                                Button {
                                    objectName: "retryButton"
                                    text: qsTr("Retry")
                                    onClicked: SyncController.retry(parkedRow.modelData.seq)
                                }
                                Button {
                                    objectName: "discardButton"
                                    text: qsTr("Discard…")
                                    flat: true
                                    onClicked: {
                                        discardDialog.seq = parkedRow.modelData.seq;
                                        discardDialog.what = parkedRow.modelData.kind;
                                        discardDialog.open();
                                    }
                                }
                            }
                        }
                    }
                }
            }

            Item {
                implicitHeight: 8
            }
        }
    }

    StationDialog {
        id: discardDialog
        objectName: "discardDialog"

        property int seq: 0
        property string what

        title: qsTr("Discard this record?")
        actionText: qsTr("Discard")
        preferredWidth: 460
        onAction: {
            SyncController.discard(discardDialog.seq);
            discardDialog.close();
        }

        Label {
            width: parent.width
            text: qsTr("%1 #%2 will not be sent to Closient. The record stays at this station; Closient will not hear of this change.").arg(discardDialog.what).arg(discardDialog.seq)
            wrapMode: Text.WordWrap
        }
    }
}
