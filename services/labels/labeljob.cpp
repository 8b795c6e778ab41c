// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labeljob.h"

#include "exportrules.h"
#include "outputfile.h"
#include "settingsrepository.h"
#include "sqlhelpers.h"
#include "stationidentity.h"
#include "verifier.h"
#include "zipwriter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPrinter>
#include <QPrinterInfo>
#include <QSet>
#include <QSysInfo>

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
        { u"failures"_s, QJsonArray::fromStringList(failures.mid(0, 20)) },
        { u"printed_on"_s, printedOn.isEmpty() ? QJsonValue() : QJsonValue(printedOn) },
        { u"start_position"_s, startPosition > 0 ? QJsonValue(startPosition) : QJsonValue() },
        { u"next_start"_s, nextStart > 0 ? QJsonValue(nextStart) : QJsonValue() },
        { u"already_printed"_s, QJsonArray::fromStringList(alreadyPrinted.mid(0, 50)) } };
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
    r.status = m_cancelled ? JobStatus::Cancelled : JobStatus::Failed;
    r.error = m_cancelled ? u"cancelled: nothing was delivered"_s : error;
    if (!r.jobId.isEmpty())
        setStatus(r.jobId, u"failed"_s, r); // the API's lifecycle knows no cancelled job
    return r;
}

QString nextStartKey(const QString &templateName)
{
    return u"labels.next_start."_s + templateName;
}

namespace {
template<typename T>
T await(QFuture<T> f)
{
    f.waitForFinished(); // NOTE: the job runs on a worker thread or in a command, never on the GUI thread
    return f.result();
}

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
    if (auto target = OutputFile::checkTarget(q.outputPath, m_db->path()); !target.ok())
        return target.error();
    if (q.resolverDomain.isEmpty()) // one place reads the station's resolver: every job, screen or command
        q.resolverDomain = await(store::SettingsRepository(m_db).value(u"resolver_domain"_s)).toString();
    if (q.exportType == u"sheet_pdf") {
        m_template = TemplateLibrary::instance().find(q.templateName);
        if (!m_template)
            return refuse(u"there is no label template \"%1\" (known: %2)"_s.arg(
                q.templateName, TemplateLibrary::instance().names().join(u", "_s)));
        if (q.startPosition == 0) {
            const int remembered = await(store::SettingsRepository(m_db).value(nextStartKey(m_template->name))).toInt();
            q.startPosition = remembered >= 1 && remembered <= m_template->labelsPerPage() ? remembered : 1;
        }
        if (q.startPosition < 1 || q.startPosition > m_template->labelsPerPage())
            return refuse(
                u"the start position must be 1 to %1 on %2"_s.arg(m_template->labelsPerPage()).arg(m_template->name));
    } else if (!q.print.printer.isEmpty()) {
        return refuse(u"only sheet_pdf jobs print"_s);
    }
    if (q.copiesPerItem < 1 || q.copiesPerItem > 1000)
        return refuse(u"copies per item must be 1 to 1000"_s);
    if (q.print.action == u"reprint" && q.print.reason.trimmed().isEmpty())
        return refuse(u"a reprint needs a reason (damaged, lost, ...)"_s);
    if (drawsText(q)) {
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
        const auto rows = LabelImport::parse(q.selection.scope, q.importCsv, q.importDelimiter);
        auto planned = rows.ok() ? await(repo.planImport(rows.value(), true)) : Result<ImportPlan>(rows.error());
        if (!planned.ok()) {
            r.failures = planned.error().message.split(u'\n');
            return Error { u"invalid"_s,
                (r.failures.size() == 1 ? u"the file has a problem; nothing was imported or made: %1"_s
                                        : u"the file has %2 problems; nothing was imported or made: %1"_s)
                    .arg(r.failures.first())
                    .arg(r.failures.size()) };
        }
        for (const auto &item : planned.value().items) {
            if (q.selection.matches(item))
                items.push_back(item);
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
        const auto [first, last] = printedPages(int(items.size()));
        if (first > last)
            return Error { u"invalid"_s,
                u"the job has %1 pages; page %2 does not exist"_s.arg(sheetLayout().pageCount(int(items.size())))
                    .arg(first + 1) };
        // A serial printed before is printed again only as a reprint, with its reason in the print log.
        std::vector<LabelItem> printedBefore;
        const SheetLayout layout = sheetLayout();
        const int copies = std::max(1, q.copiesPerItem);
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].kind != LabelItem::Kind::Serial || items[i].printCount == 0)
                continue;
            // Copies of one item may run onto the next sheet: any of them on a printed page counts.
            const int firstPage = layout.slot(int(i) * copies).first;
            const int lastPage = layout.slot(int(i) * copies + copies - 1).first;
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
    const auto &q = m_request;
    r.startPosition = q.startPosition;
    std::optional<ImportPlan> plan;
    auto collected = collectItems(&plan, r);
    if (!collected.ok())
        return fail(r, collected.error().message);
    const std::vector<LabelItem> items = std::move(collected.value());
    r.items = int(items.size());
    if (!q.print.printer.isEmpty() && QPrinterInfo::printerInfo(q.print.printer).isNull())
        return fail(r, u"there is no printer \"%1\""_s.arg(q.print.printer));
    auto output = OutputFile::prepare(q.outputPath, m_db->path());
    if (!output.ok())
        return fail(r, output.error().message);

