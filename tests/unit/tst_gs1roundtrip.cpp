// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// A property over many inputs: whatever the parser accepts, the Digital Link it outputs parses back to the
// same AIs with the same values. The inputs are made from the syntax dictionary itself: every AI, with the AIs
// it requires, values that pass its linters, and random values over its whole character set (so every symbol
// that needs percent-encoding appears), as raw element strings, bracketed HRI and Digital Link URIs.
#include "aidictionary.h"
#include "gs1parser.h"
#include "linters.h"
#include "testbase.h"

#include <QSet>
#include <QTest>

#include <random>

using namespace Qt::StringLiterals;
using namespace closient::gs1;

namespace {

const QString kCset82 = u"!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"_s;
const QString kCset39 = u"#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
const QString kCset64 = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_s;

class ValueMaker
{
public:
    explicit ValueMaker(bool random)
        : m_random(random)
    { }

    QString value(const AiEntry &e)
    {
        QString out;
        for (const auto &c : e.components)
            out += component(c);
        return out;
    }

private:
    QString pick(const QString &set, int n)
    {
        QString s;
        std::uniform_int_distribution<int> d(0, int(set.size()) - 1);
        for (int i = 0; i < n; ++i)
            s += set[d(m_rng)];
        return s;
    }
    QString digits(int n) { return m_random ? pick(u"0123456789"_s, n) : QString(n, u'5'); }
    int length(const AiComponent &c)
    {
        if (!m_random || c.minLength == c.maxLength)
            return c.maxLength;
        return std::uniform_int_distribution<int>(c.minLength, c.maxLength)(m_rng);
    }

    QString component(const AiComponent &c)
    {
        const auto has = [&](const char *l) { return c.linters.contains(QString::fromLatin1(l)); };
        // A GS1 Company Prefix has at least four digits (gcppos1, gcppos2): no shorter value can hold one.
        const int n = has("gcppos1") || has("gcppos2") ? std::max(std::min(6, c.maxLength), length(c)) : length(c);
        if (has("couponcode"))
            return u"10614141654321325011012032612314260101"_s;
        if (has("couponposoffer"))
            return u"00950600000123098765"_s + u"4"_s;
        if (has("yymmd0") || has("yymmdd"))
            return u"260115"_s;
        if (has("yyyymmdd") || has("yyyymmd0"))
            return u"20260115"_s;
        if (has("hhmi") || has("hhmm"))
            return u"1230"_s;
        if (has("hh"))
            return u"12"_s;
        if (has("mi"))
            return u"30"_s;
        if (has("ss"))
            return u"45"_s;
        if (has("iso3166") || has("iso3166999"))
            return u"250"_s;
        if (has("iso3166alpha2"))
            return u"FR"_s;
        if (has("iso4217"))
            return u"978"_s;
        if (has("packagetype"))
            return u"1A"_s;
        if (has("iso5218"))
            return u"1"_s;
        if (has("iban"))
            return u"GB82WEST12345698765432"_s;
        if (has("zero"))
            return u"0"_s;
        if (has("winding") || has("yesno"))
            return u"1"_s;
        if (has("hyphen"))
            return u"-"_s;
        if (has("pieceoftotal"))
            return u"0102"_s;
        if (has("mediatype"))
            return u"01"_s;
        if (has("importeridx"))
            return u"A"_s;
        if (has("latitude") || has("longitude"))
            return u"0000000001"_s;
        if (has("posinseqslash"))
            return u"1/2"_s;
        if (has("csumalpha")) {
            // A GCP (digits) first, a letter somewhere (hasnondigit), then the check pair.
            const QString body = u"9506"_s + (m_random ? pick(kCset82.mid(28), std::max(1, n - 6)) : u"A"_s);
            return body + gs1CheckPair(body);
        }
        QString body;
        switch (c.charset) {
        case 'N':
            body = digits(has("csum") ? n - 1 : n);
            if (has("nonzero") || has("nozeroprefix"))
                body[0] = u'1';
            if (has("gcppos1") || has("gcppos2"))
                body.replace(0, std::min<qsizetype>(4, body.size()), u"9506"_s.left(body.size()));
            return has("csum") ? body + QString::number(gs1CheckDigit(body)) : body;
        case 'X':
            body = m_random ? pick(kCset82, n) : QString(n, u'x');
            if (has("pcenc"))
                body.replace(u'%', u'x');
            break;
        case 'Y':
            body = m_random ? pick(kCset39, n) : QString(n, u'Y');
            break;
        case 'Z':
            body = m_random ? pick(kCset64, n) : QString(n, u'z');
            break;
        }
        if (has("gcppos1") && body.size() >= 4)
            body.replace(0, 4, u"9506"_s);
        return body;
    }

