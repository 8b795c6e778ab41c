// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeloptions.h"

#include "exportrules.h"
#include "layoutlibrary.h"
#include "settings.h"
#include "sheettemplate.h"
#include "statusmessage.h"
#include "stocklibrary.h"

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

namespace {
/// What the screen makes: the API's export types, then labels for a thermal printer.
const QStringList &typeNames()
{
    static const QStringList names = exportTypeNames() + QStringList { u"thermal"_s };
    return names;
}
} // namespace

LabelOptions::LabelOptions(const LabelsContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    if (!m_context.request->symbol)
        m_context.request->symbol = SymbolKind::Gs1DataMatrix;
}

QVariantList LabelOptions::exportTypes() const
{
    const auto title = [](const QString &name) {
        if (name == u"sheet_pdf")
            return tr("Sheet PDF (labels on a stock)");
        if (name == u"datamatrix")
            return tr("DataMatrix files (ZIP)");
        if (name == u"qr_codes")
            return tr("QR Code files (ZIP)");
        if (name == u"barcodes_1d")
            return tr("Linear barcode files (ZIP)");
        if (name == u"codes_combined")
            return tr("QR + linear per item (ZIP)");
        if (name == u"thermal")
            return tr("Thermal printer (ZPL)");
        return name;
    };
    QVariantList out;
    for (const auto &name : typeNames())
        out << QVariantMap { { u"value"_s, name }, { u"text"_s, title(name) } };
    return out;
}

QVariantList LabelOptions::gs1Tables() const
{
    return { QVariantMap { { u"value"_s, gs1TableName(Gs1Table::General) },
                 { u"text"_s, tr("General retail and distribution") } },
        QVariantMap {
            { u"value"_s, gs1TableName(Gs1Table::Healthcare) }, { u"text"_s, tr("Healthcare (smaller X allowed)") } },
        QVariantMap { { u"value"_s, gs1TableName(Gs1Table::Logistics) }, { u"text"_s, tr("Logistics labels") } } };
}

QVariantList LabelOptions::templates() const
{
    QVariantList out;
    const auto library = StockLibrary::instance();
    for (const auto &t : TemplateLibrary::instance().templates()) {
        // People read a stock by brand, part and size, never by the id the station files it under.
        const auto *stock = library->find(t.name);
        const QString text = stock ? stock->displayName() : t.description.isEmpty() ? t.summary() : t.description;
        out << QVariantMap { { u"name"_s, t.name }, { u"text"_s, text }, { u"summary"_s, t.summary() },
            { u"description"_s, t.description }, { u"perPage"_s, t.labelsPerPage() }, { u"roll"_s, t.roll } };
    }
    return out;
}

void LabelOptions::setExportType(const QString &type)
{
    auto &q = *m_context.request;
    if (type == q.exportType || !typeNames().contains(type))
        return;
    q.exportType = type;
    if (!formats().contains(q.fileFormat))
        q.fileFormat = formats().value(0);
    if (!symbolsForExportType(type).contains(q.symbol.value_or(SymbolKind::Gs1DataMatrix)))
        q.symbol = symbolsForExportType(type).value(0);
    optionsEdited();
}

QStringList LabelOptions::formats() const
{
    if (isThermal())
        return { u"zpl"_s };
    return formatsForExportType(exportType());
}

void LabelOptions::setFileFormat(const QString &format)
{
    if (format == fileFormat() || !formats().contains(format))
        return;
    m_context.request->fileFormat = format;
    optionsEdited();
}

QVariantList LabelOptions::symbols() const
{
    QVariantList out;
    for (const auto kind : symbolsForExportType(exportType()))
        out << QVariantMap { { u"name"_s, symbolKindName(kind) }, { u"title"_s, symbolKindTitle(kind) } };
    return out;
}

QString LabelOptions::symbol() const
{
    return symbolKindName(m_context.request->symbol.value_or(SymbolKind::Gs1DataMatrix));
}

