// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "metadata.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::store;

class TestMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mergeKeepsOmittedKeysAndDeletesEmptyValues()
    {
        const QJsonObject current { { u"order"_s, u"6735"_s }, { u"dock"_s, u"3"_s } };
        auto r = mergeMetadata(current, QJsonObject { { u"dock"_s, u""_s }, { u"shift"_s, u"night"_s } });
        QVERIFY(r.ok());
        QCOMPARE(r.value(), (QJsonObject { { u"order"_s, u"6735"_s }, { u"shift"_s, u"night"_s } }));
    }

    void emptyObjectOrNullClears()
    {
        const QJsonObject current { { u"a"_s, u"1"_s } };
        QVERIFY(mergeMetadata(current, QJsonObject {}).value().isEmpty());
        QVERIFY(mergeMetadata(current, QJsonValue::Null).value().isEmpty());
    }

    void limits()
    {
        auto longKey = mergeMetadata({}, QJsonObject { { QString(41, u'k'), u"v"_s } });
        QVERIFY(!longKey.ok());
        QCOMPARE(longKey.error().code, u"invalid"_s);
        QVERIFY(longKey.error().message.contains(u"40"_s));
        QVERIFY(mergeMetadata({}, QJsonObject { { QString(40, u'k'), QString(500, u'v') } }).ok());
        auto longValue = mergeMetadata({}, QJsonObject { { u"k"_s, QString(501, u'v') } });
        QVERIFY(!longValue.ok());
        QVERIFY(longValue.error().message.contains(u"500"_s));
        QJsonObject fifty;
        for (int i = 0; i < 50; ++i)
            fifty.insert(u"k%1"_s.arg(i), u"v"_s);
        QVERIFY(mergeMetadata({}, fifty).ok());
        auto tooMany = mergeMetadata(fifty, QJsonObject { { u"one_more"_s, u"v"_s } });
        QVERIFY(!tooMany.ok());
        QVERIFY(tooMany.error().message.contains(u"50"_s));
        // replacing and deleting within the limit is fine
        QVERIFY(mergeMetadata(fifty, QJsonObject { { u"k0"_s, u""_s }, { u"new"_s, u"v"_s } }).ok());
        QVERIFY(!mergeMetadata({}, QJsonObject { { u"n"_s, 5 } }).ok());
        QVERIFY(!mergeMetadata({}, QJsonObject { { u" "_s, u"v"_s } }).ok());
        QVERIFY(!mergeMetadata({}, QJsonValue(u"text"_s)).ok());
    }
};

QTEST_GUILESS_MAIN(TestMetadata)
#include "tst_metadata.moc"
