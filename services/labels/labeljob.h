// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "labelrepository.h"
#include "labelsymbol.h"
#include "layoutrenderer.h"
#include "sheetrenderer.h"
#include "zpl.h"

#include <QHash>
#include <QObject>
#include <QPointF>

#include <atomic>
#include <optional>
#include <vector>

namespace closient::labels {

/** Where the finished sheets go besides the file: a printer, through Qt PrintSupport (CUPS on Linux). */
struct PrintTarget
{
    QString printer; // empty: no printing; a thermal job's raw target ("tcp://HOST:9100", "cups:QUEUE")
    QString printerName; // as people call the printer ("Zebra bench"): the print log shows it with the printer
    int copies = 1; // copies of the whole job
    int fromPage = 0; // 1-based, 0 = all
    int toPage = 0;
    QString action = QStringLiteral("print"); // print | reprint | test
    QString reason; // required for a reprint, and whenever a serial on the pages was printed before
    /// How long to follow a CUPS job until it has printed; after that it is reported as stalled.
    int confirmTimeoutMs = 120000;
};

/** One export, as the API's POST /labels/export/ takes it plus the station's own knobs. */
struct ExportRequest
{
    QString exportType
        = QStringLiteral("sheet_pdf"); // qr_codes | datamatrix | barcodes_1d | codes_combined | sheet_pdf | thermal
    QString fileFormat = QStringLiteral("pdf"); // svg | png | pdf | eps | zpl (thermal)
    Selection selection;
    QString templateName = QStringLiteral("63up_1in_letter");
    /// A stock of StockLibrary (Stock::id or "Brand Part"); replaces templateName when set. A layout without one
    /// takes the stock it was made for, if it names one.
    QString stock;
    /// A layout of LayoutLibrary by name: its objects, bound to each item, are drawn on every label (sheets, ZIP
    /// PNGs, thermal labels). Empty: the symbol-only artwork.
    QString layoutName;
    /// A layout given whole (the screen's designer, tests); used instead of layoutName when set.
    std::optional<Layout> layout;
    /// A thermal job's printer settings (dpi, darkness, speed, media); its labels go to print.printer.
    ZplSettings zpl;
    int startPosition = 1; // 0: the stock's next label, as the last print on it left it (nextStartKey)
    QPointF calibration; // mm
    bool outlines = false;
    int copiesPerItem = 1;
    std::optional<SymbolKind> symbol; // what a sheet carries (default GS1 DataMatrix) or the 1D kind of a ZIP
    QString resolverDomain; // empty: the station's resolver_domain setting
    ArtworkOptions artwork;
    bool verify = true;
    bool record = true; // false for the screen's preview: no row in label_jobs
    QString outputPath;
    PrintTarget print;
    QString userName;
    /// CSV rows to label (an export "from a file"): checked first, stored only when the whole job succeeds.
    QByteArray importCsv;
    QChar importDelimiter = u',';
    QHash<QString, QString> importColumnMap; // the file's own headers: "charge" → lot (LabelImport::parse)

    [[nodiscard]] QJsonObject assetConfig() const;
};

/// How a job ended. A cancelled job delivered nothing, like a failed one, but nothing went wrong.
enum class JobStatus { Completed, Failed, Cancelled };
/// "completed", "failed", "cancelled".
[[nodiscard]] QString jobStatusName(JobStatus status);

/** What a job did. */
struct JobResult
{
    QString jobId;
    JobStatus status = JobStatus::Failed;
    QString error;
    int items = 0;
    int labels = 0;
    int pages = 0;
    QString output;
    qint64 bytes = 0;
    double renderMs = 0;
    double verifyMs = 0;
    int verified = 0;
    int verifiedFast = 0; // of those verified, how many the pure-symbol read confirmed at once
    QStringList failures;
    QString printedOn;
    int startPosition = 0; // the first label used on the first sheet
    int nextStart = 0; // after a print: where the next print on this stock starts
    QStringList alreadyPrinted; // refused: serials printed before, on a print without a reason
    /// What the print server says became of the print: "completed"; "stalled" (still queued when we stopped
    /// waiting: recorded as printed, since it prints when the printer resumes, and said so in warning); "sent" for a
    /// network printer, which confirms nothing beyond taking every byte. Empty without a print.
    QString printState;
    QString cupsJob; // "Desk-42"
    QString warning; // something the person must know although the job completed
    QString stock; // the stock as people read it ("Avery 5160 — Address labels, ...")
    QString layout; // the layout's name; empty for the symbol-only labels
    [[nodiscard]] QJsonObject toJson() const;
};

/// The settings key that remembers where the next print on a stock starts ("labels.next_start.<sheet name>", a number
/// from 1 to the labels per page): the sheet template's name, which is a station stock's id and, for a glabels stock,
/// its id as toSheetTemplate() names it.
[[nodiscard]] QString nextStartKey(const QString &sheetName);

/// The sheet a job with @p stock (Stock::id or "Brand Part"; empty: none) or else @p templateName prints on; the
/// reason when there is no such stock or it cannot be printed on as a sheet.
[[nodiscard]] Result<SheetTemplate> resolveSheet(const QString &stock, const QString &templateName);

/** What a print will do, for the confirmation before it: counted from the store, nothing is written. */
struct PrintPreviewSummary
{
    int items = 0;
    int labels = 0;
    int pages = 0;
    int newSerials = 0;
    int reprintedSerials = 0; // serials printed before: printing them again is a reprint with a reason
    QStringList reprinted; // the first few of them, by serial
};
/// Counts what @p request would print. NOTE: blocking (waits for the store); run it off the GUI thread.
[[nodiscard]] Result<PrintPreviewSummary> summarizePrint(store::Database *db, const ExportRequest &request);

/**
 * Runs one export: checks everything it can first (template, start, output file, fonts, printer, void serials,
 * reprints without a reason) and writes nothing when that fails; then lays out and renders the items into a
 * temporary file, reads every label back, prints, puts the file in place and stores what happened (the rows of
 * its CSV, the print log, the next start) in one transaction. The job row follows the API's lifecycle pending →
 * processing → completed | failed. run() blocks (call it from a worker thread or a command); progress() and
 * cancel() are safe from any thread.
 */
class LabelJob : public QObject
{
    Q_OBJECT
public:
    LabelJob(store::Database *db, ExportRequest request, QObject *parent = nullptr);

