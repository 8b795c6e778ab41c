// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Scan screen playing a real video: the code is outlined, captured once, and listed.
TestCase {
    id: tc

    name: "ScanView"
    when: windowShown
    width: 1200
    height: 760
    visible: true

    Component {
        id: pageComponent
        ScanPage {
            width: tc.width
            height: tc.height
        }
    }

    function test_videoIsScannedIntoTheSession() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(pageComponent, tc);
        verify(page);
        const session = sessionCreated("barcode_scan", "Scan view test");
        ScanController.sessionId = session;
        compare(ScanController.sessionId, session);
        ScanController.openFiles([testVideo]);
        tryCompare(ScanController, "sourceKind", "video");
        tryVerify(() => ScanController.marks.length > 0, 10000, "the code is outlined");
        tryVerify(() => ScanController.messageKind === ScanController.Captured, 10000);
        verify(ScanController.message.indexOf("09506000134352") >= 0);
        tryVerify(() => SessionsController.sessions.get(session).captureCount === 1, 5000);
        tryCompare(ScanController, "sourceState", ScanController.Finished, 10000);
        compare(SessionsController.sessions.get(session).captureCount, 1); // held in view for 45 frames: one capture
        verify(ScanController.stats.frames > 30);
        ScanController.stopSource();
    }

    function test_aFileThatCannotBeReadLeavesNothingToStop() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(pageComponent, tc);
        verify(page);
        const stop = findChild(page, "stopButton");
        verify(stop);
        ScanController.openFiles([Qt.resolvedUrl("file:///nonexistent/junk.bin")]);
        tryVerify(() => ScanController.sourceState === ScanController.Error
                  || ScanController.sourceState === ScanController.Unavailable, 10000, "the file is refused");
        compare(stop.enabled, false);
        ScanController.openFiles([testVideo]);
        tryCompare(ScanController, "sourceState", ScanController.Running, 10000);
        compare(stop.enabled, true);
        ScanController.stopSource();
        tryCompare(ScanController, "sourceState", ScanController.Stopped, 5000);
        compare(stop.enabled, false);
    }

    function test_handScannerCodesGoToTheSession() {
        tryVerify(() => AppController.storeReady, 5000);
        SessionsController.createSession("barcode_scan", { name: "Hand scanner test" });
        tryVerify(() => ScanController.sessions.length > 0, 5000);
        ScanController.sessionId = ScanController.sessions[0].sessionId;
        const session = ScanController.sessionId;
        verify(session !== "");
        const before = SessionsController.sessions.get(session).captureCount;
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryVerify(() => SessionsController.sessions.get(session).captureCount === before + 1, 5000);
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryCompare(ScanController, "messageKind", ScanController.Duplicate, 5000);
        compare(ScanController.canCaptureAgain, true);
        ScanController.scannerCode("(01)09506000134353", "test scanner");
        tryCompare(ScanController, "messageKind", ScanController.Rejected, 5000);
        verify(ScanController.message.indexOf("check digit") >= 0);
        verify(DeviceSettings.deviceReads.length > 0);
        // The next read takes the message about the previous code away.
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryCompare(ScanController, "messageKind", ScanController.Duplicate, 5000);
        ScanController.scannerCode("]E09506000134352", "test scanner");
        tryCompare(ScanController, "messageKind", ScanController.Captured, 5000);
    }

    function sessionCreated(mode: string, name: string): string {
        const created = createTemporaryObject(spyComponent, tc, { target: SessionsController, signalName: "sessionCreated" });
        SessionsController.createSession(mode, { name: name });
        created.wait(5000);
        const id = created.signalArguments[0][0];
        tryVerify(() => SessionsController.sessions.get(id).title === name, 5000, "the list shows " + name);
        return id;
    }

    function test_photosOnlySessionIsNeverUsedForBarcodes() {
        tryVerify(() => AppController.storeReady, 5000);
        const photos = sessionCreated("product_photography", "Photos only");
        tryVerify(() => SessionsController.sessions.get(photos).active, 5000);
        tryVerify(() => ScanController.sessions.every(s => s.sessionId !== photos), 5000, "not offered for barcodes");
        const before = ScanController.sessionId;
        ScanController.sessionId = photos;
        tryCompare(ScanController, "sessionId", before, 5000, "a photos-only session is refused as the capture target");
        compare(ScanController.messageKind, ScanController.Notice);
        verify(ScanController.message.indexOf("photos only") >= 0, ScanController.message);
    }

    function test_endedTargetIsNotReplacedSilently() {
        tryVerify(() => AppController.storeReady, 5000);
        const other = sessionCreated("barcode_scan", "Another active session");
        const target = sessionCreated("barcode_scan", "Target that ends");
        tryVerify(() => ScanController.sessions.some(s => s.sessionId === target), 5000);
        ScanController.sessionId = target;
        compare(ScanController.sessionTitle, "Target that ends");
        SessionsController.endSession(target);
        tryCompare(ScanController, "sessionId", "", 5000);
        compare(ScanController.messageKind, ScanController.Notice);
        verify(ScanController.message.indexOf("has ended") >= 0, ScanController.message);
        // A hand scan now says so, and lands in no session, not even the other active one.
        const otherBefore = SessionsController.sessions.get(other).captureCount;
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryCompare(ScanController, "messageKind", ScanController.Rejected, 5000);
        verify(ScanController.message.indexOf("No session") >= 0, ScanController.message);
        wait(200);
        compare(SessionsController.sessions.get(other).captureCount, otherBefore);
    }

    function test_newSessionOnTheScanScreenOpensTheDialog() {
        const page = createTemporaryObject(pageComponent, tc);
        const spy = createTemporaryObject(spyComponent, tc, { target: page, signalName: "newSessionRequested" });
        mouseClick(findChild(page, "scanNewSession"));
        compare(spy.count, 1);
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
