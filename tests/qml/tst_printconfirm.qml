// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtTest
import Closient.Station
import Closient.Station.Models

// The confirmation before every print says what will be printed; a reprint cannot be confirmed without a reason.
// The layout and stock choices and "New sheet" on the Labels screen's options; the thermal printer dialog.
TestCase {
    id: tc

    name: "PrintConfirm"
    when: windowShown
    width: 1024
    height: 600
    visible: true

    Component {
        id: dialogComponent
        PrintConfirmDialog {}
    }

    Component {
        id: thermalComponent
        ThermalPrinterDialog {}
    }

    SignalSpy {
        id: confirmed
        signalName: "confirmed"
    }

    function findNamed(item, name) {
        if (!item)
            return null;
        if (item.objectName === name)
            return item;
        for (const key of ["children", "contentData", "data"]) {
            const list = item[key];
            if (!list)
                continue;
            for (let i = 0; i < list.length; ++i) {
                const found = findNamed(list[i], name);
                if (found)
                    return found;
            }
        }
        return null;
    }

    function test_saysWhatWillBePrinted() {
        const dialog = createTemporaryObject(dialogComponent, Overlay.overlay);
        confirmed.target = dialog;
        confirmed.clear();
        dialog.show({ labels: 40, pages: 2, items: 40, newSerials: 40, reprintedSerials: 0, reprinted: "",
                      printer: "Desk laser", stock: "Avery 5160 — Address labels, 1 × 2⅝ in, 30 per sheet",
                      layout: "Product label", start: 4, copies: 1 });
        tryVerify(() => dialog.opened, 2000);
        compare(dialog.title, "Print these labels?");
        compare(findNamed(dialog.contentItem, "summary0").text, "40 on 2 page(s)");
        compare(findNamed(dialog.contentItem, "summary1").text, "40 new, 0 printed before");
        compare(findNamed(dialog.contentItem, "summary2").text, "Desk laser");
        verify(findNamed(dialog.contentItem, "summary3").text.startsWith("Avery 5160"));
        compare(findNamed(dialog.contentItem, "summary4").text, "Product label");
        compare(findNamed(dialog.contentItem, "summary5").text, "label 4 of the first sheet");
        verify(!findNamed(dialog.contentItem, "confirmReason").visible);
        const ok = dialog.standardButton(Dialog.Ok);
        verify(ok.enabled);
        mouseClick(ok);
        tryCompare(confirmed, "count", 1);
        compare(confirmed.signalArguments[0][0], "");
    }

    function test_aReprintNeedsAReason() {
        const dialog = createTemporaryObject(dialogComponent, Overlay.overlay);
        confirmed.target = dialog;
        confirmed.clear();
        dialog.show({ labels: 9, pages: 1, items: 9, newSerials: 2, reprintedSerials: 7, reprinted: "A1, A2, A3, A4, A5",
                      printer: "Desk laser", stock: "Avery 5160", layout: "Symbol only", start: 1, copies: 2 });
        tryVerify(() => dialog.opened, 2000);
        compare(dialog.title, "Print again?");
        compare(findNamed(dialog.contentItem, "summary1").text, "2 new, 7 printed before");
        compare(findNamed(dialog.contentItem, "summary2").text, "Desk laser, 2 copies");
        const reason = findNamed(dialog.contentItem, "confirmReason");
        verify(reason.visible);
        const ok = dialog.standardButton(Dialog.Ok);
        verify(!ok.enabled, "a reprint is confirmed only with a reason");
        reason.editText = "smudged";
        tryVerify(() => ok.enabled, 1000);
        mouseClick(ok);
        tryCompare(confirmed, "count", 1);
        compare(confirmed.signalArguments[0][0], "smudged");
    }

    function test_layoutStockAndNewSheet() {
        const options = LabelsController.options;
        verify(options.layouts.length >= 4, "symbol only and the three defaults");
        compare(options.layouts[0].value, "");
        const found = options.searchStocks("avery 5160");
        verify(found.length > 0);
        verify(found[0].text.startsWith("Avery 5160 — "), found[0].text);
        options.layoutName = "Product label";
        compare(options.layoutName, "Product label");
        compare(options.stock, "avery_5160"); // the stock the layout was made for
        verify(options.stockName.startsWith("Avery 5160"), options.stockName);
        compare(options.sheet.perPage, 30);
        options.startPosition = 12;
        compare(options.startPosition, 12);
        options.newSheet();
        compare(options.startPosition, 1);
        options.stock = found[found.length > 1 ? 1 : 0].value;
        verify(options.stockName !== "");
        options.layoutName = "";
        compare(options.stock, "");
    }

    function test_aThermalPrintSaysPrinterAndResolution() {
        const dialog = createTemporaryObject(dialogComponent, Overlay.overlay);
        dialog.show({ thermal: true, labels: 3, pages: 0, items: 3, newSerials: 3, reprintedSerials: 0, reprinted: "",
                      printer: "Zebra bench (tcp://10.0.0.7:9100)", resolution: "300 dpi",
                      stock: "Thermal shipping labels, 4 × 6 in, roll", layout: "Shipping label 4×6", start: 1, copies: 1 });
        tryVerify(() => dialog.opened, 2000);
        compare(findNamed(dialog.contentItem, "summary0").text, "3 on the roll");
        compare(findNamed(dialog.contentItem, "summary2").text, "Zebra bench (tcp://10.0.0.7:9100)");
        compare(findNamed(dialog.contentItem, "summary3").text, "300 dpi");
        verify(findNamed(dialog.contentItem, "summary4").text.includes("4 × 6 in"));
        compare(findNamed(dialog.contentItem, "summary5").text, "Shipping label 4×6");
        compare(findNamed(dialog.contentItem, "summary6"), null); // a roll has no start label
        dialog.close();
    }

    function test_thermalPrinterDialogRefusesThenKeeps() {
        const dialog = createTemporaryObject(thermalComponent, Overlay.overlay);
        const before = LabelsController.thermal.printers.length;
        dialog.edit("");
        tryVerify(() => dialog.opened, 2000);
        compare(dialog.title, "Add a thermal printer");
        findNamed(dialog.contentItem, "thermalName").text = "Bench Zebra";
        findNamed(dialog.contentItem, "thermalTarget").text = "http://zebra";
        dialog.action();
        verify(dialog.opened, "a refused printer keeps the dialog open");
        const error = findNamed(dialog.contentItem, "thermalError");
        verify(error.visible);
        verify(error.text.startsWith("Address:"), error.text);
        compare(LabelsController.thermal.printers.length, before);

        findNamed(dialog.contentItem, "thermalTarget").text = "tcp://127.0.0.1:9100";
        findNamed(dialog.contentItem, "thermalDpi").currentIndex = 1;
        findNamed(dialog.contentItem, "thermalDarkness").value = 22;
        dialog.action();
        tryVerify(() => !dialog.opened, 2000);
        compare(LabelsController.thermal.printers.length, before + 1);
        const kept = LabelsController.thermal.printers[before];
        compare(kept.name, "Bench Zebra");
        compare(kept.dpi, 300);
        compare(kept.darkness, 22);
        compare(kept.target, "tcp://127.0.0.1:9100");

        // Edited: the dialog opens on its values; Remove takes it off the list.
        dialog.edit(kept.id);
        tryVerify(() => dialog.opened, 2000);
        compare(findNamed(dialog.contentItem, "thermalName").text, "Bench Zebra");
        compare(findNamed(dialog.contentItem, "thermalDpi").currentValue, 300);
        compare(error.visible, false);
        mouseClick(findNamed(dialog.contentItem, "thermalRemove"));
        tryVerify(() => !dialog.opened, 2000);
        compare(LabelsController.thermal.printers.length, before);
    }
}