    r.jobId = newId();
    const QString created = nowIso();
    const QString fileFormat = q.exportType == u"sheet_pdf" ? u"pdf"_s : q.fileFormat;
    if (q.record)
        m_db->run([&, created](QSqlDatabase &db) {
                (void)exec(db,
                    u"INSERT INTO label_jobs (id, scope, export_type, file_format, filters, asset_config, status, "
                    u"created) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)"_s,
                    { r.jobId, q.selection.scope, q.exportType, fileFormat,
                        QString::fromUtf8(QJsonDocument(q.selection.filtersJson()).toJson(QJsonDocument::Compact)),
                        QString::fromUtf8(QJsonDocument(q.assetConfig()).toJson(QJsonDocument::Compact)), created });
            })
            .waitForFinished();
    setStatus(r.jobId, u"processing"_s, r);

    const QString path = output.value().tempPath();
    const bool ok = q.exportType == u"sheet_pdf" ? renderSheets(items, path, r) : renderZip(items, path, r);
    if (!ok)
        return fail(r, r.error);
    std::vector<LabelItem> printed;
    if (!q.print.printer.isEmpty() && !printSheets(items, &printed, r))
        return fail(r, r.error);
    if (auto placed = output.value().commit(); !placed.ok())
        return fail(r, placed.error().message);
    r.output = QFileInfo(q.outputPath).absoluteFilePath();
    r.bytes = QFileInfo(q.outputPath).size();

    // What happened, in one transaction: the file's rows, then the print log.
    std::optional<PrintRecord> record;
    if (!q.print.printer.isEmpty()) {
        record.emplace();
        record->action = q.print.action == u"test" ? u"test"_s : u"print"_s;
        record->items = printed;
        auto &entry = record->entry;
        entry.jobId = q.record ? r.jobId : QString();
        entry.printer = q.print.printer;
        entry.copies = std::max(1, q.print.copies);
        entry.templateName = m_template->name;
        entry.startPosition = q.startPosition;
        entry.userName = q.userName.isEmpty() ? StationIdentity::current().user : q.userName;
        entry.workstation = StationIdentity::current().workstation;
        entry.reason = q.print.reason.trimmed();
    }
    if (plan || record) {
        if (auto stored = await(LabelRepository(m_db).recordJob(std::move(plan), std::move(record))); !stored.ok()) {
            if (!q.print.printer.isEmpty())
                return fail(r, u"printed, but the store could not record it: %1"_s.arg(stored.error().message));
            QFile::remove(q.outputPath); // nothing stored, nothing delivered
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
    SheetRenderer renderer(layout, int(items.size()), artworkSource(items));
    const auto [first, last] = printedPages(int(items.size()));
    Q_EMIT progress(0, r.labels, u"printing"_s);
    if (!renderer.render(&printer, &r.error, {}, first, last))
        return false;
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
