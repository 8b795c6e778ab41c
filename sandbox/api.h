// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config.h"
#include "httpmessage.h"
#include "problem.h"
#include "sandboxstate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>

#include <functional>
#include <variant>
#include <vector>

namespace closient::sandbox {

/** Counters for GET /__sandbox/stats, so tests can assert what the station sent. */
struct Stats
{
    qint64 requests = 0; // API requests received (admin excluded)
    QMap<int, qint64> byStatus; // responses written, by status
    QMap<QString, qint64> byRoute; // "POST /scanner/api/v1/captures" → count (route patterns)
    qint64 rateLimited = 0; // 429s drawn by the limiter
    qint64 forced429 = 0; // 429s from a forced window
    qint64 injectedErrors = 0;
    qint64 droppedAfterCommit = 0;
    qint64 clientGone = 0; // processed, but the client had closed the connection before the answer
    qint64 duplicatesRejected = 0; // EPCIS events refused as duplicates
    qint64 idempotentReplays = 0;
    qint64 adminRequests = 0;

    [[nodiscard]] QJsonObject toJson(SandboxState &state) const;
};

/** Who may call a route. */
enum class Access {
    Anonymous, // no key needed (a key, when sent, must still be valid)
    Member, // any valid key of the organisation (organization.view_organization)
    Contributor, // owner, manager, editor; not publishable keys (organization.contribute_organization)
    OwnerOrManager, // EPCIS capture
};

/** Everything a handler needs for one request. */
struct Context
{
    SandboxState &state;
    SandboxConfig &config;
    Stats &stats;
    const Request &request;
    const KeyRecord *key = nullptr; // null for anonymous calls
    QStringList params; // path parameters in order
    qint64 now = 0; // ms since the epoch
};

using Outcome = std::variant<Response, Problem>;
using Handler = std::function<Outcome(Context &)>;

/** One endpoint: method, path pattern with {name} placeholders, who may call it, and its handler. */
struct Route
{
    QString method;
    QString pattern;
    Access access;
    Handler handler;
    QRegularExpression regex; // built from pattern
};

[[nodiscard]] std::vector<Route> accountRoutes();
[[nodiscard]] std::vector<Route> scannerRoutes();
[[nodiscard]] std::vector<Route> enrichmentRoutes();
[[nodiscard]] std::vector<Route> productRoutes();
[[nodiscard]] std::vector<Route> epcisRoutes();

// Shared by the handlers.
[[nodiscard]] Response jsonResponse(int status, const QJsonValue &body);
/// The request body as a JSON object, or a 400 that says why not.
[[nodiscard]] std::variant<QJsonObject, Problem> jsonBody(const Request &request);
[[nodiscard]] Problem notFound(const QString &what);
[[nodiscard]] Problem conflict(const QString &detail, const QJsonValue &details = {});
[[nodiscard]] QJsonObject parseJsonText(const QVariant &text);
[[nodiscard]] QString jsonText(const QJsonValue &value);
/// `page`/`page_size` from the query (1.., 1..100, defaults 1 and 25), or a 422.
struct Page
{
    int page = 1;
    int size = 25;
};
[[nodiscard]] std::variant<Page, Problem> pageOf(const Request &request);
/// The documented list envelope: {data: [...], pagination: {page, page_size, total_count, total_pages, has_next,
/// has_previous}}.
[[nodiscard]] QJsonObject pageEnvelope(const QJsonArray &data, const Page &page, qint64 total);
/// The ProductOut of a products row.
[[nodiscard]] QJsonObject productOut(const QVariantMap &row);
/// Brings a capture's stored state up to the pipeline's state now (writes the terminal state and its
/// proposals once); returns the capture row as it now is.
[[nodiscard]] std::optional<QVariantMap> refreshCapture(Context &ctx, const QString &captureId);

} // namespace closient::sandbox
