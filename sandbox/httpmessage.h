// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace closient::sandbox {

/** One HTTP request, copied out of the server's parser so it can be handled later (added latency). */
struct Request
{
    QString method; // GET, POST, PATCH, ...
    QString path; // decoded path, no query
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-case
    QByteArray body;
    QString remote; // peer address

    [[nodiscard]] QByteArray header(QByteArrayView name) const; // case-insensitive, empty when absent
    [[nodiscard]] bool isMutating() const { return method != u"GET" && method != u"HEAD"; }
};

/** One HTTP response as the sandbox writes it on the socket itself. */
struct Response
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] static Response json(int status, const QJsonDocument &doc);
    /// The status line, headers (with Content-Length) and body of an HTTP/1.1 response.
    [[nodiscard]] QByteArray serialise() const;
};

/// The reason phrase of @p status.
[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace closient::sandbox
