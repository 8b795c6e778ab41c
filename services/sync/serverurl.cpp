// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverurl.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace closient::sync {

Result<QUrl> ServerUrl::parse(const QString &nameOrUrl)
{
    const QString text = nameOrUrl.trimmed();
    if (text == u"production"_s)
        return QUrl(QString::fromLatin1(Production));
    if (text == u"testing"_s)
        return QUrl(QString::fromLatin1(Testing));
    if (text == u"local"_s)
        return QUrl(QString::fromLatin1(Local));
    const auto bad = [&](const QString &why) {
        return Error { u"invalid"_s,
            u"\"%1\" is not a Closient address: %2. Give production, testing, local or an http(s) URL."_s.arg(
                text.left(200), why) };
    };
    if (text.isEmpty())
        return bad(u"it is empty"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return bad(u"it is not a URL"_s);
    if (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
        return bad(u"it does not start with http:// or https://"_s);
    if (url.host().isEmpty())
        return bad(u"it names no host"_s);
    if (!url.userInfo().isEmpty())
        return bad(u"it carries a user name or password"_s);
    if (url.hasQuery() || url.hasFragment())
        return bad(u"it has a query or a fragment"_s);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path);
    return url;
}

QUrl ServerUrl::defaultUrl()
{
    return QUrl(QString::fromLatin1(Production));
}

bool ServerUrl::sendsKeyInClear(const QUrl &url)
{
    if (url.scheme() != u"http"_s)
        return false;
    if (url.host() == u"localhost"_s)
        return false;
    const QHostAddress address(url.host());
    return address.isNull() || !address.isLoopback();
}

QString ServerUrl::describe(const QUrl &url)
{
    const QString text = url.toString();
    if (text == QLatin1String(Production))
        return u"production (%1)"_s.arg(text);
    if (text == QLatin1String(Testing))
        return u"testing (%1)"_s.arg(text);
    if (text == QLatin1String(Local))
        return u"local (%1)"_s.arg(text);
    return text;
}

} // namespace closient::sync
