// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "outbox.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace closient::sync {

/** The HTTP request that tells Closient about one outbox operation. */
struct RestCall
{
    QByteArray method; // POST, PATCH
    QString path; // the API path with the server's ids filled in
    QJsonObject body; // empty for requests without one
};

/// The server's id of a local entity, or an empty string while the server does not know it yet.
using ServerIdLookup = std::function<QString(store::OutboxEntity entity, const QString &localId)>;

/**
 * Maps an outbox operation to Closient's REST contract (the scanner API of shared/closient-api-reference.md). The
 * store records what happened; this is the one place that knows how the API spells it. Errors: `waiting`
 * (retryable: the entity it refers to has no server id yet, send that first), `no_endpoint` (Closient documents no
 * request for this operation: the sync engine holds the row), `invalid` (a payload that lacks what the API needs).
 */
[[nodiscard]] Result<RestCall> toRestCall(const store::OutboxEntry &entry, const ServerIdLookup &serverId);

} // namespace closient::sync
