// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gs1print.h"
#include "labelrepository.h"
#include "labelsymbol.h"
#include "sheetrenderer.h"

#include <QObject>
#include <QPointF>

#include <atomic>
#include <optional>
#include <vector>

namespace closient::labels {

/** Where the finished sheets go besides the file: a printer, through Qt PrintSupport (CUPS on Linux). */
struct PrintTarget
{
    QString printer; // empty: no printing
    int copies = 1; // copies of the whole job
    int fromPage = 0; // 1-based, 0 = all
    int toPage = 0;
    QString action = QStringLiteral("print"); // print | reprint | test
    QString reason; // required for a reprint, and whenever a serial on the pages was printed before
};

/** One export, as the API's POST /labels/export/ takes it plus the station's own knobs. */
struct ExportRequest
{
    QString exportType
        = QStringLiteral("sheet_pdf"); // qr_codes | datamatrix | barcodes_1d | codes_combined | sheet_pdf
    QString fileFormat = QStringLiteral("pdf"); // svg | png | pdf | eps
    Selection selection;
    QString templateName = QStringLiteral("63up_1in_letter");
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
    QStringList failures;
    QString printedOn;
    int startPosition = 0; // the first label used on the first sheet
    int nextStart = 0; // after a print: where the next print on this stock starts
    QStringList alreadyPrinted; // refused: serials printed before, on a print without a reason
    [[nodiscard]] QJsonObject toJson() const;
};

/// The settings key that remembers where the next print on @p templateName starts ("labels.next_start.<name>",
/// a number from 1 to the labels per page).
[[nodiscard]] QString nextStartKey(const QString &templateName);

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
    /// Prints; @p printed gets the items on the pages that went to the printer.
    bool printSheets(const std::vector<LabelItem> &items, std::vector<LabelItem> *printed, JobResult &r);
    /// The pages (0-based, inclusive) that go to the printer, of a job with @p items.
    [[nodiscard]] std::pair<int, int> printedPages(int items) const;
    void setStatus(const QString &jobId, const QString &status, const JobResult &r);
    [[nodiscard]] SheetLayout sheetLayout() const;
    /// Artwork for item i of @p items on this job's labels; copies of one item reuse it.
    [[nodiscard]] ArtworkSource artworkSource(const std::vector<LabelItem> &items) const;

    store::Database *m_db;
    ExportRequest m_request;
    std::atomic<bool> m_cancelled { false };
    std::optional<SheetTemplate> m_template;
};

} // namespace closient::labels
