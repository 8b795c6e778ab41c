// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonschema.h"

#include "timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <cctype>
#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::epcis {

namespace {

const QSet<QString> &knownKeywords()
{
    static const QSet<QString> k { u"$ref"_s, u"$id"_s, u"$schema"_s, u"$comment"_s, u"definitions"_s, u"title"_s,
        u"description"_s, u"default"_s, u"examples"_s, u"type"_s, u"enum"_s, u"const"_s, u"properties"_s, u"required"_s,
        u"additionalProperties"_s, u"propertyNames"_s, u"items"_s, u"minItems"_s, u"maxItems"_s, u"uniqueItems"_s,
        u"pattern"_s, u"format"_s, u"minLength"_s, u"maxLength"_s, u"minimum"_s, u"maximum"_s, u"allOf"_s, u"anyOf"_s,
        u"oneOf"_s, u"not"_s, u"if"_s, u"then"_s, u"else"_s };
    return k;
}

QString shown(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return u'"' + v.toString() + u'"';
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"nothing"_s;
    }
}

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::Bool:
        return u"true or false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"missing"_s;
    }
}

QString expectedType(const QString &t)
{
    if (t == u"string")
        return u"a string"_s;
    if (t == u"number")
        return u"a number"_s;
    if (t == u"integer")
        return u"a whole number"_s;
    if (t == u"object")
        return u"an object"_s;
    if (t == u"array")
        return u"a list"_s;
    if (t == u"boolean")
        return u"true or false"_s;
    return t;
}

bool hasType(const QJsonValue &v, const QString &t)
{
    if (t == u"string")
        return v.isString();
    if (t == u"number")
        return v.isDouble();
    if (t == u"integer")
        return v.isDouble() && std::floor(v.toDouble()) == v.toDouble() && std::isfinite(v.toDouble());
    if (t == u"object")
        return v.isObject();
    if (t == u"array")
        return v.isArray();
    if (t == u"boolean")
        return v.isBool();
    if (t == u"null")
        return v.isNull();
    return false;
}

// What the EPCIS schema's patterns ask for, in words; any other pattern is shown as it is.
QString patternWords(const QString &pattern)
{
    static const QHash<QString, QString> words {
        { u"^([+]|[-])((0[0-9]|1[0-3]):([0-5][0-9])|14:00)$"_s,
            u"must be a UTC offset from -14:00 to +14:00 written as +hh:mm or -hh:mm"_s },
        { u"^[A-Z0-9]{2,3}$"_s,
            u"must be a UN/ECE Recommendation 20 unit code: 2 or 3 capital letters or digits, such as KGM"_s },
        { u"^[A-Fa-f0-9]+$"_s, u"must be hexadecimal digits"_s },
        { u"^\\d+(\\.\\d+)*$"_s, u"must be a version number such as 2.0"_s },
        { u"^ADD$"_s, u"must be ADD"_s },
        { u"^OBSERVE$"_s, u"must be OBSERVE"_s },
        { u"^DELETE$"_s, u"must be DELETE"_s },
        { u"^(?!(urn:epcglobal:cbv|https?:\\/\\/ns\\.gs1\\.org/cbv\\/))"_s,
            u"must be a URI outside the CBV (CBV values are written bare, such as receiving)"_s },
        { u"^(?!(https?:\\/\\/gs1\\.org\\/voc\\/|https?:\\/\\/www\\.gs1\\.org\\/voc\\/))"_s,
            u"must be a URI outside the GS1 Web Vocabulary (its values are written bare, such as Temperature)"_s },
    };
    return words.value(pattern, u"must match the pattern %1"_s.arg(pattern));
}

QString relative(const QString &path, const QString &base)
{
    if (path == base)
        return u"it"_s;
    auto r = path.mid(base.size());
    if (r.startsWith(u'.'))
        r.remove(0, 1);
    return r;
}

} // namespace

