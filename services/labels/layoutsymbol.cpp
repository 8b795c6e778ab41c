// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutsymbol.h"

#include "gs1parser.h"

#include <zint.h>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr LayoutSymbology kAll[] = { LayoutSymbology::Gs1DataMatrix, LayoutSymbology::Gs1Qr,
    LayoutSymbology::DigitalLinkQr, LayoutSymbology::Gs1_128, LayoutSymbology::Ean13, LayoutSymbology::UpcA,
    LayoutSymbology::Itf14, LayoutSymbology::DataBar, LayoutSymbology::DataBarExpanded };

Error invalid(const QString &message)
{
    return { u"invalid"_s, message };
}
} // namespace

std::optional<SymbolKind> toSymbolKind(LayoutSymbology s)
{
    switch (s) {
    case LayoutSymbology::Gs1DataMatrix:
        return SymbolKind::Gs1DataMatrix;
    case LayoutSymbology::Gs1Qr:
        return SymbolKind::Gs1Qr;
    case LayoutSymbology::DigitalLinkQr:
        return SymbolKind::DigitalLinkQr;
    case LayoutSymbology::Gs1_128:
        return SymbolKind::Gs1_128;
    case LayoutSymbology::Ean13:
        return SymbolKind::Ean13;
    case LayoutSymbology::UpcA:
        return SymbolKind::UpcA;
    case LayoutSymbology::Itf14:
        return SymbolKind::Itf14;
    case LayoutSymbology::DataBar:
    case LayoutSymbology::DataBarExpanded:
        break;
    }
    return std::nullopt;
}

QString layoutSymbologyName(LayoutSymbology s)
{
    if (const auto kind = toSymbolKind(s))
        return symbolKindName(*kind);
    return s == LayoutSymbology::DataBar ? u"databar"_s : u"databar_expanded"_s;
}

QString layoutSymbologyTitle(LayoutSymbology s)
{
    if (const auto kind = toSymbolKind(s))
        return symbolKindTitle(*kind);
    return s == LayoutSymbology::DataBar ? u"GS1 DataBar Omnidirectional"_s : u"GS1 DataBar Expanded"_s;
}

std::optional<LayoutSymbology> layoutSymbologyFromName(const QString &name)
{
    const QString n = name.trimmed().toLower().replace(u'-', u'_');
    for (const auto s : kAll) {
        if (layoutSymbologyName(s) == n)
            return s;
    }
    if (n == u"databar_omni" || n == u"databar_omnidirectional")
        return LayoutSymbology::DataBar;
    if (const auto kind = symbolKindFromName(name)) {
        for (const auto s : kAll) {
            if (toSymbolKind(s) == kind)
                return s;
        }
    }
    return std::nullopt;
}

QString layoutZxingFormat(LayoutSymbology s)
{
    if (const auto kind = toSymbolKind(s))
        return zxingFormat(*kind);
    return s == LayoutSymbology::DataBar ? u"DataBar"_s : u"DataBarExpanded"_s;
}

QString layoutSymbologyId(LayoutSymbology s)
{
    switch (s) {
    case LayoutSymbology::Gs1DataMatrix:
        return u"]d2"_s;
    case LayoutSymbology::Gs1Qr:
        return u"]Q3"_s;
    case LayoutSymbology::DigitalLinkQr:
        return u"]Q1"_s;
    case LayoutSymbology::Gs1_128:
        return u"]C1"_s;
    case LayoutSymbology::Ean13:
    case LayoutSymbology::UpcA:
        return u"]E0"_s;
    case LayoutSymbology::Itf14:
        return u"]I"_s;
    case LayoutSymbology::DataBar:
    case LayoutSymbology::DataBarExpanded:
        return u"]e0"_s;
    }
    return {};
}

XSpec layoutXSpec(LayoutSymbology s, Gs1Table table)
{
    if (const auto kind = toSymbolKind(s))
        return xSpec(*kind, table);
    // GS1 DataBar (GenSpecs Table 1, retail POS): X 0.264 to 0.660 mm, target 0.330; its height is fixed in modules.
    if (table == Gs1Table::Logistics)
        return { 0.495, 0.660, 0.660, 0, 0 };
    return { 0.264, 0.330, 0.660, 0, 0 };
}

std::vector<LayoutElement> defaultElements()
{
    return { { u"01"_s, u"{gtin}"_s }, { u"11"_s, u"{production_date:%y%m%d}"_s }, { u"17"_s, u"{expiry:%y%m%d}"_s },
        { u"10"_s, u"{lot}"_s }, { u"21"_s, u"{serial}"_s } };
}

