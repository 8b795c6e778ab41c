// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "account.h"

#include "apikey.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::sync {

Result<AccountIdentity> AccountIdentity::fromWhoami(const QJsonObject &whoami)
{
    AccountIdentity id;
    id.userId = whoami.value(u"user_id"_s).toString();
    id.email = whoami.value(u"email"_s).toString();
    for (const auto &v : whoami.value(u"organizations"_s).toArray()) {
        const QJsonObject o = v.toObject();
        id.organisations.append({ o.value(u"id"_s).toVariant().toString(), o.value(u"name"_s).toString() });
    }
    const QJsonObject key = whoami.value(u"api_key"_s).toObject();
    id.role = key.value(u"role"_s).toString();
    id.keyId = key.value(u"id"_s).toVariant().toString();
    id.keyPrefix = key.value(u"metadata"_s).toObject().value(u"prefix"_s).toString();
    if (id.userId.isEmpty() && id.organisations.isEmpty())
        return Error { u"invalid"_s, u"The server's answer to whoami names no user and no organisation."_s };
    return id;
}

QJsonObject AccountIdentity::toJson() const
{
    QJsonArray orgs;
    for (const auto &o : organisations)
        orgs.append(QJsonObject { { u"id"_s, o.id }, { u"name"_s, o.name } });
    return { { u"user_id"_s, userId }, { u"email"_s, email }, { u"organizations"_s, orgs }, { u"role"_s, role },
        { u"key_id"_s, keyId }, { u"key_prefix"_s, keyPrefix } };
}

AccountIdentity AccountIdentity::fromJson(const QJsonObject &o)
{
    AccountIdentity id;
    id.userId = o.value(u"user_id"_s).toString();
    id.email = o.value(u"email"_s).toString();
    for (const auto &v : o.value(u"organizations"_s).toArray())
        id.organisations.append({ v.toObject().value(u"id"_s).toString(), v.toObject().value(u"name"_s).toString() });
    id.role = o.value(u"role"_s).toString();
    id.keyId = o.value(u"key_id"_s).toString();
    id.keyPrefix = o.value(u"key_prefix"_s).toString();
    return id;
}

namespace account {

ApiRequest whoamiRequest(const QUrl &baseUrl, const QString &apiKey)
{
    ApiRequest r = ApiRequest::get(u"/account/api/v1/whoami"_s);
    r.baseUrl = baseUrl;
    r.apiKey = apiKey;
    return r;
}

Result<AccountIdentity> identityFrom(const ApiReply &reply)
{
    if (reply.ok()) {
        auto id = AccountIdentity::fromWhoami(reply.json());
        if (!id.ok())
            return id;
        if (id.value().keyPrefix.isEmpty())
            id.value().keyPrefix = reply.request.apiKey.section(u'_', 0, 0);
        return id;
    }
    Error e = reply.error();
    if (reply.delivery == ApiReply::Delivery::Answered) {
        if (reply.status == 401)
            e.message = u"The server refused the API key: "_s + e.message;
        else if (reply.status == 403)
            e.message = u"The server does not let this key identify itself: "_s + e.message;
        else if (reply.status == 404)
            e.message = u"%1 does not answer like a Closient server (whoami: 404): %2"_s.arg(
                reply.request.baseUrl.toString(), e.message);
    }
    return e;
}

Result<AccountIdentity> connectKey(
    HttpClient &client, CredentialStore &store, const QUrl &baseUrl, const QString &apiKey)
{
    if (auto checked = checkApiKey(apiKey); !checked.ok())
        return checked.error();
    auto future = client.send(whoamiRequest(baseUrl, apiKey));
    future.waitForFinished();
    auto identity = identityFrom(future.result());
    if (!identity.ok())
        return identity;
    auto saved = store.saveKey(apiKey);
    if (!saved.ok())
        return saved.error();
    auto settings = store.loadSettings();
    CredentialStore::Settings s = settings.ok() ? settings.value() : CredentialStore::Settings {};
    s.baseUrl = baseUrl;
    s.keyStore = saved.value();
    s.identity = identity.value().toJson();
    if (auto written = store.saveSettings(s); !written.ok())
        return written.error();
    return identity;
}

} // namespace account

} // namespace closient::sync