QString jsonPathMember(const QString &path, const QString &key)
{
    static const QRegularExpression plain(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    if (plain.match(key).hasMatch())
        return path + u'.' + key;
    auto quoted = key;
    quoted.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return path + u"['"_s + quoted + u"']"_s;
}

QString jsonPathIndex(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

bool isUri(QStringView s)
{
    static const QRegularExpression scheme(u"^[A-Za-z][A-Za-z0-9+.-]*:"_s);
    if (!scheme.match(s).hasMatch())
        return false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'%') {
            if (i + 2 >= s.size() || !isxdigit(s[i + 1].toLatin1()) || !isxdigit(s[i + 2].toLatin1()))
                return false;
            i += 2;
            continue;
        }
        const bool ok
            = c.unicode() < 128 && (c.isLetterOrNumber() || QStringView(u"-._~:/?#[]@!$&'()*+,;=").contains(c));
        if (!ok)
            return false;
    }
    return true;
}

Result<JsonSchema> JsonSchema::load(const QByteArray &json)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Error { u"invalid"_s, u"the JSON Schema cannot be read: %1"_s.arg(error.errorString()) };
    JsonSchema s;
    s.m_root = doc.object();
    s.collect(s.m_root);
    s.m_unsupported.removeDuplicates();
    s.m_unsupported.sort();
    return s;
}

// Walks every subschema once: compiles the patterns and notes keywords the evaluator does not know.
void JsonSchema::collect(const QJsonValue &schema)
{
    if (!schema.isObject())
        return;
    const auto o = schema.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto &k = it.key();
        if (!knownKeywords().contains(k))
            m_unsupported << k;
        if (k == u"properties" || k == u"definitions") {
            const auto members = it.value().toObject();
            for (auto m = members.begin(); m != members.end(); ++m)
                collect(m.value());
        } else if (k == u"allOf" || k == u"anyOf" || k == u"oneOf" || (k == u"items" && it.value().isArray())) {
            for (const auto &sub : it.value().toArray())
                collect(sub);
        } else if (k == u"not" || k == u"if" || k == u"then" || k == u"else" || k == u"items"
            || k == u"additionalProperties" || k == u"propertyNames") {
            collect(it.value());
        } else if (k == u"pattern") {
            QRegularExpression re(it.value().toString());
            re.optimize();
            m_patterns.insert(it.value().toString(), re);
        }
    }
}

QJsonValue JsonSchema::resolve(const QString &ref) const
{
    if (!ref.startsWith(u"#"))
        return {};
    QJsonValue node = m_root;
    const auto pointer = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
    for (auto token : pointer.split(u'/', Qt::SkipEmptyParts)) {
        token.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (node.isObject())
            node = node.toObject().value(token);
        else if (node.isArray())
            node = node.toArray().at(token.toInt());
        else
            return {};
    }
    return node;
}

std::vector<SchemaFailure> JsonSchema::validate(const QJsonValue &instance) const
{
    Failures out;
    eval(m_root, instance, u"$"_s, out);
    return out;
}

void JsonSchema::eval(const QJsonValue &schema, const QJsonValue &v, const QString &path, Failures &out) const
{
    if (schema.isBool()) {
        if (!schema.toBool())
            out.push_back({ path, u"is not allowed here"_s });
        return;
    }
    if (!schema.isObject())
        return;
    const auto s = schema.toObject();
    if (s.contains(u"$ref")) { // draft-07: a $ref's siblings are ignored
        const auto ref = s.value(u"$ref").toString();
        const auto target = resolve(ref);
        if (target.isUndefined())
            out.push_back({ path, u"cannot be checked: the schema's reference %1 leads nowhere"_s.arg(ref) });
        else
            eval(target, v, path, out);
        return;
    }
    evalObject(s, v, path, out);
}

