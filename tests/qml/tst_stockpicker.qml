// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station

// The stock picker as a person uses it: whatever is highlighted is the stock drawn and named beside the list, and
// the one Choose gives back, after every search and brand.
TestCase {
    id: tc

    name: "StockPicker"
    when: windowShown
    width: 1000
    height: 700
    visible: true

    Component {
        id: pickerComponent
        StockPickerDialog {}
    }

    function named(dialog, name) {
        const item = findChild(dialog.contentItem, name);
        verify(item, name);
        return item;
    }

    function open() {
        const dialog = createTemporaryObject(pickerComponent, tc);
        verify(dialog);
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        return dialog;
    }

    // The sheet and its name follow the highlighted row, so what is chosen is what was seen.
    function checkShown(dialog) {
        const list = named(dialog, "stockList");
        const sheet = named(dialog, "stockSheet");
        verify(list.currentIndex >= 0);
        const highlighted = list.model.idAt(list.currentIndex);
        // The view makes its rows when it next lays out: give it that moment.
        tryCompare(sheet, "stockId", highlighted, 2000);
        compare(named(dialog, "stockName").text, list.model.displayNameAt(list.currentIndex));
        return highlighted;
    }

    function test_searchAgainShowsTheNewFirstStock() {
        const dialog = open();
        const search = named(dialog, "stockSearch");
        const list = named(dialog, "stockList");
        search.text = "5160";
        tryVerify(() => list.count > 0);
        compare(list.currentIndex, 0);
        const first = checkShown(dialog);
        // Another search whose first row is another stock: the highlight stays on row 0, the drawing must follow.
        search.text = "round";
        tryVerify(() => list.count > 0);
        compare(list.currentIndex, 0);
        const second = checkShown(dialog);
        verify(first !== second, "two searches with different first stocks");
        let chosen = "";
        dialog.chosen.connect(id => chosen = id);
        dialog.action();
        compare(chosen, second);
    }

    function test_brandNarrowsAndStillShowsTheHighlight() {
        const dialog = open();
        const search = named(dialog, "stockSearch");
        const brand = named(dialog, "stockBrand");
        const list = named(dialog, "stockList");
        search.text = "round";
        tryVerify(() => list.count > 0);
        checkShown(dialog);
        const herma = brand.find("Herma");
        verify(herma > 0, "Herma is a brand of glabels-data");
        brand.currentIndex = herma;
        tryVerify(() => list.count > 0);
        compare(list.model.brand, "Herma");
        const shown = checkShown(dialog);
        verify(shown.indexOf("Herma") >= 0, shown);
    }
}
