// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The layout file: every property of every object saved and read back equal, files replaced only whole, each
// mistake in a file refused with the object and the reason, newer versions refused, and the library of shipped and
// user layouts listed by name.
#include "layout.h"
#include "layoutlibrary.h"
#include "testbase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace {
/// A layout with every kind of object and no property left at its default.
Layout everything()
{
    Layout l;
    l.name = u"Everything"_s;
    l.description = u"All objects, all properties"_s;
    l.label.kind = StockShape::Kind::Cd;
    l.label.width = 117;
    l.label.height = 117;
    l.label.outerRadius = 58.5;
    l.label.holeRadius = 20.5;
    l.stockId = u"glabels.Acme.D-1"_s;
    l.table = Gs1Table::Healthcare;
    l.resolverDomain = u"https://id.example.com/stem"_s;

    LayoutObject text;
    text.id = u"name"_s;
    text.type = LayoutObject::Type::Text;
    text.rect = QRectF(10.125, 5.5, 60.25, 12.75);
    text.rotation = 90;
    text.text = u"{product_name}\nEXP {expiry:%d %b %Y} · {{literal}} {Colour}"_s;
    text.font = LayoutObject::Font::Mono;
    text.fontSize = 11.5;
    text.minFontSize = 4.5;
    text.bold = true;
    text.align = LayoutObject::Align::Right;
    text.valign = LayoutObject::VAlign::Bottom;
    text.fit = LayoutObject::Fit::Wrap;
    text.required = true;

    LayoutObject sym;
    sym.id = u"bars"_s;
    sym.type = LayoutObject::Type::Symbol;
    sym.rect = QRectF(1.0 / 3, 2.0 / 3, 50, 20);
    sym.rotation = 270;
    sym.symbology = LayoutSymbology::DataBarExpanded;
    sym.elements = { { u"01"_s, u"{gtin}"_s }, { u"3103"_s, u"{weight}"_s }, { u"10"_s, u"{lot}"_s } };
    sym.humanReadable = true;

    LayoutObject image;
    image.id = u"logo"_s;
    image.type = LayoutObject::Type::Image;
    image.rect = QRectF(80, 10, 20, 10);
    image.imageFile = u"logos/acme.svg"_s;
    image.imageData = QByteArray("\x89PNG\r\n\x1a\n\0\x01\xff", 11);
    image.keepAspect = false;
    image.rotation = 180;

    LayoutObject line;
    line.id = u"rule"_s;
    line.type = LayoutObject::Type::Line;
    line.rect = QRectF(5, 60, 100, 0);
    line.stroke = 0.75;

    LayoutObject box;
    box.id = u"frame"_s;
    box.type = LayoutObject::Type::Box;
    box.rect = QRectF(2, 2, 113, 113);
    box.stroke = 0;
    box.filled = true;
    box.cornerRadius = 3.25;

    l.objects = { text, sym, image, line, box };
    return l;
}

QString refusal(const QByteArray &json)
{
    auto l = parseLayout(json);
    return l.ok() ? QString() : l.error().message;
}