void JsonSchema::evalObject(const QJsonObject &s, const QJsonValue &v, const QString &path, Failures &out) const
{
    if (const auto type = s.value(u"type"); !type.isUndefined()) {
        QStringList types;
        if (type.isArray()) {
            for (const auto &t : type.toArray())
                types << t.toString();
        } else {
            types << type.toString();
        }
        if (std::none_of(types.begin(), types.end(), [&](const QString &t) { return hasType(v, t); })) {
            QStringList expected;
            for (const auto &t : types)
                expected << expectedType(t);
            out.push_back({ path, u"must be %1 (it is %2)"_s.arg(expected.join(u" or "_s), typeName(v)) });
            return; // the other keywords would only repeat the same problem
        }
    }
    if (const auto e = s.value(u"enum"); e.isArray()) {
        const auto values = e.toArray();
        if (!values.contains(v)) {
            QStringList allowed;
            for (const auto &a : values)
                allowed << (a.isString() ? a.toString() : shown(a));
            out.push_back({ path,
                (allowed.size() == 1 ? u"must be %1"_s.arg(allowed.front())
                                     : u"must be one of: %1"_s.arg(allowed.join(u", "_s)))
                    + u" (it is %1)"_s.arg(shown(v)) });
        }
    }
    if (const auto c = s.value(u"const"); !c.isUndefined() && c != v)
        out.push_back({ path, u"must be %1 (it is %2)"_s.arg(shown(c), shown(v)) });

    if (v.isString()) {
        const auto str = v.toString();
        if (const auto p = s.value(u"pattern"); p.isString()) {
            if (!m_patterns.value(p.toString()).match(str).hasMatch())
                out.push_back({ path, patternWords(p.toString()) + u" (it is %1)"_s.arg(shown(v)) });
        }
        if (const auto f = s.value(u"format").toString(); f == u"uri" && !isUri(str)) {
            out.push_back(
                { path, u"must be a URI, such as https://id.gs1.org/01/09506000134352 (it is %1)"_s.arg(shown(v)) });
        } else if (f == u"date-time" && !parseTimestamp(str).ok()) {
            out.push_back({ path,
                u"must be a date and time with a UTC offset, such as 2024-05-01T10:15:30.000+02:00 (it is %1)"_s.arg(
                    shown(v)) });
        }
        if (const auto n = s.value(u"minLength"); n.isDouble() && str.size() < n.toInt())
            out.push_back({ path, u"must be at least %1 characters long"_s.arg(n.toInt()) });
        if (const auto n = s.value(u"maxLength"); n.isDouble() && str.size() > n.toInt())
            out.push_back({ path, u"must be at most %1 characters long"_s.arg(n.toInt()) });
    }
    if (v.isDouble()) {
        if (const auto n = s.value(u"minimum"); n.isDouble() && v.toDouble() < n.toDouble())
            out.push_back({ path, u"must be at least %1 (it is %2)"_s.arg(shown(n), shown(v)) });
        if (const auto n = s.value(u"maximum"); n.isDouble() && v.toDouble() > n.toDouble())
            out.push_back({ path, u"must be at most %1 (it is %2)"_s.arg(shown(n), shown(v)) });
    }

    if (v.isObject()) {
        const auto o = v.toObject();
        for (const auto &r : s.value(u"required").toArray()) {
            if (!o.contains(r.toString()))
                out.push_back({ jsonPathMember(path, r.toString()), u"is missing"_s });
        }
        const auto properties = s.value(u"properties").toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto member = jsonPathMember(path, it.key());
            if (properties.contains(it.key())) {
                eval(properties.value(it.key()), it.value(), member, out);
            } else if (const auto extra = s.value(u"additionalProperties"); !extra.isUndefined()) {
                if (extra.isBool() && !extra.toBool())
                    out.push_back({ member, u"is not allowed here"_s });
                else
                    eval(extra, it.value(), member, out);
            }
            if (const auto names = s.value(u"propertyNames"); !names.isUndefined()) {
                Failures nameFailures;
                eval(names, QJsonValue(it.key()), member, nameFailures);
                if (!nameFailures.empty()) {
                    out.push_back({ member,
                        it.key().contains(u':')
                            ? u"is not a field allowed here"_s
                            : u"is not a field allowed here (an extension needs a namespace prefix, such as "
                              "example:field)"_s });
                }
            }
        }
    }
    if (v.isArray()) {
        const auto a = v.toArray();
        if (const auto n = s.value(u"minItems"); n.isDouble() && a.size() < n.toInt())
            out.push_back({ path,
                n.toInt() == 1 ? u"must hold at least one entry"_s
                               : u"must hold at least %1 entries"_s.arg(n.toInt()) });
        if (const auto n = s.value(u"maxItems"); n.isDouble() && a.size() > n.toInt())
            out.push_back({ path, u"must hold at most %1 entries"_s.arg(n.toInt()) });
        if (s.value(u"uniqueItems").toBool()) {
            for (qsizetype i = 1; i < a.size(); ++i) {
                for (qsizetype j = 0; j < i; ++j) {
                    if (a.at(i) == a.at(j)) {
                        out.push_back(
                            { jsonPathIndex(path, i), u"repeats entry [%1]: %2"_s.arg(j).arg(shown(a.at(i))) });
                        break;
                    }
                }
            }
        }
        if (const auto items = s.value(u"items"); items.isArray()) {
            const auto tuple = items.toArray();
            for (qsizetype i = 0; i < std::min(tuple.size(), a.size()); ++i)
                eval(tuple.at(i), a.at(i), jsonPathIndex(path, i), out);
        } else if (!items.isUndefined()) {
            for (qsizetype i = 0; i < a.size(); ++i)
                eval(items, a.at(i), jsonPathIndex(path, i), out);
        }
    }

    for (const auto &sub : s.value(u"allOf").toArray())
        eval(sub, v, path, out);
    if (const auto any = s.value(u"anyOf"); any.isArray())
        evalAnyOf(any.toArray(), v, path, false, out);
    if (const auto one = s.value(u"oneOf"); one.isArray())
        evalAnyOf(one.toArray(), v, path, true, out);
    if (const auto no = s.value(u"not"); !no.isUndefined()) {
        Failures f;
        eval(no, v, path, f);
        if (f.empty()) {
            const bool anything = (no.isObject() && no.toObject().isEmpty()) || (no.isBool() && no.toBool());
            out.push_back({ path, anything ? u"must not be present"_s : u"is not allowed in this form"_s });
        }
    }
    if (const auto cond = s.value(u"if"); !cond.isUndefined()) {
        Failures f;
        eval(cond, v, path, f);
        const auto branch = s.value(f.empty() ? u"then" : u"else");
        if (!branch.isUndefined())
            eval(branch, v, path, out);
    }
}

