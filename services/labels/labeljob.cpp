// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeljob.h"

#include "cupsjobs.h"
#include "exportrules.h"
#include "layoutlibrary.h"
#include "outputfile.h"
#include "rawprinter.h"
#include "settingsrepository.h"
#include "sqlhelpers.h"
#include "stationidentity.h"
#include "stocklibrary.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSet>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using closient::store::exec;
using closient::store::newId;
using closient::store::nowIso;

namespace closient::labels {

QJsonObject ExportRequest::assetConfig() const
{
    QJsonObject o { { u"sheet_template"_s, templateName }, { u"start_position"_s, startPosition },
        { u"outlines"_s, outlines }, { u"copies_per_item"_s, copiesPerItem }, { u"resolver_domain"_s, resolverDomain },
        { u"gs1_table"_s, gs1TableName(artwork.table) }, { u"human_readable"_s, artwork.humanReadable },
        { u"calibration_mm"_s, QJsonArray { calibration.x(), calibration.y() } } };
    if (symbol)
        o.insert(u"symbol"_s, symbolKindName(*symbol));
    if (!stock.isEmpty())
        o.insert(u"stock"_s, stock);
    if (layout || !layoutName.isEmpty())
        o.insert(u"layout"_s, layout ? layout->name : layoutName);
    if (exportType == u"thermal") {
        o.insert(u"dpi"_s, zpl.dpi);
        o.insert(u"media"_s, zplMediaName(zpl.media));
    }
    return o;
}

QString jobStatusName(JobStatus status)
{
    switch (status) {
    case JobStatus::Completed:
        return u"completed"_s;
    case JobStatus::Cancelled:
        return u"cancelled"_s;
    case JobStatus::Failed:
        break;
    }
    return u"failed"_s;
}

QJsonObject JobResult::toJson() const
{
    return { { u"job_id"_s, jobId }, { u"status"_s, jobStatusName(status) },
        { u"error"_s, error.isEmpty() ? QJsonValue() : QJsonValue(error) }, { u"items"_s, items },
        { u"labels"_s, labels }, { u"pages"_s, pages }, { u"output"_s, output }, { u"file_size_bytes"_s, bytes },
        { u"render_ms"_s, qRound(renderMs) }, { u"verify_ms"_s, qRound(verifyMs) }, { u"verified"_s, verified },
        { u"verified_fast"_s, verifiedFast }, { u"failures"_s, QJsonArray::fromStringList(failures.mid(0, 20)) },
        { u"printed_on"_s, printedOn.isEmpty() ? QJsonValue() : QJsonValue(printedOn) },
        { u"start_position"_s, startPosition > 0 ? QJsonValue(startPosition) : QJsonValue() },
        { u"next_start"_s, nextStart > 0 ? QJsonValue(nextStart) : QJsonValue() },
        { u"already_printed"_s, QJsonArray::fromStringList(alreadyPrinted.mid(0, 50)) },
        { u"stock"_s, stock.isEmpty() ? QJsonValue() : QJsonValue(stock) },
        { u"layout"_s, layout.isEmpty() ? QJsonValue() : QJsonValue(layout) },
        { u"print_state"_s, printState.isEmpty() ? QJsonValue() : QJsonValue(printState) },
        { u"cups_job"_s, cupsJob.isEmpty() ? QJsonValue() : QJsonValue(cupsJob) },
        { u"warning"_s, warning.isEmpty() ? QJsonValue() : QJsonValue(warning) } };
}

LabelJob::LabelJob(store::Database *db, ExportRequest request, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_request(std::move(request))
{ }

bool LabelJob::hasJobRow() const
{
    // label_jobs follows the API's export types; a thermal job is the station's own and lives in the print log.
    return m_request.record && !thermal();
}

namespace {
template<typename T>
T await(QFuture<T> f)
{
    f.waitForFinished(); // NOTE: the job runs on a worker thread or in a command, never on the GUI thread
    return f.result();
}
} // namespace

void LabelJob::setStatus(const QString &jobId, const QString &status, const JobResult &r)
{
    if (!hasJobRow())
        return;
    const bool done = status == u"completed" || status == u"failed";
    const QString failure = await(m_db->run([=](QSqlDatabase &db) {
        bool ok = false;
        const auto q = exec(db,
            u"UPDATE label_jobs SET status = ?, total_items = ?, processed_items = ?, output_path = ?, "
            u"output_filename = ?, file_size_bytes = ?, error = ?, finished = ? WHERE id = ?"_s,
            { status, r.items, done ? r.items : 0, r.output.isEmpty() ? QVariant() : QVariant(r.output),
                r.output.isEmpty() ? QVariant() : QVariant(QFileInfo(r.output).fileName()),
                r.bytes ? QVariant(r.bytes) : QVariant(), r.error.isEmpty() ? QVariant() : QVariant(r.error),
                done ? QVariant(nowIso()) : QVariant(), jobId },
            &ok);
        return ok ? QString() : store::sqlError(q.lastError()).message;
    }));
    // The job's own row is bookkeeping (the print log is the record of what was printed): a failed update is said,
    // never silently dropped, and does not undo labels already delivered.
    if (!failure.isEmpty())
        qWarning().noquote() << u"The label job %1 could not be marked %2: %3"_s.arg(jobId, status, failure);
}

JobResult LabelJob::fail(JobResult r, const QString &error)
{
    r.status = m_cancelled ? JobStatus::Cancelled : JobStatus::Failed;
    r.error = m_cancelled ? u"cancelled: nothing was delivered"_s : error;
    if (!r.jobId.isEmpty())
        setStatus(r.jobId, u"failed"_s, r); // the API's lifecycle knows no cancelled job
    return r;
}

QString nextStartKey(const QString &stockId)
{
    return u"labels.next_start."_s + stockId;
}

namespace {

/// "700030, 700031 and 700032 of GTIN 09506000134352": serials as a person looks for them.
QString serialNames(const std::vector<LabelItem> &items)
{
    QStringList names;
    QSet<QString> gtins;
    for (const auto &it : items) {
        gtins.insert(it.gtin);
        if (names.size() < 10)
            names << it.serial;
    }
    QString text = names.join(u", "_s);
    if (items.size() > size_t(names.size()))
        text += u" and %1 more"_s.arg(items.size() - size_t(names.size()));
    if (gtins.size() == 1)
        text += u" of GTIN %1"_s.arg(*gtins.begin());
    return text;
}

/// In the order select() lists them: by GTIN, then serials shortest first, then by text.
void sortLikeTheStore(std::vector<LabelItem> &items)
{
    std::stable_sort(items.begin(), items.end(), [](const LabelItem &a, const LabelItem &b) {
        if (a.gtin != b.gtin)
            return a.gtin < b.gtin;
        if (a.kind == LabelItem::Kind::Serial) {
            if (a.serial.toUtf8().size() != b.serial.toUtf8().size())
                return a.serial.toUtf8().size() < b.serial.toUtf8().size();
            return a.serial.toUtf8() < b.serial.toUtf8();
        }
        return a.lot.toUtf8() < b.lot.toUtf8();
    });
}

bool drawsText(const ExportRequest &q)
{
    return q.artwork.humanReadable || q.symbol == SymbolKind::Ean13 || q.symbol == SymbolKind::UpcA;
}
} // namespace

Result<Done> LabelJob::validate()
{
    auto &q = m_request;
    const auto refuse = [](const QString &message) { return Error { u"invalid"_s, message }; };
    if (auto coherent = checkExportCoherence(q.exportType, q.fileFormat); !coherent.ok())
        return coherent.error();
    if (q.selection.scope != u"lots" && q.selection.scope != u"serials")
        return refuse(u"scope must be lots or serials"_s);
    if (!q.outputPath.isEmpty() || !thermal()) {
        if (auto target = OutputFile::checkTarget(q.outputPath, m_db->path()); !target.ok())
            return target.error();
    }
    if (q.resolverDomain.isEmpty()) // one place reads the station's resolver: every job, screen or command
        q.resolverDomain = await(store::SettingsRepository(m_db).value(u"resolver_domain"_s)).toString();
    if (auto resolved = resolveStockAndLayout(); !resolved.ok())
        return resolved.error();
    if (thermal()) {
        if (auto settings = q.zpl.check(); !settings.ok())
            return settings.error();
        if (!q.print.printer.isEmpty()) {
            if (q.fileFormat != u"zpl")
                return refuse(u"a thermal printer takes ZPL: a PDF proof is a file to look at, not to send"_s);
            if (auto target = printing::RawPrinterTarget::parse(q.print.printer); !target.ok())
                return target.error();
            if (q.print.fromPage > 0 || q.print.toPage > 0)
                return refuse(u"a thermal printer takes the whole job: there are no pages to choose"_s);
        } else if (q.outputPath.isEmpty()) {
            return refuse(u"thermal labels go to a file (--out FILE.zpl) or a printer (--print-to)"_s);
        }
    } else if (q.exportType == u"sheet_pdf") {
        if (q.startPosition == 0) {
            const int remembered = await(store::SettingsRepository(m_db).value(nextStartKey(m_template->name))).toInt();
            q.startPosition = remembered >= 1 && remembered <= m_template->labelsPerPage() ? remembered : 1;
        }
        if (q.startPosition < 1 || q.startPosition > m_template->labelsPerPage())
            return refuse(
                u"the start position must be 1 to %1 on %2"_s.arg(m_template->labelsPerPage()).arg(m_template->name));
    } else if (!q.print.printer.isEmpty()) {
        return refuse(u"only sheet_pdf and thermal jobs print"_s);
    }
    if (q.copiesPerItem < 1 || q.copiesPerItem > 1000)
        return refuse(u"copies per item must be 1 to 1000"_s);
    if (q.print.action == u"reprint" && q.print.reason.trimmed().isEmpty())
        return refuse(u"a reprint needs a reason (damaged, lost, ...)"_s);
    if (!m_renderer && drawsText(q)) {
        if (auto fonts = hriFontReady(); !fonts.ok())
            return fonts.error();
    }
    return Done {};
}

Result<std::vector<LabelItem>> LabelJob::collectItems(std::optional<ImportPlan> *plan, JobResult &r)
{
    const auto &q = m_request;
    LabelRepository repo(m_db);
    std::vector<LabelItem> items;
    if (!q.importCsv.isEmpty()) {
        // The file's rows as they will be stored: nothing is written until the job has succeeded.
        // Columns a layout prints ("{Customer}") come from the file too, row by row.
        const auto rows = LabelImport::parse(q.selection.scope, q.importCsv, q.importDelimiter,
            m_renderer ? boundFields(m_renderer->layout()) : QStringList(), q.importColumnMap);
        auto planned = rows.ok() ? await(repo.planImport(rows.value(), true)) : Result<ImportPlan>(rows.error());
        if (!planned.ok()) {
            r.failures = planned.error().message.split(u'\n');
            return Error { u"invalid"_s,
                r.failures.size() == 1
                    ? u"the file has a problem; nothing was imported or made: %1"_s.arg(r.failures.first())
                    : u"the file has %1 problems; nothing was imported or made: %2"_s.arg(r.failures.size())
                          .arg(r.failures.first()) };
        }
        const auto &planItems = planned.value().items; // one per row, in file order
        for (size_t i = 0; i < planItems.size(); ++i) {
            if (i < rows.value().columns.size() && !rows.value().columns[i].isEmpty())
                m_columns.insert(planItems[i].id, rows.value().columns[i]);
            if (q.selection.matches(planItems[i]))
                items.push_back(planItems[i]);
        }
        sortLikeTheStore(items);
        *plan = std::move(planned.value());
    } else {
        if (q.selection.scope == u"serials") {
            QStringList named;
            for (const auto &id : q.selection.ids) {
                if (!id.startsWith(u"lot:"_s))
                    named << id;
            }
            if (auto notVoid = await(repo.refuseVoid(named)); !notVoid.ok())
                return notVoid.error();
        }
        auto selected = await(repo.select(q.selection));
        if (!selected.ok())
            return selected.error();
        items = std::move(selected.value());
    }
    if (items.empty())
        return Error { u"invalid"_s, u"no %1 match the selection"_s.arg(q.selection.scope) };

    if (!q.print.printer.isEmpty() && q.print.action != u"test") {
        const auto [first, last] = thermal() ? std::pair(0, 0) : printedPages(int(items.size()));
        if (first > last)
            return Error { u"invalid"_s,
                u"the job has %1 pages; page %2 does not exist"_s.arg(sheetLayout().pageCount(int(items.size())))
                    .arg(first + 1) };
        // A serial printed before is printed again only as a reprint, with its reason in the print log.
        std::vector<LabelItem> printedBefore;
        const std::optional<SheetLayout> layout = thermal() ? std::nullopt : std::optional(sheetLayout());
        const int copies = std::max(1, q.copiesPerItem);
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].kind != LabelItem::Kind::Serial || items[i].printCount == 0)
                continue;
            if (thermal()) { // a thermal printer gets every label of the job
                printedBefore.push_back(items[i]);
                continue;
            }

            // Copies of one item may run onto the next sheet: any of them on a printed page counts.
            const int firstPage = layout->slot(int(i) * copies).first;
            const int lastPage = layout->slot(int(i) * copies + copies - 1).first;
            if (lastPage >= first && firstPage <= last)
                printedBefore.push_back(items[i]);
        }
        if (!printedBefore.empty() && q.print.reason.trimmed().isEmpty()) {
            for (const auto &it : printedBefore)
                r.alreadyPrinted << it.serial;
            return Error { u"reprint_needs_reason"_s,
                (printedBefore.size() == 1
                        ? u"serial %1 was printed before: printing it again is a reprint and needs a reason"_s
                        : u"serials %1 were printed before: printing them again is a reprint and needs a reason"_s)
                    .arg(serialNames(printedBefore)) };
        }
    }
    return items;
}

