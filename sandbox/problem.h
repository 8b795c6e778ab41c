// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httpmessage.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace closient::sandbox {

/** An API error before it is written in one of the two documented shapes. */
struct Problem
{
    int status = 500;
    QString code; // lower-case error_code: unauthorized, forbidden, not_found, validation_error, rate_limited, ...
    QString detail; // plain words
    QJsonValue details; // validation errors ([{loc, msg, type}]) or an object with more context
    std::optional<int> retryAfter; // seconds, for 429 and 503
    bool retryable = false;
};

/// One field's validation error in the ErrorOut `details` form: {loc: ["body", field...], msg, type}.
[[nodiscard]] QJsonObject fieldError(
    const QStringList &loc, const QString &msg, const QString &type = QStringLiteral("value_error"));
[[nodiscard]] Problem validationProblem(const QJsonArray &errors, const QString &detail = {});
[[nodiscard]] Problem makeProblem(
    int status, const QString &code, const QString &detail, const QJsonValue &details = {});

/// The response for @p problem: RFC 9457 ErrorOut (application/problem+json) or, with @p legacy, the older
/// `{"error":{code (upper case), message, status, details:[{field, message}]}}` envelope.
[[nodiscard]] Response problemResponse(const Problem &problem, const QString &instance, bool legacy);

} // namespace closient::sandbox
