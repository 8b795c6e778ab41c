// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Closient.Station.Models

// One scan session: type or paste a code, Enter captures it; the live list shows what each code means.
Page {
    id: root

    required property string sessionId
    property var info: ({})
    readonly property bool active: root.info.active ?? false
    readonly property bool takesCodes: root.active && (root.info.takesBarcodes ?? false)
    property string feedback
    property bool feedbackGood: true

    signal back

    function reload() {
        root.info = SessionsController.sessions.get(root.sessionId);
    }

    function submit() {
        if (entry.text.trim() === "" || !root.takesCodes)
            return;
        CaptureController.submitManual(root.sessionId, entry.text);
    }

    // A session on screen is the session scans go into: when its page opens or comes back into view, and once
    // its row has loaded (a session just created may not be listed yet when its page opens).
    function choose() {
        if (root.takesCodes && root.visible && ScanController.sessionId !== root.sessionId)
            ScanController.sessionId = root.sessionId;
    }

    Component.onCompleted: {
        root.reload();
        root.choose();
        entry.forceActiveFocus();
    }
    onTakesCodesChanged: root.choose()
    onVisibleChanged: {
        if (!root.visible)
            return;
        root.choose();
        entry.forceActiveFocus(); // back from another screen: the capture field takes the keys again
    }

    background: Rectangle {
        color: Theme.surface
    }

    Connections {
        target: SessionsController.sessions
        function onDataChanged() {
            root.reload();
        }
        function onModelReset() {
            root.reload();
        }
        // A session opened as it is created: its row arrives after the page.
        function onRowsInserted() {
            root.reload();
        }
    }

    Connections {
        target: CaptureController
        function onCaptured(sessionId: string, captureId: string, summary: string) {
            if (sessionId !== root.sessionId)
                return;
            root.feedbackGood = true;
            root.feedback = qsTr("Captured: %1").arg(summary);
            entry.clear();
        }
        function onRejected(sessionId: string, rawValue: string, reason: string) {
            if (sessionId !== root.sessionId)
                return;
            root.feedbackGood = false;
            root.feedback = qsTr("Not captured: %1").arg(reason);
            entry.selectAll();
        }
        function onCorrected(sessionId: string, captureId: string, message: string) {
            if (sessionId !== root.sessionId)
                return;
            root.feedbackGood = true;
            root.feedback = message;
        }
    }

    Connections {
        target: ScanController
        function onMessageChanged() {
            if (ScanController.sessionId !== root.sessionId || ScanController.messageKind === ScanController.None)
                return;
            root.feedbackGood = ScanController.messageKind === ScanController.Captured;
            root.feedback = ScanController.message;
        }
    }

    Shortcut {
        sequence: "Escape"
        onActivated: root.back()
    }

    header: PageHeader {
        inset: 8
        ToolButton {
            text: "‹ " + qsTr("Sessions")
            onClicked: root.back()
        }
        Label {
            Layout.fillWidth: true
            Layout.minimumWidth: 80
            Layout.maximumWidth: implicitWidth
            text: root.info.title ?? ""
            font.pixelSize: 19
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
            ToolTip.visible: truncated && titleHover.hovered
            ToolTip.text: text
            HoverHandler {
                id: titleHover
            }
        }
        StatusBadge {
            status: root.info.status ?? ""
            visible: status !== ""
        }
        Label {
            // Room for the counts and the buttons comes first on a small screen.
            visible: root.width > 900
            text: root.info.modeText ?? ""
            color: Theme.muted
        }
        Item {
            Layout.fillWidth: true
        }
        Label {
            Layout.minimumWidth: 60
            Layout.preferredWidth: implicitWidth
            horizontalAlignment: Text.AlignRight
            text: ((root.info.captureCount ?? 0) === 1 ? qsTr("1 capture") : qsTr("%1 captures").arg(root.info.captureCount ?? 0)) + ((root.info.voidedCount ?? 0) > 0 ? qsTr(" · %1 voided").arg(root.info.voidedCount) : "") + ((root.info.rejectedCount ?? 0) > 0 ? qsTr(" · %1 refused").arg(root.info.rejectedCount) : "")
            color: Theme.muted
            elide: Text.ElideRight
            ToolTip.visible: truncated && countsHover.hovered
            ToolTip.text: text
            HoverHandler {
                id: countsHover
            }
        }
        Button {
            text: qsTr("Metadata…")
            flat: true
            focusPolicy: Qt.NoFocus // the capture field keeps the focus
            onClicked: metadataDialog.open()
        }
        Button {
            objectName: "endSessionButton"
            text: qsTr("End session")
            focusPolicy: Qt.NoFocus
            visible: root.active
            onClicked: endDialog.ask(root.sessionId)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: entryColumn.implicitHeight + 24
            radius: Theme.radius
            color: Theme.card
            border.color: Theme.border

            ColumnLayout {
                id: entryColumn
                anchors.fill: parent
                anchors.margins: 12
                spacing: 8

                RowLayout {
                    Layout.fillWidth: true
                    spacing: 10
                    TextField {
                        id: entry
                        objectName: "captureEntry"
                        // Scans with the focus here are captures (ui/focusprobe.cpp); in other fields they are typed.
                        property bool capturesScans: true
                        Layout.fillWidth: true
                        enabled: root.takesCodes
                        focus: true
                        font.family: Theme.monoFont
                        font.pixelSize: 16
                        placeholderText: root.takesCodes ? qsTr("Scan, type or paste a code, then press Enter") : root.active ? qsTr("Photos only: codes go into a barcode session") : qsTr("Ended: this session takes no more captures")
                        onAccepted: root.submit()
                        onTextEdited: root.feedback = "" // a message about the last code goes once the next one is typed
                        onTextChanged: preview.parse = entry.text.trim() === "" ? ({}) : CaptureController.preview(entry.text)
                    }
                    Button {
                        text: qsTr("Capture")
                        highlighted: true
                        focusPolicy: Qt.NoFocus
                        enabled: root.takesCodes && entry.text.trim() !== "" && !CaptureController.busy
                        onClicked: root.submit()
                    }
                }
                ParsePreview {
                    id: preview
                    Layout.fillWidth: true
                }
                Label {
                    Layout.fillWidth: true
                    visible: root.feedback !== ""
                    text: root.feedback
                    color: root.feedbackGood ? Theme.good : Theme.bad
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
            }
        }

        ListView {
            id: captures
            objectName: "captureList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6
            clip: true
            ScrollBar.vertical: ScrollBar {}
            model: CaptureListModel {
                source: CaptureController
                sessionId: root.sessionId
            }
            delegate: CaptureDelegate {
                width: captures.width
                onVoidRequested: (id, summary) => voidDialog.ask(root.sessionId, id, summary)
                onEditRequested: (id, raw) => editDialog.ask(root.sessionId, id, raw)
            }
            add: Transition {
                NumberAnimation {
                    property: "opacity"
                    from: 0
                    to: 1
                    duration: 180
                }
            }
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            visible: captures.count === 0
            text: qsTr("No captures yet")
            color: Theme.muted
        }
    }

    EndSessionDialog {
        id: endDialog
        returnFocusTo: entry
    }

    VoidCaptureDialog {
        id: voidDialog
        returnFocusTo: entry
    }

    EditCaptureDialog {
        id: editDialog
        returnFocusTo: entry
    }

    MetadataDialog {
        id: metadataDialog
        returnFocusTo: entry
        sessionId: root.sessionId
        current: root.info.metadata ?? ({})
    }
}