void LabelOptions::setSymbol(const QString &name)
{
    const auto kind = symbolKindFromName(name);
    if (!kind || kind == m_context.request->symbol || !symbolsForExportType(exportType()).contains(*kind))
        return;
    m_context.request->symbol = kind;
    optionsEdited();
}

void LabelOptions::setTemplateName(const QString &name)
{
    const auto t = TemplateLibrary::instance().find(name);
    if (!t || t->name == templateName())
        return;
    m_context.request->templateName = t->name;
    m_context.request->stock.clear();
    m_context.request->layoutName.clear(); // a layout belongs to its stock
    m_context.request->startPosition = std::min(m_context.request->startPosition, t->labelsPerPage());
    optionsEdited();
    loadNextStart();
}

void LabelOptions::loadNextStart()
{
    const auto t = currentSheet();
    const bool fromFirst = m_startPolicy == u"first";
    setStartPosition(std::max(1, t && !fromFirst ? m_context.settings->integer(nextStartKey(t->name)) : 1));
}

void LabelOptions::setStartPolicy(const QString &policy)
{
    if (policy == m_startPolicy || (policy != u"continue" && policy != u"first"))
        return;
    m_startPolicy = policy;
    optionsEdited();
    loadNextStart();
}

QVariantList LabelOptions::startPolicies() const
{
    return { QVariantMap { { u"value"_s, u"continue"_s }, { u"text"_s, tr("After the labels used") } },
        QVariantMap { { u"value"_s, u"first"_s }, { u"text"_s, tr("Always at label 1") } } };
}

std::optional<SheetTemplate> LabelOptions::currentSheet() const
{
    auto sheet = resolveSheet(stock(), templateName());
    return sheet.ok() ? std::optional(sheet.value()) : std::nullopt;
}

QVariantList LabelOptions::layouts() const
{
    QVariantList out { QVariantMap { { u"value"_s, QString() }, { u"text"_s, tr("Symbol only") },
        { u"description"_s, tr("The code with its text, nothing else") } } };
    const LayoutLibrary library = LayoutLibrary::load();
    for (const auto &e : library.entries()) {
        out << QVariantMap { { u"value"_s, e.layout.name }, { u"text"_s, e.layout.name },
            { u"description"_s, e.layout.description } };
    }
    return out;
}

void LabelOptions::setLayoutName(const QString &name)
{
    if (name == layoutName())
        return;
    std::optional<Layout> layout;
    if (!name.isEmpty()) {
        const LayoutLibrary library = LayoutLibrary::load();
        const auto *e = library.find(name);
        if (!e)
            return;
        layout = e->layout;
    }
    m_context.request->layoutName = layout ? layout->name : QString();
    // A layout is drawn for one label size: the stock it was made for comes with it.
    m_context.request->stock = layout ? layout->stockId : QString();
    optionsEdited();
    loadNextStart();
}

void LabelOptions::setStock(const QString &id)
{
    if (id == stock())
        return;
    if (!id.isEmpty()) {
        const auto library = StockLibrary::instance();
        const auto *s = library->find(id);
        if (!s)
            return;
        if (auto converted = toSheetTemplate(*s); !converted.ok()) {
            m_context.status->warn(converted.error().message);
            return;
        }
        m_context.request->stock = s->id;
    } else {
        m_context.request->stock.clear();
    }
    optionsEdited();
    loadNextStart();
}

QString LabelOptions::stockName() const
{
    const auto library = StockLibrary::instance();
    const auto *s = library->find(stock().isEmpty() ? templateName() : stock());
    return s ? s->displayName() : templateName();
}

QVariantList LabelOptions::searchStocks(const QString &text) const
{
    const auto library = StockLibrary::instance();
    QVariantList out;
    for (const auto *s : library->search(text)) {
        if (out.size() >= 50)
            break;
        out << QVariantMap { { u"value"_s, s->id }, { u"text"_s, s->displayName() } };
    }
    return out;
}

