// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The Labels screen on a real store: entries are added and refused, the sheet preview is the job's PDF rendered
// by Poppler, the start position and the export type change it, and an export is read back before it is saved.
TestCase {
    id: tc

    name: "LabelsView"
    when: windowShown
    width: 1280
    height: 760
    visible: true

    Component {
        id: pageComponent
        LabelsPage {
            width: tc.width
            height: tc.height
        }
    }

    SignalSpy {
        id: entries
        target: LabelsController.entry
        signalName: "finished"
    }

    function findNamed(item, name) {
        if (item.objectName === name)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name);
            if (found)
                return found;
        }
        return null;
    }

    // Every object under @p item, also those that are not items (menus, popups) and their contents.
    function allObjects(item, out) {
        if (!item || out.indexOf(item) >= 0)
            return out;
        out.push(item);
        for (const key of ["data", "contentData", "children"]) {
            const list = item[key];
            if (list) {
                for (let i = 0; i < list.length; ++i)
                    allObjects(list[i], out);
            }
        }
        return out;
    }

    function visibleLabelTexts(item) {
        return allObjects(item, []).filter(o => o.text !== undefined && o.elide !== undefined && o.visible).map(o => o.text);
    }

    function test_1_entriesAreCheckedBeforeTheyAreStored() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = createTemporaryObject(pageComponent, tc);
        verify(page);
        LabelsController.selection.scope = "lots";
        LabelsController.options.exportType = "sheet_pdf";
        entries.clear();
        LabelsController.entry.addLot({ gtin: "09506000134353", lot: "BAD" });
        entries.wait(5000);
        compare(entries.signalArguments[0][0], false);
        verify(entries.signalArguments[0][1].indexOf("check digit") >= 0, entries.signalArguments[0][1]);
        LabelsController.entry.addLot({ gtin: "09506000134352", lot: "QML1", expiry: "2027-12-31" });
        entries.wait(5000);
        compare(entries.signalArguments[1][0], true, entries.signalArguments[1][1]);
        LabelsController.entry.addLot({ gtin: "4006381333931", lot: "QML2", expiry: "271130" });
        entries.wait(5000);
        compare(entries.signalArguments[2][0], true, entries.signalArguments[2][1]);
        tryCompare(LabelsController.selection.items, "count", 2, 5000);
        // A CSV with one bad row imports nothing and names the row.
        LabelsController.entry.importCsv(testDir + "/bad-lots.csv");
        entries.wait(5000);
        compare(entries.signalArguments[3][0], false);
        verify(entries.signalArguments[3][2].length === 1 && entries.signalArguments[3][2][0].indexOf("row 3") >= 0,
               entries.signalArguments[3][2].join("\n"));
        wait(300);
        compare(LabelsController.selection.items.count, 2);
    }

    function test_2_previewIsTheJobsPdf() {
        const page = createTemporaryObject(pageComponent, tc);
        LabelsController.selection.scope = "lots";
        LabelsController.selection.search = "";
        LabelsController.options.templateName = "63up_1in_letter";
        LabelsController.options.symbol = "gs1_datamatrix";
        LabelsController.options.startPosition = 1;
        tryCompare(LabelsController.selection.items, "count", 2, 5000);
        tryCompare(LabelsController.preview, "state", LabelPreview.Ready, 20000);
        compare(LabelsController.preview.labels, 2);
        compare(LabelsController.preview.pages, 1);
        const image = findNamed(page, "pageImage");
        verify(image);
        tryCompare(image, "status", Image.Ready, 10000);
        verify(image.implicitWidth > 300);
        // A used sheet: start on label 63 (the last one), and the second label goes onto a new sheet.
        LabelsController.options.startPosition = 63;
        tryCompare(LabelsController.preview, "pages", 2, 20000);
        compare(LabelsController.preview.state, LabelPreview.Ready);
        compare(findNamed(page, "pageLabel").text, "Page 1 of 2");
        // Ticking one item narrows the job to it.
        LabelsController.selection.items.setChecked(0, true);
        tryCompare(LabelsController.preview, "labels", 1, 20000);
        compare(LabelsController.preview.state, LabelPreview.Ready);
        compare(LabelsController.preview.pages, 1);
        LabelsController.selection.items.setAllChecked(false);
        LabelsController.options.startPosition = 1;
        tryCompare(LabelsController.preview, "labels", 2, 20000);
        tryCompare(image, "status", Image.Ready, 10000);
        // The search narrows the list, and the page shown is the new preview's even with as many pages.
        const shown = String(image.source);
        LabelsController.selection.search = "QML2";
        tryCompare(LabelsController.selection.items, "count", 1, 5000);
        tryCompare(LabelsController.preview, "labels", 1, 20000);
        compare(LabelsController.preview.pages, 1);
        verify(String(image.source) !== shown, "the new preview is loaded");
        // Nothing matching means nothing to lay out.
        LabelsController.selection.search = "no such lot";
        tryCompare(LabelsController.selection.items, "count", 0, 5000);
        tryCompare(LabelsController.preview, "state", LabelPreview.Empty, 5000);
        LabelsController.selection.search = "";
        tryCompare(LabelsController.selection.items, "count", 2, 5000);
    }

    function test_3_exportTypeDecidesFormatsAndPreview() {
        const page = createTemporaryObject(pageComponent, tc);
        LabelsController.options.exportType = "qr_codes";
        compare(LabelsController.options.formats, ["svg", "png"]);
        verify(["svg", "png"].indexOf(LabelsController.options.fileFormat) >= 0);
        compare(LabelsController.options.symbol, "digital_link_qr");
        tryCompare(LabelsController.preview, "state", LabelPreview.NotASheet);
        LabelsController.options.exportType = "barcodes_1d";
        compare(LabelsController.options.formats, ["svg", "eps"]);
        compare(LabelsController.options.symbol, "gs1_128");
        LabelsController.options.exportType = "sheet_pdf";
        compare(LabelsController.options.formats, ["pdf"]);
        // GS1-128 with the lot and expiry does not fit a 1 in label at the GS1 minimum: refused, with the reason.
        compare(LabelsController.options.symbol, "gs1_128");
        tryCompare(LabelsController.preview, "state", LabelPreview.Failed, 20000);
        verify(LabelsController.preview.message.indexOf("GS1-128") >= 0 || LabelsController.preview.message.indexOf("room") >= 0,
               LabelsController.preview.message);
        LabelsController.options.symbol = "gs1_datamatrix";
        wait(500);
        tryCompare(LabelsController.preview, "state", LabelPreview.Ready, 20000);
    }

    function test_4_exportIsReadBackBeforeItIsSaved() {
        const page = createTemporaryObject(pageComponent, tc);
        LabelsController.options.exportType = "sheet_pdf";
        // GS1-128 with GTIN, expiry and lot on a 4 × 2 in label, at the healthcare table's X.
        LabelsController.options.templateName = "avery_5163";
        LabelsController.options.symbol = "gs1_128";
        LabelsController.options.gs1Table = "healthcare";
        wait(500); // the preview starts 350 ms after the last change
        tryCompare(LabelsController.preview, "state", LabelPreview.Ready, 20000, LabelsController.preview.message);
        LabelsController.printing.exportTo(testDir + "/sheet.pdf");
        verify(LabelsController.printing.jobRunning);
        tryVerify(() => !LabelsController.printing.jobRunning, 60000);
        compare(LabelsController.status.severity, StatusMessage.Good, LabelsController.status.text);
        verify(LabelsController.status.text.indexOf("all 2 read back") >= 0, LabelsController.status.text);
        // A label that cannot be made is refused with the reason: UPC-A carries only GTIN-12s.
        LabelsController.options.symbol = "upca";
        tryCompare(LabelsController.preview, "state", LabelPreview.Failed, 20000);
        verify(LabelsController.preview.message.indexOf("UPC-A carries only") >= 0, LabelsController.preview.message);
        LabelsController.options.symbol = "gs1_datamatrix";
        LabelsController.options.gs1Table = "general";
        wait(500);
        tryCompare(LabelsController.preview, "state", LabelPreview.Ready, 20000);
    }

    // The screen at 1024 × 600 (the page is what the navigation rail and the status bar leave) and at 1366 × 768.
    function test_6_fitsSmallScreens_data() {
        return [{ tag: "1024x600", width: 836, height: 570, paper: 240 },
                { tag: "1366x768", width: 1178, height: 738, paper: 420 }];
    }

    function test_6_fitsSmallScreens(data) {
        const page = createTemporaryObject(pageComponent, tc);
        page.width = data.width;
        page.height = data.height;
        LabelsController.selection.scope = "lots";
        LabelsController.options.exportType = "sheet_pdf";
        tryCompare(LabelsController.preview, "state", LabelPreview.Ready, 20000);
        waitForRendering(page);
        // The sheet keeps room to be seen, and its toolbar's buttons sit side by side inside it.
        const paper = findNamed(page, "pageImage");
        verify(paper.width >= data.paper, "the page is shown " + paper.width + " px wide");
        const bar = findNamed(page, "pageLabel").parent;
        let right = 0;
        for (let i = 0; i < bar.children.length; ++i) {
            const c = bar.children[i];
            if (!c.visible || c.width === 0)
                continue;
            verify(c.x >= right - 0.5, "toolbar item " + i + " overlaps the one before it");
            right = c.x + c.width;
        }
        verify(right <= bar.width + 0.5, "the toolbar runs out of the preview: " + right + " > " + bar.width);
        // Every combo box has a visible label naming it.
        const texts = visibleLabelTexts(page);
        for (const name of ["exportType", "fileFormat", "symbol", "gs1Table", "template", "printer"]) {
            const combo = findNamed(page, name);
            verify(combo, name);
            verify(combo.Accessible.name !== "", name + " has no name");
            verify(texts.indexOf(combo.Accessible.name) >= 0, name + ": no visible label \"" + combo.Accessible.name + "\"");
        }
        // A refusal is shown whole, however narrow the panel.
        LabelsController.printing.printer = "";
        LabelsController.printing.exportTo(LabelsController.printing.suggestedExportFile().toString().replace(/[^/]*$/, "") + "no/such/folder/labels.pdf");
        tryVerify(() => !LabelsController.printing.jobRunning && LabelsController.status.severity === StatusMessage.Error, 10000);
        const message = findNamed(page, "jobMessage");
        verify(message.text.indexOf("does not exist") >= 0, message.text);
        waitForRendering(message);
        verify(!message.truncated, "the message is cut");
        verify(message.lineCount > 1);
        LabelsController.status.clear();
    }

    function test_7_printAgainOnlyForPrinted() {
        const page = createTemporaryObject(pageComponent, tc);
        LabelsController.selection.scope = "lots";
        tryVerify(() => LabelsController.selection.items.count > 0, 5000);
        waitForRendering(page);
        // None of these was ever printed: the row's menu does not offer to print it again.
        const list = findNamed(page, "labelItems");
        const menuButton = allObjects(list, []).filter(o => o.text === "⋮")[0];
        verify(menuButton);
        mouseClick(menuButton);
        const item = allObjects(menuButton, []).filter(o => o.text === "Print again…")[0];
        verify(item);
        const menu = allObjects(menuButton, []).filter(o => o.popupType !== undefined || o.opened !== undefined)[0];
        tryVerify(() => menu.opened, 2000);
        verify(!item.visible, "\"Print again…\" offered for a label never printed");
        menu.close();
    }

    function test_5_printNeedsAPrinter() {
        const page = createTemporaryObject(pageComponent, tc);
        LabelsController.printing.printer = "";
        LabelsController.printing.print();
        compare(LabelsController.status.severity, StatusMessage.Error);
        verify(LabelsController.status.text.indexOf("printer") >= 0);
        LabelsController.printing.reprint("", "");
        compare(LabelsController.status.severity, StatusMessage.Warning);
    }
}