Result<SymbolContent> layoutSymbolContent(
    LayoutSymbology s, const std::vector<std::pair<QString, QString>> &values, const QString &resolverDomain)
{
    std::vector<gs1::Element> elements;
    QString gtin;
    for (const auto &[ai, value] : values) {
        elements.push_back({ ai, {}, value, -1 });
        if (ai == u"01")
            gtin = value;
    }
    if (values.empty())
        return invalid(u"%1 has no data for this label"_s.arg(layoutSymbologyTitle(s)));
    const auto kind = toSymbolKind(s);
    const bool gtinOnly = s == LayoutSymbology::DataBar || s == LayoutSymbology::Ean13 || s == LayoutSymbology::UpcA
        || s == LayoutSymbology::Itf14;
    if (gtinOnly && (gtin.isEmpty() || values.size() > 1))
        return invalid(u"%1 carries the GTIN (AI 01) alone%2"_s.arg(layoutSymbologyTitle(s),
            s == LayoutSymbology::DataBar ? u"; use DataBar Expanded for more"_s
                                          : u"; put other AIs in another symbol"_s));
    const gs1::ParseResult parsed = gs1::fromElements(elements);
    if (!parsed.isValid())
        return invalid(parsed.errorText());

    if (kind && gtinOnly) {
        // EAN-13, UPC-A and ITF-14: symbolContent() knows their rules.
        LabelItem item;
        item.gtin = gtin;
        auto c = symbolContent(*kind, item, resolverDomain);
        if (!c)
            return invalid(c.error().message);
        return *c;
    }

    SymbolContent c;
    c.kind = kind.value_or(SymbolKind::Gs1_128); // DataBar: not a SymbolKind; the field is not read for it
    for (const auto &e : parsed.elements)
        c.hriLines << u"(%1)%2"_s.arg(e.ai, e.value);
    if (s == LayoutSymbology::DataBar) {
        c.data = gtin;
        c.expected = u"01"_s + gtin; // readers report it as the element string
        return c;
    }
    if (s == LayoutSymbology::DigitalLinkQr) {
        QString domain = resolverDomain.isEmpty() ? u"https://id.gs1.org"_s : resolverDomain;
        while (domain.endsWith(u'/'))
            domain.chop(1);
        c.data = parsed.digitalLink(domain);
        c.expected = c.data;
    } else {
        for (const auto &e : parsed.elements)
            c.data += u"[%1]%2"_s.arg(e.ai, e.value);
        c.expected = gs1::buildElementString(parsed.elements);
    }
    if (c.data.toUtf8().size() > 2000)
        return invalid(u"the data is too long for one symbol"_s);
    return c;
}

namespace {
struct ZintDeleter
{
    void operator()(zint_symbol *s) const { ZBarcode_Delete(s); }
};

Result<EncodedSymbol> encodeDataBar(LayoutSymbology s, const SymbolContent &content)
{
    std::unique_ptr<zint_symbol, ZintDeleter> sym(ZBarcode_Create());
    if (!sym)
        return Error { u"no_memory"_s, u"out of memory"_s };
    sym->scale = 0.5f; // one vector unit is one module
    sym->warn_level = WARN_FAIL_ALL;
    sym->output_options = BARCODE_QUIET_ZONES;
    sym->show_hrt = 0;
    if (s == LayoutSymbology::DataBar) {
        sym->symbology = BARCODE_DBAR_OMN;
        sym->input_mode = DATA_MODE;
    } else {
        sym->symbology = BARCODE_DBAR_EXP;
        sym->input_mode = GS1_MODE;
    }
    const QByteArray data = content.data.toUtf8();
    const auto fail = [&] {
        QString text = QString::fromUtf8(sym->errtxt);
        if (const auto colon = text.indexOf(u": "_s); colon > 0 && colon < 14)
            text = text.mid(colon + 2);
        return invalid(text);
    };
    if (ZBarcode_Encode(sym.get(), reinterpret_cast<const unsigned char *>(data.constData()), int(data.size()))
        >= ZINT_ERROR)
        return fail();
    if (ZBarcode_Buffer_Vector(sym.get(), 0) >= ZINT_ERROR || !sym->vector)
        return fail();
    EncodedSymbol out;
    out.kind = content.kind;
    out.widthModules = sym->vector->width;
    out.heightModules = sym->vector->height;
    for (auto *r = sym->vector->rectangles; r; r = r->next) {
        if (r->colour == -1 || r->colour == 7)
            out.bars.emplace_back(r->x, r->y, r->width, r->height);
    }
    return out;
}
} // namespace

Result<EncodedSymbol> encodeLayoutSymbol(LayoutSymbology s, const SymbolContent &content)
{
    if (toSymbolKind(s)) {
        auto e = encodeSymbol(content);
        if (!e)
            return invalid(e.error().message);
        return *e;
    }
    return encodeDataBar(s, content);
}

