// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeljob.h"

#include "sqlhelpers.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPrinter>
#include <QSysInfo>

using namespace Qt::StringLiterals;
using closient::store::exec;
using closient::store::newId;
using closient::store::nowIso;

namespace closient::labels {

QString ExportRequest::coherenceError(const QString &exportType, const QString &fileFormat)
{
    static const QStringList types { u"qr_codes"_s, u"datamatrix"_s, u"barcodes_1d"_s, u"codes_combined"_s,
        u"sheet_pdf"_s };
    static const QStringList formats { u"svg"_s, u"png"_s, u"pdf"_s, u"eps"_s };
    if (!types.contains(exportType))
        return u"export_type must be one of %1, not \"%2\""_s.arg(types.join(u", "_s), exportType);
    if (!formats.contains(fileFormat))
        return u"file_format must be one of %1, not \"%2\""_s.arg(formats.join(u", "_s), fileFormat);
    if (exportType == u"sheet_pdf" && fileFormat != u"pdf")
        return u"sheet_pdf makes a PDF: file_format must be pdf"_s;
    if ((exportType == u"qr_codes" || exportType == u"datamatrix") && fileFormat != u"svg" && fileFormat != u"png")
        return u"%1 exports are svg or png files in a ZIP, not %2"_s.arg(exportType, fileFormat);
    if (exportType == u"barcodes_1d" && fileFormat != u"svg" && fileFormat != u"eps")
        return u"barcodes_1d exports are svg or eps files (vector, so bars keep their widths), not %1"_s.arg(
            fileFormat);
    if (exportType == u"codes_combined" && fileFormat == u"pdf")
        return u"codes_combined makes a ZIP of symbol files: file_format must be svg, png (QR as PNG, 1D as SVG) or eps (QR as SVG, 1D as EPS)"_s;
    return {};
}

QJsonObject ExportRequest::assetConfig() const
{
    QJsonObject o { { u"sheet_template"_s, templateName }, { u"start_position"_s, startPosition },
        { u"outlines"_s, outlines }, { u"copies_per_item"_s, copiesPerItem }, { u"resolver_domain"_s, resolverDomain },
        { u"gs1_table"_s, gs1TableName(artwork.table) }, { u"human_readable"_s, artwork.humanReadable },
        { u"calibration_mm"_s, QJsonArray { calibration.x(), calibration.y() } } };
    if (symbol)
        o.insert(u"symbol"_s, symbolKindName(*symbol));
    return o;
}

QJsonObject JobResult::toJson() const
{
    return { { u"job_id"_s, jobId }, { u"status"_s, status },
        { u"error"_s, error.isEmpty() ? QJsonValue() : QJsonValue(error) }, { u"items"_s, items },
        { u"labels"_s, labels }, { u"pages"_s, pages }, { u"output"_s, output }, { u"file_size_bytes"_s, bytes },
        { u"render_ms"_s, qRound(renderMs) }, { u"verify_ms"_s, qRound(verifyMs) }, { u"verified"_s, verified },
        { u"failures"_s, QJsonArray::fromStringList(failures.mid(0, 20)) },
        { u"printed_on"_s, printedOn.isEmpty() ? QJsonValue() : QJsonValue(printedOn) } };
}

LabelJob::LabelJob(store::Database *db, ExportRequest request, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_request(std::move(request))
{ }

void LabelJob::setStatus(const QString &jobId, const QString &status, const JobResult &r)
{
    if (!m_request.record)
        return;
    const bool done = status == u"completed" || status == u"failed";
    m_db->run([=](QSqlDatabase &db) {
            (void)exec(db,
                u"UPDATE label_jobs SET status = ?, total_items = ?, processed_items = ?, output_path = ?, "
                u"output_filename = ?, file_size_bytes = ?, error = ?, finished = ? WHERE id = ?"_s,
                { status, r.items, done ? r.items : 0, r.output.isEmpty() ? QVariant() : QVariant(r.output),
                    r.output.isEmpty() ? QVariant() : QVariant(QFileInfo(r.output).fileName()),
                    r.bytes ? QVariant(r.bytes) : QVariant(), r.error.isEmpty() ? QVariant() : QVariant(r.error),
                    done ? QVariant(nowIso()) : QVariant(), jobId });
        })
        .waitForFinished();
}

JobResult LabelJob::fail(JobResult r, const QString &error)
{
    r.status = u"failed"_s;
    r.error = error;
    if (!r.jobId.isEmpty())
        setStatus(r.jobId, r.status, r);
    return r;
}

JobResult LabelJob::run()
{
    JobResult r;
    const auto &q = m_request;
    if (const QString e = ExportRequest::coherenceError(q.exportType, q.fileFormat); !e.isEmpty())
        return fail(r, e);
    if (q.selection.scope != u"lots" && q.selection.scope != u"serials")
        return fail(r, u"scope must be lots or serials"_s);
    if (q.outputPath.isEmpty())
        return fail(r, u"say where the output goes"_s);
    if (q.exportType == u"sheet_pdf") {
        m_template = TemplateLibrary::instance().find(q.templateName);
        if (!m_template)
            return fail(r,
                u"there is no label template \"%1\" (known: %2)"_s.arg(
                    q.templateName, TemplateLibrary::instance().names().join(u", "_s)));
        if (q.startPosition < 1 || q.startPosition > m_template->labelsPerPage())
            return fail(r,
                u"the start position must be 1 to %1 on %2"_s.arg(m_template->labelsPerPage()).arg(m_template->name));
    } else if (!q.print.printer.isEmpty()) {
        return fail(r, u"only sheet_pdf jobs print"_s);
    }
    if (q.copiesPerItem < 1 || q.copiesPerItem > 1000)
        return fail(r, u"copies per item must be 1 to 1000"_s);
    if (q.print.action == u"reprint" && q.print.reason.trimmed().isEmpty())
        return fail(r, u"a reprint needs a reason (damaged, lost, ...)"_s);

    r.jobId = newId();
    const QString created = nowIso();
    const QString fileFormat = q.exportType == u"sheet_pdf" ? u"pdf"_s : q.fileFormat;
    if (q.record)
        m_db->run([&, created](QSqlDatabase &db) {
                (void)exec(db,
                    u"INSERT INTO label_jobs (id, scope, export_type, file_format, filters, asset_config, status, "
                    u"created) "
                    u"VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)"_s,
                    { r.jobId, q.selection.scope, q.exportType, fileFormat,
                        QString::fromUtf8(QJsonDocument(q.selection.filtersJson()).toJson(QJsonDocument::Compact)),
                        QString::fromUtf8(QJsonDocument(q.assetConfig()).toJson(QJsonDocument::Compact)), created });
            })
            .waitForFinished();

    auto selected = LabelRepository(m_db).select(q.selection).result();
    if (!selected.ok())
        return fail(r, selected.error().message);
    const auto items = std::move(selected.value());
    r.items = int(items.size());
    if (items.empty())
        return fail(r, u"no %1 match the selection"_s.arg(q.selection.scope));
    setStatus(r.jobId, u"processing"_s, r);

    const QString part = q.outputPath + u".part"_s;
    QFile::remove(part);
    QElapsedTimer timer;
    timer.start();
    const bool ok = q.exportType == u"sheet_pdf" ? renderSheets(items, part, r) : renderZip(items, part, r);
    if (!ok) {
        QFile::remove(part);
        return fail(r, r.error);
    }
    QFile::remove(q.outputPath);
    if (!QFile::rename(part, q.outputPath)) {
        QFile::remove(part);
        return fail(r, u"the output could not be moved to %1"_s.arg(q.outputPath));
    }
    r.output = QFileInfo(q.outputPath).absoluteFilePath();
    r.bytes = QFileInfo(q.outputPath).size();

    if (!q.print.printer.isEmpty() && !printSheets(items, r))
        return fail(r, r.error);
    r.status = u"completed"_s;
    setStatus(r.jobId, r.status, r);
    return r;
}

namespace {
std::optional<LabelArtwork> artworkFor(
    const LabelItem &item, SymbolKind kind, QSizeF area, const ExportRequest &q, QString *error)
{
    QString why;
    auto content = symbolContent(kind, item, q.resolverDomain, &why);
    std::optional<EncodedSymbol> encoded;
    if (content)
        encoded = encodeSymbol(*content, &why);
    std::optional<LabelArtwork> art;
    if (encoded)
        art = layoutArtwork(*content, *encoded, area, q.artwork, &why);
    if (!art)
        *error = u"%1 %2: %3"_s.arg(item.kind == LabelItem::Kind::Lot ? u"lot"_s : u"serial"_s, item.hri(), why);
    return art;
}
} // namespace

SheetLayout LabelJob::sheetLayout() const
{
    SheetLayout layout;
    layout.sheet = *m_template;
    layout.startPosition = m_request.startPosition;
    layout.calibration = m_request.calibration;
    layout.outlines = m_request.outlines;
    layout.copies = m_request.copiesPerItem;
    return layout;
}

ArtworkSource LabelJob::artworkSource(const std::vector<LabelItem> &items) const
{
    const SymbolKind kind = m_request.symbol.value_or(SymbolKind::Gs1DataMatrix);
    const QSizeF area = m_template->safeArea().size();
    struct Cache
    {
        int index = -1;
        std::optional<LabelArtwork> art;
    };
    auto cache = std::make_shared<Cache>();
    return [this, &items, kind, area, cache](int index, QString *error) {
        if (index != cache->index) {
            cache->art = artworkFor(items[size_t(index)], kind, area, m_request, error);
            cache->index = index;
        }
        return cache->art;
    };
}

bool LabelJob::renderSheets(const std::vector<LabelItem> &items, const QString &path, JobResult &r)
{
    const auto &q = m_request;
    const SheetLayout layout = sheetLayout();
    SheetRenderer renderer(layout, int(items.size()), artworkSource(items));
    r.labels = int(items.size()) * q.copiesPerItem;
    r.pages = renderer.pageCount();
    QElapsedTimer timer;
    timer.start();
    const auto progress = [&](int done) {
        if (done % 50 == 0 || done == r.labels)
            Q_EMIT this->progress(done, r.labels, u"rendering"_s);
        return !m_cancelled.load();
    };
    const QString title = u"%1 labels, %2"_s.arg(r.labels).arg(layout.sheet.name);
    if (!writeSheetPdf(path, renderer, title, &r.error, progress))
        return false;
    r.renderMs = double(timer.nsecsElapsed()) / 1e6;
    if (!q.verify)
        return true;
    Verifier verifier;
    int shown = 0;
    const auto report = verifier.verifySheets(path, layout, renderer.placed(), [&](int done) {
        if (done - shown >= 50 || done == r.labels) // several readers count together: not every number is seen
            Q_EMIT this->progress(shown = done, r.labels, u"verifying"_s);
        return !m_cancelled.load();
    });
    r.verifyMs = report.ms;
    r.verified = report.passed;
    r.failures = report.failures;
    if (!report.ok()) {
        r.error = m_cancelled ? u"cancelled"_s
                              : u"%1 of %2 labels did not read back as intended, so nothing was delivered: %3"_s
                                    .arg(report.checked - report.passed)
                                    .arg(report.checked)
                                    .arg(report.failures.value(0));
        return false;
    }
    return true;
}

bool LabelJob::renderZip(const std::vector<LabelItem> &items, const QString &path, JobResult &r)
{
    const auto &q = m_request;
    struct Member
    {
        SymbolKind kind;
        QString format;
        QString suffix;
    };
    std::vector<Member> members;
    const SymbolKind qrKind = q.symbol == SymbolKind::Gs1Qr ? SymbolKind::Gs1Qr : SymbolKind::DigitalLinkQr;
    const SymbolKind linearKind = q.symbol && isLinear(*q.symbol) ? *q.symbol : SymbolKind::Gs1_128;
    if (q.exportType == u"qr_codes")
        members.push_back({ qrKind, q.fileFormat, {} });
    else if (q.exportType == u"datamatrix")
        members.push_back({ SymbolKind::Gs1DataMatrix, q.fileFormat, {} });
    else if (q.exportType == u"barcodes_1d")
        members.push_back({ linearKind, q.fileFormat, {} });
    else {
        members.push_back({ qrKind, q.fileFormat == u"eps" ? u"svg"_s : q.fileFormat, u"-qr"_s });
        members.push_back({ linearKind, q.fileFormat == u"png" ? u"svg"_s : q.fileFormat, u"-1d"_s });
    }
    ZipWriter zip(path);
    if (!zip.isOpen()) {
        r.error = u"the output could not be written: %1"_s.arg(zip.errorString());
        return false;
    }
    std::unique_ptr<Verifier> verifier = q.verify ? std::make_unique<Verifier>() : nullptr;
    QElapsedTimer render;
    QElapsedTimer check;
    const int total = int(items.size() * members.size());
    r.labels = total;
    int done = 0;
    for (const auto &item : items) {
        for (const auto &m : members) {
            if (m_cancelled) {
                r.error = u"cancelled"_s;
                return false;
            }
            render.start();
            auto art = artworkFor(item, m.kind, {}, q, &r.error);
            if (!art)
                return false;
            QByteArray data;
            if (m.format == u"svg") {
                data = art->toSvg();
            } else if (m.format == u"eps") {
                data = art->toEps();
            } else {
                QBuffer buffer(&data);
                buffer.open(QIODevice::WriteOnly);
                art->toImage(600).save(&buffer, "PNG");
            }
            const QString name = zip.add(item.fileStem() + m.suffix + u'.' + m.format, data);
            r.renderMs += double(render.nsecsElapsed()) / 1e6;
            if (verifier) {
                check.start();
                QString problem;
                if (verifier->verifySymbolFile(data, m.format, m.kind, art->content.expected, &problem))
                    ++r.verified;
                else
                    r.failures << u"%1: %2"_s.arg(name, problem);
                r.verifyMs += double(check.nsecsElapsed()) / 1e6;
            }
            ++done;
            if (done % 20 == 0 || done == total)
                Q_EMIT progress(done, total, u"rendering"_s);
        }
    }
    if (!zip.finish()) {
        r.error = u"the ZIP could not be written completely (disk full?)"_s;
        return false;
    }
    if (verifier && !r.failures.isEmpty()) {
        r.error = u"%1 of %2 files did not read back as intended, so nothing was delivered: %3"_s.arg(r.failures.size())
                      .arg(total)
                      .arg(r.failures.value(0));
        return false;
    }
    return true;
}

bool LabelJob::printSheets(const std::vector<LabelItem> &items, JobResult &r)
{
    const auto &q = m_request;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPrinterName(q.print.printer);
    if (!printer.isValid() || printer.printerName() != q.print.printer) {
        r.error = u"there is no printer \"%1\""_s.arg(q.print.printer);
        return false;
    }
    printer.setDocName(u"Closient labels %1"_s.arg(r.jobId.left(8)));
    printer.setFullPage(true); // our millimetres start at the paper's corner, not at the printable area's
    printer.setPageSize(m_template->pageSize());
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    printer.setCopyCount(std::max(1, q.print.copies));
    SheetRenderer renderer(sheetLayout(), int(items.size()), artworkSource(items));
    const int first = q.print.fromPage > 0 ? q.print.fromPage - 1 : 0;
    const int last = q.print.toPage > 0 ? q.print.toPage - 1 : -1;
    if (first >= renderer.pageCount()) {
        r.error = u"the job has %1 pages; page %2 does not exist"_s.arg(renderer.pageCount()).arg(first + 1);
        return false;
    }
    Q_EMIT progress(0, r.labels, u"printing"_s);
    if (!renderer.render(&printer, &r.error, {}, first, last))
        return false;
    // Only the items on the pages that went to the printer count as printed.
    std::vector<LabelItem> printed;
    int lastItem = -1;
    for (const auto &p : renderer.placed()) {
        if (p.itemIndex != lastItem)
            printed.push_back(items[size_t(p.itemIndex)]);
        lastItem = p.itemIndex;
    }
    PrintLogEntry entry;
    entry.jobId = r.jobId;
    entry.printer = q.print.printer;
    entry.copies = std::max(1, q.print.copies);
    entry.templateName = m_template->name;
    entry.startPosition = q.startPosition;
    entry.userName = q.userName.isEmpty() ? qEnvironmentVariable("USER", u"operator"_s) : q.userName;
    entry.workstation = QSysInfo::machineHostName();
    entry.reason = q.print.reason;
    const auto logged
        = LabelRepository(m_db).logPrint(q.print.action, printed, entry, q.print.action != u"test").result();
    if (!logged.ok()) {
        r.error = u"printed, but the print log could not be written: %1"_s.arg(logged.error().message);
        return false;
    }
    r.printedOn = q.print.printer;
    Q_EMIT progress(r.labels, r.labels, u"printing"_s);
    return true;
}

} // namespace closient::labels