std::pair<int, int> LabelJob::printedPages(int items) const
{
    const int pages = sheetLayout().pageCount(items);
    const int first = m_request.print.fromPage > 0 ? m_request.print.fromPage - 1 : 0;
    const int last = m_request.print.toPage > 0 ? std::min(m_request.print.toPage, pages) - 1 : pages - 1;
    return { first, std::min(last, pages - 1) };
}

JobResult LabelJob::run()
{
    JobResult r;
    if (auto valid = validate(); !valid.ok())
        return fail(r, valid.error().message);
    auto &q = m_request;
    r.startPosition = thermal() ? 0 : q.startPosition;
    r.stock = m_stockName;
    r.layout = m_renderer ? m_renderer->layout().name : QString();
    std::optional<ImportPlan> plan;
    auto collected = collectItems(&plan, r);
    if (!collected.ok())
        return fail(r, collected.error().message);
    const std::vector<LabelItem> items = std::move(collected.value());
    r.items = int(items.size());
    if (!thermal() && !q.print.printer.isEmpty() && QPrinterInfo::printerInfo(q.print.printer).isNull())
        return fail(r, u"there is no printer \"%1\""_s.arg(q.print.printer));
    if (m_renderer)
        loadProducts(items);
    // A thermal job sent to a printer without a file keeps its ZPL in a folder of its own until it is sent.
    QTemporaryDir sendOnly;
    const bool keepFile = !q.outputPath.isEmpty();
    if (!keepFile)
        q.outputPath = sendOnly.filePath(u"labels.zpl"_s);
    auto output = OutputFile::prepare(q.outputPath, m_db->path());
    if (!output.ok())
        return fail(r, output.error().message);

    r.jobId = newId();
    const QString created = nowIso();
    const QString fileFormat = q.exportType == u"sheet_pdf" ? u"pdf"_s : thermal() ? u"zpl"_s : q.fileFormat;
    if (hasJobRow()) {
        const QString failure = await(m_db->run([&, created](QSqlDatabase &db) {
            bool ok = false;
            const auto inserted = exec(db,
                u"INSERT INTO label_jobs (id, scope, export_type, file_format, filters, asset_config, status, "
                u"created) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)"_s,
                { r.jobId, q.selection.scope, q.exportType, fileFormat,
                    QString::fromUtf8(QJsonDocument(q.selection.filtersJson()).toJson(QJsonDocument::Compact)),
                    QString::fromUtf8(QJsonDocument(q.assetConfig()).toJson(QJsonDocument::Compact)), created },
                &ok);
            return ok ? QString() : store::sqlError(inserted.lastError()).message;
        }));
        if (!failure.isEmpty()) { // nothing is made that the store cannot account for
            r.jobId.clear(); // there is no row to mark failed
            return fail(r, u"the job could not be recorded, so nothing was made: %1"_s.arg(failure));
        }
    }
    setStatus(r.jobId, u"processing"_s, r);

    const QString path = output.value().tempPath();
    const bool ok = q.exportType == u"sheet_pdf" ? renderSheets(items, path, r)
        : thermal()                              ? renderThermal(items, path, r)
                                                 : renderZip(items, path, r);
    if (!ok)
        return fail(r, r.error);
    std::vector<LabelItem> printed;
    if (!q.print.printer.isEmpty()) {
        const bool sent = thermal() ? sendThermal(items, path, &printed, r) : printSheets(items, &printed, r);
        if (!sent)
            return fail(r, r.error);
    }
    if (keepFile) {
        if (auto placed = output.value().commit(); !placed.ok())
            return fail(r, placed.error().message);
        r.output = QFileInfo(q.outputPath).absoluteFilePath();
        r.bytes = QFileInfo(q.outputPath).size();
    } else {
        q.outputPath.clear();
    }

    // What happened, in one transaction: the file's rows, then the print log.
    std::optional<PrintRecord> record;
    if (!q.print.printer.isEmpty()) {
        record.emplace();
        record->action = q.print.action == u"test" ? u"test"_s : u"print"_s;
        record->items = printed;
        auto &entry = record->entry;
        entry.jobId = hasJobRow() ? r.jobId : QString();
        entry.printer
            = q.print.printerName.isEmpty() ? r.printedOn : u"%1 (%2)"_s.arg(q.print.printerName, r.printedOn);
        entry.copies = std::max(1, q.print.copies);
        entry.templateName = m_stockId;
        entry.layoutName = m_renderer ? m_renderer->layout().name : QString();
        entry.calibration = thermal() ? QPointF() : q.calibration;
        entry.startPosition = thermal() ? 1 : q.startPosition;
        entry.userName = q.userName.isEmpty() ? StationIdentity::current().user : q.userName;
        entry.workstation = StationIdentity::current().workstation;
        entry.reason = q.print.reason.trimmed();
    }
    if (plan || record) {
        if (auto stored = await(LabelRepository(m_db).recordJob(std::move(plan), std::move(record))); !stored.ok()) {
            if (!q.print.printer.isEmpty())
                return fail(r, u"printed, but the store could not record it: %1"_s.arg(stored.error().message));
            if (!r.output.isEmpty())
                QFile::remove(r.output); // nothing stored, nothing delivered
            r.output.clear();
            return fail(
                r, u"the store could not record the job, so nothing was delivered: %1"_s.arg(stored.error().message));
        }
    }
    if (r.nextStart > 0)
        (void)await(store::SettingsRepository(m_db).setValue(nextStartKey(m_template->name), r.nextStart));
    r.status = JobStatus::Completed;
    setStatus(r.jobId, u"completed"_s, r);
    return r;
}

