// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON Schema (draft-07) evaluator behind the EPCIS validator: each keyword, and reasons in plain words.
#include "jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace closient::epcis;

namespace {

QStringList check(const char *schema, const char *instance)
{
    auto s = JsonSchema::load(QByteArray(schema));
    if (!s.ok())
        qFatal("%s", qPrintable(s.error().message));
    const auto doc = QJsonDocument::fromJson(QByteArray("[") + instance + "]");
    QStringList out;
    for (const auto &f : s.value().validate(doc.array().at(0)))
        out << f.path + u": "_s + f.message;
    return out;
}

} // namespace

class TestEpcisJsonSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typesAndValues()
    {
        QCOMPARE(check(R"({"type": "string"})", "3"), QStringList { u"$: must be a string (it is a number)"_s });
        QCOMPARE(check(R"({"type": ["string", "null"]})", "null"), QStringList());
        QCOMPARE(
            check(R"({"type": "integer"})", "2.5"), QStringList { u"$: must be a whole number (it is a number)"_s });
        QCOMPARE(check(R"({"type": "integer"})", "2.0"), QStringList());
        QCOMPARE(
            check(R"({"enum": ["A", "B"]})", R"("c")"), QStringList { u"$: must be one of: A, B (it is \"c\")"_s });
        QCOMPARE(check(R"({"enum": ["A"]})", R"("c")"), QStringList { u"$: must be A (it is \"c\")"_s });
        QCOMPARE(check(R"({"const": 4})", "5"), QStringList { u"$: must be 4 (it is 5)"_s });
        QCOMPARE(check(R"({"minimum": 1, "maximum": 3})", "4"), QStringList { u"$: must be at most 3 (it is 4)"_s });
        QCOMPARE(check(R"({"minLength": 2})", R"("a")"), QStringList { u"$: must be at least 2 characters long"_s });
        QCOMPARE(check(R"({"properties": {"a": true}})", R"({"a": 1})"), QStringList());
        QCOMPARE(
            check(R"({"properties": {"a": false}})", R"({"a": 1})"), QStringList { u"$.a: is not allowed here"_s });
    }

    void patternsAndFormats()
    {
        QCOMPARE(check(R"({"pattern": "^[A-Z0-9]{2,3}$"})", R"("kg")"),
            QStringList { u"$: must be a UN/ECE Recommendation 20 unit code: 2 or 3 capital letters or digits, such as "
                          "KGM (it is \"kg\")"_s });
        QCOMPARE(check(R"({"pattern": "b+"})", R"("abba")"), QStringList()); // a pattern searches, it is not anchored
        QCOMPARE(check(R"({"pattern": "^x"})", R"("abba")"),
            QStringList { u"$: must match the pattern ^x (it is \"abba\")"_s });
        QCOMPARE(check(R"({"format": "uri"})", R"("not a uri")").size(), 1);
        QCOMPARE(check(R"({"format": "uri"})", R"("urn:uuid:2f0a6c4e-6f44-4bb5-9a3a-2c1d3b9e8f01")"), QStringList());
        QCOMPARE(check(R"({"format": "date-time"})", R"("2024-05-01T10:00:00")").size(), 1);
        QCOMPARE(check(R"({"format": "date-time"})", R"("2024-05-01T10:00:00.123456-03:30")"), QStringList());
        QCOMPARE(check(R"({"format": "email"})", R"("x")"), QStringList()); // other formats are annotations
        QVERIFY(isUri(u"https://id.gs1.org/01/09506000134352/21/A%2FB"));
        QVERIFY(isUri(u"ex:field"));
        QVERIFY(!isUri(u"field"));
        QVERIFY(!isUri(u"https://example.com/a b"));
        QVERIFY(!isUri(u"https://example.com/%zz"));
        QVERIFY(!isUri(u"https://example.com/\u00e9"));
    }

    void objects()
    {
        const char *schema = R"({"required": ["a", "b c"], "properties": {"a": {"type": "number"}},
            "additionalProperties": false})";
        QCOMPARE(check(schema, R"({"a": "x", "d": 1})"),
            QStringList({ u"$['b c']: is missing"_s, u"$.a: must be a number (it is a string)"_s,
                u"$.d: is not allowed here"_s }));
        const char *names = R"({"propertyNames": {"enum": ["a"]}})";
        QCOMPARE(check(names, R"({"a": 1, "b": 2, "x:y": 3})"),
            QStringList({ u"$.b: is not a field allowed here (an extension needs a namespace prefix, such as "
                          "example:field)"_s,
                u"$['x:y']: is not a field allowed here"_s }));
    }

    void arrays()
    {
        QCOMPARE(check(R"({"items": {"type": "string"}, "minItems": 3, "uniqueItems": true})", R"(["a", 2, "a"])"),
            QStringList({ u"$[2]: repeats entry [0]: \"a\""_s, u"$[1]: must be a string (it is a number)"_s }));
        QCOMPARE(check(R"({"minItems": 1})", "[]"), QStringList { u"$: must hold at least one entry"_s });
        QCOMPARE(check(R"({"items": [{"type": "string"}, {"type": "number"}]})", R"(["a", "b", 3])"),
            QStringList { u"$[1]: must be a number (it is a string)"_s });
    }

    void references()
    {
        const char *schema = R"({"definitions": {"@x": {"type": "string"}, "a/b": {"$ref": "#/definitions/%40x"}},
            "properties": {"v": {"$ref": "#/definitions/a~1b"}, "w": {"$ref": "#/definitions/none"}}})";
        QCOMPARE(check(schema, R"({"v": 1})"), QStringList { u"$.v: must be a string (it is a number)"_s });
        QCOMPARE(check(schema, R"({"w": 1})"),
            QStringList { u"$.w: cannot be checked: the schema's reference #/definitions/none leads nowhere"_s });
    }

    // anyOf: the alternatives that fail least are what was meant.
    void alternatives()
    {
        const char *oneBest = R"({"anyOf": [{"required": ["a"]}, {"required": ["b", "c"]}]})";
        QCOMPARE(check(oneBest, "{}"), QStringList { u"$.a: is missing"_s });
        const char *samePlace = R"({"anyOf": [{"type": "string", "format": "uri"}, {"enum": ["x", "y"]}]})";
        QCOMPARE(check(samePlace, R"("z")"),
            QStringList { u"$: must be a URI, such as https://id.gs1.org/01/09506000134352, or must be one of: x, y "
                          "(it is \"z\")"_s });
        const char *places = R"({"properties": {"e": {"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}}})";
        QCOMPARE(check(places, R"({"e": {}})"),
            QStringList { u"$.e: fits none of the allowed forms: a is missing; or b is missing"_s });
        QCOMPARE(check(R"({"oneOf": [{"type": "number"}, {"minimum": 0}]})", "3"),
            QStringList { u"$: fits more than one of the allowed forms, and must fit exactly one"_s });
        QCOMPARE(check(R"({"oneOf": [{"type": "number"}, {"type": "string"}]})", "3"), QStringList());
    }

    void conditionsAndNegation()
    {
        const char *schema = R"({"if": {"properties": {"k": {"const": 1}}}, "then": {"required": ["one"]},
            "else": {"required": ["other"]}, "properties": {"gone": {"not": {}}}})";
        QCOMPARE(check(schema, R"({"k": 1})"), QStringList { u"$.one: is missing"_s });
        QCOMPARE(check(schema, R"({"k": 2})"), QStringList { u"$.other: is missing"_s });
        QCOMPARE(check(schema, R"({"k": 1, "one": 0, "gone": 0})"), QStringList { u"$.gone: must not be present"_s });
        QCOMPARE(
            check(R"({"not": {"type": "string"}})", R"("s")"), QStringList { u"$: is not allowed in this form"_s });
    }

    void unknownKeywordsAreListed()
    {
        auto s = JsonSchema::load(R"({"properties": {"a": {"patternProperties": {}, "contains": {}}},
            "allOf": [{"dependencies": {}}]})");
        QVERIFY(s.ok());
        QCOMPARE(
            s.value().unsupportedKeywords(), QStringList({ u"contains"_s, u"dependencies"_s, u"patternProperties"_s }));
        QVERIFY(!JsonSchema::load("{").ok());
    }

    void paths()
    {
        QCOMPARE(jsonPathMember(u"$"_s, u"epcList"_s), u"$.epcList"_s);
        QCOMPARE(jsonPathMember(u"$"_s, u"@context"_s), u"$['@context']"_s);
        QCOMPARE(jsonPathMember(u"$"_s, u"it's"_s), u"$['it\\'s']"_s);
        QCOMPARE(jsonPathIndex(u"$.a"_s, 12), u"$.a[12]"_s);
    }
};

QTEST_GUILESS_MAIN(TestEpcisJsonSchema)
#include "tst_epcisjsonschema.moc"
