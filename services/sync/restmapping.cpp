// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "restmapping.h"

using namespace Qt::StringLiterals;

namespace closient::sync {

namespace {
constexpr auto kSessions = u"/scanner/api/v1/sessions";
constexpr auto kCaptures = u"/scanner/api/v1/captures";
constexpr auto kProposals = u"/scanner/api/v1/proposals";
constexpr auto kEpcisCapture = u"/epcis/api/2.0/capture";

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
    if (e.op == store::OutboxOp::Apply) {
        const QString id = serverId(store::OutboxEntity::Capture, e.entityId);
        if (id.isEmpty())
            return waitingFor(store::OutboxEntity::Capture, e.entityId);
        return RestCall { "POST", QString::fromUtf16(kCaptures) + u'/' + id + u"/apply"_s, {} };
    }
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

Result<RestCall> proposal(const store::OutboxEntry &e)
{
    // The server made the proposal: its id is the server's own. Only ACCEPTED and REJECTED can be set.
    const QString status = e.payload.value(u"status"_s).toString();
    if (e.op != store::OutboxOp::Decide)
        return unknown(e);
    if (status != u"ACCEPTED"_s && status != u"REJECTED"_s)
        return Error { u"invalid"_s, u"A proposal is accepted or rejected, not \"%1\"."_s.arg(status), false };
    return RestCall { "PATCH", QString::fromUtf16(kProposals) + u'/' + e.entityId, { { u"status"_s, status } } };
}

Result<RestCall> epcisEvent(const store::OutboxEntry &e)
{
    if (e.op != store::OutboxOp::Create)
        return unknown(e);
    const QJsonObject document = e.payload.value(u"document"_s).toObject();
    if (document.isEmpty())
        return Error { u"invalid"_s, u"The EPCIS event %1 carries no document."_s.arg(e.entityId), false };
    return RestCall { "POST", QString::fromUtf16(kEpcisCapture), document };
}
} // namespace

Result<RestCall> toRestCall(const store::OutboxEntry &entry, const ServerIdLookup &serverId)
{
    switch (entry.entity) {
    case store::OutboxEntity::Session:
        return session(entry, serverId);
    case store::OutboxEntity::Capture:
        return capture(entry, serverId);
    case store::OutboxEntity::Proposal:
        return proposal(entry);
    case store::OutboxEntity::EpcisEvent:
        return epcisEvent(entry);
    }
    return unknown(entry);
}

} // namespace closient::sync