    bool m_random;
    std::mt19937 m_rng { 20260127 };
};

// The AIs that make @p ai a valid message: its requirements, theirs, and so on, with no two AIs that exclude
// each other. Patterns ("31nn") stand for their first AI.
bool closeOver(const AiDictionary &dict, QStringList &set)
{
    const auto excluded = [&](const QStringList &s) {
        for (const auto &a : s) {
            for (const auto &p : dict.find(a)->exclusions) {
                for (const auto &b : s) {
                    if (b != a && AiDictionary::matchesPattern(b, p))
                        return true;
                }
            }
        }
        return false;
    };
    if (excluded(set))
        return false;
    for (const auto &a : set) {
        for (const auto &group : dict.find(a)->requirements) {
            const bool met = std::any_of(group.begin(), group.end(), [&](const QString &alt) {
                const auto parts = alt.split(u'+');
                return std::all_of(parts.begin(), parts.end(), [&](const QString &p) {
                    return std::any_of(
                        set.begin(), set.end(), [&](const QString &b) { return AiDictionary::matchesPattern(b, p); });
                });
            });
            if (met)
                continue;
            for (const auto &alt : group) {
                QStringList next = set;
                for (auto p : alt.split(u'+')) {
                    p.replace(u'n', u'0');
                    if (!next.contains(p) && dict.find(p))
                        next << p;
                }
                if (closeOver(dict, next)) {
                    set = next;
                    return true;
                }
            }
            return false;
        }
    }
    return true;
}

using Pairs = QList<QPair<QString, QString>>;

Pairs pairs(const std::vector<Element> &els)
{
    Pairs out;
    for (const auto &e : els)
        out.append({ e.ai, e.value });
    std::sort(out.begin(), out.end());
    return out;
}

QString describe(const ParseResult &r)
{
    QStringList parts;
    for (const auto &e : r.errors)
        parts << e.message;
    return r.input + u" → "_s + parts.join(u"; "_s);
}

} // namespace

class TestGs1RoundTrip : public QObject
{
    Q_OBJECT

    int m_links = 0;
    int m_checked = 0;

