// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace closient::sync {

/** An error answer of the Closient API, read from whichever shape it came in: RFC 9457 problem+json as the overview
 *  shows it ({type, title, status, detail, instance}), the OpenAPI ErrorOut (the same plus error_code, retryable,
 *  retry_after, details ...), or the older {"error": {code, message, status, details}} envelope; a body that is
 *  none of these (a proxy's HTML page) still gives the status. */
struct Problem
{
    int status = 0;
    QString errorCode; // lower case: unauthorized, forbidden, not_found, validation_error, rate_limited, ...
    QString title;
    QString detail; // the server's words for this occurrence
    QString type;
    QString instance;
    std::optional<bool> retryableField; // the body's own "retryable", when it said
    std::optional<int> retryAfterSeconds; // Retry-After header, else retry_after, else retry_after_seconds
    bool ownerActionRequired = false;
    QJsonValue details; // validation errors ([{loc, msg, type}] or [{field, message}]) or more context
    bool legacyShape = false;

    /// Reads an error answer: @p status, its headers and body.
    [[nodiscard]] static Problem fromResponse(
        int status, const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body);

    /// Can the same request succeed later? The body's `retryable` decides, then `error_code` (rate_limited,
    /// internal_error, service_unavailable ... yes; the rest no), then the status (408, 425, 429, 5xx yes).
    [[nodiscard]] bool retryable() const;
    /// The key was refused (401): every request will fail until a person sets another key.
    [[nodiscard]] bool isAuthFailure() const { return status == 401; }
    /// What the person at the desk reads: the server's detail (else its title, else the status in words), with the
    /// fields a validation error names.
    [[nodiscard]] QString userMessage() const;
    /// The reason a 401 gives in details.reason (bad_checksum, unknown_key, revoked, expired, missing ...), if any.
    [[nodiscard]] QString authReason() const;
    /// As a Result error: code = error_code (else "http_<status>"), message = userMessage(), retryable().
    [[nodiscard]] Error toError() const;
};

/// The seconds of a Retry-After header: a number of seconds or an HTTP date (relative to now); nullopt if neither.
[[nodiscard]] std::optional<int> parseRetryAfter(const QByteArray &value);

} // namespace closient::sync