namespace {
Result<LabelArtwork> artworkFor(const LabelItem &item, SymbolKind kind, const LabelArea &area, const ExportRequest &q)
{
    QString why;
    const auto content = symbolContent(kind, item, q.resolverDomain);
    if (!content) {
        why = content.error().message;
    } else if (const auto encoded = encodeSymbol(*content); !encoded) {
        why = encoded.error().message;
    } else {
        auto art = layoutArtwork(*content, *encoded, area, q.artwork);
        if (art.ok())
            return art;
        why = art.error().message;
    }
    return Error { u"invalid"_s,
        u"%1 %2: %3"_s.arg(item.kind == LabelItem::Kind::Lot ? u"lot"_s : u"serial"_s, item.hri(), why) };
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
    const LabelArea area = m_template->contentArea();
    struct Cache
    {
        int index = -1;
        std::optional<LabelArtwork> art;
        QString error;
    };
    auto cache = std::make_shared<Cache>();
    return [this, &items, kind, area, cache](int index, QString *error) {
        if (index != cache->index) {
            auto art = artworkFor(items[size_t(index)], kind, area, m_request);
            cache->art = art.ok() ? std::optional(art.value()) : std::nullopt;
            cache->error = art.ok() ? QString() : art.error().message;
            cache->index = index;
        }
        if (!cache->art)
            *error = cache->error;
        return cache->art;
    };
}

bool LabelJob::renderSheets(const std::vector<LabelItem> &items, const QString &path, JobResult &r)
{
    const auto &q = m_request;
    const SheetLayout layout = sheetLayout();
    SheetRenderer renderer = m_renderer ? SheetRenderer(layout, int(items.size()), cellPainter(items))
                                        : SheetRenderer(layout, int(items.size()), artworkSource(items));
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
    std::vector<PlacedLabel> toRead;
    for (const auto &p : renderer.placed()) {
        if (p.verify)
            toRead.push_back(p);
    }
    if (toRead.empty()) { // a layout without symbols: there is nothing to read back
        r.verified = r.labels;
        return true;
    }
    const auto report = verifier.verifySheets(path, layout, toRead, [&](int done) {
        if (done - shown >= 50 || done == int(toRead.size())) // several readers count together
            Q_EMIT this->progress(shown = done, int(toRead.size()), u"verifying"_s);
        return !m_cancelled.load();
    });
    r.verifyMs = report.ms;
    r.verified = report.passed;
    r.verifiedFast = report.fast;
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
    if (m_renderer)
        return renderLayoutZip(items, path, r);
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
            auto made = artworkFor(item, m.kind, {}, q);
            if (!made.ok()) {
                r.error = made.error().message;
                return false;
            }
            const LabelArtwork *art = &made.value();
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
                if (const auto read = verifier->verifySymbolFile(data, m.format, m.kind, art->content.expected);
                    read.ok())
                    ++r.verified;
                else
                    r.failures << u"%1: %2"_s.arg(name, read.error().message);
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

bool LabelJob::printSheets(const std::vector<LabelItem> &items, std::vector<LabelItem> *printed, JobResult &r)
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
    const SheetLayout layout = sheetLayout();
    SheetRenderer renderer = m_renderer ? SheetRenderer(layout, int(items.size()), cellPainter(items))
                                        : SheetRenderer(layout, int(items.size()), artworkSource(items));
    const auto [first, last] = printedPages(int(items.size()));
    // The print server's jobs before this one: the new id afterwards is this print's, to be followed to the end.
    const auto before = printing::cupsJobIds(q.print.printer);
    Q_EMIT progress(0, r.labels, u"printing"_s);
    if (!renderer.render(&printer, &r.error, {}, first, last))
        return false;
    if (before.ok()) {
        const auto after = printing::cupsJobIds(q.print.printer);
        QStringList added;
        for (const auto &id : after.ok() ? after.value() : QStringList()) {
            if (!before.value().contains(id))
                added << id;
        }
        if (added.isEmpty()) {
            r.error = u"the print server shows no job for this print on %1, so nothing is recorded as printed"_s.arg(
                q.print.printer);
            return false;
        }
        // Job ids grow: of several new ones (someone else printed at the same moment), ours is the last.
        std::sort(added.begin(), added.end(), [](const QString &a, const QString &b) {
            return a.section(u'-', -1).toLongLong() < b.section(u'-', -1).toLongLong();
        });
        if (!confirmCupsJob(q.print.printer, added.last(), r))
            return false;
    } else {
        r.printState = u"sent"_s;
        r.warning = u"the print could not be followed (%1): it is recorded as printed, check that it came out"_s.arg(
            before.error().message);
    }
    // Only the items on the pages that went to the printer count as printed.
    int lastItem = -1;
    for (const auto &p : renderer.placed()) {
        if (p.itemIndex != lastItem)
            printed->push_back(items[size_t(p.itemIndex)]);
        lastItem = p.itemIndex;
    }
    // The labels used on the last sheet are gone: the next print on this stock starts after them.
    if (q.print.action != u"test" && !renderer.placed().empty()) {
        const int cell = renderer.placed().back().cell;
        r.nextStart = cell + 2 > layout.sheet.labelsPerPage() ? 1 : cell + 2;
    }
    r.printedOn = q.print.printer;
    Q_EMIT progress(r.labels, r.labels, u"printing"_s);
    return true;
}

} // namespace closient::labels