void LabelOptions::newSheet()
{
    const auto t = currentSheet();
    if (!t)
        return;
    if (auto stored = m_context.settings->set(nextStartKey(t->name), 1); !stored.ok())
        m_context.status->report(tr("The new sheet was not remembered"), stored.error());
    setStartPosition(1);
}

QVariantMap LabelOptions::sheet() const
{
    const auto t = currentSheet();
    if (!t)
        return {};
    // Cells as fractions of the page, so the view can mark them on a page picture of any size.
    QVariantList cells;
    for (int i = 0; i < t->labelsPerPage(); ++i) {
        const QRectF c = t->cell(i).translated(m_context.request->calibration);
        cells << QVariantMap { { u"x"_s, c.x() / t->pageWidth }, { u"y"_s, c.y() / t->pageHeight },
            { u"width"_s, c.width() / t->pageWidth }, { u"height"_s, c.height() / t->pageHeight } };
    }
    return { { u"name"_s, t->name }, { u"summary"_s, t->summary() }, { u"pageWidth"_s, t->pageWidth },
        { u"pageHeight"_s, t->pageHeight }, { u"perPage"_s, t->labelsPerPage() },
        { u"round"_s, t->shape == SheetTemplate::Shape::Round }, { u"cells"_s, cells } };
}

void LabelOptions::setStartPosition(int position)
{
    const auto t = currentSheet();
    position = std::clamp(position, 1, t ? t->labelsPerPage() : 1);
    if (position == startPosition())
        return;
    m_context.request->startPosition = position;
    optionsEdited();
}

void LabelOptions::setCopiesPerItem(int copies)
{
    copies = std::clamp(copies, 1, 1000);
    if (copies == copiesPerItem())
        return;
    m_context.request->copiesPerItem = copies;
    optionsEdited();
}

void LabelOptions::setOutlines(bool on)
{
    if (on == outlines())
        return;
    m_context.request->outlines = on;
    optionsEdited();
}

void LabelOptions::setShowHri(bool on)
{
    if (on == showHri())
        return;
    m_context.request->artwork.humanReadable = on;
    optionsEdited();
}

QString LabelOptions::gs1Table() const
{
    return gs1TableName(m_context.request->artwork.table);
}

void LabelOptions::setGs1Table(const QString &name)
{
    const auto table = gs1TableFromName(name);
    if (!table || *table == m_context.request->artwork.table)
        return;
    m_context.request->artwork.table = *table;
    optionsEdited();
}

void LabelOptions::optionsEdited()
{
    Q_EMIT changed();
    if (!m_restoring)
        Q_EMIT edited();
}

void LabelOptions::restore()
{
    const auto &s = *m_context.settings;
    m_restoring = true;
    const auto text = [&s](const QString &key) { return s.text(key); };
    if (!text(u"labels.exportType"_s).isEmpty())
        setExportType(text(u"labels.exportType"_s));
    if (!text(u"labels.fileFormat"_s).isEmpty())
        setFileFormat(text(u"labels.fileFormat"_s));
    if (!text(u"labels.symbol"_s).isEmpty())
        setSymbol(text(u"labels.symbol"_s));
    if (!text(u"labels.gs1Table"_s).isEmpty())
        setGs1Table(text(u"labels.gs1Table"_s));
    if (TemplateLibrary::instance().find(text(u"labels.template"_s)))
        setTemplateName(text(u"labels.template"_s));
    // A layout or stock that is gone since leaves the default: nothing to say about it.
    if (!text(u"labels.layout"_s).isEmpty())
        setLayoutName(text(u"labels.layout"_s));
    if (const QString id = text(u"labels.stock"_s); !id.isEmpty()) {
        const auto library = StockLibrary::instance();
        if (const auto *found = library->find(id); found && toSheetTemplate(*found).ok())
            setStock(found->id);
    }
    if (!text(u"labels.start_policy"_s).isEmpty())
        setStartPolicy(text(u"labels.start_policy"_s));
    loadNextStart();
    m_restoring = false;
    Q_EMIT changed();
}

} // namespace closient::models
