// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Closient.Station
import Closient.Station.Models

// The Counts area as a person uses it: a new count with its location checked as it is typed, codes typed and
// scanned by a keyboard scanner, a keypad quantity, undo, blind mode, finish with confirmation, the variance report.
TestCase {
    id: tc

    name: "CountsView"
    when: windowShown
    width: 1024
    height: 600
    visible: true

    Component {
        id: pageComponent
        CountsPage {
            width: 1024
            height: 600
        }
    }

    function tallyTotal(): real {
        let sum = 0;
        const m = CountsController.tally;
        for (let i = 0; i < m.count; ++i)
            sum += m.data(m.index(i, 0), 260); // CountedRole = Qt.UserRole + 4
        return sum;
    }

    function test_aCountFromStartToReport() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(pageComponent, tc);
        compare(page.view, CountsPage.View.List);

        const newButton = findChild(page, "newCountButton");
        mouseClick(newButton);
        const dialog = findChild(page, "newCountDialog");
        tryCompare(dialog, "opened", true, 2000);
        const location = findChild(dialog, "locationField");
        const check = findChild(dialog, "locationCheck");
        location.text = "9521234000007";
        verify(check.text.indexOf("check digit") >= 0, check.text);
        verify(!dialog.actionEnabled);
        location.text = "9521234000006.A1";
        verify(dialog.actionEnabled);
        findChild(dialog, "nameField").text = "QML count";
        dialog.action();
        tryCompare(page, "view", CountsPage.View.Counting, 5000);
        tryCompare(dialog, "opened", false, 2000);
        verify(CountsController.open);
        verify(CountsController.capturing);

        // Typed by hand, then a keypad quantity.
        const field = findChild(page, "codeField");
        field.forceActiveFocus();
        field.text = "(01)09506000134352(10)QML1";
        field.accepted();
        tryCompare(CountsController, "lastKind", CountsController.Counted, 5000);
        tryCompare(CountsController, "counted", 1, 5000);
        CountsController.multiplier = 3;
        field.text = "(01)09506000134352(10)QML1";
        field.accepted();
        tryCompare(CountsController, "counted", 4, 5000);
        compare(CountsController.multiplier, 1);
        tryVerify(() => tc.tallyTotal() === 4, 5000);

        // A keyboard scanner's burst with the focus in the code field counts too.
        field.forceActiveFocus();
        wait(400);
        for (const ch of "4006381333931")
            keyClick(ch);
        keyClick(Qt.Key_Return);
        tryCompare(CountsController, "counted", 5, 5000);

        // Undo the last line.
        mouseClick(findChild(page, "undoButton"));
        tryCompare(CountsController, "counted", 4, 5000);

        // Blind mode: the tally's expected column says so.
        CountsController.blind = true;
        tryCompare(CountsController, "blind", true, 5000);
        CountsController.blind = false;
        tryCompare(CountsController, "blind", false, 5000);

        // Finish, confirmed; the report follows.
        mouseClick(findChild(page, "finishButton"));
        const finish = findChild(page, "finishCountDialog");
        tryCompare(finish, "opened", true, 2000);
        finish.action();
        tryCompare(page, "view", CountsPage.View.Report, 5000);
        verify(!CountsController.open);
        verify(!CountsController.capturing || !CountsController.open);
        tryVerify(() => CountsController.variance.count === 1, 5000);
        verify(findChild(page, "varianceSummary").text.indexOf("counted 4") >= 0, findChild(page, "varianceSummary").text);
    }
}
