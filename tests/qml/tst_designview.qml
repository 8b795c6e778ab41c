// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtTest
import Closient.Station
import Closient.Station.Models

// The label designer driven as a person drives it: a box dragged with the mouse snaps to the grid, a handle drags
// its edge onto the label's edge, arrow keys nudge (Shift a larger step), Ctrl+Z takes each back, a rubber band
// selects, and a problem is marked on the canvas with its reason.
TestCase {
    id: tc

    name: "DesignView"
    when: windowShown
    width: 1280
    height: 760
    visible: true

    Component {
        id: pageComponent
        DesignPage {
            width: tc.width
            height: tc.height
        }
    }

    readonly property DesignerController designer: LabelsController.designer

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

    // A fresh layout on Avery 5160 (66.675 × 25.4 mm) at 8 pixels a millimetre, with one box.
    function setUpPage() {
        const page = createTemporaryObject(pageComponent, tc);
        verify(page);
        const name = "Designed in a test " + Date.now();
        verify(designer.newLayout("avery_5160", name), designer.status.text);
        compare(designer.objects.count, 0);
        page.canvas.zoomTo(8);
        designer.snapToGrid = true;
        designer.snapToObjects = true;
        designer.gridSize = 1;
        designer.addBox(); // at (16.67, 6.35), 33.34 × 12.7 mm
        compare(designer.selectionCount, 1);
        waitForRendering(page);
        return page;
    }

    // Where a point of the label (mm) is on the canvas's surface (pixels).
    function at(page, mmX, mmY) {
        const c = page.canvas.canvas;
        return Qt.point(c.x + mmX * page.canvas.zoom, c.y + mmY * page.canvas.zoom);
    }

    function test_1_dragSnapsToTheGridAndUndoes() {
        const page = setUpPage();
        const surface = page.canvas.surface;
        const x0 = designer.current.x;
        const y0 = designer.current.y;
        fuzzyCompare(x0, 66.675 * 0.25, 1e-6);
        // Press inside the box, move 3.3 mm right and 1.6 mm down in steps, release.
        const start = at(page, x0 + 5, y0 + 5);
        mousePress(surface, start.x, start.y);
        for (let i = 1; i <= 6; ++i)
            mouseMove(surface, start.x + i * 3.3 * 8 / 6, start.y + i * 1.6 * 8 / 6);
        mouseRelease(surface, start.x + 3.3 * 8, start.y + 1.6 * 8);
        // Its left edge (19.97) lands on the grid's 20, its top (7.95) on 8: nothing else is within 0.75 mm.
        fuzzyCompare(designer.current.x, 20, 1e-6);
        fuzzyCompare(designer.current.y, 8, 1e-6);
        compare(designer.undoText, "Move");
        // Ctrl+Z on the canvas takes the whole drag back.
        verify(page.canvas.activeFocus);
        // (The keyboard-wedge detector holds a printable key for a moment to tell a scanner from a person, and QtTest
        // gives Ctrl+Z the text "z": wait for it to be handed on.)
        keyClick(Qt.Key_Z, Qt.ControlModifier);
        tryVerify(() => Math.abs(designer.current.x - x0) < 1e-6, 3000);
        fuzzyCompare(designer.current.y, y0, 1e-6);
        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier);
        tryVerify(() => Math.abs(designer.current.x - 20) < 1e-6, 3000);
    }

    function test_2_handleResizesOntoTheLabelEdge() {
        const page = setUpPage();
        const frame = findNamed(page, "frame-box");
        verify(frame);
        const handle = findNamed(frame, "handle4"); // bottom right
        verify(handle);
        const left = designer.current.x;
        // The right edge (50.0 mm) dragged 16.4 mm right: within 0.75 mm of the label's edge (66.675), it snaps there.
        // The pointer moves over the surface (the handle follows it as the box grows).
        const surface = page.canvas.surface;
        const p = handle.mapToItem(surface, 5, 5);
        mousePress(surface, p.x, p.y);
        for (let i = 1; i <= 8; ++i)
            mouseMove(surface, p.x + i * 16.4 * 8 / 8, p.y);
        mouseRelease(surface, p.x + 16.4 * 8, p.y);
        fuzzyCompare(designer.current.x + designer.current.width, 66.675, 1e-6);
        fuzzyCompare(designer.current.x, left, 1e-6); // the left edge stays
        compare(designer.undoText, "Resize");
        designer.undo();
        fuzzyCompare(designer.current.width, 66.675 * 0.5, 1e-6);
    }

    function test_3_arrowKeysNudge() {
        const page = setUpPage();
        const surface = page.canvas.surface;
        const p = at(page, designer.current.x + 2, designer.current.y + 2);
        mouseClick(surface, p.x, p.y);
        verify(page.canvas.activeFocus);
        const x0 = designer.current.x;
        const y0 = designer.current.y;
        keyClick(Qt.Key_Right);
        keyClick(Qt.Key_Right);
        keyClick(Qt.Key_Down, Qt.ShiftModifier);
        fuzzyCompare(designer.current.x, x0 + 0.2, 1e-6);
        fuzzyCompare(designer.current.y, y0 + 1, 1e-6);
        keyClick(Qt.Key_Z, Qt.ControlModifier); // the run of nudges is one step
        tryVerify(() => Math.abs(designer.current.x - x0) < 1e-6, 3000);
        fuzzyCompare(designer.current.y, y0, 1e-6);
        keyClick(Qt.Key_Delete);
        compare(designer.objects.count, 0);
        keyClick(Qt.Key_Z, Qt.ControlModifier);
        tryCompare(designer.objects, "count", 1, 3000);
    }

    function test_4_rubberBandSelects() {
        const page = setUpPage();
        designer.addLine();
        designer.clearSelection();
        compare(designer.selectionCount, 0);
        const surface = page.canvas.surface;
        // From the label's top-left corner (empty) to below the box's middle: the box and the line are touched.
        const a = at(page, 1, 1);
        const b = at(page, 40, 14);
        mousePress(surface, a.x, a.y);
        mouseMove(surface, (a.x + b.x) / 2, (a.y + b.y) / 2);
        mouseMove(surface, b.x, b.y);
        verify(findNamed(page, "rubberBand").visible);
        mouseRelease(surface, b.x, b.y);
        compare(designer.selectionCount, 2);
        // A click on empty space clears it.
        const c = at(page, 1, 24);
        mouseClick(surface, c.x, c.y);
        compare(designer.selectionCount, 0);
    }

    function test_5_problemsAreMarkedWithTheReason() {
        const page = setUpPage();
        designer.addSymbol(DesignerController.Gs1DataMatrix);
        designer.current.width = 3;
        designer.current.height = 3;
        waitForRendering(page);
        const frame = findNamed(page, "frame-symbol");
        verify(frame);
        verify(findNamed(frame, "problemMark").visible);
        const text = findNamed(frame, "problemText");
        verify(text.visible);
        verify(text.text.indexOf("smallest X") >= 0, text.text);
        designer.current.width = 20;
        designer.current.height = 20;
        verify(!findNamed(frame, "problemMark").visible);
    }

    function test_6_alignAndRotateFromTheView() {
        const page = setUpPage();
        // The enums as QML names them: an alignment is never taken for a resize handle of the same name.
        designer.align(DesignerController.AlignRight);
        fuzzyCompare(designer.current.x + designer.current.width, 66.675, 1e-6);
        designer.align(DesignerController.AlignBottom);
        fuzzyCompare(designer.current.y + designer.current.height, 25.4, 1e-6);
        const w = designer.current.width;
        mouseClick(findNamed(page, "rotateButton"));
        compare(designer.current.rotation, 90);
        fuzzyCompare(designer.current.height, w, 1e-6);
        mouseClick(findNamed(page, "undoButton"));
        compare(designer.current.rotation, 0);
    }

    // Ctrl+Z and Ctrl+Shift+Z undo and redo wherever the focus is on the Design tab: after a tick in the properties
    // panel as after a drag on the canvas. A text field keeps its own undo while one types in it.
    function test_8_undoFromThePropertiesPanel() {
        const page = setUpPage();
        const filled = findNamed(page, "filledBox");
        verify(filled && filled.visible);
        verify(!designer.current.filled);
        mouseClick(filled);
        verify(designer.current.filled);
        verify(filled.activeFocus, "the tick box took the focus");
        keyClick(Qt.Key_Z, Qt.ControlModifier);
        verify(!designer.current.filled, "Ctrl+Z in the properties panel");
        keyClick(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier);
        verify(designer.current.filled, "Ctrl+Shift+Z in the properties panel");
        keyClick(Qt.Key_Z, Qt.ControlModifier);
        verify(!designer.current.filled);
        keyClick(Qt.Key_Y, Qt.ControlModifier);
        verify(designer.current.filled, "Ctrl+Y in the properties panel");
    }

    // Several objects selected move together when one of them is dragged (pressed without Shift, as in every
    // drawing program); a click on one of them without dragging then selects it alone.
    function test_9_dragMovesEverySelectedObject() {
        const page = setUpPage(); // "box" at (16.67, 6.35)
        const second = designer.addBox();
        designer.current.x = 2;
        designer.current.y = 2;
        designer.current.width = 8;
        designer.current.height = 4;
        waitForRendering(page);
        const surface = page.canvas.surface;
        const first = at(page, 66.675 * 0.25 + 5, 6.35 + 5);
        mouseClick(surface, first.x, first.y, Qt.LeftButton, Qt.ShiftModifier);
        compare(designer.selectionCount, 2);
        // Press on the second box, already selected, and drag it 5 mm right.
        const start = at(page, 4, 4);
        mousePress(surface, start.x, start.y);
        compare(designer.selectionCount, 2, "pressing on a selected object keeps the selection");
        for (let i = 1; i <= 5; ++i)
            mouseMove(surface, start.x + i * 8, start.y);
        mouseRelease(surface, start.x + 5 * 8, start.y);
        compare(designer.selectionCount, 2);
        compare(designer.undoText, "Move");
        designer.select("box");
        const moved = designer.current.x - 66.675 * 0.25;
        designer.select(second);
        fuzzyCompare(designer.current.x - 2, moved, 1e-6);
        verify(moved > 4 && moved < 6, moved);
        // One step to undo puts both back.
        designer.undo();
        fuzzyCompare(designer.current.x, 2, 1e-6);
        designer.select("box");
        fuzzyCompare(designer.current.x, 66.675 * 0.25, 1e-6);
        // A click (no drag) on one object of a selection selects it alone.
        designer.selectAll();
        const inSecond = at(page, 4, 4);
        mouseClick(surface, inSecond.x, inSecond.y);
        compare(designer.selectedIds, [second]);
    }

    // The wheel as in other label designers: Ctrl+wheel zooms, the wheel scrolls a label larger than the view
    // (Shift+wheel across), and neither moves anything on the label.
    function test_10_wheelScrollsAndCtrlWheelZooms() {
        const page = setUpPage();
        const flick = findNamed(page, "designFlick");
        verify(flick);
        page.canvas.zoomTo(40); // 2667 × 1016 px: larger than the view both ways
        waitForRendering(page);
        compare(flick.contentX, 0);
        compare(flick.contentY, 0);
        const x = designer.current.x;
        mouseWheel(flick, 200, 200, 0, -120); // one notch down
        verify(flick.contentY > 0, "the wheel scrolls down");
        compare(page.canvas.zoom, 40);
        mouseWheel(flick, 200, 200, 0, -120, Qt.NoButton, Qt.ShiftModifier);
        verify(flick.contentX > 0, "Shift+wheel scrolls across");
        const y = flick.contentY;
        for (let i = 0; i < 100; ++i)
            mouseWheel(flick, 200, 200, 0, -120);
        verify(flick.contentY > y);
        verify(flick.contentY <= flick.contentHeight - flick.height, "no further than the label");
        mouseWheel(flick, 200, 200, 0, 120, Qt.NoButton, Qt.ControlModifier); // Ctrl + one notch up
        verify(page.canvas.zoom > 40, "Ctrl+wheel zooms in");
        fuzzyCompare(designer.current.x, x, 1e-9);
    }

    // A problem that stops the label is said in red as a problem; one that does not (a box past the die-cut edge is
    // cut there and prints) is a note in amber, on the canvas, in the status line and in the properties panel.
    function test_11_notesAreToldFromProblems() {
        const page = setUpPage();
        const status = findNamed(page, "designStatus");
        const panel = findNamed(page, "propertiesProblem");
        verify(status && panel);
        designer.current.width = 60; // the box now reaches past the label's right edge
        verify(designer.problems.length === 1, designer.problems.join("\n"));
        verify(designer.printable);
        verify(status.text.indexOf("Note: ") === 0, status.text);
        compare(status.color, Theme.warn);
        compare(panel.color, Theme.warn);
        designer.addSymbol(DesignerController.Gs1DataMatrix);
        designer.current.width = 3;
        designer.current.height = 3;
        verify(!designer.printable);
        verify(status.text.indexOf("2 problems") === 0, status.text);
        compare(status.color, Theme.bad);
        compare(panel.color, Theme.bad);
    }

    // The status line tells what the last action did ("New layout …", "Saved …") until the layout changes; from
    // then on it tells the layout's problems, which an old message would hide.
    function test_12_anEditTakesTheLastMessageAway() {
        const page = setUpPage(); // a new layout ("New layout …" said), then a box added
        const status = findNamed(page, "designStatus");
        compare(designer.status.text, "");
        verify(status.text.indexOf("Drawn with ") === 0, status.text);
        designer.addSymbol(DesignerController.Gs1DataMatrix);
        designer.current.width = 3;
        designer.current.height = 3;
        verify(status.text.indexOf("Problem: symbol") === 0, status.text);
    }

    // The preview is the item the Labels list would print, with its product's name and brand from the products
    // cache (as a job reads them), so a required name that a print would have is not reported missing.
    function test_7_previewTakesTheProductFromTheProductsCache() {
        tryVerify(() => AppController.storeReady, 5000);
        const page = setUpPage();
        verify(testSql.exec("INSERT OR REPLACE INTO products (gtin, product_name, brand, fetched) VALUES "
                            + "('09506000134352', 'Oat Drink Designed', 'Northfield', '2026-11-30T08:00:00.000Z')"));
        designer.addText("{product_name} by {brand}");
        designer.current.required = true;
        LabelsController.selection.scope = "lots";
        LabelsController.entry.addLot({ gtin: "09506000134352", lot: "DSN1", expiry: "2027-12-31" });
        tryVerify(() => designer.previewSource.indexOf("DSN1") >= 0, 5000, designer.previewSource);
        tryCompare(designer, "problems", [], 5000);
        // Without a product in the cache the same text is missing its value, as it would be in a job.
        verify(testSql.exec("DELETE FROM products WHERE gtin = '09506000134352'"));
        LabelsController.selection.refresh();
        tryVerify(() => designer.problems.length === 1 && designer.problems[0].indexOf("{product_name}") >= 0, 5000,
                  designer.problems.join("\n"));
        // The store as the next views expect it.
        verify(testSql.exec("DELETE FROM lots WHERE lot = 'DSN1'"));
        LabelsController.selection.refresh();
        tryCompare(LabelsController.selection.items, "count", 0, 5000);
    }

    function test_13_aSavedLayoutIsOfferedForPrintingAtOnce() {
        tryVerify(() => AppController.storeReady, 5000);
        setUpPage();
        // The Print tab's layout list is a binding: it is read again when the list says it changed.
        const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"layoutsChanged\" }", tc);
        spy.target = LabelsController.options;
        const offered = name => LabelsController.options.layouts.some(l => l.value === name);
        if (designer.layoutExists("Print tab check")) // left by a run that stopped half way
            verify(designer.removeLayout("Print tab check"));
        verify(!offered("Print tab check"));
        verify(designer.newLayout("avery_5160", "Print tab check"));
        designer.addText("{serial}");
        verify(designer.save());
        tryVerify(() => spy.count > 0, 5000, "the Print tab is told of the layout just saved");
        verify(offered("Print tab check"));
        const told = spy.count;
        verify(designer.removeLayout("Print tab check"));
        tryVerify(() => spy.count > told, 5000, "and of the one deleted");
        verify(!offered("Print tab check"));
    }
}
