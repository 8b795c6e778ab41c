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
        SessionsController.createSession("barcode_scan", { name: "Scan view test" });
        tryVerify(() => ScanController.sessionId !== "", 5000, "the new session is chosen");
        const session = ScanController.sessionId;
        ScanController.openFiles([testVideo]);
        tryCompare(ScanController, "sourceKind", "video");
        tryVerify(() => ScanController.marks.length > 0, 10000, "the code is outlined");
        tryVerify(() => ScanController.messageKind === "captured", 10000);
        verify(ScanController.message.indexOf("09506000134352") >= 0);
        tryVerify(() => SessionsController.sessions.get(session).captureCount === 1, 5000);
        tryCompare(ScanController, "sourceState", "finished", 10000);
        compare(SessionsController.sessions.get(session).captureCount, 1); // held in view for 45 frames: one capture
        verify(ScanController.stats.frames > 30);
        ScanController.stopSource();
    }

    function test_handScannerCodesGoToTheSession() {
        tryVerify(() => AppController.storeReady, 5000);
        SessionsController.createSession("barcode_scan", { name: "Hand scanner test" });
        tryVerify(() => SessionsController.activeSessions.length > 0, 5000);
        ScanController.sessionId = SessionsController.activeSessions[0].sessionId;
        const session = ScanController.sessionId;
        verify(session !== "");
        const before = SessionsController.sessions.get(session).captureCount;
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryVerify(() => SessionsController.sessions.get(session).captureCount === before + 1, 5000);
        ScanController.scannerCode("]E04006381333931", "test scanner");
        tryCompare(ScanController, "messageKind", "duplicate", 5000);
        compare(ScanController.canCaptureAgain, true);
        ScanController.scannerCode("(01)09506000134353", "test scanner");
        tryCompare(ScanController, "messageKind", "rejected", 5000);
        verify(ScanController.message.indexOf("check digit") >= 0);
        verify(ScanController.deviceReads.length > 0);
    }
}
