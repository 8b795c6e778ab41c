// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Products dialog as a person uses it: find a product Closient named, print another name for it, go back to
// Closient's, and add a product Closient does not know by its GTIN. What the store holds is checked after each.
TestCase {
    id: tc

    name: "ProductsDialog"
    when: windowShown
    width: 1100
    height: 700
    visible: true

    Component {
        id: dialogComponent
        ProductsDialog {}
    }

    function named(dialog, name) {
        const item = findChild(dialog.contentItem, name);
        verify(item, name);
        return item;
    }

    function open() {
        const dialog = createTemporaryObject(dialogComponent, tc);
        verify(dialog);
        dialog.open();
        tryCompare(dialog, "opened", true, 2000);
        return dialog;
    }

    function shown(gtin) {
        return testSql.scalar("SELECT product_name || '|' || brand || '|' || (edited IS NOT NULL) FROM products WHERE gtin = '"
                              + gtin + "'");
    }

    function initTestCase() {
        // As sync stores it.
        verify(testSql.exec("INSERT OR REPLACE INTO products (gtin, product_name, brand, fetched, server_name, server_brand, "
                            + "server_description) VALUES ('09506000134413', 'Rye crispbread', 'Nordbak', "
                            + "'2026-11-30T10:00:00.000Z', 'Rye crispbread', 'Nordbak', '')"));
    }

    function cleanupTestCase() {
        testSql.exec("DELETE FROM products WHERE gtin IN ('09506000134413', '00000096385074')");
    }

    function test_editAndUseClosients() {
        const dialog = open();
        const list = named(dialog, "productList");
        named(dialog, "productSearch").text = "crisp";
        LabelsController.products.search = "crisp";
        tryVerify(() => list.count === 1, 2000);
        const row = list.itemAtIndex(0);
        verify(row);
        mouseClick(row);
        compare(named(dialog, "productGtin").text, "09506000134413");
        compare(named(dialog, "productName").text, "Rye crispbread");
        verify(named(dialog, "productGtin").readOnly);

        const name = named(dialog, "productName");
        const save = named(dialog, "saveProduct");
        verify(!save.enabled, "nothing changed: nothing to save (an edit would hold back Closient's later names)");
        name.text = "Crispbread, rye, 250 g";
        tryVerify(() => save.enabled, 2000);
        mouseClick(save);
        tryVerify(() => shown("09506000134413") === "Crispbread, rye, 250 g|Nordbak|1", 3000);
        tryVerify(() => list.itemAtIndex(0) && list.itemAtIndex(0).source === qsTr("Edited here"), 3000);
        tryVerify(() => named(dialog, "productSource").text.indexOf("Rye crispbread") >= 0, 3000);

        const clear = named(dialog, "clearProduct");
        tryVerify(() => clear.visible, 2000);
        compare(clear.text, qsTr("Use Closient's"));
        mouseClick(clear);
        tryVerify(() => shown("09506000134413") === "Rye crispbread|Nordbak|0", 3000);
        tryCompare(named(dialog, "productName"), "text", "Rye crispbread", 3000);
        tryVerify(() => !clear.visible, 2000);
    }

    function test_addAProductByGtinAndRefuseABadOne() {
        const dialog = open();
        mouseClick(named(dialog, "addProduct"));
        const gtin = named(dialog, "productGtin");
        const name = named(dialog, "productName");
        const save = named(dialog, "saveProduct");
        verify(!gtin.readOnly);
        gtin.text = "96385075"; // a wrong check digit
        name.text = "Tea lights";
        verify(!save.enabled);
        verify(named(dialog, "productProblem").text.indexOf("check digit") >= 0);
        gtin.text = "96385074";
        name.text = "   ";
        verify(!save.enabled);
        name.text = "Tea lights";
        named(dialog, "productBrand").text = "Glow";
        tryVerify(() => save.enabled, 2000);
        mouseClick(save);
        tryVerify(() => shown("00000096385074") === "Tea lights|Glow|1", 3000);
        tryCompare(gtin, "text", "00000096385074", 3000);
        verify(gtin.readOnly);
        const clear = named(dialog, "clearProduct");
        compare(clear.text, qsTr("Forget"));
        mouseClick(clear);
        tryVerify(() => testSql.scalar("SELECT count(*) FROM products WHERE gtin = '00000096385074'") === 0, 3000);
        tryCompare(gtin, "text", "", 3000);
    }

}
