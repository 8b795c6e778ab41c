// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "validator.h"

#include "rules.h"

#include <QFile>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace closient::epcis {

namespace {

// Paths in document order: numbers in brackets compare as numbers, so [10] comes after [2].
bool pathLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i;
            qsizetype ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            const auto x = a.mid(i, ei - i).toLongLong();
            const auto y = b.mid(j, ej - j).toLongLong();
            if (x != y)
                return x < y;
            i = ei;
            j = ej;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

bool within(const QString &path, const QString &base)
{
    return path == base || (path.startsWith(base) && (path.at(base.size()) == u'.' || path.at(base.size()) == u'['));
}

} // namespace

Validator::Validator()
{
    QFile f(u":/epcis/EPCIS-JSON-Schema.json"_s);
    if (!f.open(QIODevice::ReadOnly)) {
        m_schemaError = u"the EPCIS JSON Schema is missing from the station (%1)"_s.arg(f.errorString());
        return;
    }
    auto s = JsonSchema::load(f.readAll());
    if (!s.ok()) {
        m_schemaError = s.error().message;
        return;
    }
    m_schema = std::move(s.value());
}

const Validator &Validator::instance()
{
    static const Validator v;
    return v;
}

std::vector<ValidationIssue> Validator::validate(const QJsonObject &document) const
{
    if (!m_schemaError.isEmpty())
        return { { u"$"_s, u"cannot be checked: "_s + m_schemaError } };
    std::vector<ValidationIssue> rules;
    detail::checkRules(document, rules);

    // A rule's reason says in plain words what the schema says in general terms at the same place (or, for a
    // summary of alternatives, anywhere within it): keep the rule's.
    // A summary of alternatives is dropped, too, where the schema itself names a specific reason at that place.
    const auto failures = m_schema.validate(document);
    std::vector<ValidationIssue> out;
    for (const auto &f : failures) {
        const bool covered = std::any_of(rules.begin(), rules.end(), [&](const ValidationIssue &r) {
            return r.path == f.path || (f.summary && within(r.path, f.path));
        }) || (f.summary && std::any_of(failures.begin(), failures.end(), [&](const SchemaFailure &o) {
            return !o.summary && o.path == f.path;
        }));
        const bool repeated = std::any_of(out.begin(), out.end(),
            [&](const ValidationIssue &o) { return o.path == f.path && o.message == f.message; });
        if (!covered && !repeated)
            out.push_back({ f.path, f.message });
    }
    for (const auto &r : rules) {
        if (std::none_of(out.begin(), out.end(),
                [&](const ValidationIssue &o) { return o.path == r.path && o.message == r.message; }))
            out.push_back(r);
    }
    std::stable_sort(out.begin(), out.end(),
        [](const ValidationIssue &a, const ValidationIssue &b) { return pathLess(a.path, b.path); });
    return out;
}

std::vector<ValidationIssue> Validator::validateJson(const QByteArray &json) const
{
    const auto doc = parseJsonObject(json);
    if (!doc.ok())
        return { { u"$"_s, doc.error().message } };
    return validate(doc.value());
}

Result<QJsonObject> parseJsonObject(const QByteArray &json)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto before = json.left(error.offset);
        const auto line = before.count('\n') + 1;
        const auto column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
        return Error { u"invalid"_s,
            u"is not JSON: %1 at line %2, column %3"_s.arg(error.errorString()).arg(line).arg(column) };
    }
    if (!doc.isObject())
        return Error { u"invalid"_s, u"is not a JSON object (an EPCIS document is one)"_s };
    return doc.object();
}

QString issuesText(const std::vector<ValidationIssue> &issues)
{
    QStringList lines;
    for (const auto &i : issues)
        lines << i.toString();
    return lines.join(u'\n');
}

} // namespace closient::epcis
