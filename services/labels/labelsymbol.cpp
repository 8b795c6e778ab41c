// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelsymbol.h"

#include "gs1parser.h"

#include <zint.h>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
struct KindInfo
{
    SymbolKind kind;
    const char16_t *name;
    const char16_t *title;
    const char16_t *zxing;
};
constexpr KindInfo kKinds[] = {
    { SymbolKind::Gs1DataMatrix, u"gs1_datamatrix", u"GS1 DataMatrix", u"DataMatrix" },
    { SymbolKind::Gs1Qr, u"gs1_qr", u"GS1 QR Code", u"QRCode" },
    { SymbolKind::DigitalLinkQr, u"digital_link_qr", u"GS1 Digital Link QR", u"QRCode" },
    { SymbolKind::Gs1_128, u"gs1_128", u"GS1-128", u"Code128" },
    { SymbolKind::Ean13, u"ean13", u"EAN-13", u"EAN-13" },
    { SymbolKind::UpcA, u"upca", u"UPC-A", u"UPC-A" },
    { SymbolKind::Itf14, u"itf14", u"ITF-14", u"ITF" },
};
const KindInfo &info(SymbolKind kind)
{
    for (const auto &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds[0];
}

struct ZintDeleter
{
    void operator()(zint_symbol *s) const { ZBarcode_Delete(s); }
};

/// zint's messages start with a number ("Error 261: AI (01) position 14: Bad checksum..."): keep the words.
QString plainZintError(const char *errtxt)
{
    QString s = QString::fromUtf8(errtxt);
    if (const auto colon = s.indexOf(u": "_s); colon > 0 && colon < 14)
        s = s.mid(colon + 2);
    return s;
}
} // namespace

QString symbolKindName(SymbolKind kind)
{
    return QString::fromUtf16(info(kind).name);
}

QString symbolKindTitle(SymbolKind kind)
{
    return QString::fromUtf16(info(kind).title);
}

std::optional<SymbolKind> symbolKindFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().replace(u'-', u'_');
    for (const auto &k : kKinds) {
        if (n == QStringView(k.name))
            return k.kind;
    }
    // Short names people type.
    if (n == u"datamatrix" || n == u"dm")
        return SymbolKind::Gs1DataMatrix;
    if (n == u"qr" || n == u"dl_qr" || n == u"digital_link")
        return SymbolKind::DigitalLinkQr;
    if (n == u"gs1128" || n == u"code128")
        return SymbolKind::Gs1_128;
    if (n == u"ean_13" || n == u"ean")
        return SymbolKind::Ean13;
    if (n == u"upc" || n == u"upc_a")
        return SymbolKind::UpcA;
    if (n == u"itf_14" || n == u"itf")
        return SymbolKind::Itf14;
    return std::nullopt;
}

bool isLinear(SymbolKind kind)
{
    return kind == SymbolKind::Gs1_128 || kind == SymbolKind::Ean13 || kind == SymbolKind::UpcA
        || kind == SymbolKind::Itf14;
}

QString zxingFormat(SymbolKind kind)
{
    return QString::fromUtf16(info(kind).zxing);
}

