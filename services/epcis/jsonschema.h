// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace closient::epcis {

/** One way a JSON value fails its schema: where (a JSON path such as $.epcisBody.eventList[0].action) and why. */
struct SchemaFailure
{
    QString path;
    QString message; // plain words: "is missing", "must be one of: OBSERVE, ADD, DELETE (it is \"observe\")"
    bool summary = false; // stands for several alternatives that all failed (anyOf, oneOf)
};

/**
 * A JSON Schema draft-07 evaluator for the keywords GS1's EPCIS 2.0 schema uses: $ref (local), type, enum, const,
 * properties, required, additionalProperties, propertyNames, items, min/maxItems, uniqueItems, pattern, format
 * (uri, date-time), min/maxLength, minimum, maximum, allOf, anyOf, oneOf, not, if/then/else. A keyword it does
 * not know is listed by unsupportedKeywords() so a new schema cannot slip one past it unnoticed.
 * Immutable after load(); validate() may run on any thread.
 */
class JsonSchema
{
public:
    [[nodiscard]] static Result<JsonSchema> load(const QByteArray &json);

    [[nodiscard]] std::vector<SchemaFailure> validate(const QJsonValue &instance) const;
    /// Keywords used in the schema that this evaluator does not check.
    [[nodiscard]] QStringList unsupportedKeywords() const { return m_unsupported; }

private:
    using Failures = std::vector<SchemaFailure>;
    void eval(const QJsonValue &schema, const QJsonValue &v, const QString &path, Failures &out) const;
    void evalObject(const QJsonObject &s, const QJsonValue &v, const QString &path, Failures &out) const;
    void evalAnyOf(
        const QJsonArray &branches, const QJsonValue &v, const QString &path, bool oneOf, Failures &out) const;
    [[nodiscard]] QJsonValue resolve(const QString &ref) const;
    void collect(const QJsonValue &schema);

    QJsonObject m_root;
    QHash<QString, QRegularExpression> m_patterns;
    QStringList m_unsupported;
};

/// The JSON path of a member of the value at @p path: $.a.b, $['@context'].
[[nodiscard]] QString jsonPathMember(const QString &path, const QString &key);
/// The JSON path of an array element: $.a[3].
[[nodiscard]] QString jsonPathIndex(const QString &path, qsizetype index);

/// RFC 3986 URI (a scheme, then URI characters only), as the schema's "uri" format asks.
[[nodiscard]] bool isUri(QStringView s);

} // namespace closient::epcis
