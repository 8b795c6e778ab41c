// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Closient.Station
import Closient.Station.Models

// Every dialog answers the keyboard as a desktop user expects: Enter runs the action from anywhere, once; Escape
// asks before edits are lost; a focused button shows it; the click after a message closes is not lost.
TestCase {
    id: tc

    name: "DialogKeys"
    when: windowShown
    width: 1024
    height: 600
    visible: true

    // A dialog with one of everything: a field that runs the action on Enter itself (as some dialogs' fields
    // did), a multi-line text, a combo box, a check box and a plain button.
    Component {
        id: formComponent
        StationDialog {
            id: form
            property int actions: 0
            actionText: "Save"
            onAction: form.actions++
            Column {
                width: parent.width
                spacing: 4
                TextField {
                    objectName: "field"
                    width: 200
                    onAccepted: form.action()
                }
                TextArea {
                    objectName: "area"
                    width: 200
                    height: 60
                }
                ComboBox {
                    objectName: "box"
                    model: ["one", "two", "three"]
                    Keys.onPressed: event => form.keyPressed(event)
                }
                CheckBox {
                    objectName: "check"
                    text: "Blind"
                }
                Button {
                    property int clicks: 0
                    objectName: "other"
                    text: "Other"
                    onClicked: clicks++
                }
            }
        }
    }

    // A message (no action) over a page with a button: what a person clicks right after closing it.
    Component {
        id: messageComponent
        Item {
            property alias message: message
            property alias behind: behind
            anchors.fill: parent
            Button {
                id: behind
                property int clicks: 0
                x: 20
                y: 20
                text: "Behind"
                onClicked: clicks++
            }
            StationDialog {
                id: message
                title: "Imported"
                Label {
                    text: "2 lots imported."
                }
            }
        }
    }

    SignalSpy {
        id: sessionCreated
        target: SessionsController
        signalName: "sessionCreated"
    }
    SignalSpy {
        id: sessionEnded
        target: SessionsController
        signalName: "sessionEnded"
    }
    SignalSpy {
        id: metadataUpdated
        target: SessionsController
        signalName: "metadataUpdated"
    }
    SignalSpy {
        id: correctionFailed
        target: CaptureController
        signalName: "correctionFailed"
    }
    // A signal of the dialog under test.
    SignalSpy {
        id: dialogSpy
    }

    function spyOn(target: var, signalName: string): SignalSpy {
        dialogSpy.target = null;
        dialogSpy.signalName = signalName;
        dialogSpy.target = target;
        dialogSpy.clear();
        return dialogSpy;
    }

    function openDialog(component: Component): var {
        const dialog = createTemporaryObject(component, tc);
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        return dialog;
    }

    // At a person's speed: faster keys would be taken for a keyboard scanner.
    function typeText(text: string) {
        for (const ch of text) {
            wait(45);
            keyClick(ch);
        }
        wait(150);
    }

    function test_enterRunsTheActionOnceFromAnywhere() {
        const dialog = openDialog(formComponent);
        keyClick(Qt.Key_Return); // nothing focused inside yet
        compare(dialog.actions, 1, "Enter with no field focused");
        findChild(dialog, "field").forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 2, "a field that acts on Enter itself does not make the action run twice");
        wait(50);
        keyClick(Qt.Key_Enter, Qt.KeypadModifier);
        compare(dialog.actions, 3, "the keypad's Enter");
        findChild(dialog, "check").forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 4, "Enter on a check box");
        findChild(dialog, "box").forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 5, "Enter on a closed combo box");
        dialog.actionEnabled = false;
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 5, "never when the action is disabled");
        verify(dialog.visible);
    }

    function test_textAreaAndOpenListKeepEnter() {
        const dialog = openDialog(formComponent);
        const area = findChild(dialog, "area");
        area.forceActiveFocus();
        keyClick("x");
        keyClick(Qt.Key_Return);
        compare(area.text, "x\n");
        compare(dialog.actions, 0, "a multi-line text keeps Enter for new lines");
        const box = findChild(dialog, "box");
        box.forceActiveFocus();
        keyClick(Qt.Key_Space);
        tryCompare(box.popup, "opened", true, 2000);
        keyClick(Qt.Key_Down);
        keyClick(Qt.Key_Return);
        compare(box.currentIndex, 1, "Enter chooses in the open list");
        compare(dialog.actions, 0, "...and does not run the action");
        tryCompare(box.popup, "visible", false, 2000);
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 1);
    }

    function test_enterOnAFocusedButtonPressesIt() {
        const dialog = openDialog(formComponent);
        const other = findChild(dialog, "other");
        other.forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Return);
        compare(other.clicks, 1);
        compare(dialog.actions, 0);
        findChild(dialog.footer, "cancelButton").forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Return);
        compare(dialog.visible, false, "Enter on Cancel cancels");
        compare(dialog.actions, 0);
    }

    // The station's own dialogs, driven as a person drives them: Enter with the focus outside the one field that
    // used to act on it.
    function test_newSessionEnterOutsideName() {
        tryVerify(() => AppController.storeReady, 5000);
        const dialog = createTemporaryObject(newSessionComponent, tc);
        const created = spyOn(dialog, "created");
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        findChild(dialog.contentItem, "metadataKey0").forceActiveFocus();
        typeText("dock");
        keyClick(Qt.Key_Tab);
        typeText("7");
        keyClick(Qt.Key_Return);
        created.wait(5000);
        wait(300);
        compare(created.count, 1, "one session, not two");
        compare(dialog.visible, false);
    }

    Component {
        id: newSessionComponent
        NewSessionDialog {}
    }
    Component {
        id: endSessionComponent
        EndSessionDialog {}
    }
    Component {
        id: metadataComponent
        MetadataDialog {
            sessionId: ""
        }
    }
    Component {
        id: voidComponent
        VoidCaptureDialog {}
    }
    Component {
        id: reasonComponent
        ReasonDialog {}
    }
    Component {
        id: countsNewComponent
        CountsNewDialog {}
    }

    function newSession(name: string): string {
        sessionCreated.clear();
        SessionsController.createSession("barcode_scan", { name: name });
        sessionCreated.wait(5000);
        return sessionCreated.signalArguments[0][0];
    }

    function test_endSessionEnter() {
        tryVerify(() => AppController.storeReady, 5000);
        const id = newSession("Ended by Enter");
        const dialog = createTemporaryObject(endSessionComponent, tc);
        const ended = sessionEnded;
        ended.clear();
        dialog.ask(id);
        tryCompare(dialog, "opened", true, 2000);
        keyClick(Qt.Key_Return);
        ended.wait(5000);
        compare(ended.signalArguments[0][0], id);
        tryCompare(dialog, "visible", false, 2000);
    }

    function test_voidCaptureEnterOnTheReason() {
        tryVerify(() => AppController.storeReady, 5000);
        const id = newSession("Void by Enter");
        const dialog = createTemporaryObject(voidComponent, tc);
        const tried = correctionFailed;
        tried.clear();
        dialog.ask(id, "no-such-capture", "96385074");
        tryCompare(dialog, "opened", true, 2000);
        verify(findChild(dialog, "voidReason").activeFocus, "the reason list has the focus");
        keyClick(Qt.Key_Return);
        tried.wait(5000); // the store refuses an unknown capture: the action ran
        compare(tried.signalArguments[0][1], "no-such-capture");
        wait(200);
        compare(tried.count, 1);
    }

    function test_reasonDialogEnter() {
        const dialog = createTemporaryObject(reasonComponent, tc);
        const accepted = spyOn(dialog, "accepted");
        dialog.ask(ReasonDialog.Void, "item-1", "SN0001");
        tryCompare(dialog, "opened", true, 2000);
        keyClick(Qt.Key_Return);
        compare(accepted.count, 0, "no reason yet: the action is disabled");
        typeText("torn");
        keyClick(Qt.Key_Return);
        compare(accepted.count, 1);
        compare(dialog.reason, "torn");
        compare(dialog.kind, ReasonDialog.Void);
        compare(dialog.visible, false);
    }

    function test_metadataEnterSaves() {
        tryVerify(() => AppController.storeReady, 5000);
        const id = newSession("Metadata by Enter");
        const dialog = createTemporaryObject(metadataComponent, tc, { sessionId: id, current: { dock: "3" } });
        const updated = metadataUpdated;
        updated.clear();
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        findChild(dialog.contentItem, "metadataValue0").forceActiveFocus();
        typeText("4");
        keyClick(Qt.Key_Return);
        updated.wait(5000);
        compare(updated.signalArguments[0][0], id);
        tryCompare(dialog, "visible", false, 2000);
    }

    // Escape and Cancel close at once when nothing was changed, and ask when something was.
    function test_metadataEscapeAsksBeforeEditsAreLost() {
        tryVerify(() => AppController.storeReady, 5000);
        const id = newSession("Metadata kept");
        const dialog = createTemporaryObject(metadataComponent, tc, { sessionId: id, current: { dock: "3" } });
        const updated = metadataUpdated;
        updated.clear();
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        keyClick(Qt.Key_Escape);
        compare(dialog.visible, false, "no edits: Escape closes at once");

        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        const value = findChild(dialog.contentItem, "metadataValue0");
        value.forceActiveFocus();
        typeText("9");
        verify(dialog.edited);
        keyClick(Qt.Key_Escape);
        const question = dialog.discardQuestion;
        tryCompare(question, "opened", true, 2000);
        verify(dialog.visible, "the edits are still there");
        compare(question.title, "Discard your changes?");
        keyClick(Qt.Key_Return); // "Keep editing" has the focus
        tryCompare(question, "visible", false, 2000);
        verify(dialog.visible);
        tryVerify(() => value.activeFocus, 2000, "back in the field that was being edited");
        compare(value.text, "39");

        mouseClick(findChild(dialog.footer, "cancelButton"));
        tryCompare(question, "opened", true, 2000);
        mouseClick(findChild(question.footer, "discardButton"));
        tryCompare(dialog, "visible", false, 2000);
        compare(question.visible, false);
        wait(300);
        compare(updated.count, 0, "nothing saved");
    }

    function test_newSessionAndCountAskOnlyWhenChanged() {
        tryVerify(() => AppController.storeReady, 5000);
        const session = createTemporaryObject(newSessionComponent, tc);
        session.open();
        tryCompare(session, "opened", true, 2000);
        verify(!session.edited);
        keyClick(Qt.Key_Escape);
        compare(session.visible, false, "nothing typed: closes at once");
        session.open();
        tryCompare(session, "opened", true, 2000);
        typeText("Dock");
        keyClick(Qt.Key_Escape);
        tryCompare(session.discardQuestion, "opened", true, 2000);
        keyClick(Qt.Key_Escape); // Escape on the question keeps editing
        tryCompare(session.discardQuestion, "visible", false, 2000);
        verify(session.visible);

        const count = createTemporaryObject(countsNewComponent, tc);
        count.open();
        tryCompare(count, "opened", true, 2000);
        typeText("9521234000007"); // a wrong check digit: the action is disabled, the typing is kept
        verify(!count.actionEnabled);
        keyClick(Qt.Key_Return);
        verify(count.visible);
        mouseClick(findChild(count.footer, "cancelButton"));
        tryCompare(count.discardQuestion, "opened", true, 2000);
        mouseClick(findChild(count.discardQuestion.footer, "discardButton"));
        tryCompare(count, "visible", false, 2000);
    }

    // Tabbed into, the filled action button wears a frame in the focus colour around it.
    function test_focusedHighlightedButtonShowsAFrame() {
        const dialog = openDialog(formComponent);
        const button = findChild(dialog.footer, "actionButton");
        verify(button.highlighted);
        const frame = findChild(button, "focusFrame");
        verify(frame, "the button has a focus frame");
        verify(!frame.visible, "no frame without the keyboard focus");
        findChild(dialog.footer, "cancelButton").forceActiveFocus(Qt.TabFocusReason);
        keyClick(Qt.Key_Tab);
        verify(button.activeFocus);
        verify(frame.visible);
        waitForRendering(button);
        // grabImage() cuts an item out of the window at its own x and y: take the window and look where the frame is.
        const image = grabImage(tc);
        const top = frame.mapToItem(null, frame.width / 2, 1); // the middle of the frame's top edge
        const x = Math.round(top.x);
        const y = Math.floor(top.y);
        verify(Qt.colorEqual(image.pixel(x, y), Theme.focusFrame), "frame colour " + image.pixel(x, y));
    }

    // A dialog that replaces its content item (a question in one label) still answers Enter and Escape.
    Component {
        id: labelDialogComponent
        StationDialog {
            id: labelDialog
            property int actions: 0
            title: "Delete layout"
            actionText: "Delete"
            onAction: labelDialog.actions++
            contentItem: Label {
                text: "Delete the layout?"
                wrapMode: Text.Wrap
            }
        }
    }

    function test_replacedContentItemStillAnswersEnter() {
        const dialog = openDialog(labelDialogComponent);
        keyClick(Qt.Key_Return);
        compare(dialog.actions, 1);
        keyClick(Qt.Key_Escape);
        compare(dialog.visible, false);
    }

    // A closed message lets the click that follows at once land on what is under it (a modal dialog still fading
    // out took it for itself), and Enter closes a message.
    function test_clickAfterAMessageClosesIsNotLost() {
        const page = createTemporaryObject(messageComponent, tc);
        page.message.open();
        tryCompare(page.message, "opened", true, 2000);
        keyClick(Qt.Key_Escape);
        mouseClick(page.behind);
        compare(page.behind.clicks, 1, "the click right after Escape");
        page.message.open();
        tryCompare(page.message, "opened", true, 2000);
        keyClick(Qt.Key_Return);
        mouseClick(page.behind);
        compare(page.behind.clicks, 2, "the click right after Enter");
    }

    Component {
        id: labelsComponent
        LabelsPage {
            width: tc.width
            height: tc.height
        }
    }
    SignalSpy {
        id: entryFinished
        target: LabelsController.entry
        signalName: "finished"
    }

    // The Labels import message: Enter closes it, and the click that follows lands in the search field.
    function test_importMessageClosesWithEnter() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(labelsComponent, tc);
        waitForRendering(page);
        entryFinished.clear();
        LabelsController.entry.importCsv(testDir + "/bad-lots.csv");
        entryFinished.wait(5000);
        const report = findChild(page, "importReport");
        verify(report, "the import message");
        tryCompare(report, "opened", true, 2000);
        compare(report.title, "Nothing imported");
        keyClick(Qt.Key_Return);
        compare(report.visible, false, "Enter closes the message");
        const search = findChild(page, "labelSearch");
        mouseClick(search);
        verify(search.activeFocus, "the first click after the message lands");
    }
}
