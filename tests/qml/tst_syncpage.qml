// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Sync page's buttons against the real store: records Closient refused are shown with its words, Retry puts
// one back in the queue, Discard asks first and Cancel keeps it; without a key the page says where to connect.
TestCase {
    id: tc

    name: "SyncPage"
    when: windowShown
    width: 1000
    height: 700
    visible: true

    Component {
        id: pageComponent
        SyncPage {
            width: tc.width
            height: tc.height
        }
    }

    function test_parkedRecordsRetryAndDiscard() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(pageComponent, tc);
        SyncController.refresh();
        tryCompare(SyncController, "parkedCount", 2, 5000);

        // Not connected: the chip says so, Sync now is off, Connect… leads to Settings.
        verify(!SyncController.connected);
        verify(findChild(page, "notConnectedBanner").visible);
        verify(!findChild(page, "syncNowButton").enabled);
        const settings = signalSpy.createObject(tc, { target: page, signalName: "settingsRequested" });
        mouseClick(findChild(page, "connectButton"));
        compare(settings.count, 1);

        // The server's words are on the page.
        waitForRendering(page);
        const error = findChild(page, "parkedError");
        verify(error.text.indexOf("refused test record") >= 0, error.text);

        // Retry: back in the queue (no key, so it waits there).
        mouseClick(findChild(page, "retryButton"));
        tryCompare(SyncController, "parkedCount", 1, 5000);
        verify(SyncController.pending >= 1);

        // Discard asks first; Cancel keeps the record.
        const dialog = findChild(page, "discardDialog");
        mouseClick(findChild(page, "discardButton"));
        tryCompare(dialog, "opened", true, 2000);
        dialog.reject();
        tryCompare(dialog, "visible", false, 2000);
        wait(200);
        compare(SyncController.parkedCount, 1);
        mouseClick(findChild(page, "discardButton"));
        tryCompare(dialog, "opened", true, 2000);
        mouseClick(findChild(dialog, "actionButton"));
        tryCompare(SyncController, "parkedCount", 0, 5000);
        tryCompare(dialog, "visible", false, 2000);
    }

    Component {
        id: signalSpy
        SignalSpy {}
    }
}