// anyOf/oneOf: when every alternative fails, the ones that fail least are what the writer most likely meant.
// One such alternative: its reasons. Several failing at one place: their reasons joined by "or". Otherwise one
// summary at this path naming each alternative's reasons.
void JsonSchema::evalAnyOf(
    const QJsonArray &branches, const QJsonValue &v, const QString &path, bool oneOf, Failures &out) const
{
    std::vector<Failures> failures;
    int passed = 0;
    for (const auto &b : branches) {
        Failures f;
        eval(b, v, path, f);
        if (f.empty())
            ++passed;
        failures.push_back(std::move(f));
    }
    if (passed == 1 || (passed > 1 && !oneOf))
        return;
    if (passed > 1) {
        out.push_back({ path, u"fits more than one of the allowed forms, and must fit exactly one"_s, true });
        return;
    }
    size_t least = SIZE_MAX;
    for (const auto &f : failures)
        least = std::min(least, f.size());
    std::vector<const Failures *> best;
    for (const auto &f : failures) {
        if (f.size() == least)
            best.push_back(&f);
    }
    if (best.size() == 1) {
        out.insert(out.end(), best.front()->begin(), best.front()->end());
        return;
    }
    const bool onePlace = least == 1 && std::all_of(best.begin(), best.end(), [&](const Failures *f) {
        return f->front().path == best.front()->front().path;
    });
    QStringList alternatives;
    for (const auto *f : best) {
        QStringList reasons;
        for (const auto &r : *f)
            reasons << (onePlace ? r.message : relative(r.path, path) + u' ' + r.message);
        alternatives << reasons.join(u" and "_s);
    }
    alternatives.removeDuplicates();
    if (onePlace) {
        // "must be A (it is x), or must be B (it is x)" says the value once: "must be A, or must be B (it is x)".
        const auto suffix = u" (it is %1)"_s.arg(shown(v));
        const bool same = std::all_of(
            alternatives.begin(), alternatives.end(), [&](const QString &a) { return a.endsWith(suffix); });
        if (same) {
            for (auto &a : alternatives)
                a.chop(suffix.size());
        }
        out.push_back(
            { best.front()->front().path, alternatives.join(u", or "_s) + (same ? suffix : QString()), true });
    } else {
        out.push_back({ path, u"fits none of the allowed forms: %1"_s.arg(alternatives.join(u"; or "_s)), true });
    }
}

} // namespace closient::epcis