    JobResult run();
    void cancel() { m_cancelled = true; }
    [[nodiscard]] const ExportRequest &request() const { return m_request; }

Q_SIGNALS:
    /// @p phase is "rendering", "verifying" or "printing"; emitted from the thread that runs the job.
    void progress(int done, int total, const QString &phase);

private:
    JobResult fail(JobResult r, const QString &error);
    /// The checks that need no items; nothing is written when they fail.
    [[nodiscard]] Result<Done> validate();
    /// The items to label, from the file (not stored yet: @p plan) or the store, with the void and reprint rules.
    [[nodiscard]] Result<std::vector<LabelItem>> collectItems(std::optional<ImportPlan> *plan, JobResult &r);
    bool renderSheets(const std::vector<LabelItem> &items, const QString &path, JobResult &r);
    bool renderZip(const std::vector<LabelItem> &items, const QString &path, JobResult &r);
    /// A ZIP of PNG labels drawn by the layout, each read back.
    bool renderLayoutZip(const std::vector<LabelItem> &items, const QString &path, JobResult &r);
    /// Thermal labels: each rendered at the printer's dpi in one bit, read back, then written as ZPL.
    bool renderThermal(const std::vector<LabelItem> &items, const QString &path, JobResult &r);
    /// Sends the verified ZPL file to the raw target; @p printed gets the items sent.
    bool sendThermal(
        const std::vector<LabelItem> &items, const QString &path, std::vector<LabelItem> *printed, JobResult &r);
    /// The stock's sheet template, and the layout (read, checked against the stock's label); nothing is written.
    [[nodiscard]] Result<Done> resolveStockAndLayout();
    /// One label's data: the item, its product's name and brand, its number in the job.
    [[nodiscard]] LabelData labelData(const LabelItem &item, int count, int total) const;
    /// Draws item @p index of @p items in a sheet cell with the layout.
    [[nodiscard]] CellPainter cellPainter(const std::vector<LabelItem> &items) const;
    void loadProducts(const std::vector<LabelItem> &items);
    /// Follows CUPS job @p cupsJob on @p queue until it has printed; false (r.error set) when it was cancelled or
    /// aborted. A job still queued at the timeout is recorded, with r.warning saying so.
    bool confirmCupsJob(const QString &queue, const QString &cupsJob, JobResult &r);
    /// Prints; @p printed gets the items on the pages that went to the printer.
    bool printSheets(const std::vector<LabelItem> &items, std::vector<LabelItem> *printed, JobResult &r);
    /// The pages (0-based, inclusive) that go to the printer, of a job with @p items.
    [[nodiscard]] std::pair<int, int> printedPages(int items) const;
    [[nodiscard]] bool hasJobRow() const;
    void setStatus(const QString &jobId, const QString &status, const JobResult &r);
    [[nodiscard]] SheetLayout sheetLayout() const;
    /// Artwork for item i of @p items on this job's labels; copies of one item reuse it.
    [[nodiscard]] ArtworkSource artworkSource(const std::vector<LabelItem> &items) const;

    store::Database *m_db;
    ExportRequest m_request;
    std::atomic<bool> m_cancelled { false };
    std::optional<SheetTemplate> m_template;
    QString m_stockId; // the key sheet tracking uses: Stock::id, or the template's name
    QString m_stockName; // as people read it, for the history
    std::shared_ptr<const LayoutRenderer> m_renderer; // when the job uses a layout
    QHash<QString, std::pair<QString, QString>> m_products; // GTIN → name, brand
    QHash<QString, QHash<QString, QString>> m_columns; // item id → the CSV columns its row gave the layout
    [[nodiscard]] bool thermal() const { return m_request.exportType == u"thermal"; }
};

} // namespace closient::labels
