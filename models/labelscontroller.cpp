// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelscontroller.h"

#include "database.h"
#include "labelrepository.h"
#include "printers.h"
#include "settingsrepository.h"
#include "sheettemplate.h"
#include "stationidentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>
#include <QtConcurrent>

using namespace Qt::StringLiterals;
using namespace closient::labels;

namespace closient::models {

namespace {
constexpr int kListLimit = 20000; // rows the list shows; a selection without ticks still takes every match

QString userName()
{
    return StationIdentity::current().user;
}

QString workFolder()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/labels"_s;
    QDir().mkpath(dir);
    return dir;
}

/// The symbols an export type can carry; the first is its default.
QList<SymbolKind> symbolsFor(const QString &exportType)
{
    if (exportType == u"qr_codes")
        return { SymbolKind::DigitalLinkQr, SymbolKind::Gs1Qr };
    if (exportType == u"datamatrix")
        return { SymbolKind::Gs1DataMatrix };
    if (exportType == u"barcodes_1d" || exportType == u"codes_combined")
        return { SymbolKind::Gs1_128, SymbolKind::Itf14, SymbolKind::Ean13, SymbolKind::UpcA };
    return { SymbolKind::Gs1DataMatrix, SymbolKind::Gs1Qr, SymbolKind::DigitalLinkQr, SymbolKind::Gs1_128,
        SymbolKind::Itf14, SymbolKind::Ean13, SymbolKind::UpcA };
}
} // namespace

