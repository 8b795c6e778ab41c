// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Closient.Station
import Closient.Station.Models

// The session dialogs typed into as a person types: focus stays where the person put it.
TestCase {
    id: tc

    name: "SessionDialogs"
    when: windowShown
    width: 800
    height: 600
    visible: true

    Component {
        id: editorComponent
        MetadataEditor {
            width: 600
        }
    }

    Component {
        id: dialogComponent
        Dialog {
            property alias field: field
            modal: true
            width: 400
            TextField {
                id: field
                width: 300
            }
        }
    }

    // A hand scanner types much faster than a person: with a dialog open its code goes into the dialog's field,
    // whole, and the station says it was not captured.
    function test_scanIntoADialogIsTypedThereAndSaid() {
        tryVerify(() => AppController.storeReady, 5000);
        const dialog = createTemporaryObject(dialogComponent, tc);
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        dialog.field.forceActiveFocus();
        verify(dialog.field.activeFocus);
        ScanController.clearMessage();
        wait(400); // the quiet moment before a scanner's burst
        for (const ch of "4006381333931")
            keyClick(ch);
        keyClick(Qt.Key_Return);
        tryCompare(dialog.field, "text", "4006381333931", 2000);
        tryCompare(ScanController, "messageKind", ScanController.Notice, 2000);
        verify(ScanController.message.indexOf("not captured") >= 0, ScanController.message);
        // A person typing into the dialog is never taken for a scanner.
        dialog.field.clear();
        ScanController.clearMessage();
        typeText("PO-6735");
        compare(dialog.field.text, "PO-6735");
        compare(ScanController.messageKind, ScanController.None);
    }

    Component {
        id: fieldComponent
        TextField {
            width: 300
        }
    }
    Component {
        id: captureFieldComponent
        TextField {
            property bool capturesScans: true
            width: 300
        }
    }

    function scan(code: string) {
        wait(400); // the quiet moment before a scanner's burst
        for (const ch of code)
            keyClick(ch);
        keyClick(Qt.Key_Return);
    }

    // A search box or a setting is not a capture field: a scan there is typed into it, and said.
    function test_scanIntoAFieldThatDoesNotCaptureIsTypedThere() {
        tryVerify(() => AppController.storeReady, 5000);
        const search = createTemporaryObject(fieldComponent, tc);
        search.forceActiveFocus();
        ScanController.clearMessage();
        scan("09506000134352");
        tryCompare(search, "text", "09506000134352", 2000);
        tryCompare(ScanController, "messageKind", ScanController.Notice, 2000);

        // A capture field takes the same scan as a capture: nothing is typed into it.
        const capture = createTemporaryObject(captureFieldComponent, tc);
        capture.forceActiveFocus();
        ScanController.clearMessage();
        scan("09506000134352");
        tryVerify(() => ScanController.messageKind !== ScanController.None, 2000);
        verify(ScanController.messageKind !== ScanController.Notice, ScanController.message);
        compare(capture.text, "");
    }

    function typeText(text: string) {
        for (const ch of text) {
            wait(45);
            keyClick(ch);
        }
        wait(150); // the keyboard-scanner detector holds a person's keys for a moment before it hands them on
    }

    function test_metadataKeyKeepsFocusWhileTyping() {
        const editor = createTemporaryObject(editorComponent, tc);
        verify(editor);
        editor.reset({});
        const key = findChild(editor, "metadataKey0");
        verify(key);
        key.forceActiveFocus();
        typeText("dock");
        // The next empty row appears after the first character, and the key being typed keeps the focus.
        const first = findChild(editor, "metadataKey0");
        compare(first.text, "dock");
        verify(first.activeFocus, "the key field keeps the focus");
        verify(findChild(editor, "metadataKey1"), "an empty row waits below");
        keyClick(Qt.Key_Tab);
        typeText("3");
        compare(editor.metadata(), { dock: "3" });
    }

    function test_repeatedKeyIsNamedNotMerged() {
        const editor = createTemporaryObject(editorComponent, tc);
        editor.reset({ dock: "3" });
        compare(editor.repeatedKey, "");
        const second = findChild(editor, "metadataKey1");
        verify(second);
        second.forceActiveFocus();
        typeText("dock");
        compare(editor.repeatedKey, "dock");
        verify(editor.repeatedKeyText.indexOf("dock") >= 0, editor.repeatedKeyText);
        // A key the dialog sets another way counts too (the New session dialog's Name is "name").
        editor.reset({ name: "Dock" });
        compare(editor.repeatedKey, "");
        editor.takenKeys = ["name"];
        compare(editor.repeatedKey, "name");
        editor.takenKeys = [];
        compare(editor.repeatedKey, "");
    }

    function test_metadataRowsReset() {
        const editor = createTemporaryObject(editorComponent, tc);
        editor.reset({ order: "PO-1", dock: "4" });
        compare(editor.metadata(), { order: "PO-1", dock: "4" });
        editor.reset({});
        compare(editor.metadata(), {});
    }
}
