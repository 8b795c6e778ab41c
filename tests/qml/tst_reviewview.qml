// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Review area driven from the keyboard against a real store: move, mark, select, flag, search; then a
// proposal accepted and applied, its decisions found in the outbox.
TestCase {
    id: tc

    name: "ReviewView"
    when: windowShown
    width: 1366
    height: 768
    visible: true

    property string sessionId: ""

    Component {
        id: pageComponent
        ReviewPage {
            width: tc.width
            height: tc.height
        }
    }
    Component {
        id: spyComponent
        SignalSpy {}
    }

    function typeText(text: string) {
        for (const ch of text) {
            wait(45);
            keyClick(ch);
        }
        wait(45);
    }

    function capture(code: string) {
        const spy = createTemporaryObject(spyComponent, tc, { target: CaptureController, signalName: "captured" });
        CaptureController.submitManual(tc.sessionId, code);
        spy.wait(5000);
        return spy.signalArguments[0][1];
    }

    function markOf(row: int): int {
        return ReviewController.model.data(ReviewController.model.index(row, 0), ReviewModel.MarkRole);
    }

    function test_keyboardReview() {
        tryVerify(() => AppController.storeReady, 5000, "the store opens");
        const created = createTemporaryObject(spyComponent, tc, { target: SessionsController, signalName: "sessionCreated" });
        SessionsController.createSession("barcode_scan", { name: "Review desk" });
        created.wait(5000);
        tc.sessionId = created.signalArguments[0][0];
        const first = capture("(01)09506000134352(10)REVA1");
        capture("(01)09506000134352(10)REVB2");
        const third = capture("(01)09506000134352(10)REVC3(21)SN77");
        verify(testSql.exec("INSERT INTO capture_proposals (id, capture_id, field_name, current_value, proposed_value, "
                            + "confidence, reasoning, source, created, received) VALUES ('qml-p1', '" + first
                            + "', 'product_name', '', 'Blue Widget', '0.9', 'Label text', 'vision', "
                            + "'2026-11-30T10:00:00.000Z', '2026-11-30T10:00:00.000Z')"));

        const page = createTemporaryObject(pageComponent, tc);
        ReviewController.filters.clear();
        ReviewController.filters.sessionId = tc.sessionId;
        tryCompare(ReviewController.model, "total", 3, 5000);
        const list = findChild(page, "reviewList");
        verify(list);
        tryCompare(list, "count", 3, 5000);
        list.forceActiveFocus();

        // j / k move; the newest capture is on top.
        keyClick("j");
        tryCompare(list, "currentIndex", 0);
        compare(ReviewController.currentId, third);
        keyClick("j");
        keyClick("j");
        compare(list.currentIndex, 2);
        compare(ReviewController.currentId, first);
        keyClick("k");
        compare(list.currentIndex, 1);

        // r marks the current capture reviewed.
        keyClick("r");
        tryVerify(() => tc.markOf(1) === ReviewModel.Reviewed, 5000, "marked reviewed");
        compare(tc.markOf(0), ReviewModel.Unreviewed);

        // Space selects; the actions then work on the selection.
        keyClick("k");
        keyClick(Qt.Key_Space);
        keyClick("j");
        keyClick("j");
        keyClick(Qt.Key_Space);
        compare(ReviewController.model.selectedCount, 2);
        verify(ReviewController.summary.indexOf("2 selected") >= 0);
        keyClick("f");
        const flag = findChild(page, "reviewFlagDialog");
        tryCompare(flag, "opened", true, 3000);
        compare(flag.actionEnabled, false, "a flag needs a note");
        typeText("smudged lot");
        keyClick(Qt.Key_Return);
        tryCompare(flag, "visible", false, 3000); // closed, its focus handed back to the table
        tryVerify(() => tc.markOf(0) === ReviewModel.Flagged && tc.markOf(2) === ReviewModel.Flagged, 5000, "both flagged");
        compare(tc.markOf(1), ReviewModel.Reviewed);
        compare(testSql.scalar("SELECT count(*) FROM capture_reviews WHERE state = 'FLAGGED' AND note = 'smudged lot'"), 2);
        ReviewController.model.clearSelection();

        // / searches; Escape goes back to the list.
        list.forceActiveFocus();
        keyClick("/");
        const search = findChild(page, "reviewSearch");
        tryVerify(() => search.activeFocus, 2000, "the search field has the focus");
        typeText("REVB");
        tryCompare(ReviewController.model, "total", 1, 5000);
        keyClick(Qt.Key_Escape);
        tryVerify(() => list.activeFocus, 2000, "back in the list");
        ReviewController.filters.search = "";
        tryCompare(ReviewController.model, "total", 3, 5000);

        // Enter opens the details; the proposal is accepted, then applied.
        list.currentIndex = 2;
        compare(ReviewController.currentId, first);
        keyClick(Qt.Key_Return);
        const detail = findChild(page, "reviewDetail");
        tryCompare(detail, "visible", true, 3000);
        tryCompare(ReviewController.detail.proposals, "length", 1, 5000);
        const accept = findChild(detail, "acceptProposal");
        verify(accept && accept.enabled);
        mouseClick(accept);
        tryVerify(() => ReviewController.detail.canApply, 5000, "accepted, ready to apply");
        const apply = findChild(detail, "applyProposals");
        mouseClick(apply);
        tryVerify(() => !ReviewController.detail.canApply && ReviewController.detail.proposals[0].applied, 5000, "applied");
        compare(testSql.scalar("SELECT count(*) FROM outbox WHERE entity = 'proposal' AND entity_id = 'qml-p1' AND op = 'decide'"), 1);
        compare(testSql.scalar("SELECT count(*) FROM outbox WHERE entity = 'capture' AND entity_id = '" + first + "' AND op = 'apply'"), 1);
    }
}