namespace {
std::optional<SymbolContent> contentOf(
    SymbolKind kind, const LabelItem &item, const QString &resolverDomain, QString *error)
{
    // The GS1 core checks every value (check digit, dates, character set, lengths) before zint sees it.
    std::vector<gs1::Element> elements { { u"01"_s, {}, item.gtin, -1 } };
    if (item.productionDate.isValid())
        elements.push_back({ u"11"_s, {}, item.productionDate.toString(u"yyMMdd"_s), -1 });
    if (item.expiry.isValid())
        elements.push_back({ u"17"_s, {}, item.expiry.toString(u"yyMMdd"_s), -1 });
    if (!item.lot.isEmpty())
        elements.push_back({ u"10"_s, {}, item.lot, -1 });
    if (!item.serial.isEmpty())
        elements.push_back({ u"21"_s, {}, item.serial, -1 });
    const gs1::ParseResult parsed = gs1::fromElements(elements);
    if (!parsed.isValid()) {
        *error = parsed.errorText();
        return std::nullopt;
    }

    SymbolContent c;
    c.kind = kind;
    const auto gs1Lines = [&] {
        QStringList lines;
        for (const auto &e : parsed.elements)
            lines << u"(%1)%2"_s.arg(e.ai, e.value);
        return lines;
    };
    switch (kind) {
    case SymbolKind::Gs1DataMatrix:
    case SymbolKind::Gs1Qr:
    case SymbolKind::Gs1_128: {
        for (const auto &e : parsed.elements)
            c.data += u"[%1]%2"_s.arg(e.ai, e.value);
        // What the symbol carries, FNC1 read back as GS: compared as it is, never re-parsed from brackets, so a
        // lot such as "A(10)B" is checked for what it is.
        c.expected = gs1::buildElementString(parsed.elements);
        c.hriLines = gs1Lines();
        break;
    }
    case SymbolKind::DigitalLinkQr: {
        QString domain = resolverDomain.isEmpty() ? QString::fromUtf16(gs1::kDefaultResolverDomain) : resolverDomain;
        while (domain.endsWith(u'/'))
            domain.chop(1);
        c.data = parsed.digitalLink(domain);
        c.expected = c.data;
        c.hriLines = gs1Lines();
        break;
    }
    case SymbolKind::Ean13:
        if (!item.gtin.startsWith(u'0')) {
            *error = u"GTIN %1 is a GTIN-14: EAN-13 carries only GTIN-13, -12 and -8 (use ITF-14 or GS1-128)"_s.arg(
                item.gtin);
            return std::nullopt;
        }
        c.data = item.gtin.mid(1);
        c.expected = c.data;
        break;
    case SymbolKind::UpcA:
        if (!item.gtin.startsWith(u"00"_s)) {
            *error = u"GTIN %1 is not a GTIN-12: UPC-A carries only GTINs that start with 00 as a GTIN-14"_s.arg(
                item.gtin);
            return std::nullopt;
        }
        c.data = item.gtin.mid(2);
        c.expected = c.data;
        break;
    case SymbolKind::Itf14:
        c.data = item.gtin.left(13); // zint 2.11 adds the check digit itself (the GS1 core checked ours)
        c.expected = item.gtin;
        c.hriLines = { item.gtin };
        break;
    }
    if (c.data.toUtf8().size() > 2000) {
        *error = u"the data is too long for one symbol"_s;
        return std::nullopt;
    }
    return c;
}

std::optional<EncodedSymbol> encode(const SymbolContent &content, QString *error)
{
    std::unique_ptr<zint_symbol, ZintDeleter> sym(ZBarcode_Create());
    if (!sym) {
        *error = u"out of memory"_s;
        return std::nullopt;
    }
    sym->scale = 0.5f; // one vector unit is one module
    sym->warn_level = WARN_FAIL_ALL; // a warning (bad check digit, bad date) is a refusal
    sym->output_options = BARCODE_QUIET_ZONES;
    sym->show_hrt = 0;
    sym->input_mode = GS1_MODE;
    switch (content.kind) {
    case SymbolKind::Gs1DataMatrix:
        sym->symbology = BARCODE_DATAMATRIX;
        sym->option_3 = DM_SQUARE;
        break;
    case SymbolKind::Gs1Qr:
        sym->symbology = BARCODE_QRCODE;
        sym->option_1 = 2; // error correction M
        break;
    case SymbolKind::DigitalLinkQr:
        sym->symbology = BARCODE_QRCODE;
        sym->option_1 = 2;
        sym->input_mode = UNICODE_MODE; // a Digital Link is a plain URI: no FNC1
        break;
    case SymbolKind::Gs1_128:
        sym->symbology = BARCODE_GS1_128;
        sym->height = 50;
        break;
    case SymbolKind::Ean13:
        sym->symbology = BARCODE_EANX_CHK;
        sym->input_mode = DATA_MODE;
        sym->show_hrt = 1;
        sym->output_options |= COMPLIANT_HEIGHT;
        break;
    case SymbolKind::UpcA:
        sym->symbology = BARCODE_UPCA_CHK;
        sym->input_mode = DATA_MODE;
        sym->show_hrt = 1;
        sym->output_options |= COMPLIANT_HEIGHT;
        break;
    case SymbolKind::Itf14:
        sym->symbology = BARCODE_ITF14;
        sym->input_mode = DATA_MODE;
        sym->height = 50;
        break;
    }
    const QByteArray data = content.data.toUtf8();
    int rc = ZBarcode_Encode(sym.get(), reinterpret_cast<const unsigned char *>(data.constData()), int(data.size()));
    if (rc >= ZINT_ERROR) {
        *error = plainZintError(sym->errtxt);
        return std::nullopt;
    }
    rc = ZBarcode_Buffer_Vector(sym.get(), 0);
    if (rc >= ZINT_ERROR || !sym->vector) {
        *error = plainZintError(sym->errtxt);
        return std::nullopt;
    }
    EncodedSymbol out;
    out.kind = content.kind;
    out.widthModules = sym->vector->width;
    out.heightModules = sym->vector->height;
    for (auto *r = sym->vector->rectangles; r; r = r->next) {
        if (r->colour == -1 || r->colour == 7) // foreground or black
            out.bars.emplace_back(r->x, r->y, r->width, r->height);
    }
    for (auto *s = sym->vector->strings; s; s = s->next) {
        out.texts.push_back(
            { QString::fromUtf8(reinterpret_cast<const char *>(s->text), s->length), s->x, s->y, s->fsize, s->halign });
    }
    return out;
}

} // namespace

Result<SymbolContent> symbolContent(SymbolKind kind, const LabelItem &item, const QString &resolverDomain)
{
    QString why;
    auto c = contentOf(kind, item, resolverDomain, &why);
    if (!c)
        return Error { u"invalid"_s, why };
    return std::move(*c);
}

Result<EncodedSymbol> encodeSymbol(const SymbolContent &content)
{
    QString why;
    auto e = encode(content, &why);
    if (!e)
        return Error { u"invalid"_s, why };
    return std::move(*e);
}

} // namespace closient::labels
