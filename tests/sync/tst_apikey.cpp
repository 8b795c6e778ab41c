// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The documented client-side key check, and that its reasons never repeat the key.
#include "apikey.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::sync;

class TestApiKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crc32()
    {
        QCOMPARE(crc32Hex("123456789"), u"cbf43926"_s); // the CRC-32 check value
        QCOMPARE(crc32Hex(""), u"00000000"_s);
        // The reference's vector: the body alone, not prefix and body.
        QCOMPARE(crc32Hex("AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf"), u"84041098"_s);
        QCOMPARE(crc32Hex("csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf"), u"7684abe2"_s);
    }

    void valid_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("prefix");
        QTest::newRow("reference vector") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s << u"csb"_s;
        const QString body = u"0123456789abcdefghijABCDEFGHIJxy"_s;
        for (const auto &prefix : { u"csb"_s, u"csu"_s, u"cpk"_s })
            QTest::newRow(qPrintable(prefix)) << prefix + u'_' + body + u'_' + crc32Hex(body.toUtf8()) << prefix;
    }
    void valid()
    {
        QFETCH(QString, key);
        QFETCH(QString, prefix);
        const auto parts = checkApiKey(key);
        QVERIFY2(parts.ok(), qPrintable(parts.error().message));
        QCOMPARE(parts.value().prefix, prefix);
        QCOMPARE(parts.value().body.size(), 32);
        QCOMPARE(describeApiKey(key), prefix + u"_…"_s);
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("words");
        QTest::newRow("the docs' own example")
            << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_1a2b3c4d"_s << u"bad_key_checksum"_s << u"checksum"_s;
        QTest::newRow("checksum of prefix and body")
            << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_7684abe2"_s << u"bad_key_checksum"_s << u"checksum"_s;
        QTest::newRow("one letter changed")
            << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEg_84041098"_s << u"bad_key_checksum"_s << u"checksum"_s;
        QTest::newRow("upper-case checksum")
            << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s.toUpper() << u"bad_key_format"_s << u"starts with"_s;
        QTest::newRow("hex in capitals") << u"csb_0123456789abcdefghijABCDEFGHIJxy_ABCDEF12"_s << u"bad_key_format"_s
                                         << u"lower-case"_s;
        QTest::newRow("unknown prefix") << u"csx_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf_84041098"_s << u"bad_key_format"_s
                                        << u"csb_, csu_ or cpk_"_s;
        QTest::newRow("two parts") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEf"_s << u"bad_key_format"_s
                                   << u"three parts"_s;
        QTest::newRow("four parts") << u"csb_AbCd_EfGh_84041098"_s << u"bad_key_format"_s << u"three parts"_s;
        QTest::newRow("short body") << u"csb_AbCdEf_84041098"_s << u"bad_key_format"_s << u"32"_s;
        QTest::newRow("body with a dash")
            << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCd-f_84041098"_s << u"bad_key_format"_s << u"letters"_s;
        QTest::newRow("body with é") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdé_84041098"_s << u"bad_key_format"_s
                                     << u"letters"_s;
        QTest::newRow("space inside") << u"csb_AbCdEfGhIjKlMnOpQrStUvWxYzAbCd f_84041098"_s << u"bad_key_format"_s
                                      << u"letters"_s;
        QTest::newRow("empty") << QString() << u"bad_key_format"_s << u"No API key"_s;
        QTest::newRow("a password pasted by mistake")
            << u"hunter2-correct-horse"_s << u"bad_key_format"_s << u"three parts"_s;
    }
    void invalid()
    {
        QFETCH(QString, key);
        QFETCH(QString, code);
        QFETCH(QString, words);
        const auto parts = checkApiKey(key);
        QVERIFY(!parts.ok());
        QCOMPARE(parts.error().code, code);
        QVERIFY2(parts.error().message.contains(words), qPrintable(parts.error().message));
        // The reason never repeats a part of what was given: it may be a secret.
        for (const QString &part : key.split(u'_')) {
            if (part.size() >= 4)
                QVERIFY2(!parts.error().message.contains(part), qPrintable(parts.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestApiKey)
#include "tst_apikey.moc"