/// A valid layout document with @p object as its one object.
QByteArray withObject(const QJsonObject &object, const QJsonObject &label = {})
{
    QJsonObject doc { { u"format"_s, u"closient-label-layout"_s }, { u"version"_s, 1 }, { u"name"_s, u"T"_s },
        { u"label"_s, label.isEmpty() ? QJsonObject { { u"width"_s, 50 }, { u"height"_s, 30 } } : label },
        { u"objects"_s, QJsonArray { object } } };
    return QJsonDocument(doc).toJson();
}
} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aStockLabelRoundTrips()
    {
        // A layout made on a stock's label (a rectangle: no disc, no hole) reads back equal, so an editor that
        // saves it knows it is unchanged.
        for (const auto kind : { StockShape::Kind::Rectangle, StockShape::Kind::Round, StockShape::Kind::Ellipse }) {
            Layout l;
            l.name = u"On a stock"_s;
            l.label.kind = kind;
            l.label.width = 66.675;
            l.label.height = 25.4;
            l.label.cornerRadius = kind == StockShape::Kind::Rectangle ? 1.5875 : 0;
            auto back = parseLayout(layoutToJson(l));
            QVERIFY2(back.ok(), qPrintable(back.error().message));
            QCOMPARE(back.value().label.outerRadius, 0.0);
            QVERIFY(back.value() == l);
        }
    }

    void everyPropertyRoundTrips()
    {
        const Layout l = everything();
        const QByteArray json = layoutToJson(l);
        auto back = parseLayout(json);
        QVERIFY2(back.ok(), qPrintable(back.error().message));
        QVERIFY(back.value() == l);
        // Saved again, the file is the same bytes: nothing drifts from save to save.
        QCOMPARE(layoutToJson(back.value()), json);
        const auto doc = QJsonDocument::fromJson(json).object();
        QCOMPARE(doc.value(u"format"_s).toString(), u"closient-label-layout"_s);
        QCOMPARE(doc.value(u"version"_s).toInt(), 1);
        // A change to any one property is seen.
        Layout changed = l;
        changed.objects[1].elements[1].value = u"{net_weight}"_s;
        QVERIFY(!(changed == l));
    }

    void filesAreReplacedWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"everything.json"_s);
        QVERIFY(saveLayoutFile(everything(), path).ok());
        auto loaded = loadLayoutFile(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QVERIFY(loaded.value() == everything());
        QCOMPARE(loaded.value().folder, dir.path()); // image files are found beside the layout
        // Saving over it leaves no temporary file, and a file that is an SQLite database is never written over.
        Layout second = everything();
        second.name = u"Second"_s;
        QVERIFY(saveLayoutFile(second, path).ok());
        QCOMPARE(loadLayoutFile(path).value().name, u"Second"_s);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { u"everything.json"_s });
        QFile db(dir.filePath(u"store.sqlite"_s));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.write(QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\0'));
        db.close();
        const auto refused = saveLayoutFile(second, db.fileName());
        QVERIFY(!refused.ok());
        QCOMPARE(QFileInfo(db.fileName()).size(), 116);
        // Missing and broken files say which.
        QVERIFY(loadLayoutFile(dir.filePath(u"none.json"_s)).error().message.contains(u"none.json"_s));
        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ \"format\": ");
        broken.close();
        QVERIFY(loadLayoutFile(broken.fileName()).error().message.startsWith(u"broken.json: "_s));
    }

    void mistakesAreRefusedWithTheirPlace()
    {
        QVERIFY(refusal("[]").contains(u"not a layout"_s));
        QVERIFY(refusal(R"({"format": "glabels", "version": 1})").contains(u"not a label layout"_s));
        const QString newer = refusal(R"({"format": "closient-label-layout", "version": 2, "name": "x"})");
        QVERIFY2(newer.contains(u"newer station"_s) && newer.contains(u"version 2"_s), qPrintable(newer));
        QVERIFY(refusal(R"({"format": "closient-label-layout", "version": 1, "name": "x"})").contains(u"width"_s));
        QVERIFY(refusal(R"({"format": "closient-label-layout", "version": 1, "label": {"width": 5, "height": 5}})")
                    .contains(u"name"_s));

        const QJsonObject text { { u"type"_s, u"text"_s }, { u"id"_s, u"lot"_s }, { u"x"_s, 1 }, { u"y"_s, 1 },
            { u"width"_s, 20 }, { u"height"_s, 5 }, { u"text"_s, u"LOT {lot}"_s } };
        QVERIFY(parseLayout(withObject(text)).ok());
        const auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = text;
            o[key] = value;
            return refusal(withObject(o));
        };
        QVERIFY(with(u"type"_s, u"circle"_s).contains(u"object 1 (\"lot\"): \"type\" must be one of symbol"_s));
        QVERIFY(with(u"rotation"_s, 45).contains(u"0, 90, 180 or 270"_s));
        QVERIFY(with(u"width"_s, 0).contains(u"width and a height"_s));
        QVERIFY(with(u"x"_s, 1e9).contains(u"within"_s));
        QVERIFY(with(u"text"_s, u"LOT {lot"_s).contains(u"not closed"_s));
        QVERIFY(with(u"text"_s, u"{lot:%d}"_s).contains(u"only the dates"_s));
        QVERIFY(with(u"font"_s, u"comic"_s).contains(u"sans, ocr-b, mono"_s));
        QVERIFY(with(u"fit"_s, u"squeeze"_s).contains(u"shrink, wrap"_s));
        QVERIFY(with(u"size"_s, 1000).contains(u"2 to 400 pt"_s));
        QVERIFY(with(u"min_size"_s, 20).contains(u"min_size"_s));

        QJsonObject sym { { u"type"_s, u"symbol"_s }, { u"id"_s, u"dm"_s }, { u"x"_s, 1 }, { u"y"_s, 1 },
            { u"width"_s, 20 }, { u"height"_s, 20 }, { u"symbology"_s, u"aztec"_s } };
        QVERIFY(refusal(withObject(sym)).contains(u"\"aztec\" is not one the station prints"_s));
        sym[u"symbology"_s] = u"gs1_datamatrix"_s;
        sym[u"elements"_s] = QJsonArray { QJsonObject { { u"ai"_s, u"1x"_s }, { u"value"_s, u"{lot}"_s } } };
        QVERIFY(refusal(withObject(sym)).contains(u"\"1x\" is not an AI"_s));
        sym[u"elements"_s] = QJsonArray { QJsonObject { { u"ai"_s, u"10"_s }, { u"value"_s, u"{lot"_s } } };
        QVERIFY(refusal(withObject(sym)).contains(u"AI 10"_s));

        const QJsonObject image { { u"type"_s, u"image"_s }, { u"x"_s, 1 }, { u"y"_s, 1 }, { u"width"_s, 20 },
            { u"height"_s, 20 } };
        QVERIFY(refusal(withObject(image)).contains(u"\"file\" or embedded \"data\""_s));
        QJsonObject badData = image;
        badData[u"data"_s] = u"not base64!"_s;
        QVERIFY(refusal(withObject(badData)).contains(u"base64"_s));
        const QJsonObject line { { u"type"_s, u"line"_s }, { u"x"_s, 1 }, { u"y"_s, 1 }, { u"width"_s, 20 },
            { u"height"_s, 0 }, { u"stroke"_s, 0 } };
        QVERIFY(refusal(withObject(line)).contains(u"stroke wider than zero"_s));
        QVERIFY(refusal(withObject(text, { { u"width"_s, 50 }, { u"height"_s, 30 }, { u"shape"_s, u"star"_s } }))
                    .contains(u"rectangle, round, ellipse, cd"_s));

        // A value of the wrong kind (as a hand edit leaves it) is refused by its key, never read as a default: a
        // quoted "12" would otherwise put the object at 0, "9" pt text at 10 pt, a 90.5° turn at 0.
        const auto typo = [&](const QString &key, const QJsonValue &value, const QString &kind) {
            const QString message = with(key, value);
            const QString expected = u"object 1 (\"lot\"): \"%1\" must be %2"_s.arg(key, kind);
            if (!message.contains(expected))
                qWarning().noquote() << key << "gives" << message;
            return message.contains(expected);
        };
        QVERIFY(typo(u"x"_s, u"12"_s, u"a number"_s));
        QVERIFY(typo(u"size"_s, u"9"_s, u"a number"_s));
        QVERIFY(typo(u"rotation"_s, 90.5, u"0, 90, 180 or 270"_s));
        QVERIFY(typo(u"rotation"_s, u"90"_s, u"a number"_s));
        QVERIFY(typo(u"bold"_s, u"yes"_s, u"true or false"_s));
        QVERIFY(typo(u"text"_s, 5, u"text"_s));
        QVERIFY(typo(u"font"_s, 1, u"text"_s));
        QJsonObject oddSymbol = sym;
        oddSymbol[u"elements"_s] = QJsonObject { { u"ai"_s, u"10"_s } };
        QVERIFY2(refusal(withObject(oddSymbol)).contains(u"object 1 (\"dm\"): \"elements\" must be a list"_s),
            qPrintable(refusal(withObject(oddSymbol))));
        oddSymbol[u"elements"_s] = QJsonArray { QJsonObject { { u"ai"_s, u"10"_s }, { u"value"_s, 5 } } };
        QVERIFY2(refusal(withObject(oddSymbol)).contains(u"\"value\" must be text"_s),
            qPrintable(refusal(withObject(oddSymbol))));
        QJsonObject oddDoc = QJsonDocument::fromJson(withObject(text)).object();
        oddDoc[u"objects"_s] = QJsonObject {};
        QVERIFY2(refusal(QJsonDocument(oddDoc).toJson()).contains(u"\"objects\" must be a list"_s),
            qPrintable(refusal(QJsonDocument(oddDoc).toJson())));
        oddDoc[u"objects"_s] = QJsonArray { 5 };
        QVERIFY2(refusal(QJsonDocument(oddDoc).toJson()).contains(u"object 1: not an object"_s),
            qPrintable(refusal(QJsonDocument(oddDoc).toJson())));
        oddDoc = QJsonDocument::fromJson(withObject(text)).object();
        oddDoc[u"name"_s] = 7;
        QVERIFY2(refusal(QJsonDocument(oddDoc).toJson()).contains(u"\"name\" must be text"_s),
            qPrintable(refusal(QJsonDocument(oddDoc).toJson())));
        oddDoc = QJsonDocument::fromJson(withObject(text, { { u"width"_s, u"50"_s }, { u"height"_s, 30 } })).object();
        QVERIFY2(refusal(QJsonDocument(oddDoc).toJson()).contains(u"the label's \"width\" must be a number"_s),
            qPrintable(refusal(QJsonDocument(oddDoc).toJson())));

        // Two objects with one id: the second is named.
        QJsonObject doc = QJsonDocument::fromJson(withObject(text)).object();
        doc[u"objects"_s] = QJsonArray { text, text };
        QVERIFY(refusal(QJsonDocument(doc).toJson()).contains(u"object 2 (\"lot\"): the id \"lot\" is used twice"_s));
        // Objects without ids get one; unknown keys are ignored (a later minor addition does not break reading).
        QJsonObject anonymous = text;
        anonymous.remove(u"id"_s);
        anonymous[u"future_option"_s] = true;
        doc[u"objects"_s] = QJsonArray { anonymous, anonymous };
        auto named = parseLayout(QJsonDocument(doc).toJson());
        QVERIFY(named.ok());
        QCOMPARE(named.value().objects[0].id, u"text-1"_s);
        QCOMPARE(named.value().objects[1].id, u"text-2"_s);
    }

    void theLibraryListsShippedAndUserLayoutsByName()
    {
        QTemporaryDir user;
        auto lib = LayoutLibrary::load({ u":/labels/layouts"_s, user.path() });
        QVERIFY2(lib.problems().isEmpty(), qPrintable(lib.problems().join(u'\n')));
        QCOMPARE(lib.names(), QStringList({ u"Product label"_s, u"Shelf label"_s, u"Shipping label 4×6"_s }));
        QVERIFY(lib.find(u"product LABEL"_s)->builtIn);
        QCOMPARE(lib.find(u"Product label"_s)->layout.stockId, u"avery_5160"_s);

        // The user's own layout of a shipped name replaces it; a new name is added; a broken file is listed.
        Layout mine = lib.find(u"Product label"_s)->layout;
        mine.objects.pop_back();
        auto saved = LayoutLibrary::save(mine, user.path());
        QVERIFY2(saved.ok(), qPrintable(saved.error().message));
        QCOMPARE(QFileInfo(saved.value()).fileName(), u"product-label.json"_s);
        Layout other = everything();
        other.name = u"Pallet / carton"_s;
        QCOMPARE(QFileInfo(LayoutLibrary::save(other, user.path()).value()).fileName(), u"pallet-carton.json"_s);
        // A name that makes the same file name does not replace the other layout.
        other.name = u"Pallet carton"_s;
        QCOMPARE(QFileInfo(LayoutLibrary::save(other, user.path()).value()).fileName(), u"pallet-carton-2.json"_s);
        QFile broken(user.filePath(u"zz-broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{}");
        broken.close();

        lib = LayoutLibrary::load({ u":/labels/layouts"_s, user.path() });
        QCOMPARE(lib.names(),
            QStringList({ u"Pallet / carton"_s, u"Pallet carton"_s, u"Product label"_s, u"Shelf label"_s,
                u"Shipping label 4×6"_s }));
        const auto *product = lib.find(u"Product label"_s);
        QVERIFY(!product->builtIn);
        QCOMPARE(product->layout.objects.size(), mine.objects.size());
        QCOMPARE(lib.problems().size(), 1);
        QVERIFY(lib.problems()[0].contains(u"zz-broken.json"_s));
        // Saving again under the same name replaces that file, not a new one.
        mine.description = u"changed"_s;
        QCOMPARE(LayoutLibrary::save(mine, user.path()).value(), saved.value());
        QVERIFY(!LayoutLibrary::save(Layout {}, user.path()).ok());
    }
};

QTEST_GUILESS_MAIN(TestLayout)
#include "tst_layout.moc"