namespace closient::labels {

Result<SheetTemplate> resolveSheet(const QString &stock, const QString &templateName)
{
    if (!stock.isEmpty()) {
        const auto library = StockLibrary::instance();
        const Stock *found = library->find(stock);
        if (!found)
            return Error { u"invalid"_s,
                u"there is no label stock \"%1\" (`closient-station labels stocks --search TEXT` lists them)"_s.arg(
                    stock) };
        auto converted = toSheetTemplate(*found);
        if (!converted.ok())
            return converted.error();
        return converted.value().sheet;
    }
    if (auto t = TemplateLibrary::instance().find(templateName))
        return *t;
    return Error { u"invalid"_s,
        u"there is no label template \"%1\" (known: %2)"_s.arg(
            templateName, TemplateLibrary::instance().names().join(u", "_s)) };
}

Result<PrintPreviewSummary> summarizePrint(store::Database *db, const ExportRequest &request)
{
    PrintPreviewSummary s;
    auto selected = await(LabelRepository(db).select(request.selection));
    if (!selected.ok())
        return selected.error();
    const auto &items = selected.value();
    s.items = int(items.size());
    s.labels = s.items * std::max(1, request.copiesPerItem);
    for (const auto &it : items) {
        if (it.kind != LabelItem::Kind::Serial)
            continue;
        if (it.printCount > 0) {
            ++s.reprintedSerials;
            if (s.reprinted.size() < 5)
                s.reprinted << it.serial;
        } else {
            ++s.newSerials;
        }
    }
    if (request.exportType == u"sheet_pdf") {
        auto sheet = resolveSheet(request.stock, request.templateName);
        if (!sheet.ok())
            return sheet.error();
        SheetLayout layout;
        layout.sheet = sheet.value();
        layout.startPosition = std::max(1, request.startPosition);
        layout.copies = request.copiesPerItem;
        s.pages = layout.pageCount(s.items);
    }
    return s;
}

Result<Done> LabelJob::resolveStockAndLayout()
{
    auto &q = m_request;
    const auto refuse = [](const QString &message) { return Error { u"invalid"_s, message }; };
    std::optional<Layout> layout = q.layout;
    if (!layout && !q.layoutName.isEmpty()) {
        const LayoutLibrary library = LayoutLibrary::load();
        const auto *entry = library.find(q.layoutName);
        if (!entry)
            return refuse(u"there is no layout \"%1\" (known: %2)"_s.arg(q.layoutName, library.names().join(u", "_s)));
        layout = entry->layout;
    }
    if (layout)
        m_renderer = std::make_shared<const LayoutRenderer>(*layout);
    if (thermal() && !m_renderer)
        return refuse(u"thermal labels are drawn by a layout: choose one (known: %1)"_s.arg(
            LayoutLibrary::load().names().join(u", "_s)));
    if (m_renderer && q.exportType != u"sheet_pdf" && !thermal() && q.fileFormat != u"png")
        return refuse(u"a layout's labels are exported as PNG files: file_format must be png"_s);

    QString stock = q.stock;
    if (stock.isEmpty() && layout && q.exportType == u"sheet_pdf")
        stock = layout->stockId;
    if (!stock.isEmpty()) {
        const auto library = StockLibrary::instance();
        const Stock *found = library->find(stock);
        if (!found)
            return refuse(
                u"there is no label stock \"%1\" (`closient-station labels stocks --search TEXT` lists them)"_s.arg(
                    stock));
        m_stockId = found->id;
        m_stockName = found->displayName();
        if (q.exportType == u"sheet_pdf") {
            auto converted = toSheetTemplate(*found);
            if (!converted.ok())
                return converted.error();
            m_template = converted.value().sheet;
        }
    } else if (q.exportType == u"sheet_pdf") {
        m_template = TemplateLibrary::instance().find(q.templateName);
        if (!m_template)
            return refuse(u"there is no label template \"%1\" (known: %2)"_s.arg(
                q.templateName, TemplateLibrary::instance().names().join(u", "_s)));
        m_stockId = m_template->name;
        const auto library = StockLibrary::instance();
        const Stock *found = library->find(m_template->name);
        m_stockName = found ? found->displayName() : m_template->name;
    }
    // A layout is drawn for one size of label: on another it would be cut off or lost in the corner.
    if (m_renderer && m_template) {
        const auto &label = m_renderer->layout().label;
        if (std::abs(label.width - m_template->labelWidth) > 0.5
            || std::abs(label.height - m_template->labelHeight) > 0.5)
            return refuse(u"the layout \"%1\" is drawn for labels of %2 × %3 mm, but %4 has labels of %5 × %6 mm: "
                          u"choose a layout made for this stock"_s.arg(m_renderer->layout().name)
                              .arg(label.width, 0, 'f', 1)
                              .arg(label.height, 0, 'f', 1)
                              .arg(m_stockName)
                              .arg(m_template->labelWidth, 0, 'f', 1)
                              .arg(m_template->labelHeight, 0, 'f', 1));
    }
    return Done {};
}

void LabelJob::loadProducts(const std::vector<LabelItem> &items)
{
    QSet<QString> gtins;
    for (const auto &it : items)
        gtins.insert(it.gtin);
    m_products = await(m_db->run([gtins](QSqlDatabase &db) {
        QHash<QString, std::pair<QString, QString>> out;
        QSqlQuery query(db);
        query.prepare(u"SELECT product_name, brand FROM products WHERE gtin = ?"_s);
        for (const auto &gtin : gtins) {
            query.bindValue(0, gtin);
            if (query.exec() && query.next())
                out.insert(gtin, { query.value(0).toString(), query.value(1).toString() });
        }
        return out;
    }));
}

LabelData LabelJob::labelData(const LabelItem &item, int count, int total) const
{
    const auto product = m_products.value(item.gtin);
    LabelData data = LabelData::fromItem(item, product.first, product.second, count, total);
    data.columns = m_columns.value(item.id);
    return data;
}

namespace {
LayoutRenderOptions renderOptions(const ExportRequest &q)
{
    LayoutRenderOptions options;
    options.dpi = q.artwork.printerDpi;
    return options;
}

QString itemName(const LabelItem &item)
{
    return u"%1 %2"_s.arg(item.kind == LabelItem::Kind::Lot ? u"lot"_s : u"serial"_s, item.hri());
}
} // namespace

CellPainter LabelJob::cellPainter(const std::vector<LabelItem> &items) const
{
    auto renderer = m_renderer;
    const LayoutRenderOptions options = renderOptions(m_request);
    return [this, renderer, options, &items](
               QPainter &painter, int index, QString *error) -> std::optional<std::vector<PlacedSymbol>> {
        const auto &item = items[size_t(index)];
        const auto result = renderer->paint(painter, labelData(item, index + 1, int(items.size())), options);
        if (!result.printable()) {
            *error = u"%1: %2"_s.arg(itemName(item), result.problemText());
            return std::nullopt;
        }
        return result.symbols;
    };
}

bool LabelJob::renderLayoutZip(const std::vector<LabelItem> &items, const QString &path, JobResult &r)
{
    const auto &q = m_request;
    ZipWriter zip(path);
    if (!zip.isOpen()) {
        r.error = u"the output could not be written: %1"_s.arg(zip.errorString());
        return false;
    }
    constexpr double kPngDpi = 600;
    LayoutRenderOptions options = renderOptions(q);
    options.dpi = kPngDpi;
    std::unique_ptr<Verifier> verifier = q.verify ? std::make_unique<Verifier>() : nullptr;
    QElapsedTimer clock;
    r.labels = int(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (m_cancelled) {
            r.error = u"cancelled"_s;
            return false;
        }
        clock.start();
        LayoutRenderResult result;
        const QImage image = m_renderer->render(labelData(items[i], int(i) + 1, r.labels), options, &result);
        if (!result.printable()) {
            r.error = u"%1: %2"_s.arg(itemName(items[i]), result.problemText());
            return false;
        }
        QByteArray data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        const QString name = zip.add(items[i].fileStem() + u".png"_s, data);
        r.renderMs += double(clock.nsecsElapsed()) / 1e6;
        if (verifier) {
            clock.start();
            const QStringList failed = verifier->verifyLabel(image, kPngDpi, result.symbols);
            for (const auto &f : failed)
                r.failures << u"%1: %2"_s.arg(name, f);
            r.verified += failed.isEmpty() ? 1 : 0;
            r.verifyMs += double(clock.nsecsElapsed()) / 1e6;
        }
        if ((i + 1) % 20 == 0 || int(i) + 1 == r.labels)
            Q_EMIT progress(int(i) + 1, r.labels, u"rendering"_s);
    }
    if (!zip.finish()) {
        r.error = u"the ZIP could not be written completely (disk full?)"_s;
        return false;
    }
    if (verifier && !r.failures.isEmpty()) {
        r.error = u"%1 of %2 labels did not read back as intended, so nothing was delivered: %3"_s
                      .arg(r.labels - r.verified)
                      .arg(r.labels)
                      .arg(r.failures.value(0));
        return false;
    }
    return true;
}

bool LabelJob::renderThermal(const std::vector<LabelItem> &items, const QString &path, JobResult &r)
{
    const auto &q = m_request;
    // A proof ("pdf"): each label as the printer's dots, one page each, for the screen's preview; else the ZPL.
    const bool proof = q.fileFormat == u"pdf";
    QFile file(path);
    std::unique_ptr<QPdfWriter> pdf;
    std::unique_ptr<QPainter> painter;
    if (proof) {
        const QSizeF size(m_renderer->layout().label.width, m_renderer->layout().label.height);
        pdf = std::make_unique<QPdfWriter>(path);
        pdf->setCreator(u"Closient Station"_s);
        pdf->setTitle(u"Thermal labels at %1 dpi"_s.arg(q.zpl.dpi));
        pdf->setPageSize(QPageSize(size, QPageSize::Millimeter));
        pdf->setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf->setResolution(q.zpl.dpi);
        painter = std::make_unique<QPainter>();
        if (!painter->begin(pdf.get())) {
            r.error = u"the proof could not be written"_s;
            return false;
        }
    } else if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        r.error = u"the output could not be written: %1"_s.arg(file.errorString());
        return false;
    }
    ZplSettings settings = q.zpl;
    settings.copies = std::max(1, q.copiesPerItem); // copies of one label are identical: the printer repeats it
    // Every label is read back from the very image that is sent: what was verified is what prints, dot for dot.
    std::unique_ptr<Verifier> verifier = q.verify ? std::make_unique<Verifier>() : nullptr;
    QElapsedTimer clock;
    r.labels = int(items.size()) * settings.copies;
    r.pages = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        if (m_cancelled) {
            r.error = u"cancelled"_s;
            return false;
        }
        clock.start();
        LayoutRenderResult result;
        QImage image;
        const auto zpl
            = zplForLabel(*m_renderer, labelData(items[i], int(i) + 1, int(items.size())), settings, &result, &image);
        if (!zpl.ok()) {
            r.error = u"%1: %2"_s.arg(itemName(items[i]), zpl.error().message);
            return false;
        }
        r.renderMs += double(clock.nsecsElapsed()) / 1e6;
        if (verifier) {
            clock.start();
            const QStringList failed = verifier->verifyLabel(image, settings.dpi, result.symbols);
            for (const auto &f : failed)
                r.failures << u"label %1 (%2): %3"_s.arg(i + 1).arg(itemName(items[i]), f);
            r.verified += failed.isEmpty() ? settings.copies : 0;
            r.verifyMs += double(clock.nsecsElapsed()) / 1e6;
        }
        if (proof) {
            if (i > 0)
                pdf->newPage();
            painter->drawImage(QPointF(0, 0), image);
            ++r.pages;
        } else if (file.write(zpl.value()) != zpl.value().size()) {
            r.error = u"the output could not be written (disk full?): %1"_s.arg(file.errorString());
            return false;
        }
        if ((i + 1) % 20 == 0 || i + 1 == items.size())
            Q_EMIT progress(int(i) + 1, int(items.size()), u"rendering"_s);
    }
    if (proof) {
        if (!painter->end()) {
            r.error = u"the proof could not be written (disk full?)"_s;
            return false;
        }
    } else if (!file.flush()) {
        r.error = u"the output could not be written (disk full?): %1"_s.arg(file.errorString());
        return false;
    }
    file.close();
    if (verifier && !r.failures.isEmpty()) {
        r.error
            = u"%1 labels did not read back as intended, so nothing was sent or delivered: %2"_s.arg(r.failures.size())
                  .arg(r.failures.value(0));
        return false;
    }
    return true;
}