LabelsController::LabelsController(store::Database *db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_items(this)
{
    m_options.symbol = SymbolKind::Gs1DataMatrix;
    m_pool.setMaxThreadCount(2); // a preview may still be finishing while a print starts
    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(350);
    connect(&m_previewTimer, &QTimer::timeout, this, &LabelsController::makePreview);
    connect(&m_items, &LabelItemModel::checkedChanged, this, &LabelsController::schedulePreview);
    connect(m_db, &store::Database::ready, this, [this] {
        // The choices of the last session, then the lists.
        store::SettingsRepository(m_db).all().then(this, [this](const Result<QVariantMap> &read) {
            if (!read.ok())
                setMessage(tr("The last choices could not be read: %1").arg(read.error().message), u"bad"_s);
            const QVariantMap s = read.ok() ? read.value() : QVariantMap();
            const auto text = [&](const char *key) { return s.value(QString::fromLatin1(key)).toString(); };
            m_restoring = true;
            if (!text("labels.scope").isEmpty())
                m_selection.scope = text("labels.scope");
            if (!text("labels.exportType").isEmpty())
                setExportType(text("labels.exportType"));
            if (!text("labels.fileFormat").isEmpty())
                setFileFormat(text("labels.fileFormat"));
            if (!text("labels.symbol").isEmpty())
                setSymbol(text("labels.symbol"));
            if (!text("labels.gs1Table").isEmpty())
                setGs1Table(text("labels.gs1Table"));
            if (TemplateLibrary::instance().find(text("labels.template")))
                setTemplateName(text("labels.template"));
            m_printer = text("labels.printer");
            m_restoring = false;
            loadNextStart();
            Q_EMIT selectionChanged();
            refresh();
            refreshPrinters();
            refreshHistory();
        });
    });
}

LabelsController::~LabelsController()
{
    // A job still running holds the database: stop it and wait, so nothing outlives the store.
    for (auto *job : { m_job.data(), m_previewJob.data() }) {
        if (job)
            job->cancel();
    }
    m_pool.waitForDone();
    if (!m_previewPath.isEmpty())
        QFile::remove(m_previewPath);
}

LabelsController *LabelsController::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

// --- selection ---------------------------------------------------------------------------------------------------

void LabelsController::setScope(const QString &scope)
{
    if (scope == m_selection.scope || (scope != u"lots" && scope != u"serials"))
        return;
    m_selection.scope = scope;
    m_items.setAllChecked(false);
    selectionEdited();
}

void LabelsController::setSearch(const QString &search)
{
    if (search == m_selection.search)
        return;
    m_selection.search = search;
    selectionEdited();
}

void LabelsController::setGtinFilter(const QString &gtins)
{
    const QStringList list = gtins.split(QRegularExpression(u"[\\s,;]+"_s), Qt::SkipEmptyParts);
    if (list == m_selection.gtins)
        return;
    m_selection.gtins = list;
    selectionEdited();
}

void LabelsController::setNeverPrinted(bool on)
{
    if (on == m_selection.neverPrinted)
        return;
    m_selection.neverPrinted = on;
    selectionEdited();
}

void LabelsController::selectionEdited()
{
    Q_EMIT selectionChanged();
    remember();
    refresh();
}

void LabelsController::refresh()
{
    const int generation = ++m_listGeneration;
    m_loading = true;
    Q_EMIT loadingChanged();
    LabelRepository(m_db)
        .select(m_selection, kListLimit)
        .then(this, [this, generation](const Result<std::vector<LabelItem>> &r) {
            if (generation != m_listGeneration)
                return; // the person typed on; a newer list is coming
            m_loading = false;
            Q_EMIT loadingChanged();
            if (!r.ok()) {
                setMessage(tr("The list could not be read: %1").arg(r.error().message), u"bad"_s);
                return;
            }
            m_items.setItems(r.value());
            schedulePreview();
        });
}

Selection LabelsController::jobSelection() const
{
    Selection s = m_selection;
    s.ids = m_items.checkedIds(); // ticks narrow the filtered list; no ticks: everything that matches
    return s;
}

// --- options ------------------------------------------------------------------------------------------------------

QVariantList LabelsController::templates() const
{
    QVariantList out;
    for (const auto &t : TemplateLibrary::instance().templates()) {
        out << QVariantMap { { u"name"_s, t.name }, { u"summary"_s, t.summary() }, { u"description"_s, t.description },
            { u"perPage"_s, t.labelsPerPage() }, { u"roll"_s, t.roll } };
    }
    return out;
}

void LabelsController::setExportType(const QString &type)
{
    static const QStringList types { u"sheet_pdf"_s, u"qr_codes"_s, u"datamatrix"_s, u"barcodes_1d"_s,
        u"codes_combined"_s };
    if (type == m_options.exportType || !types.contains(type))
        return;
    m_options.exportType = type;
    if (!formats().contains(m_options.fileFormat))
        m_options.fileFormat = formats().value(0);
    if (!symbolsFor(type).contains(m_options.symbol.value_or(SymbolKind::Gs1DataMatrix)))
        m_options.symbol = symbolsFor(type).value(0);
    optionsEdited();
}

QStringList LabelsController::formats() const
{
    QStringList out;
    for (const auto &f : { u"pdf"_s, u"svg"_s, u"png"_s, u"eps"_s }) {
        if (ExportRequest::coherenceError(m_options.exportType, f).isEmpty())
            out << f;
    }
    return out;
}

void LabelsController::setFileFormat(const QString &format)
{
    if (format == m_options.fileFormat || !formats().contains(format))
        return;
    m_options.fileFormat = format;
    optionsEdited();
}

QVariantList LabelsController::symbols() const
{
    QVariantList out;
    for (const auto kind : symbolsFor(m_options.exportType))
        out << QVariantMap { { u"name"_s, symbolKindName(kind) }, { u"title"_s, symbolKindTitle(kind) } };
    return out;
}

QString LabelsController::symbol() const
{
    return symbolKindName(m_options.symbol.value_or(SymbolKind::Gs1DataMatrix));
}

void LabelsController::setSymbol(const QString &name)
{
    const auto kind = symbolKindFromName(name);
    if (!kind || kind == m_options.symbol || !symbolsFor(m_options.exportType).contains(*kind))
        return;
    m_options.symbol = kind;
    optionsEdited();
}

void LabelsController::setTemplateName(const QString &name)
{
    const auto t = TemplateLibrary::instance().find(name);
    if (!t || t->name == m_options.templateName)
        return;
    m_options.templateName = t->name;
    m_options.startPosition = std::min(m_options.startPosition, t->labelsPerPage());
    optionsEdited();
    loadNextStart();
}

void LabelsController::loadNextStart()
{
    const QString name = m_options.templateName;
    store::SettingsRepository(m_db).value(nextStartKey(name)).then(this, [this, name](const QVariant &value) {
        if (name == m_options.templateName)
            setStartPosition(std::max(1, value.toInt()));
    });
}

QVariantMap LabelsController::sheet() const
{
    const auto t = TemplateLibrary::instance().find(m_options.templateName);
    if (!t)
        return {};
    // Cells as fractions of the page, so the view can mark them on a page picture of any size.
    QVariantList cells;
    for (int i = 0; i < t->labelsPerPage(); ++i) {
        const QRectF c = t->cell(i).translated(m_options.calibration);
        cells << QVariantMap { { u"x"_s, c.x() / t->pageWidth }, { u"y"_s, c.y() / t->pageHeight },
            { u"width"_s, c.width() / t->pageWidth }, { u"height"_s, c.height() / t->pageHeight } };
    }
    return { { u"name"_s, t->name }, { u"summary"_s, t->summary() }, { u"pageWidth"_s, t->pageWidth },
        { u"pageHeight"_s, t->pageHeight }, { u"perPage"_s, t->labelsPerPage() },
        { u"round"_s, t->shape == SheetTemplate::Shape::Round }, { u"cells"_s, cells } };
}

void LabelsController::setStartPosition(int position)
{
    const auto t = TemplateLibrary::instance().find(m_options.templateName);
    position = std::clamp(position, 1, t ? t->labelsPerPage() : 1);
    if (position == m_options.startPosition)
        return;
    m_options.startPosition = position;
    optionsEdited();
}

void LabelsController::setCopiesPerItem(int copies)
{
    copies = std::clamp(copies, 1, 1000);
    if (copies == m_options.copiesPerItem)
        return;
    m_options.copiesPerItem = copies;
    optionsEdited();
}

void LabelsController::setOutlines(bool on)
{
    if (on == m_options.outlines)
        return;
    m_options.outlines = on;
    optionsEdited();
}

void LabelsController::setShowHri(bool on)
{
    if (on == m_options.artwork.humanReadable)
        return;
    m_options.artwork.humanReadable = on;
    optionsEdited();
}

void LabelsController::setGs1Table(const QString &name)
{
    const auto table = gs1TableFromName(name);
    if (!table || *table == m_options.artwork.table)
        return;
    m_options.artwork.table = *table;
    optionsEdited();
}

void LabelsController::optionsEdited()
{
    Q_EMIT optionsChanged();
    remember();
    schedulePreview();
}

void LabelsController::remember()
{
    if (m_restoring)
        return;
    store::SettingsRepository settings(m_db);
    settings.setValue(u"labels.scope"_s, m_selection.scope);
    settings.setValue(u"labels.exportType"_s, m_options.exportType);
    settings.setValue(u"labels.fileFormat"_s, m_options.fileFormat);
    settings.setValue(u"labels.symbol"_s, symbol());
    settings.setValue(u"labels.template"_s, m_options.templateName);
    settings.setValue(u"labels.gs1Table"_s, gs1Table());
    settings.setValue(u"labels.printer"_s, m_printer);
}

ExportRequest LabelsController::request() const
{
    ExportRequest q = m_options;
    q.selection = jobSelection();
    q.userName = userName();
    return q;
}

// --- preview ------------------------------------------------------------------------------------------------------

void LabelsController::setPreview(const QString &state, const QString &message)
{
    m_previewState = state;
    m_previewMessage = message;
    Q_EMIT previewChanged();
}

void LabelsController::schedulePreview()
{
    if (m_options.exportType != u"sheet_pdf") {
        m_previewTimer.stop();
        setPreview(u"none"_s,
            tr("This export makes a ZIP with one %1 file per item, named by its identifiers; sheets are previewed "
               "with the type “Sheet PDF”.")
                .arg(m_options.fileFormat.toUpper()));
        return;
    }
    if (m_items.count() == 0) {
        m_previewTimer.stop();
        setPreview(u"empty"_s, m_loading ? QString() : tr("No %1 match: nothing to lay out.").arg(m_selection.scope));
        return;
    }
    m_previewTimer.start();
}

void LabelsController::makePreview()
{
    if (m_previewJob) { // the settings changed while a preview was made: that one is stale
        m_previewAgain = true;
        m_previewJob->cancel();
        return;
    }
    ExportRequest q = request();
    q.verify = false; // a look at the layout; print and export read every label back
    q.record = false;
    q.outputPath = u"%1/preview-%2.pdf"_s.arg(workFolder()).arg(++m_previewRevision);
    setPreview(u"rendering"_s, tr("Laying out the labels…"));
    auto *job = new LabelJob(m_db, q, this);
    m_previewJob = job;
    QtConcurrent::run(&m_pool, [job] { return job->run(); }).then(this, [this, job](const JobResult &r) {
        job->deleteLater();
        m_previewJob = nullptr;
        if (m_previewAgain) {
            m_previewAgain = false;
            QFile::remove(job->request().outputPath);
            makePreview();
            return;
        }
        if (r.status != u"completed") {
            setPreview(u"failed"_s, r.error);
            return;
        }
        if (!m_previewPath.isEmpty())
            QFile::remove(m_previewPath);
        m_previewPath = r.output;
        m_previewPages = r.pages;
        m_previewLabels = r.labels;
        setPreview(u"ready"_s, {});
    });
}

QString LabelsController::pageSource(int page) const
{
    if (m_previewPath.isEmpty())
        return {};
    return u"image://labelpreview/%1/%2"_s.arg(page).arg(QString::fromUtf8(QUrl::toPercentEncoding(m_previewPath)));
}

// --- printers -----------------------------------------------------------------------------------------------------

void LabelsController::refreshPrinters()
{
    QtConcurrent::run(&m_pool, [] {
        return printing::availablePrinters();
    }).then(this, [this](const std::vector<printing::PrinterInfo> &list) {
        m_printers.clear();
        for (const auto &p : list) {
            m_printers << QVariantMap { { u"name"_s, p.name }, { u"description"_s, p.description },
                { u"location"_s, p.location }, { u"state"_s, p.state }, { u"isDefault"_s, p.isDefault } };
        }
        Q_EMIT printersChanged();
        const bool known = std::any_of(list.begin(), list.end(), [&](const auto &p) { return p.name == m_printer; });
        if (!known)
            setPrinter(list.empty() ? QString() : list.front().name);
        else
            loadCalibration();
    });
}

void LabelsController::setPrinter(const QString &printer)
{
    if (printer == m_printer)
        return;
    m_printer = printer;
    Q_EMIT printSettingsChanged();
    remember();
    loadCalibration();
}

void LabelsController::loadCalibration()
{
    if (m_printer.isEmpty())
        return;
    LabelRepository(m_db).calibration(m_printer).then(this, [this, printer = m_printer](const Result<QPointF> &r) {
        if (!r.ok()) {
            setMessage(tr("The offsets of %1 could not be read: %2").arg(printer, r.error().message), u"bad"_s);
            return;
        }
        const QPointF offset = r.value();
        if (printer != m_printer || offset == m_options.calibration)
            return;
        m_options.calibration = offset;
        Q_EMIT printSettingsChanged();
        Q_EMIT optionsChanged();
        schedulePreview();
    });
}

void LabelsController::setPrintCopies(int copies)
{
    m_printCopies = std::clamp(copies, 1, 999);
    Q_EMIT printSettingsChanged();
}

void LabelsController::setFromPage(int page)
{
    m_fromPage = std::max(0, page);
    Q_EMIT printSettingsChanged();
}

void LabelsController::setToPage(int page)
{
    m_toPage = std::max(0, page);
    Q_EMIT printSettingsChanged();
}

void LabelsController::setOffsetX(double mm)
{
    setCalibration({ mm, m_options.calibration.y() });
}

void LabelsController::setOffsetY(double mm)
{
    setCalibration({ m_options.calibration.x(), mm });
}

void LabelsController::setCalibration(QPointF offsetMm)
{
    offsetMm = { std::clamp(offsetMm.x(), -10.0, 10.0), std::clamp(offsetMm.y(), -10.0, 10.0) };
    if (offsetMm == m_options.calibration)
        return;
    m_options.calibration = offsetMm;
    if (!m_printer.isEmpty())
        LabelRepository(m_db).setCalibration(m_printer, offsetMm);
    Q_EMIT printSettingsChanged();
    optionsEdited();
}

// --- jobs ---------------------------------------------------------------------------------------------------------

void LabelsController::runJob(ExportRequest q, const QString &title)
{
    if (m_job) {
        setMessage(tr("A job is still running: wait for it or cancel it."), u"warn"_s);
        return;
    }
    clearMessage();
    auto *job = new LabelJob(m_db, q, this);
    m_job = job;
    m_jobTitle = title;
    m_jobPhase = u"pending"_s;
    m_jobDone = 0;
    m_jobTotal = 0;
    Q_EMIT jobChanged();
    connect(job, &LabelJob::progress, this, [this](int done, int total, const QString &phase) {
        m_jobDone = done;
        m_jobTotal = total;
        m_jobPhase = phase;
        Q_EMIT jobChanged();
    });
    QtConcurrent::run(&m_pool, [job] { return job->run(); }).then(this, [this, job, q](const JobResult &r) {
        job->deleteLater();
        m_job = nullptr;
        Q_EMIT jobChanged();
        jobFinished(r, q);
    });
}

void LabelsController::jobFinished(const JobResult &r, const ExportRequest &q)
{
    const bool printed = !q.print.printer.isEmpty();
    if (printed)
        QFile::remove(q.outputPath); // the printer has it; the print log says what was printed
    if (r.status != u"completed") {
        const QString what = printed ? tr("Nothing was printed") : tr("Nothing was saved");
        const bool mild = r.error == u"cancelled" || !r.alreadyPrinted.isEmpty();
        setMessage(u"%1: %2"_s.arg(what, r.error), mild ? u"warn"_s : u"bad"_s, r.failures);
        if (!r.alreadyPrinted.isEmpty())
            Q_EMIT reprintReasonNeeded(r.alreadyPrinted.mid(0, 5).join(u", "_s)
                + (r.alreadyPrinted.size() > 5 ? tr(" and %1 more").arg(r.alreadyPrinted.size() - 5) : QString()));
    } else if (printed) {
        // The labels used are gone from the sheet: the next print starts after them.
        if (r.nextStart > 0 && q.templateName == m_options.templateName)
            setStartPosition(r.nextStart);
        setMessage(tr("%1 %2 labels on %3 (%4 pages) · all %5 read back before printing")
                       .arg(q.print.action == u"reprint" ? tr("Reprinted") : tr("Printed"))
                       .arg(r.labels)
                       .arg(r.printedOn)
                       .arg(r.pages)
                       .arg(r.verified),
            u"good"_s);
    } else {
        setMessage(
            tr("Saved %1 labels to %2 · all %3 read back").arg(r.labels).arg(r.output).arg(r.verified), u"good"_s);
    }
    refresh();
    refreshHistory();
}

void LabelsController::print(const QString &reason)
{
    if (m_printer.isEmpty()) {
        setMessage(
            tr("There is no printer to print on: add one to the print server (CUPS), or export a PDF."), u"bad"_s);
        return;
    }
    if (m_options.exportType != u"sheet_pdf") {
        setMessage(tr("Only sheets print: choose the type “Sheet PDF”."), u"warn"_s);
        return;
    }
    ExportRequest q = request();
    q.outputPath = u"%1/print-%2.pdf"_s.arg(workFolder(), QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.print.printer = m_printer;
    q.print.copies = m_printCopies;
    q.print.fromPage = m_fromPage;
    q.print.toPage = m_toPage;
    q.print.reason = reason.trimmed();
    runJob(q, tr("Printing on %1").arg(m_printer));
}

QUrl LabelsController::suggestedExportFile() const
{
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmm"_s);
    const QString ext = m_options.exportType == u"sheet_pdf" ? u"pdf"_s : u"zip"_s;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QUrl::fromLocalFile(
        u"%1/labels-%2-%3-%4.%5"_s.arg(folder, m_selection.scope, m_options.exportType, stamp, ext));
}

void LabelsController::exportTo(const QUrl &file)
{
    ExportRequest q = request();
    q.outputPath = file.isLocalFile() ? file.toLocalFile() : file.toString();
    runJob(q, tr("Exporting to %1").arg(QFileInfo(q.outputPath).fileName()));
}

void LabelsController::reprint(const QString &itemId, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        setMessage(tr("Say why the labels are printed again (damaged, lost, …)."), u"warn"_s);
        return;
    }
    ExportRequest q = request();
    q.exportType = u"sheet_pdf"_s;
    q.fileFormat = u"pdf"_s;
    if (!itemId.isEmpty())
        q.selection.ids = { itemId };
    if (q.selection.ids.isEmpty()) {
        setMessage(tr("Tick the labels to print again."), u"warn"_s);
        return;
    }
    // Printing again is for labels that were printed; the rest are printed with Print.
    QStringList never;
    for (const auto &id : q.selection.ids) {
        if (const auto *item = m_items.find(id); item && item->printCount == 0)
            never << (item->kind == LabelItem::Kind::Serial ? item->serial : item->lot);
    }
    if (!never.isEmpty()) {
        setMessage((never.size() == 1 ? tr("%1 was never printed: print it with Print.")
                                      : tr("%1 were never printed: print them with Print."))
                       .arg(never.mid(0, 5).join(u", "_s)),
            u"warn"_s);
        return;
    }
    if (m_printer.isEmpty()) {
        setMessage(tr("There is no printer to print on."), u"bad"_s);
        return;
    }
    q.outputPath = u"%1/reprint-%2.pdf"_s.arg(workFolder(), QUuid::createUuid().toString(QUuid::WithoutBraces));
    q.print.printer = m_printer;
    q.print.copies = 1;
    q.print.action = u"reprint"_s;
    q.print.reason = reason.trimmed();
    runJob(q,
        (q.selection.ids.size() == 1 ? tr("Reprinting 1 label on %1")
                                     : tr("Reprinting %1 labels on %2").arg(q.selection.ids.size()))
            .arg(m_printer));
}

void LabelsController::voidSerial(const QString &itemId, const QString &reason)
{
    if (reason.trimmed().isEmpty()) {
        setMessage(tr("Say why the serial is void."), u"warn"_s);
        return;
    }
    const auto *item = m_items.find(itemId);
    const QString name = item ? item->serial : itemId;
    LabelRepository(m_db)
        .voidSerial(itemId, reason.trimmed(), userName())
        .then(this, [this, name](const Result<store::Done> &r) {
            if (r.ok())
                setMessage(tr("Serial %1 is void: it will not be printed again.").arg(name), u"good"_s);
            else
                setMessage(tr("Serial %1 could not be voided: %2").arg(name, r.error().message), u"bad"_s);
            refresh();
            refreshHistory();
        });
}

void LabelsController::cancelJob()
{
    if (m_job)
        m_job->cancel();
}

// --- entries ------------------------------------------------------------------------------------------------------

namespace {
ItemInput inputFrom(const QVariantMap &fields, QString *error)
{
    ItemInput in;
    in.gtin = fields.value(u"gtin"_s).toString().trimmed();
    in.lot = fields.value(u"lot"_s).toString().trimmed();
    for (const auto &[key, date] :
        { std::pair { u"expiry"_s, &in.expiry }, { u"productionDate"_s, &in.productionDate } }) {
        const QString text = fields.value(key).toString().trimmed();
        const auto parsed = LabelImport::parseDate(text);
        if (parsed.ok())
            *date = parsed.value();
        else
            *error = QObject::tr("“%1” is not a date: write 2027-12-31 or the GS1 form 271231").arg(text);
    }
    return in;
}
} // namespace

void LabelsController::addLot(const QVariantMap &fields)
{
    QString error;
    const ItemInput in = inputFrom(fields, &error);
    if (!error.isEmpty()) {
        Q_EMIT entryFinished(false, error, {});
        return;
    }
    LabelRepository(m_db).addLot(in).then(this, [this](const Result<LabelItem> &r) {
        if (!r.ok()) {
            Q_EMIT entryFinished(false, r.error().message, {});
            return;
        }
        Q_EMIT entryFinished(true, tr("Lot %1 of %2 added").arg(r.value().lot, r.value().gtin), {});
        refresh();
    });
}

void LabelsController::addSerials(const QVariantMap &fields)
{
    QString error;
    const ItemInput in = inputFrom(fields, &error);
    if (!error.isEmpty()) {
        Q_EMIT entryFinished(false, error, {});
        return;
    }
    const QString prefix = fields.value(u"prefix"_s).toString().trimmed();
    const qint64 first = fields.value(u"first"_s).toLongLong();
    const int count = fields.value(u"count"_s).toInt();
    const int width = fields.value(u"width"_s).toInt();
    LabelRepository(m_db).addSerialRange(in, prefix, first, count, width).then(this, [this](const Result<int> &r) {
        if (!r.ok()) {
            Q_EMIT entryFinished(false, r.error().message, {});
            return;
        }
        Q_EMIT entryFinished(true, r.value() == 1 ? tr("1 serial added") : tr("%1 serials added").arg(r.value()), {});
        refresh();
    });
}

void LabelsController::importCsv(const QUrl &file)
{
    QFile f(file.isLocalFile() ? file.toLocalFile() : file.toString());
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT entryFinished(false, tr("%1 could not be read: %2").arg(f.fileName(), f.errorString()), {});
        return;
    }
    const QString scope = m_selection.scope;
    LabelRepository(m_db).importCsv(scope, f.readAll()).then(this, [this](const ImportReport &r) {
        if (!r.ok()) {
            Q_EMIT entryFinished(false,
                r.errors.size() == 1 ? tr("Nothing was imported: 1 row needs fixing first.")
                                     : tr("Nothing was imported: %1 rows need fixing first.").arg(r.errors.size()),
                r.errors);
            return;
        }
        Q_EMIT entryFinished(true,
            tr("Imported %1 lots and %2 serials (%3 lots were already there)")
                .arg(r.lots)
                .arg(r.serials)
                .arg(r.unchanged),
            {});
        refresh();
    });
}

