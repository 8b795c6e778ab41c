// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "parsedisplay.h"

#include "displayformat.h"
#include "displaytext.h"
#include "symbology.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace closient::models {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("ParseDisplay", s);
}

QString kindText(const gs1::ParseResult &r)
{
    switch (r.kind) {
    case gs1::DataKind::Gtin:
        return tr("GTIN");
    case gs1::DataKind::ElementString:
        return tr("GS1 data");
    case gs1::DataKind::DigitalLink:
        return tr("GS1 Digital Link");
    case gs1::DataKind::Text:
        return r.input.startsWith(u"http", Qt::CaseInsensitive) ? tr("Web link") : tr("Text (not GS1)");
    case gs1::DataKind::Empty:
        return tr("Nothing");
    }
    return {};
}
} // namespace

QString summarize(const gs1::ParseResult &r)
{
    if (!r.isGs1()) {
        // The symbology identifier is for machines; the person sees what the code says.
        const QString text = r.input.startsWith(r.symbologyId) ? r.input.mid(r.symbologyId.size()) : r.input;
        return visibleText(text.trimmed());
    }
    QStringList parts;
    if (!r.gtin14.isEmpty())
        parts << tr("GTIN %1").arg(r.gtin14);
    if (!r.lot().isEmpty())
        parts << tr("Lot %1").arg(r.lot());
    if (const auto e = r.expiry(); e.isValid())
        parts << tr("Expires %1").arg(QLocale().toString(e, u"d MMM yyyy"_s));
    if (!r.serial().isEmpty())
        parts << tr("Serial %1").arg(r.serial());
    if (parts.isEmpty())
        parts << r.hri();
    return parts.join(u" · "_s);
}

QVariantMap describeParse(const gs1::ParseResult &r, const QDate &today)
{
    QVariantList ais;
    for (const auto &el : r.elements) {
        if (el.ai == u"01" || el.ai == u"10" || el.ai == u"17" || el.ai == u"21")
            continue; // shown in their own fields
        ais << QVariantMap { { u"ai"_s, el.ai }, { u"title"_s, el.title }, { u"value"_s, el.value } };
    }
    QStringList errors;
    for (const auto &e : r.errors)
        errors << e.message;
    const QDate expiry = r.expiry();
    QString expiryState;
    if (expiry.isValid()) {
        const auto days = today.daysTo(expiry);
        expiryState = days < 0 ? u"expired"_s : days <= 30 ? u"soon"_s : u"ok"_s;
    }
    return {
        { u"valid"_s, r.isValid() },
        { u"gs1"_s, r.isGs1() },
        { u"kind"_s, gs1::kindName(r.kind) },
        { u"kindText"_s, kindText(r) },
        { u"symbology"_s, gs1::symbologyName(r.symbologyId) },
        { u"gtin"_s, r.gtin14 },
        { u"lot"_s, r.lot() },
        { u"serial"_s, r.serial() },
        { u"expiry"_s, expiry.isValid() ? expiry.toString(Qt::ISODate) : QString() },
        { u"expiryText"_s, expiry.isValid() ? QLocale().toString(expiry, u"d MMM yyyy"_s) : QString() },
        { u"expiryState"_s, expiryState },
        { u"expired"_s, expiryState == u"expired" }, // what the views show, decided here
        { u"expiresSoon"_s, expiryState == u"soon" },
        { u"hasData"_s, r.kind != gs1::DataKind::Empty },
        { u"hri"_s, r.hri() },
        { u"digitalLink"_s, r.digitalLink() },
        { u"summary"_s, summarize(r) },
        { u"ais"_s, ais },
        { u"errors"_s, errors },
        { u"warnings"_s, r.warnings },
    };
}

} // namespace closient::models