bool LabelJob::sendThermal(
    const std::vector<LabelItem> &items, const QString &path, std::vector<LabelItem> *printed, JobResult &r)
{
    const auto &q = m_request;
    auto target = printing::RawPrinterTarget::parse(q.print.printer);
    if (!target.ok()) {
        r.error = target.error().message;
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = u"the labels could not be read for sending: %1"_s.arg(file.errorString());
        return false;
    }
    QByteArray data;
    for (int copy = 0; copy < std::max(1, q.print.copies); ++copy) {
        file.seek(0);
        data += file.readAll();
    }
    Q_EMIT progress(0, r.labels, u"printing"_s);
    const auto sent = printing::sendRaw(target.value(), data, u"Closient labels %1"_s.arg(r.jobId.left(8)));
    if (!sent.ok()) {
        r.error = u"the labels were not printed: %1"_s.arg(sent.error().message);
        return false;
    }
    if (target.value().isQueue()) {
        if (!confirmCupsJob(std::get<QString>(target.value().where), sent.value(), r))
            return false;
    } else {
        r.printState = u"sent"_s; // a raw port confirms nothing beyond taking every byte
    }
    *printed = items;
    r.printedOn = target.value().toString();
    Q_EMIT progress(r.labels, r.labels, u"printing"_s);
    return true;
}

} // namespace closient::labels