namespace {
/// X on the printer's dot grid (whole dots), as labelartwork does it: down while that stays legal, else up when
/// the box and the table allow (@p upper), else as it is.
double snapToDots(double x, double minX, double upper, double dpi)
{
    if (dpi <= 0)
        return x;
    const double dot = 25.4 / dpi;
    const double down = std::floor(x / dot + 1e-9) * dot;
    if (down >= minX - 1e-9)
        return down;
    const double up = std::ceil(x / dot - 1e-9) * dot;
    return up <= upper + 1e-9 ? up : x;
}

/// A symbol drawn at @p x filling @p box without the table's checks: for DataBar, and to show a symbol that is too
/// small where it was put (with its problem reported).
LabelArtwork plainArtwork(const SymbolContent &content, const EncodedSymbol &symbol, QSizeF box, double x, bool stretch)
{
    LabelArtwork art;
    art.content = content;
    art.xDim = x;
    art.size = box;
    const double w = symbol.widthModules * x;
    const double sy = stretch ? box.height() / symbol.heightModules : x;
    const double h = symbol.heightModules * sy;
    const double left = (box.width() - w) / 2;
    const double top = (box.height() - h) / 2;
    art.symbolRect = QRectF(left, top, w, h);
    for (const auto &r : symbol.bars)
        art.dark.emplace_back(left + r.x() * x, top + r.y() * sy, r.width() * x, r.height() * sy);
    return art;
}

} // namespace

PlacedArtwork placeLayoutSymbol(LayoutSymbology s, const SymbolContent &content, const EncodedSymbol &sym, QSizeF box,
    Gs1Table table, bool humanReadable, double dpi)
{
    PlacedArtwork out;
    const XSpec spec = layoutXSpec(s, table);
    const bool linear = toSymbolKind(s) && isLinear(content.kind);
    // Linear symbols other than EAN/UPC take the box's height for their bars; the rest keep their proportions.
    const bool freeHeight = linear && content.kind != SymbolKind::Ean13 && content.kind != SymbolKind::UpcA;
    const double fitX = std::min(box.width() / sym.widthModules, linear ? 1e9 : box.height() / sym.heightModules);
    if (toSymbolKind(s)) {
        ArtworkOptions ao;
        ao.table = table;
        ao.humanReadable = humanReadable;
        ao.printerDpi = dpi;
        auto laid = layoutArtwork(content, sym, LabelArea { QRectF(QPointF(0, 0), box), false }, ao);
        if (laid.ok()) {
            out.art = std::move(laid.value());
        } else {
            out.tooSmall = laid.error().message;
            out.art = plainArtwork(content, sym, box, fitX, linear);
        }
    } else {
        const double x = snapToDots(std::min(spec.targetX, fitX), spec.minX, std::min(fitX, spec.maxX), dpi);
        if (x < spec.minX - 1e-9)
            out.tooSmall = u"%1 with this data is %2 modules wide: at the smallest X allowed (%3 mm) it needs %4 × %5 "
                           u"mm, and this box is %6 × %7 mm (X %8 mm)"_s.arg(layoutSymbologyTitle(s))
                               .arg(sym.widthModules, 0, 'f', 0)
                               .arg(spec.minX, 0, 'f', 3)
                               .arg(sym.widthModules * spec.minX, 0, 'f', 1)
                               .arg(sym.heightModules * spec.minX, 0, 'f', 1)
                               .arg(box.width(), 0, 'f', 1)
                               .arg(box.height(), 0, 'f', 1)
                               .arg(fitX, 0, 'f', 3);
        out.art = plainArtwork(content, sym, box, x, false);
    }
    if (dpi > 0 && out.tooSmall.isEmpty()) {
        const double dots = out.art.xDim * dpi / 25.4;
        if (std::abs(dots - std::round(dots)) > 1e-6) {
            const double next = std::ceil(dots) * 25.4 / dpi;
            out.offGrid = u"its X-dimension is %1 dots at %2 dpi, so bars print unevenly; at %3 dots (X %4 mm) it "
                          u"needs %5 × %6 mm"_s.arg(dots, 0, 'f', 2)
                              .arg(dpi, 0, 'f', 0)
                              .arg(std::ceil(dots), 0, 'f', 0)
                              .arg(next, 0, 'f', 3)
                              .arg(sym.widthModules * next, 0, 'f', 1)
                              .arg(freeHeight ? out.art.symbolRect.height() : sym.heightModules * next, 0, 'f', 1);
        }
    }
    return out;
}

} // namespace closient::labels
