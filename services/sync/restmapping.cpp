// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "restmapping.h"

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
constexpr auto kSessions = u"/scanner/api/v1/sessions";
constexpr auto kCaptures = u"/scanner/api/v1/captures";

Error waitingFor(store::OutboxEntity entity, const QString &localId)
{
    return Error { u"waiting"_s,
        u"The %1 %2 is not on Closient yet; it is sent first."_s.arg(store::outboxEntityName(entity), localId), true };
}

Error unknown(const store::OutboxEntry &e)
{
    return Error { u"no_endpoint"_s,
        u"Closient documents no request to %1 a %2; the change is kept here."_s.arg(
            store::outboxOpName(e.op).replace(u'_', u' '), store::outboxEntityName(e.entity)),
        false };
}

Result<RestCall> session(const store::OutboxEntry &e, const ServerIdLookup &serverId)
{
    if (e.op == store::OutboxOp::Create)
        return RestCall { "POST", QString::fromUtf16(kSessions), e.payload };
    const QString id = serverId(store::OutboxEntity::Session, e.entityId);
    if (id.isEmpty())
        return waitingFor(store::OutboxEntity::Session, e.entityId);
    const QString path = QString::fromUtf16(kSessions) + u'/' + id;
    switch (e.op) {
    case store::OutboxOp::End:
        return RestCall { "POST", path + u"/end"_s, {} };
    case store::OutboxOp::UpdateMetadata:
        return RestCall { "PATCH", path, { { u"metadata"_s, e.payload.value(u"metadata"_s).toObject() } } };
    default:
        return unknown(e);
    }
}

Result<RestCall> capture(const store::OutboxEntry &e, const ServerIdLookup &serverId)
{
    if (e.op != store::OutboxOp::Create)
        return unknown(e); // voiding: no documented endpoint
    const QString sessionId = e.payload.value(u"session_id"_s).toString();
    if (sessionId.isEmpty())
        return Error { u"invalid"_s, u"The capture %1 names no session."_s.arg(e.entityId), false };
    const QString sessionShortId = serverId(store::OutboxEntity::Session, sessionId);
    if (sessionShortId.isEmpty())
        return waitingFor(store::OutboxEntity::Session, sessionId);
    QJsonObject body = e.payload;
    body.remove(u"session_id"_s);
    body.insert(u"session_short_id"_s, sessionShortId);
    return RestCall { "POST", QString::fromUtf16(kCaptures), body };
}
} // namespace

Result<RestCall> toRestCall(const store::OutboxEntry &entry, const ServerIdLookup &serverId)
{
    switch (entry.entity) {
    case store::OutboxEntity::Session:
        return session(entry, serverId);
    case store::OutboxEntity::Capture:
        return capture(entry, serverId);
    }
    return unknown(entry);
}

} // namespace closient::sync
