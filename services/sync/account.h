// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "credentials.h"
#include "httpclient.h"
#include "result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace closient::sync {

/** Who a key belongs to, as GET /account/api/v1/whoami tells it: what `account status` and the Settings page show,
 *  cached in account.json for when the server cannot be reached. */
struct AccountIdentity
{
    struct Organisation
    {
        QString id;
        QString name;
    };

    QString userId;
    QString email;
    QList<Organisation> organisations;
    QString role; // the key's role (owner, manager, editor, viewer ...), empty for session auth
    QString keyId;
    QString keyPrefix; // csb, csu, cpk

    /// The organisation the station works for: the first one whoami lists.
    [[nodiscard]] Organisation organisation() const { return organisations.value(0); }

    /// Reads a whoami answer; invalid when it lacks user_id or organizations.
    [[nodiscard]] static Result<AccountIdentity> fromWhoami(const QJsonObject &whoami);
    /// The cached form (account.json) and back.
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static AccountIdentity fromJson(const QJsonObject &o);
};

/** The steps that connect the station to a Closient account, shared by the command line and the Settings page.
 *  NOTE: connectKey() waits for the server and the keyring: call it from a headless command or a QtConcurrent
 *  worker, never from the sync thread (its own client answers there) or the GUI thread. */
namespace account {

/// The request that identifies @p apiKey at @p baseUrl (the stored key when both are empty).
[[nodiscard]] ApiRequest whoamiRequest(const QUrl &baseUrl = {}, const QString &apiKey = {});

/// The identity a whoami reply names, or why there is none, in words for the person who gave the key: a refused
/// key (code unauthorized, with the server's reason), no answer (offline), or a reply that is not whoami.
[[nodiscard]] Result<AccountIdentity> identityFrom(const ApiReply &reply);

/// Checks @p apiKey locally (nothing is sent when it fails), asks whoami at @p baseUrl through @p client and, when
/// the server knows the key, stores it (@p store) with the server and the identity. Error codes: bad_key_format,
/// bad_key_checksum, unauthorized, forbidden, offline, no_answer, timeout, io ...
[[nodiscard]] Result<AccountIdentity> connectKey(
    HttpClient &client, CredentialStore &store, const QUrl &baseUrl, const QString &apiKey);

} // namespace account

} // namespace closient::sync