    // The property itself, for one accepted result.
    void roundTrips(const ParseResult &r)
    {
        QVERIFY2(r.isValid(), qPrintable(describe(r)));
        ++m_checked;
        const QString link = r.digitalLink();
        if (link.isEmpty())
            return;
        ++m_links;
        const auto back = parse(link);
        QVERIFY2(back.isValid(), qPrintable(describe(back)));
        QCOMPARE(back.kind, DataKind::DigitalLink);
        QCOMPARE(pairs(back.elements), pairs(r.elements));
        QCOMPARE(back.digitalLink(), link); // the canonical form is a fixed point
        // The same AIs under a brand's own domain and path stem.
        const auto stemmed = parse(u"https://brand.example.com:8443/a/b"_s + link.mid(u"https://id.gs1.org"_s.size()));
        QVERIFY2(stemmed.isValid(), qPrintable(describe(stemmed)));
        QCOMPARE(pairs(stemmed.elements), pairs(r.elements));
    }

private Q_SLOTS:
    void everyAiRoundTrips()
    {
        const auto &dict = AiDictionary::instance();
        auto ais = dict.ais();
        std::sort(ais.begin(), ais.end());
        QStringList unusable;
        ValueMaker plain(false);
        ValueMaker random(true);
        for (const auto &ai : ais) {
            QStringList set { ai };
            if (!closeOver(dict, set)) {
                unusable << ai;
                continue;
            }
            for (int round = 0; round < 4; ++round) {
                auto &maker = round == 0 ? plain : random;
                std::vector<Element> els;
                for (const auto &a : set)
                    els.push_back({ a, {}, maker.value(*dict.find(a)), -1 });
                // As a scanner sends it (GS1 DataMatrix, FNC1 as GS) ...
                const auto raw = parse(u"]d2"_s + buildElementString(els));
                roundTrips(raw);
                if (QTest::currentTestFailed()) {
                    qWarning() << "AI" << ai << "raw" << raw.input;
                    return;
                }
                // ... and as bracketed HRI when no value holds a bracket.
                const QString hri = buildHri(els);
                if (round == 0 || !std::any_of(els.begin(), els.end(), [](const Element &e) {
                        return e.value.contains(u'(') || e.value.contains(u'[');
                    })) {
                    roundTrips(parse(hri));
                    if (QTest::currentTestFailed()) {
                        qWarning() << "AI" << ai << "HRI" << hri;
                        return;
                    }
                }
                // With a second primary key (an SSCC), before and after the others, and with an AI repeated with
                // the same value (allowed in an element string, once in a Digital Link).
                if (!set.contains(u"00"_s) && !set.contains(u"02"_s)) {
                    auto withSscc = els;
                    withSscc.push_back({ u"00"_s, {}, u"106141411234567897"_s, -1 });
                    roundTrips(parse(u"]d2"_s + buildElementString(withSscc)));
                    std::rotate(withSscc.rbegin(), withSscc.rbegin() + 1, withSscc.rend());
                    roundTrips(parse(u"]d2"_s + buildElementString(withSscc)));
                }
                auto repeated = els;
                repeated.push_back(els.back());
                roundTrips(parse(u"]d2"_s + buildElementString(repeated)));
                if (QTest::currentTestFailed()) {
                    qWarning() << "AI" << ai << "with a second key or a repeated AI";
                    return;
                }
                // Every element but the key a data attribute: a Digital Link must exist.
                const bool allAttributes = std::all_of(els.begin() + 1, els.end(), [&](const Element &e) {
                    return dict.find(e.ai)->dlDataAttribute && !dict.find(e.ai)->dlPrimaryKey;
                });
                if (dict.find(els.front().ai)->dlPrimaryKey && allAttributes)
                    QVERIFY2(!raw.digitalLink().isEmpty(), qPrintable(raw.input));
            }
        }
        // Only AIs whose requirements cannot be met within one message may be left out, and there are few.
        QVERIFY2(unusable.size() < 5, qPrintable(unusable.join(u' ')));
        QVERIFY2(m_links > 1000, qPrintable(QString::number(m_links)));
        qInfo("%d accepted inputs checked, %d Digital Links parsed back", m_checked, m_links);
    }

    void gtinsAndLinksRoundTrip_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("GTIN-8") << u"96385074"_s;
        QTest::newRow("GTIN-12") << u"036000291452"_s;
        QTest::newRow("GTIN-13") << u"4006381333931"_s;
        QTest::newRow("EAN-13 scan") << u"]E04006381333931"_s;
        QTest::newRow("ITF-14 scan") << u"]I115012345678907"_s;
        QTest::newRow("every CSET 82 symbol in a lot") << u"(01)09506000134352(10)!\"%&'()*+,-./:;<=>?_"_s;
        QTest::newRow("symbols in the query") << u"]C10109506000134352"_s + u"91!\"%&'()*+,-./:;<=>?_"_s;
        QTest::newRow("Digital Link with stem and other parameters")
            << u"https://example.com/x/01/09506000134352/10/A%2FB?linkType=all&17=261231#f"_s;
        QTest::newRow("Digital Link, SSCC with attributes")
            << u"https://id.gs1.org/00/106141411234567897?02=09506000134352&37=12&10=L%26L"_s;
        QTest::newRow("Digital Link, ';' between attributes")
            << u"https://id.gs1.org/01/09506000134352?3103=000500;17=261231"_s;
        QTest::newRow("Digital Link, lower-case hex digits") << u"https://id.gs1.org/01/09506000134352/21/a%2fb"_s;
        QTest::newRow("Digital Link, (235) and a lot") << u"https://id.gs1.org/01/09506000134352/235/T1?10=L1"_s;
    }

    void gtinsAndLinksRoundTrip()
    {
        QFETCH(QString, input);
        roundTrips(parse(input));
    }
};

QTEST_GUILESS_MAIN(TestGs1RoundTrip)
#include "tst_gs1roundtrip.moc"
