// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagination.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;

namespace {
/// JSON written with single quotes, so the fixtures read as they are sent.
QByteArray j(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}
} // namespace

class TestPagination : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dataEnvelope()
    {
        const auto p = Page::parse(j("{'data':[{'id':1},{'id':2}],'pagination':{'page':2,'page_size':2,"
                                     "'total_count':5,'total_pages':3,'has_next':true,'has_previous':true}}"),
            2, 2);
        QVERIFY(p.ok());
        QCOMPARE(p.value().items.size(), 2);
        QCOMPARE(p.value().page, 2);
        QCOMPARE(p.value().total, 5);
        QCOMPARE(p.value().totalPages, 3);
        QVERIFY(p.value().hasNext);
        const auto last = Page::parse(j("{'data':[{'id':5}],'pagination':{'page':3,'page_size':2,'total_count':5,"
                                        "'total_pages':3,'has_next':false,'has_previous':true}}"),
            3, 2);
        QVERIFY(!last.value().hasNext);
    }

    void dataWithoutHasNext()
    {
        const auto p = Page::parse(j("{'data':[1,2],'pagination':{'page':1,'page_size':2,'total_count':3}}"), 1, 2);
        QCOMPARE(p.value().totalPages, 2);
        QVERIFY(p.value().hasNext);
    }

    void itemsEnvelope()
    {
        // The overview's limit/offset shape.
        const auto p = Page::parse(j("{'items':[1,2,3],'count':3,'total':8,'limit':3,'offset':3}"), 2, 3);
        QVERIFY(p.ok());
        QCOMPARE(p.value().items.size(), 3);
        QCOMPARE(p.value().page, 2);
        QCOMPARE(p.value().total, 8);
        QVERIFY(p.value().hasNext);
        const auto last = Page::parse(j("{'items':[7,8],'count':2,'total':8,'limit':3,'offset':6}"), 3, 3);
        QVERIFY(!last.value().hasNext);
        // Only items and total.
        const auto loose = Page::parse(j("{'items':[1,2],'total':2}"), 1, 25);
        QVERIFY(!loose.value().hasNext);
    }

    void bareShapes()
    {
        const auto array = Page::parse("[1,2,3]", 1, 25);
        QCOMPARE(array.value().items.size(), 3);
        QVERIFY(!array.value().hasNext);
        // Nothing about totals: a full page may have a next one, a short one ends the list.
        QVERIFY(Page::parse(j("{'data':[1,2]}"), 1, 2).value().hasNext);
        QVERIFY(!Page::parse(j("{'data':[1]}"), 1, 2).value().hasNext);
        QVERIFY(!Page::parse(j("{'data':[]}"), 4, 2).value().hasNext);
    }

    void notAList()
    {
        QCOMPARE(Page::parse(j("{'detail':'nope'}"), 1, 25).error().code, u"invalid"_s);
        QCOMPARE(Page::parse("<html>", 1, 25).error().code, u"invalid"_s);
    }

    void query()
    {
        QUrlQuery base;
        base.addQueryItem(u"organization_id"_s, u"abc"_s);
        base.addQueryItem(u"page"_s, u"9"_s);
        const QUrlQuery q = Page::query(2, 500, base);
        QCOMPARE(q.queryItemValue(u"organization_id"_s), u"abc"_s);
        QCOMPARE(q.allQueryItemValues(u"page"_s), QStringList { u"2"_s });
        QCOMPARE(q.queryItemValue(u"page_size"_s), u"100"_s);
        QCOMPARE(Page::query(0, 0).queryItemValue(u"page"_s), u"1"_s);
        QCOMPARE(Page::query(0, 0).queryItemValue(u"page_size"_s), u"1"_s);
    }
};

QTEST_GUILESS_MAIN(TestPagination)
#include "tst_pagination.moc"
