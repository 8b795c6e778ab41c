// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The label designer's controller: every editing operation and its undo / redo, snapping, align and distribute,
// copy and paste, the properties, the problems the renderer finds, and layouts saved, read back, renamed, deleted.
#include "designercontroller.h"
#include "layoutlibrary.h"
#include "stationfonts.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::models;
using labels::LayoutObject;

class TestDesignerController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DesignerController> make()
    {
        // A fresh user folder per controller: nothing one test saves is seen by the next.
        const QString user = m_dir.filePath(QString::number(++m_count));
        QDir().mkpath(user);
        auto c = std::make_unique<DesignerController>(
            DesignerController::Folders { { u":/labels/layouts"_s, user }, user });
        new QAbstractItemModelTester(c->objects(), QAbstractItemModelTester::FailureReportingMode::QtTest, c.get());
        new QAbstractItemModelTester(c->layouts(), QAbstractItemModelTester::FailureReportingMode::QtTest, c.get());
        return c;
    }
    // An empty layout on a 60 × 30 mm label with boxes where the test says.
    std::unique_ptr<DesignerController> withBoxes(const std::vector<QRectF> &rects)
    {
        auto c = make();
        labels::Layout l;
        l.name = u"Test"_s;
        l.label.width = 60;
        l.label.height = 30;
        int n = 0;
        for (const QRectF &r : rects) {
            LayoutObject o;
            o.type = LayoutObject::Type::Box;
            o.id = u"b%1"_s.arg(++n);
            o.rect = r;
            l.objects.push_back(o);
        }
        c->setLayout(l, {}, false);
        return c;
    }
    static QRectF rectOf(const DesignerController &c, const QString &id) { return c.object(id)->rect; }
    static void compareRect(const QRectF &a, const QRectF &b)
    {
        QVERIFY2(std::abs(a.x() - b.x()) < 1e-9 && std::abs(a.y() - b.y()) < 1e-9
                && std::abs(a.width() - b.width()) < 1e-9 && std::abs(a.height() - b.height()) < 1e-9,
            qPrintable(u"(%1, %2, %3 × %4) is not (%5, %6, %7 × %8)"_s.arg(a.x())
                           .arg(a.y())
                           .arg(a.width())
                           .arg(a.height())
                           .arg(b.x())
                           .arg(b.y())
                           .arg(b.width())
                           .arg(b.height())));
    }
    int m_count = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(StationFonts::load().ok(), "the station fonts are needed to measure text");
    }

    void startsWithTheDefaults()
    {
        auto c = make();
        QCOMPARE(c->layouts()->count(), 3);
        QVERIFY(c->layoutExists(u"Product label"_s));
        QVERIFY(c->layoutExists(u"shelf label"_s));
        QCOMPARE(c->layoutName(), u"Product label"_s);
        QVERIFY(c->builtIn());
        QVERIFY(!c->dirty());
        QCOMPARE(c->objects()->count(), int(c->layout().objects.size()));
        QVERIFY(c->objects()->count() >= 4);
    }

    void addsEachKindAndUndoesIt()
    {
        auto c = withBoxes({});
        // A PNG and an SVG logo from files.
        const QString png = m_dir.filePath(u"logo.png"_s);
        QImage image(40, 20, QImage::Format_RGB32);
        image.fill(Qt::black);
        QVERIFY(image.save(png));
        const QString svg = m_dir.filePath(u"logo.svg"_s);
        QFile f(svg);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" "
                "height=\"10\"/></svg>");
        f.close();

        const auto symbologies = { DesignerController::Symbology::Gs1DataMatrix, DesignerController::Symbology::Gs1Qr,
            DesignerController::Symbology::DigitalLinkQr, DesignerController::Symbology::Gs1_128,
            DesignerController::Symbology::Ean13, DesignerController::Symbology::UpcA,
            DesignerController::Symbology::Itf14, DesignerController::Symbology::DataBar,
            DesignerController::Symbology::DataBarExpanded };
        std::vector<std::function<QString()>> adds;
        for (auto s : symbologies)
            adds.push_back([&c, s] { return c->addSymbol(s); });
        adds.push_back([&c] { return c->addText(u"Lot {lot}"_s); });
        adds.push_back([&c, png] { return c->addImage(QUrl::fromLocalFile(png)); });
        adds.push_back([&c, svg] { return c->addImage(QUrl::fromLocalFile(svg)); });
        adds.push_back([&c] { return c->addLine(); });
        adds.push_back([&c] { return c->addBox(); });

        QStringList ids;
        for (const auto &add : adds) {
            const int before = c->objects()->count();
            const QString id = add();
            QVERIFY(!id.isEmpty());
            QVERIFY(!ids.contains(id));
            ids << id;
            QCOMPARE(c->objects()->count(), before + 1);
            QCOMPARE(c->selectedIds(), QStringList { id });
            const QRectF r = rectOf(*c, id);
            QVERIFY2(
                QRectF(0, 0, 60, 30).contains(r.normalized().adjusted(0.01, 0.01, -0.01, -0.01)) || r.height() == 0,
                qPrintable(id)); // placed on the label
            c->undo();
            QCOMPARE(c->objects()->count(), before);
            QVERIFY(!c->object(id));
            c->redo();
            QCOMPARE(c->objects()->count(), before + 1);
            QVERIFY(c->object(id));
        }
        QCOMPARE(c->layout().objects[9].type, LayoutObject::Type::Text);
        QCOMPARE(c->layout().objects[3].symbology, labels::LayoutSymbology::Gs1_128);
        QVERIFY(c->layout().objects[10].imageData.startsWith("\x89PNG"));
        QCOMPARE(c->layout().objects[10].rect.width(), 2 * c->layout().objects[10].rect.height()); // its aspect
        QVERIFY(c->layout().objects[11].imageData.contains("<svg"));

        // Not an image: refused with the reason, nothing added.
        const QString bad = m_dir.filePath(u"notes.png"_s);
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("not an image");
        b.close();
        const int count = c->objects()->count();
        QVERIFY(c->addImage(QUrl::fromLocalFile(bad)).isEmpty());
        QCOMPARE(c->objects()->count(), count);
        QVERIFY(c->status()->property("text").toString().contains(u"notes.png"_s));
    }

    // An SVG logo is placed in a box of its own proportions, as a PNG is, so that handles, snapping and alignment
    // work on what is drawn.
    void placesSvgImagesInTheirProportions()
    {
        auto c = withBoxes({});
        const QString wide = m_dir.filePath(u"wide.svg"_s);
        QFile f(wide);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
                "<rect width=\"40\" height=\"20\"/></svg>");
        f.close();
        const QString id = c->addImage(QUrl::fromLocalFile(wide));
        QVERIFY(!id.isEmpty());
        const QRectF r = rectOf(*c, id);
        QVERIFY2(std::abs(r.width() / r.height() - 2) < 1e-6, qPrintable(u"%1 × %2"_s.arg(r.width()).arg(r.height())));
    }

    void deletesAndUndoes()
    {
        auto c = withBoxes({ { 1, 1, 5, 5 }, { 10, 1, 5, 5 }, { 20, 1, 5, 5 } });
        c->select(u"b1"_s);
        c->select(u"b3"_s, true);
        c->deleteSelection();
        QCOMPARE(c->objects()->count(), 1);
        QCOMPARE(c->selectionCount(), 0);
        QCOMPARE(c->undoText(), u"Delete 2 objects"_s);
        c->undo();
        QCOMPARE(c->objects()->count(), 3);
        QCOMPARE(c->selectedIds(), (QStringList { u"b1"_s, u"b3"_s }));
        c->redo();
        QCOMPARE(c->objects()->count(), 1);
        QVERIFY(c->object(u"b2"_s));
    }

    void dragSnapsToTheGrid()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 40, 20, 10, 4 } });
        c->setSnapToObjects(false);
        c->setGridSize(1);
        c->select(u"b1"_s);
        c->beginGesture();
        c->moveGesture(3.3, 2.6, 0.5);
        compareRect(rectOf(*c, u"b1"_s), { 8, 8, 10, 4 });
        c->moveGesture(6.2, 4.1, 0.5);
        compareRect(rectOf(*c, u"b1"_s), { 11, 9, 10, 4 });
        c->endGesture();
        QCOMPARE(c->undoText(), u"Move"_s);
        c->undo();
        compareRect(rectOf(*c, u"b1"_s), { 5, 5, 10, 4 });
        QVERIFY(!c->canUndo()); // the whole drag was one step
        c->redo();
        compareRect(rectOf(*c, u"b1"_s), { 11, 9, 10, 4 });

        // Without the grid the drag is as the pointer went.
        c->setSnapToGrid(false);
        c->beginGesture();
        c->moveGesture(0.37, 0.21, 0.5);
        c->endGesture();
        compareRect(rectOf(*c, u"b1"_s), { 11.37, 9.21, 10, 4 });
    }

    void dragSnapsToEdgesAndCentres()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 30, 12, 10, 6 } });
        c->setSnapToGrid(false);
        c->select(u"b1"_s);
        c->beginGesture();
        // b1's left edge comes within 0.4 mm of b2's right edge (40): it lands on it, a vertical guide shows.
        c->moveGesture(35.4, 0, 0.5);
        QCOMPARE(rectOf(*c, u"b1"_s).left(), 40.0);
        QCOMPARE(c->guides().size(), 1);
        QCOMPARE(c->guides().constFirst().toMap().value(u"position"_s).toDouble(), 40.0);
        // Its middle near b2's middle (15): snapped too.
        c->moveGesture(35.4, 7.7, 0.5);
        QCOMPARE(rectOf(*c, u"b1"_s).center().y(), 15.0);
        // Its centre on the label's centre (30).
        c->moveGesture(20.2, 20.7, 0.5);
        QCOMPARE(rectOf(*c, u"b1"_s).center().x(), 30.0);
        // Its bottom (29.7) on the label's bottom edge (30).
        QCOMPARE(rectOf(*c, u"b1"_s).bottom(), 30.0);
        QCOMPARE(c->guides().size(), 2);
        c->endGesture();
        QVERIFY(c->guides().isEmpty());
    }

    void resizeSnaps()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 30, 12, 10, 6 } });
        c->setSnapToGrid(false);
        c->select(u"b1"_s);
        c->beginGesture();
        c->resizeGesture(DesignerController::Handle::HandleBottomRight, 14.7, 9.2, 0.5);
        compareRect(rectOf(*c, u"b1"_s), { 5, 5, 25, 13 }); // right on b2's left (30), bottom on b2's bottom (18)
        c->endGesture();
        QCOMPARE(c->undoText(), u"Resize"_s);
        // The top-left handle never turns the box inside out.
        c->beginGesture();
        c->resizeGesture(DesignerController::Handle::HandleTopLeft, 100, 100, 0.5);
        QVERIFY(rectOf(*c, u"b1"_s).width() >= 0.5);
        QVERIFY(rectOf(*c, u"b1"_s).height() >= 0.5);
        QCOMPARE(rectOf(*c, u"b1"_s).right(), 30.0);
        c->endGesture();
        c->undo();
        c->undo();
        compareRect(rectOf(*c, u"b1"_s), { 5, 5, 10, 4 });
    }

    void nudgesAreOneStep()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 } });
        c->select(u"b1"_s);
        c->nudge(1, 0);
        c->nudge(1, 0);
        c->nudge(0, -1);
        compareRect(rectOf(*c, u"b1"_s), { 5.2, 4.9, 10, 4 });
        c->nudge(-1, 0, true);
        compareRect(rectOf(*c, u"b1"_s), { 4.2, 4.9, 10, 4 });
        c->undo();
        compareRect(rectOf(*c, u"b1"_s), { 5, 5, 10, 4 });
        QVERIFY(!c->canUndo());
    }

    void aligns_data()
    {
        QTest::addColumn<int>("edge");
        QTest::addColumn<QRectF>("first"); // b1 after
        QTest::addColumn<QRectF>("second"); // b2 after
        using A = DesignerController::Alignment;
        // b1 (5, 5, 10 × 4) and b2 (20, 12, 6 × 8): their bounds are (5, 5) to (26, 20).
        QTest::newRow("left") << int(A::AlignLeft) << QRectF(5, 5, 10, 4) << QRectF(5, 12, 6, 8);
        QTest::newRow("centre") << int(A::AlignCentre) << QRectF(10.5, 5, 10, 4) << QRectF(12.5, 12, 6, 8);
        QTest::newRow("right") << int(A::AlignRight) << QRectF(16, 5, 10, 4) << QRectF(20, 12, 6, 8);
        QTest::newRow("top") << int(A::AlignTop) << QRectF(5, 5, 10, 4) << QRectF(20, 5, 6, 8);
        QTest::newRow("middle") << int(A::AlignMiddle) << QRectF(5, 10.5, 10, 4) << QRectF(20, 8.5, 6, 8);
        QTest::newRow("bottom") << int(A::AlignBottom) << QRectF(5, 16, 10, 4) << QRectF(20, 12, 6, 8);
    }
    void aligns()
    {
        QFETCH(int, edge);
        QFETCH(QRectF, first);
        QFETCH(QRectF, second);
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 20, 12, 6, 8 } });
        c->selectAll();
        c->align(DesignerController::Alignment(edge));
        compareRect(rectOf(*c, u"b1"_s), first);
        compareRect(rectOf(*c, u"b2"_s), second);
        c->undo();
        compareRect(rectOf(*c, u"b1"_s), { 5, 5, 10, 4 });
        compareRect(rectOf(*c, u"b2"_s), { 20, 12, 6, 8 });
    }

    void alignsOneObjectToTheLabel()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 } });
        c->select(u"b1"_s);
        c->align(DesignerController::Alignment::AlignCentre);
        c->align(DesignerController::Alignment::AlignBottom);
        compareRect(rectOf(*c, u"b1"_s), { 25, 26, 10, 4 });
    }

    void distributes()
    {
        auto c = withBoxes({ { 0, 0, 10, 4 }, { 12, 10, 6, 4 }, { 40, 20, 10, 4 } });
        c->select(u"b1"_s);
        c->select(u"b2"_s, true);
        c->distribute(true);
        QVERIFY(!c->canUndo()); // two objects: nothing to space out
        c->select(u"b3"_s, true);
        c->distribute(true);
        // 50 mm span, 26 mm of boxes: two gaps of 12.
        compareRect(rectOf(*c, u"b2"_s), { 22, 10, 6, 4 });
        compareRect(rectOf(*c, u"b3"_s), { 40, 20, 10, 4 });
        c->distribute(false);
        compareRect(rectOf(*c, u"b2"_s), { 22, 10, 6, 4 }); // 24 mm span, 12 of boxes: gaps of 6
        c->undo();
        c->undo();
        compareRect(rectOf(*c, u"b2"_s), { 12, 10, 6, 4 });
    }

    void rotates()
    {
        auto c = withBoxes({ { 10, 10, 20, 6 } });
        c->select(u"b1"_s);
        c->rotate(true);
        QCOMPARE(c->object(u"b1"_s)->rotation, 90);
        compareRect(rectOf(*c, u"b1"_s), { 17, 3, 6, 20 }); // about its centre (20, 13)
        c->rotate(false);
        c->rotate(false);
        QCOMPARE(c->object(u"b1"_s)->rotation, 270);
        c->current()->setRotation(180);
        QCOMPARE(c->object(u"b1"_s)->rotation, 180);
        compareRect(rectOf(*c, u"b1"_s), { 10, 10, 20, 6 });
        c->undo();
        QCOMPARE(c->object(u"b1"_s)->rotation, 270);
    }

    void ordersObjects()
    {
        auto c = withBoxes({ { 0, 0, 1, 1 }, { 0, 0, 1, 1 }, { 0, 0, 1, 1 }, { 0, 0, 1, 1 } });
        auto order = [&] {
            QStringList ids;
            for (const auto &o : c->layout().objects)
                ids << o.id;
            return ids.join(u' ');
        };
        c->select(u"b2"_s);
        c->order(DesignerController::ZOrder::Forward);
        QCOMPARE(order(), u"b1 b3 b2 b4"_s);
        c->order(DesignerController::ZOrder::ToFront);
        QCOMPARE(order(), u"b1 b3 b4 b2"_s);
        c->order(DesignerController::ZOrder::ToBack);
        QCOMPARE(order(), u"b2 b1 b3 b4"_s);
        c->select(u"b4"_s);
        c->order(DesignerController::ZOrder::Backward);
        QCOMPARE(order(), u"b2 b1 b4 b3"_s);
        QCOMPARE(c->objectAt(0.5, 0.5), u"b3"_s); // the topmost
        c->undo();
        c->undo();
        c->undo();
        c->undo();
        QCOMPARE(order(), u"b1 b2 b3 b4"_s);
    }

    void copiesAndPastes()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 20, 5, 10, 4 } });
        QVERIFY(!c->canPaste());
        c->selectAll();
        c->copy();
        QVERIFY(c->canPaste());
        c->paste();
        QCOMPARE(c->objects()->count(), 4);
        QCOMPARE(c->selectedIds(), (QStringList { u"b1-2"_s, u"b2-2"_s }));
        compareRect(rectOf(*c, u"b1-2"_s), { 7, 7, 10, 4 });
        c->paste();
        compareRect(rectOf(*c, u"b2-3"_s), { 24, 9, 10, 4 });
        c->undo();
        QCOMPARE(c->objects()->count(), 4);
        c->select(u"b1"_s);
        c->cut();
        QVERIFY(!c->object(u"b1"_s));
        c->paste();
        QVERIFY(c->object(u"b1"_s)); // the name is free again
        c->undo();
        c->undo();
        QVERIFY(c->object(u"b1"_s));
        QCOMPARE(c->objects()->count(), 4);
    }

    void selectsWithABand()
    {
        auto c = withBoxes({ { 5, 5, 10, 4 }, { 20, 5, 10, 4 }, { 40, 20, 10, 4 } });
        c->selectInRect(34, 0, -18, 12); // dragged right to left
        QCOMPARE(c->selectedIds(), (QStringList { u"b2"_s }));
        c->selectInRect(0, 0, 6, 6, true);
        QCOMPARE(c->selectedIds(), (QStringList { u"b2"_s, u"b1"_s }));
        c->toggle(u"b2"_s);
        QCOMPARE(c->selectedIds(), (QStringList { u"b1"_s }));
        c->selectInRect(55, 0, 2, 2);
        QCOMPARE(c->selectionCount(), 0);
    }

    void editsProperties()
    {
        auto c = withBoxes({});
        const QString id = c->addText(u"{product_name}"_s);
        DesignerItem *item = c->current();
        QVERIFY(item->present());
        QCOMPARE(item->type(), int(DesignerObjectModel::Type::Text));
        item->setText(u"L"_s);
        item->setText(u"Lo"_s);
        item->setText(u"Lot {lot}"_s);
        QCOMPARE(c->object(id)->text, u"Lot {lot}"_s);
        c->undo(); // the typing was one step
        QCOMPARE(c->object(id)->text, u"{product_name}"_s);
        item->insertField(u"{lot}"_s, 0);
        QCOMPARE(c->object(id)->text, u"{lot}{product_name}"_s);
        item->setFont(DesignerItem::Font::OcrB);
        item->setFontSize(12);
        item->setMinFontSize(20); // not above the size
        item->setBold(true);
        item->setAlign(DesignerItem::HAlign::Centre);
        item->setValign(DesignerItem::VAlign::Bottom);
        item->setFit(DesignerItem::Fit::Shrink);
        item->setRequired(true);
        const LayoutObject &o = *c->object(id);
        QCOMPARE(o.font, LayoutObject::Font::OcrB);
        QCOMPARE(o.fontSize, 12.0);
        QCOMPARE(o.minFontSize, 12.0);
        QVERIFY(o.bold);
        QCOMPARE(o.align, LayoutObject::Align::Centre);
        QCOMPARE(o.valign, LayoutObject::VAlign::Bottom);
        QCOMPARE(o.fit, LayoutObject::Fit::Shrink);
        QVERIFY(o.required);
        for (int i = 0; i < 8; ++i)
            c->undo();
        QCOMPARE(*c->object(id), [&] {
            LayoutObject x = *c->object(id);
            x.text = u"{lot}{product_name}"_s;
            return x;
        }());
        QCOMPARE(c->object(id)->font, LayoutObject::Font::Sans);

        // Symbols: symbology, elements, human readable text.
        const QString sym = c->addSymbol(DesignerController::Symbology::Gs1DataMatrix);
        item->setSymbology(int(DesignerController::Symbology::Gs1_128));
        item->setElements(u"(01) {gtin}\n10 {lot}\n"_s);
        item->setHumanReadable(true);
        QCOMPARE(c->object(sym)->symbology, labels::LayoutSymbology::Gs1_128);
        QCOMPARE(c->object(sym)->elements.size(), size_t(2));
        QCOMPARE(c->object(sym)->elements[1].value, u"{lot}"_s);
        QCOMPARE(item->elements(), u"01 {gtin}\n10 {lot}"_s);
        QVERIFY(c->object(sym)->humanReadable);

        // The id is a name: another object's is refused.
        item->setObjectId(id);
        QCOMPARE(c->selectedIds(), QStringList { sym });
        item->setObjectId(u"gs1"_s);
        QVERIFY(c->object(u"gs1"_s));
        QCOMPARE(c->selectedIds(), QStringList { u"gs1"_s });
    }

    void marksProblems()
    {
        auto c = withBoxes({});
        const QString sym = c->addSymbol(DesignerController::Symbology::Gs1DataMatrix);
        c->current()->setWidth(3);
        c->current()->setHeight(3);
        const QString text = c->addText(u"Ingredients: a great deal more text than fits in so small a box"_s);
        c->current()->setWidth(8);
        c->current()->setHeight(2);
        c->current()->setMinFontSize(6);
        const QString lot = c->addText(u"{lot}"_s);
        c->current()->setRequired(true);
        const QString broken = c->addText(u"Lot {lot"_s);

        labels::LabelData data;
        data.gtin = u"09506000134352"_s;
        data.serial = u"7"_s;
        c->setPreviewData(data, u"test"_s);
        auto problem = [&](const QString &id) {
            for (int row = 0; row < c->objects()->count(); ++row) {
                const QModelIndex i = c->objects()->index(row);
                if (i.data(DesignerObjectModel::ObjectIdRole).toString() == id)
                    return i.data(DesignerObjectModel::ProblemRole).toString();
            }
            return u"(none)"_s;
        };
        QVERIFY2(problem(sym).contains(u"smallest X"_s), qPrintable(problem(sym)));
        QVERIFY2(problem(text).contains(u"does not fit"_s), qPrintable(problem(text)));
        QVERIFY2(problem(lot).contains(u"lot"_s), qPrintable(problem(lot)));
        QVERIFY2(!problem(broken).isEmpty(), "an unclosed brace");
        QCOMPARE(c->problems().size(), 4);

        // Made big enough and given a lot, they are gone.
        c->select(sym);
        c->current()->setWidth(20);
        c->current()->setHeight(20);
        data.lot = u"A1"_s;
        c->setPreviewData(data, u"test"_s);
        QCOMPARE(problem(sym), QString());
        QCOMPARE(problem(lot), QString());
        c->select(text);
        c->deleteSelection();
        c->select(broken);
        c->current()->setText(u"Lot {lot}"_s);
        QVERIFY2(c->problems().isEmpty(), qPrintable(c->problems().join(u'\n')));
    }

    void savesAndReadsBack()
    {
        auto c = make();
        QVERIFY(!c->newLayout(u"no_such_stock"_s, u"Mine"_s));
        QVERIFY(!c->newLayout(u"avery_5160"_s, u"product LABEL"_s)); // a default's name
        QVERIFY(c->newLayout(u"avery_5160"_s, u"Mine"_s));
        QVERIFY(c->dirty()); // not on disk yet
        QVERIFY(c->stockName().startsWith(u"Avery 5160"_s));
        QCOMPARE(c->labelWidth(), 66.675);
        c->addSymbol(DesignerController::Symbology::Gs1DataMatrix);
        c->addText(u"EXP {expiry:%d %b %Y}"_s);
        c->addLine();
        c->addBox();
        c->rotate();
        QVERIFY(c->save());
        QVERIFY(!c->dirty());
        QVERIFY(c->saved());
        const auto *entry = c->layouts()->library().find(u"Mine"_s);
        QVERIFY(entry);
        QVERIFY(!entry->builtIn);
        auto back = labels::loadLayoutFile(entry->path);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(back.value() == c->layout());

        // Opened again, it is the same layout.
        const labels::Layout saved = c->layout();
        QVERIFY(c->openLayout(u"Product label"_s));
        QVERIFY(c->openLayout(u"mine"_s));
        QVERIFY(c->layout() == saved);
        QVERIFY(!c->dirty());
        c->selectAll();
        c->nudge(1, 1);
        QVERIFY(c->dirty());
        c->undo();
        QVERIFY(!c->dirty());
    }

    // A layout read from another folder (a shared one, $CLOSIENT_LAYOUT_DIR) is saved back into its own file: a
    // copy in the user's folder would stay hidden behind it, and the edits would seem lost when it is opened again.
    void savesBackWhereItCameFrom()
    {
        const QString user = m_dir.filePath(u"own-%1"_s.arg(++m_count));
        const QString shared = m_dir.filePath(u"shared-%1"_s.arg(m_count));
        QVERIFY(QDir().mkpath(user) && QDir().mkpath(shared));
        labels::Layout l;
        l.name = u"Shared one"_s;
        l.label.width = 60;
        l.label.height = 30;
        const QString file = QDir(shared).filePath(u"shared-one.json"_s);
        QVERIFY(labels::saveLayoutFile(l, file).ok());
        const DesignerController::Folders folders { { u":/labels/layouts"_s, user, shared }, user };
        DesignerController c(folders);
        QVERIFY(c.openLayout(u"Shared one"_s));
        c.addBox();
        QVERIFY(c.save());
        QCOMPARE(QDir(user).entryList(QDir::Files), QStringList());
        auto onDisk = labels::loadLayoutFile(file);
        QVERIFY(onDisk.ok());
        QCOMPARE(onDisk.value().objects.size(), size_t(1));
        // Opened again by another controller, the box is there.
        DesignerController again(folders);
        QVERIFY(again.openLayout(u"Shared one"_s));
        QCOMPARE(again.layout().objects.size(), size_t(1));
        // Renamed, it stays in its folder.
        QVERIFY(c.rename(u"Shared two"_s));
        QVERIFY(!QFile::exists(file));
        QVERIFY(QFileInfo(c.layouts()->library().find(u"Shared two"_s)->path).absolutePath()
            == QFileInfo(shared).absoluteFilePath());
        QCOMPARE(QDir(user).entryList(QDir::Files), QStringList());
        // Save as makes the user's own copy.
        QVERIFY(c.saveAs(u"Mine now"_s));
        QCOMPARE(QDir(user).entryList(QDir::Files).size(), 1);
        // Its file replaced meanwhile by one this station cannot read (a newer station's): saving keeps that file
        // and writes the layout beside it.
        const QString mine = c.layouts()->library().find(u"Mine now"_s)->path;
        QFile newer(mine);
        QVERIFY(newer.open(QIODevice::WriteOnly | QIODevice::Truncate));
        newer.write(R"({"format": "closient-label-layout", "version": 9, "name": "Mine now"})");
        newer.close();
        c.addLine();
        QVERIFY(c.save());
        QVERIFY(QFile::exists(mine));
        QCOMPARE(labels::loadLayoutFile(mine).ok(), false);
        QCOMPARE(QDir(user).entryList(QDir::Files).size(), 2);
    }

    void keepsTheDefaults()
    {
        auto c = make();
        QVERIFY(c->builtIn());
        const labels::Layout original = c->layout();
        c->selectAll();
        c->nudge(5, 0, true);
        QVERIFY(!c->save()); // never over a default
        QVERIFY(!c->removeLayout(u"Product label"_s));
        QVERIFY(!c->rename(u"Other"_s));
        QVERIFY(!c->saveAs(u"Shelf label"_s));
        QVERIFY(c->saveAs(u"My product label"_s));
        QVERIFY(!c->builtIn());
        QCOMPARE(c->layoutName(), u"My product label"_s);
        c->undo(); // the name stays through undo
        QCOMPARE(c->layoutName(), u"My product label"_s);
        QCOMPARE(c->layouts()->count(), 4);
        QVERIFY(c->openLayout(u"Product label"_s));
        QVERIFY(c->layout() == original);
    }

    void renamesAndDeletes()
    {
        auto c = withBoxes({ { 1, 1, 5, 5 } });
        QVERIFY(c->saveAs(u"First"_s));
        const QString firstPath = c->layouts()->library().find(u"First"_s)->path;
        QVERIFY(QFile::exists(firstPath));
        c->select(u"b1"_s);
        c->nudge(1, 0); // an edit not saved stays an edit through the rename
        QVERIFY(c->rename(u"Second"_s));
        QVERIFY(!QFile::exists(firstPath));
        QVERIFY(!c->layoutExists(u"First"_s));
        const QString secondPath = c->layouts()->library().find(u"Second"_s)->path;
        auto onDisk = labels::loadLayoutFile(secondPath);
        QVERIFY(onDisk.ok());
        QCOMPARE(onDisk.value().objects.front().rect.x(), 1.0);
        QVERIFY(c->dirty());
        QCOMPARE(c->object(u"b1"_s)->rect.x(), 1.1);

        QVERIFY(c->removeLayout(u"Second"_s));
        QVERIFY(!QFile::exists(secondPath));
        QVERIFY(!c->layoutExists(u"Second"_s));
        QVERIFY(c->dirty()); // still open, saving writes it again
        QVERIFY(c->save());
        QVERIFY(c->layoutExists(u"Second"_s));
    }

    void offersCsvColumns()
    {
        auto c = withBoxes({});
        const QString csv = m_dir.filePath(u"rows.csv"_s);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("GTIN,Best before,Batch note\n09506000134352,31.12.2026,Keep cold\n");
        f.close();
        QVERIFY(c->useCsvColumns(QUrl::fromLocalFile(csv)));
        const QStringList fields = c->fields();
        QVERIFY(fields.contains(u"{Best before}"_s));
        QVERIFY(fields.contains(u"{Batch note}"_s));
        QCOMPARE(fields.count(u"{gtin}"_s), 1); // a column named like a field is that field
        QVERIFY(!fields.contains(u"{GTIN}"_s));
        const QString known = c->addText(u"{Batch note}"_s);
        c->current()->setRequired(true); // the first row has a value: no problem
        QCOMPARE(c->problemsOf(known), QStringList());
        const QString unknown = c->addText(u"{Storage}"_s);
        QVERIFY2(!c->problemsOf(unknown).isEmpty(), "a name that is neither a field nor a column");
        // Another item of the Labels list (a tick, a new search) is the preview's data from then on: the file's
        // columns stay in it.
        labels::LabelData item;
        item.gtin = u"09506000134352"_s;
        item.lot = u"L1"_s;
        c->setPreviewData(item, u"09506000134352, lot L1"_s);
        QCOMPARE(c->problemsOf(known), QStringList());
        QCOMPARE(c->previewData().lot, u"L1"_s);

        // A file that is not a proper CSV is refused with the reason, and the columns stay.
        const QString bad = m_dir.filePath(u"bad.csv"_s);
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("a,b\n1,2,3\n");
        b.close();
        QVERIFY(!c->useCsvColumns(QUrl::fromLocalFile(bad)));
        QVERIFY(c->status()->property("details").toStringList().join(u' ').contains(u"row"_s));
        QVERIFY(c->fields().contains(u"{Batch note}"_s));
    }

    void refusesWhatCannotBeSaved()
    {
        auto c = withBoxes({});
        c->addText(u"Lot {lot"_s);
        QVERIFY(!c->saveAs(u"Broken"_s));
        QVERIFY(!c->layoutExists(u"Broken"_s));
        QVERIFY(c->status()->property("details").toStringList().join(u' ').contains(u"text"_s));
    }
};

QTEST_MAIN(TestDesignerController)
#include "tst_designercontroller.moc"
