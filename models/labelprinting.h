// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportrules.h"
#include "labelscontext.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QUrl>
#include <QVariantList>

namespace closient::models {

class LabelItemModel;
class LabelsThermal;

/** Where the labels go and the jobs that take them there: the printers CUPS offers, copies, pages and each
 *  printer's calibration; print, export, print again and void, each run as a job that reads every label back. */
class LabelPrinting : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of LabelsController.")
    Q_PROPERTY(QVariantList printers READ printers NOTIFY printersChanged)
    /// Why there is no printer to choose (CUPS not running, none set up); empty when there are printers.
    Q_PROPERTY(QString noPrintersReason READ noPrintersReason NOTIFY printersChanged)
    Q_PROPERTY(QString printer READ printer WRITE setPrinter NOTIFY changed)
    Q_PROPERTY(int copies READ copies WRITE setCopies NOTIFY changed)
    Q_PROPERTY(QString pages READ pages NOTIFY changed)
    Q_PROPERTY(double offsetX READ offsetX WRITE setOffsetX NOTIFY changed)
    Q_PROPERTY(double offsetY READ offsetY WRITE setOffsetY NOTIFY changed)
    Q_PROPERTY(double calibrationLimit READ calibrationLimit CONSTANT)
    Q_PROPERTY(QStringList voidReasons READ voidReasons CONSTANT)
    Q_PROPERTY(QStringList reprintReasons READ reprintReasons CONSTANT)
    Q_PROPERTY(bool jobRunning READ jobRunning NOTIFY jobChanged)
    Q_PROPERTY(QString jobTitle READ jobTitle NOTIFY jobChanged)
    Q_PROPERTY(JobPhase jobPhase READ jobPhase NOTIFY jobChanged)
    Q_PROPERTY(QString jobPhaseText READ jobPhaseText NOTIFY jobChanged)
    Q_PROPERTY(int jobDone READ jobDone NOTIFY jobChanged)
    Q_PROPERTY(int jobTotal READ jobTotal NOTIFY jobChanged)

public:
    enum class JobPhase { Starting, Rendering, Verifying, Printing };
    Q_ENUM(JobPhase)

    LabelPrinting(const LabelsContext &context, LabelItemModel *items, QObject *parent = nullptr);
    ~LabelPrinting() override;

    [[nodiscard]] QVariantList printers() const { return m_printers; }
    [[nodiscard]] QString noPrintersReason() const { return m_noPrintersReason; }
    [[nodiscard]] QString printer() const { return m_printer; }
    void setPrinter(const QString &printer);
    [[nodiscard]] int copies() const { return m_copies; }
    void setCopies(int copies);
    /// The pages to print as the person wrote them ("", "2", "2-4", "3-").
    [[nodiscard]] QString pages() const { return labels::pageRangeText(m_pages); }
    [[nodiscard]] double offsetX() const { return m_context.request->calibration.x(); }
    void setOffsetX(double mm);
    [[nodiscard]] double offsetY() const { return m_context.request->calibration.y(); }
    void setOffsetY(double mm);
    [[nodiscard]] static double calibrationLimit();
    /// Why a serial is voided / a label printed again, as offered (other words are allowed too).
    [[nodiscard]] QStringList voidReasons() const;
    [[nodiscard]] QStringList reprintReasons() const;
    [[nodiscard]] bool jobRunning() const { return m_job != nullptr; }
    [[nodiscard]] QString jobTitle() const { return m_jobTitle; }
    [[nodiscard]] JobPhase jobPhase() const { return m_jobPhase; }
    [[nodiscard]] QString jobPhaseText() const;
    [[nodiscard]] int jobDone() const { return m_jobDone; }
    [[nodiscard]] int jobTotal() const { return m_jobTotal; }

    /// Takes a page range in the person's words; a range that cannot be read is refused with the reason (in the
    /// status message) and the last good one stays.
    Q_INVOKABLE bool setPages(const QString &text);
    Q_INVOKABLE void refreshPrinters();
    /// Prints the previewed job on the chosen printer (checked and logged). Serials printed before are printed
    /// again only with a @p reason (a reprint); without one, reprintReasonNeeded asks for it.
    Q_INVOKABLE void print(const QString &reason = QString());
    /// Counts what Print would do (off the GUI thread) and hands it to confirmationNeeded: the view shows it and
    /// calls print(reason) when the person agrees. Nothing is printed here.
    Q_INVOKABLE void confirmPrint();
    /// Writes the job to @p file (a PDF or a ZIP by the export type), checked first.
    Q_INVOKABLE void exportTo(const QUrl &file);
    /// Where to offer to save the export: the documents folder, a name with the scope, type and time.
    Q_INVOKABLE QUrl suggestedExportFile() const;
    /// Prints one label again, or the ticked ones when @p itemId is empty; a reprint needs a reason, and only what
    /// was printed before can be printed again.
    Q_INVOKABLE void reprint(const QString &itemId, const QString &reason);
    /// Voids a serial (it is not printed again); logged with the reason.
    Q_INVOKABLE void voidSerial(const QString &itemId, const QString &reason);
    Q_INVOKABLE void cancelJob();
    /// The printer the last session used (remembered in settings), before the list is read.
    void restore();
    /// The thermal printers: a thermal job prints on, and exports for, the one chosen there.
    void setThermal(LabelsThermal *thermal) { m_thermal = thermal; }

Q_SIGNALS:
    void printersChanged();
    void changed();
    /// The calibration changed: the sheet moves.
    void calibrationChanged();
    void jobChanged();
    /// The person chose another printer: worth remembering.
    void edited();
    /// A print was refused because @p serials were printed before: the view asks for the reason and calls
    /// print(reason).
    void reprintReasonNeeded(const QString &serials);
    /// What a print will do, before it is done: labels, pages, items, newSerials, reprintedSerials, reprinted (a
    /// few serials), printer, stock, layout, start, copies.
    void confirmationNeeded(const QVariantMap &summary);
    /// A print finished: the next print on @p templateName starts at @p nextStart.
    void printed(const QString &templateName, int nextStart);

private:
    /// The request Print runs, on the chosen printer (a CUPS printer or a thermal one); nullopt when there is none
    /// (said in the status).
    [[nodiscard]] std::optional<labels::ExportRequest> printRequest(const QString &reason) const;
    /// Makes @p request a job for the chosen thermal printer (sent to it with @p send); false when there is none.
    bool applyThermal(labels::ExportRequest &request, bool send) const;
    void runJob(const labels::ExportRequest &request, const QString &title);
    void jobFinished(const labels::JobResult &result, const labels::ExportRequest &request);
    void loadCalibration();
    void setCalibration(QPointF offsetMm);

    LabelsContext m_context;
    LabelItemModel *m_items;
    LabelsThermal *m_thermal = nullptr; // set by the hub before any job
    QVariantList m_printers;
    QString m_noPrintersReason;
    QString m_printer;
    QString m_lastExportFolder; // where the last export went: the next one is suggested there
    int m_copies = 1;
    labels::PageRange m_pages;
    QPointer<labels::LabelJob> m_job;
    QString m_jobTitle;
    JobPhase m_jobPhase = JobPhase::Starting;
    int m_jobDone = 0;
    int m_jobTotal = 0;
};

} // namespace closient::models