namespace closient::labels {

bool LabelJob::confirmCupsJob(const QString &queue, const QString &cupsJob, JobResult &r)
{
    r.cupsJob = cupsJob;
    const int timeout = m_request.print.confirmTimeoutMs;
    const auto state = printing::waitForCupsJob(queue, cupsJob, timeout, [this] { return !m_cancelled.load(); });
    using State = printing::CupsJobState::State;
    if (!state.ok()) {
        r.printState = u"sent"_s;
        r.warning = u"CUPS job %1 could not be followed (%2): it is recorded as printed, check that it came out"_s.arg(
            cupsJob, state.error().message);
        return true;
    }
    switch (state.value().state) {
    case State::Completed:
        r.printState = u"completed"_s;
        return true;
    case State::Pending:
        // Still queued: it prints when the printer comes back, so its labels count as printed (printing them
        // again is a reprint), and the person is told.
        r.printState = u"stalled"_s;
        r.warning
            = u"CUPS job %1 has not printed after %2 s: %3. Its labels are recorded as printed because they "
              u"print when the printer resumes; if you cancel the job, print them again as a reprint."_s.arg(cupsJob)
                  .arg(timeout / 1000)
                  .arg(state.value().describe());
        return true;
    case State::Failed:
    case State::Missing:
        break;
    }
    r.printState = u"failed"_s;
    r.error
        = u"CUPS job %1 did not print: %2. Nothing is recorded as printed."_s.arg(cupsJob, state.value().describe());
    return false;
}

} // namespace closient::labels