// --- history and messages -----------------------------------------------------------------------------------------

void LabelsController::refreshHistory()
{
    LabelRepository(m_db).printLog(200).then(this, [this](const Result<std::vector<PrintLogEntry>> &r) {
        if (!r.ok()) {
            setMessage(tr("The print history could not be read: %1").arg(r.error().message), u"bad"_s);
            return;
        }
        m_history.clear();
        for (const auto &e : r.value()) {
            m_history << QVariantMap { { u"action"_s, e.action }, { u"printer"_s, e.printer },
                { u"copies"_s, e.copies }, { u"template"_s, e.templateName }, { u"start"_s, e.startPosition },
                { u"user"_s, e.userName }, { u"workstation"_s, e.workstation }, { u"reason"_s, e.reason },
                { u"when"_s, QLocale().toString(e.created.toLocalTime(), QLocale::ShortFormat) },
                { u"items"_s, e.items }, { u"firstItem"_s, e.firstItem }, { u"jobId"_s, e.jobId } };
        }
        Q_EMIT historyChanged();
    });
}

void LabelsController::setMessage(const QString &text, const QString &kind, const QStringList &details)
{
    m_message = text;
    m_messageKind = kind;
    m_messageDetails = details.mid(0, 4);
    if (details.size() > 4)
        m_messageDetails << tr("… and %1 more").arg(details.size() - 4);
    Q_EMIT messageChanged();
}

void LabelsController::clearMessage()
{
    setMessage({}, {});
}

} // namespace closient::models
