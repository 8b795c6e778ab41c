// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QString>
#include <QUrl>

namespace closient::sync {

/** Which Closient the station talks to: the documented base URLs by name, or any http(s) URL (the sandbox). */
struct ServerUrl
{
    static constexpr auto Production = "https://www.closient.com";
    static constexpr auto Testing = "https://www.closient.dev";
    static constexpr auto Local = "http://localhost:8000";

    /// "production", "testing", "local" or an http(s) URL with a host (no query, fragment or user name), trimmed
    /// of trailing slashes. Error code: invalid.
    [[nodiscard]] static Result<QUrl> parse(const QString &nameOrUrl);
    /// The production URL: where a station with no other setting goes.
    [[nodiscard]] static QUrl defaultUrl();
    /// True when a key sent to @p url travels unencrypted beyond this machine (http:// to a host not loopback).
    [[nodiscard]] static bool sendsKeyInClear(const QUrl &url);
    /// The name of a documented URL ("production" ...) or the URL itself, for messages.
    [[nodiscard]] static QString describe(const QUrl &url);
};

} // namespace closient::sync
