// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonschema.h"
#include "result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace closient::epcis {

/** One reason a document is refused: where (a JSON path) and why, in plain words. */
struct ValidationIssue
{
    QString path;
    QString message;
    [[nodiscard]] QString toString() const { return path + QStringLiteral(": ") + message; }
};

/**
 * Checks EPCIS 2.0 documents: GS1's EPCIS 2.0 JSON Schema (evaluated in C++, formats included) and the rules a
 * schema cannot express (per-event-type contents, ilmd only with ADD, uom needs a quantity, GS1 identifiers
 * with valid check digits and at the right level, declared namespaces, ...). Every reason names its JSON path.
 * Immutable once built; validate() may run on any thread.
 */
class Validator
{
public:
    /// The validator with the schema compiled into the station.
    [[nodiscard]] static const Validator &instance();

    [[nodiscard]] std::vector<ValidationIssue> validate(const QJsonObject &document) const;
    /// Parses @p json first: a document that is not JSON gets one issue with the line and column.
    [[nodiscard]] std::vector<ValidationIssue> validateJson(const QByteArray &json) const;
    [[nodiscard]] const JsonSchema &schema() const { return m_schema; }

private:
    Validator();
    JsonSchema m_schema;
    QString m_schemaError;
};

/// Reads a JSON document that must be an object; the reason names the line and column when it is not JSON.
[[nodiscard]] Result<QJsonObject> parseJsonObject(const QByteArray &json);

/// All reasons, one per line: "path: message".
[[nodiscard]] QString issuesText(const std::vector<ValidationIssue> &issues);

} // namespace closient::epcis
