// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "identifiers.h"

#include "aidictionary.h"
#include "epcurn.h"
#include "gs1parser.h"
#include "gtin.h"

using namespace Qt::StringLiterals;

namespace closient::epcis {

namespace {

Error invalid(const QString &message)
{
    return Error { u"invalid"_s, message };
}

// Builds the Digital Link of elements the station made, checked by the GS1 core like any scan.
Result<QString> build(const std::vector<gs1::Element> &elements)
{
    const auto r = gs1::fromElements(elements);
    if (!r.isValid())
        return invalid(r.errorText());
    const auto uri = r.digitalLink(kDigitalLinkDomain);
    if (uri.isEmpty())
        return invalid(u"%1 cannot be written as a GS1 Digital Link"_s.arg(r.hri()));
    return uri;
}

Result<QString> gtin14(QStringView gtin)
{
    const auto c = gs1::checkGtin(gtin);
    if (!c.ok())
        return invalid(u"GTIN \"%1\": %2"_s.arg(gtin, c.error));
    return c.gtin14;
}

QString valueOf(const std::vector<gs1::Element> &elements, QStringView ai)
{
    for (const auto &e : elements) {
        if (e.ai == ai)
            return e.value;
    }
    return {};
}

bool has(const std::vector<gs1::Element> &elements, QStringView ai)
{
    return std::any_of(elements.begin(), elements.end(), [&](const gs1::Element &e) { return e.ai == ai; });
}

// CBV 2.0 hash rule: only the finest level of identification: 00, 01, 01+21, 01+10, 01+235, 253, 255, 401, 402,
// 414, 414+254, 417, 8003, 8004, 8006, 8006+21, 8006+10, 8010, 8010+8011, 8017, 8018.
std::vector<gs1::Element> finestKey(const std::vector<gs1::Element> &elements)
{
    const auto &dict = gs1::AiDictionary::instance();
    const auto pk = std::find_if(elements.begin(), elements.end(), [&](const gs1::Element &e) {
        const auto *entry = dict.find(e.ai);
        return entry && entry->dlPrimaryKey;
    });
    if (pk == elements.end())
        return {};
    std::vector<gs1::Element> out { *pk };
    QStringList qualifiers;
    if (pk->ai == u"01")
        qualifiers = { u"21"_s, u"235"_s, u"10"_s };
    else if (pk->ai == u"8006")
        qualifiers = { u"21"_s, u"10"_s };
    else if (pk->ai == u"414")
        qualifiers = { u"254"_s };
    else if (pk->ai == u"8010")
        qualifiers = { u"8011"_s };
    for (const auto &q : qualifiers) {
        if (has(elements, q)) {
            out.push_back({ q, {}, valueOf(elements, q), -1 });
            break;
        }
    }
    return out;
}

// An instance names one object: a key that is always one (SSCC, GIAI, GSRN, GLN, ...), a serial qualifier, or
// the serial component of a GRAI, GDTI or GCN.
IdentifierLevel levelOf(const std::vector<gs1::Element> &key)
{
    if (key.empty())
        return IdentifierLevel::Instance;
    const auto &ai = key.front().ai;
    const auto value = key.front().value;
    if (key.size() > 1 && (key[1].ai == u"21" || key[1].ai == u"235" || key[1].ai == u"8011" || key[1].ai == u"254"))
        return IdentifierLevel::Instance;
    if (ai == u"01" || ai == u"8006" || ai == u"8010" || ai == u"8013")
        return IdentifierLevel::Class;
    if (ai == u"8003")
        return value.size() > 14 ? IdentifierLevel::Instance : IdentifierLevel::Class;
    if (ai == u"253" || ai == u"255")
        return value.size() > 13 ? IdentifierLevel::Instance : IdentifierLevel::Class;
    return IdentifierLevel::Instance;
}

bool isHttp(QStringView uri)
{
    return uri.startsWith(u"https://", Qt::CaseInsensitive) || uri.startsWith(u"http://", Qt::CaseInsensitive);
}

Result<IdentifierInfo> read(QStringView uri, const gs1::ParseOptions &options)
{
    IdentifierInfo info;
    info.canonical = uri.toString();
    if (uri.startsWith(u"urn:epc:")) {
        const auto urn = detail::parseEpcUrn(uri);
        if (!urn.ok())
            return urn.error();
        info.gs1 = true;
        info.level = urn.value().level;
        if (urn.value().elements.empty())
            return info;
        const auto checked = gs1::fromElements(urn.value().elements);
        if (!checked.isValid())
            return invalid(u"\"%1\": %2"_s.arg(uri, checked.errorText()));
        const auto key = finestKey(checked.elements);
        info.primaryKey = key.empty() ? QString() : key.front().ai;
        info.canonical = gs1::buildDigitalLink(key, kDigitalLinkDomain);
        return info;
    }
    if (!isHttp(uri))
        return info;
    const auto parsed = gs1::parse(uri, options);
    if (parsed.kind != gs1::DataKind::DigitalLink)
        return info; // a Web URI that is not a GS1 Digital Link: a private identifier
    info.gs1 = true;
    if (!parsed.errors.empty())
        // The first reason: the parser's later ones often follow from it (a bad GTIN leaves the serial alone).
        return invalid(u"\"%1\" is not a valid GS1 Digital Link URI: %2"_s.arg(uri, parsed.errors.front().message));
    const auto key = finestKey(parsed.elements);
    if (key.empty())
        return invalid(u"\"%1\" holds no GS1 key"_s.arg(uri));
    info.primaryKey = key.front().ai;
    info.level = levelOf(key);
    info.canonical = gs1::buildDigitalLink(key, kDigitalLinkDomain);
    return info;
}

} // namespace

Result<QString> serialisedItem(QStringView gtin, QStringView serial)
{
    const auto g = gtin14(gtin);
    if (!g.ok())
        return g.error();
    return build({ { u"01"_s, {}, g.value(), -1 }, { u"21"_s, {}, serial.toString(), -1 } });
}

Result<QString> productClass(QStringView gtin)
{
    const auto g = gtin14(gtin);
    if (!g.ok())
        return g.error();
    return build({ { u"01"_s, {}, g.value(), -1 } });
}

Result<QString> lotClass(QStringView gtin, QStringView lot)
{
    const auto g = gtin14(gtin);
    if (!g.ok())
        return g.error();
    return build({ { u"01"_s, {}, g.value(), -1 }, { u"10"_s, {}, lot.toString(), -1 } });
}

Result<QString> logisticUnit(QStringView sscc)
{
    return build({ { u"00"_s, {}, sscc.toString(), -1 } });
}

Result<QString> location(QStringView gln, QStringView extension)
{
    std::vector<gs1::Element> e { { u"414"_s, {}, gln.toString(), -1 } };
    if (!extension.isEmpty() && extension != u"0") // SGLN extension 0 is the GLN itself
        e.push_back({ u"254"_s, {}, extension.toString(), -1 });
    return build(e);
}

Result<QString> party(QStringView gln)
{
    return build({ { u"417"_s, {}, gln.toString(), -1 } });
}

Result<ScannedObject> objectFromScan(const gs1::ParseResult &scan)
{
    if (!scan.isValid())
        return invalid(scan.errors.empty() ? u"nothing was scanned"_s : scan.errorText());
    if (const auto sscc = scan.value(u"00"); !sscc.isEmpty()) {
        const auto uri = logisticUnit(sscc);
        return uri.ok() ? Result<ScannedObject>(ScannedObject { uri.value(), IdentifierLevel::Instance }) : uri.error();
    }
    if (scan.gtin14.isEmpty())
        return invalid(u"\"%1\" names no product and no logistic unit"_s.arg(scan.input));
    if (!scan.serial().isEmpty()) {
        const auto uri = serialisedItem(scan.gtin14, scan.serial());
        return uri.ok() ? Result<ScannedObject>(ScannedObject { uri.value(), IdentifierLevel::Instance }) : uri.error();
    }
    const auto uri = scan.lot().isEmpty() ? productClass(scan.gtin14) : lotClass(scan.gtin14, scan.lot());
    return uri.ok() ? Result<ScannedObject>(ScannedObject { uri.value(), IdentifierLevel::Class }) : uri.error();
}

Result<IdentifierInfo> readIdentifier(QStringView uri)
{
    return read(uri, {});
}

QString hashFormOfIdentifier(QStringView uri)
{
    // Lenient where the hash must reach the canonical form anyway: a 13-digit GTIN in an older Digital Link.
    const auto r = read(uri, gs1::ParseOptions { true, false });
    return r.ok() ? r.value().canonical : uri.toString();
}

} // namespace closient::epcis
