// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Sessions screens driven as an operator drives them: by keyboard, against a real store.
TestCase {
    id: tc

    name: "SessionViews"
    when: windowShown
    width: 1100
    height: 760
    visible: true

    Component {
        id: areaComponent
        SessionsArea {
            width: tc.width
            height: tc.height
        }
    }

    // At a person's speed: a burst of keys as fast as a scanner's would be taken for a scanner (and it is,
    // see tst_scanview.qml). 45 ms between keys is a fast typist.
    function typeText(text: string) {
        for (const ch of text) {
            wait(45);
            keyClick(ch);
        }
        wait(45);
    }

    // Opens a session's page the moment it is created, as the New session dialog's owner does (Main.qml): before
    // the session list has read the new row.
    Component {
        id: openAtOnceComponent
        Connections {
            property var area
            target: SessionsController
            function onSessionCreated(id: string) {
                area.openSession(id);
            }
        }
    }

    function test_aSessionOpenedAsItIsCreatedTakesCodes() {
        tryVerify(() => AppController.storeReady, 5000, "the store opens");
        const area = createTemporaryObject(areaComponent, tc);
        createTemporaryObject(openAtOnceComponent, tc, { area: area });
        SessionsController.createSession("barcode_scan", { name: "Opened at once" });
        tryCompare(area, "depth", 2, 5000);
        const page = area.currentItem;
        tryVerify(() => page.takesCodes, 5000, "the page follows its row once the list has it");
        compare(page.info.title, "Opened at once");
        const entry = findChild(page, "captureEntry");
        verify(entry.enabled);
        compare(ScanController.sessionId, page.sessionId);
        area.pop();
    }

    function test_startSessionTypeCodesAndEnd() {
        tryVerify(() => AppController.storeReady, 5000, "the store opens");
        const area = createTemporaryObject(areaComponent, tc);
        verify(area);
        const created = createTemporaryObject(spyComponent, tc, { target: SessionsController, signalName: "sessionCreated" });
        SessionsController.createSession("barcode_scan", { name: "QML smoke" });
        created.wait(5000);
        const id = created.signalArguments[0][0];
        tryVerify(() => SessionsController.sessions.get(id).title === "QML smoke", 5000, "the list shows the new session");
        area.openSession(id);
        tryCompare(area, "depth", 2, 5000);
        const page = area.currentItem;
        compare(ScanController.sessionId, page.sessionId, "opening a session makes it the one scanners capture into");
        const entry = findChild(page, "captureEntry");
        verify(entry);
        tryVerify(() => entry.activeFocus, 2000, "the entry field has the focus");

        typeText("(01)09506000134352(10)QML1(17)291231");
        keyClick(Qt.Key_Return);
        tryCompare(entry, "text", "", 5000); // captured: the field is ready for the next code
        tryVerify(() => SessionsController.sessions.get(page.sessionId).captureCount === 1, 5000);
        compare(page.feedbackGood, true);
        verify(page.feedback.indexOf("Lot QML1") >= 0);
        verify(entry.activeFocus);

        typeText("(01)09506000134353");
        keyClick(Qt.Key_Return);
        tryVerify(() => page.feedback.indexOf("check digit") >= 0, 5000);
        compare(page.feedbackGood, false);
        compare(entry.text, "(01)09506000134353"); // kept for correction
        tryVerify(() => SessionsController.sessions.get(page.sessionId).rejectedCount === 1, 5000);
        // Typing the next code takes the message about the last one away.
        keyClick(Qt.Key_Backspace);
        compare(page.feedback, "");

        // Ending asks first, with what the session holds; cancelling changes nothing and gives the focus back.
        mouseClick(findChild(page, "endSessionButton"));
        const dialog = findChild(page, "endSessionDialog");
        tryCompare(dialog, "opened", true, 2000);
        compare(findChild(dialog, "summaryCaptures").text, "1");
        keyClick(Qt.Key_Escape);
        tryCompare(dialog, "visible", false, 2000);
        verify(page.active);
        tryVerify(() => entry.activeFocus, 2000, "the focus is back in the capture field");
        mouseClick(findChild(page, "endSessionButton"));
        tryCompare(dialog, "opened", true, 2000);
        mouseClick(findChild(dialog, "actionButton"));
        tryVerify(() => !page.active, 5000);
        tryCompare(dialog, "visible", false, 2000);
        verify(!entry.enabled);
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }

    function delegateFor(page: Item, summaryPart: string): Item {
        const list = findChild(page, "captureList");
        for (let i = 0; i < list.count; ++i) {
            const d = list.itemAtIndex(i);
            if (d && d.summary.indexOf(summaryPart) >= 0)
                return d;
        }
        return null;
    }

    // A typo in a typed code is corrected before it is sent; a wrong capture is voided, kept, struck through.
    function test_correctAndVoidCaptures() {
        tryVerify(() => AppController.storeReady, 5000);
        const area = createTemporaryObject(areaComponent, tc);
        const created = createTemporaryObject(spyComponent, tc, { target: SessionsController, signalName: "sessionCreated" });
        SessionsController.createSession("barcode_scan", { name: "Corrections" });
        created.wait(5000);
        const id = created.signalArguments[0][0];
        tryVerify(() => SessionsController.sessions.get(id).title === "Corrections", 5000);
        area.openSession(id);
        tryCompare(area, "depth", 2, 5000);
        const page = area.currentItem;
        const entry = findChild(page, "captureEntry");
        tryVerify(() => entry.activeFocus, 2000);
        typeText("4006381333932"); // a typo: the check digit is wrong, so it is refused...
        keyClick(Qt.Key_Return);
        tryVerify(() => page.feedback.indexOf("check digit") >= 0, 5000);
        entry.clear();
        typeText("96385074"); // ...and a valid code typed by mistake
        keyClick(Qt.Key_Return);
        tryCompare(entry, "text", "", 5000);
        tryVerify(() => delegateFor(page, "96385074") !== null, 5000);

        // Correct it to the code that was meant.
        let row = delegateFor(page, "96385074");
        verify(row.editable);
        mouseClick(findChild(row, "captureMenuButton"));
        const menu = findChild(row, "captureMenu");
        tryCompare(menu, "opened", true, 2000);
        mouseClick(findChild(row, "editCaptureItem"));
        const editDialog = findChild(page, "editCaptureDialog");
        tryCompare(editDialog, "opened", true, 2000);
        const field = findChild(editDialog, "editCaptureField");
        field.text = "4006381333931";
        mouseClick(findChild(editDialog, "actionButton"));
        tryCompare(editDialog, "visible", false, 5000);
        tryVerify(() => delegateFor(page, "04006381333931") !== null, 5000, "the corrected code is shown");
        row = delegateFor(page, "04006381333931");
        verify(row.edited);
        compare(row.originalRawValue, "96385074");
        verify(page.feedback.indexOf("Corrected") >= 0, page.feedback);
        tryVerify(() => entry.activeFocus, 2000, "the focus is back in the capture field");
        compare(SessionsController.sessions.get(id).captureCount, 1);

        // Void it: it stays, struck through, and no longer counts.
        mouseClick(findChild(row, "captureMenuButton"));
        tryCompare(findChild(row, "captureMenu"), "opened", true, 2000);
        mouseClick(findChild(row, "voidCaptureItem"));
        const voidDialog = findChild(page, "voidCaptureDialog");
        tryCompare(voidDialog, "opened", true, 2000);
        const reasons = findChild(voidDialog, "voidReason");
        reasons.currentIndex = reasons.count - 1; // "Other" needs words of its own
        verify(!findChild(voidDialog, "actionButton").enabled);
        findChild(voidDialog, "voidDetails").text = "pallet returned";
        mouseClick(findChild(voidDialog, "actionButton"));
        tryCompare(voidDialog, "visible", false, 5000);
        tryVerify(() => delegateFor(page, "04006381333931").voided, 5000);
        row = delegateFor(page, "04006381333931");
        verify(row.voidText.indexOf("pallet returned") >= 0, row.voidText);
        verify(!row.editable);
        tryCompare(SessionsController.sessions.get(id), "captureCount", 0, 5000);
        tryVerify(() => entry.activeFocus, 2000, "the focus is back in the capture field");
    }

    // Scans go into the session on screen: right after it is created, and again when its page comes back into
    // view after another session was picked elsewhere.
    function test_scansGoIntoTheSessionOnScreen() {
        tryVerify(() => AppController.storeReady, 5000);
        const area = createTemporaryObject(areaComponent, tc);
        const created = createTemporaryObject(spyComponent, tc, { target: SessionsController, signalName: "sessionCreated" });
        SessionsController.createSession("barcode_scan", { name: "On screen" });
        created.wait(5000);
        const id = created.signalArguments[0][0];
        area.openSession(id); // at once, before the list has the new row
        tryCompare(area, "depth", 2, 5000);
        tryCompare(ScanController, "sessionId", id, 5000);
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryVerify(() => SessionsController.sessions.get(id).captureCount === 1, 5000, "the scan went into the open session");

        SessionsController.createSession("barcode_scan", { name: "Picked elsewhere" });
        created.wait(5000);
        const other = created.signalArguments[1][0];
        tryVerify(() => ScanController.sessions.some(s => s.sessionId === other), 5000);
        area.visible = false; // another screen
        ScanController.sessionId = other;
        compare(ScanController.sessionId, other);
        area.visible = true; // back to the open session's page
        tryCompare(ScanController, "sessionId", id, 2000);
        const entry = findChild(area.currentItem, "captureEntry");
        tryVerify(() => entry.activeFocus, 2000, "the capture field has the keys again");
    }

    function test_previewExplainsWhileTyping() {
        const p = CaptureController.preview("]d20109506000134352" + "17201301");
        compare(p.valid, false);
        compare(p.gtin, "09506000134352");
        verify(p.errors.length > 0);
        verify(p.errors[0].indexOf("month") >= 0);
        const ok = CaptureController.preview("https://id.gs1.org/01/09506000134352/10/AB/21/7");
        compare(ok.kindText, "GS1 Digital Link");
        compare(ok.serial, "7");
        compare(ok.acceptable, true);
    }
}
