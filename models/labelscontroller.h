// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "labelitemmodel.h"
#include "labeljob.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

namespace closient::store {
class Database;
}

namespace closient::models {

/**
 * What the Labels screen does: choose lots or serials, lay them out on a label stock, show the very PDF that will
 * print, print it (or export it) as a job that reads every label back first, and keep the print history.
 */
class LabelsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(closient::models::LabelItemModel *items READ items CONSTANT)
    Q_PROPERTY(QString scope READ scope WRITE setScope NOTIFY selectionChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY selectionChanged)
    Q_PROPERTY(QString gtinFilter READ gtinFilter WRITE setGtinFilter NOTIFY selectionChanged)
    Q_PROPERTY(bool neverPrinted READ neverPrinted WRITE setNeverPrinted NOTIFY selectionChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)
    Q_PROPERTY(QString exportType READ exportType WRITE setExportType NOTIFY optionsChanged)
    Q_PROPERTY(QStringList formats READ formats NOTIFY optionsChanged)
    Q_PROPERTY(QString fileFormat READ fileFormat WRITE setFileFormat NOTIFY optionsChanged)
    Q_PROPERTY(QVariantList symbols READ symbols NOTIFY optionsChanged)
    Q_PROPERTY(QString symbol READ symbol WRITE setSymbol NOTIFY optionsChanged)
    Q_PROPERTY(QString templateName READ templateName WRITE setTemplateName NOTIFY optionsChanged)
    Q_PROPERTY(QVariantMap sheet READ sheet NOTIFY optionsChanged)
    Q_PROPERTY(int startPosition READ startPosition WRITE setStartPosition NOTIFY optionsChanged)
    Q_PROPERTY(int copiesPerItem READ copiesPerItem WRITE setCopiesPerItem NOTIFY optionsChanged)
    Q_PROPERTY(bool outlines READ outlines WRITE setOutlines NOTIFY optionsChanged)
    Q_PROPERTY(bool showHri READ showHri WRITE setShowHri NOTIFY optionsChanged)
    Q_PROPERTY(QString gs1Table READ gs1Table WRITE setGs1Table NOTIFY optionsChanged)
    Q_PROPERTY(QString previewState READ previewState NOTIFY previewChanged)
    Q_PROPERTY(QString previewMessage READ previewMessage NOTIFY previewChanged)
    Q_PROPERTY(int previewPages READ previewPages NOTIFY previewChanged)
    Q_PROPERTY(int previewLabels READ previewLabels NOTIFY previewChanged)
    Q_PROPERTY(QString previewPath READ previewPath NOTIFY previewChanged)
    Q_PROPERTY(QVariantList printers READ printers NOTIFY printersChanged)
    Q_PROPERTY(QString printer READ printer WRITE setPrinter NOTIFY printSettingsChanged)
    Q_PROPERTY(int printCopies READ printCopies WRITE setPrintCopies NOTIFY printSettingsChanged)
    Q_PROPERTY(int fromPage READ fromPage WRITE setFromPage NOTIFY printSettingsChanged)
    Q_PROPERTY(int toPage READ toPage WRITE setToPage NOTIFY printSettingsChanged)
    Q_PROPERTY(double offsetX READ offsetX WRITE setOffsetX NOTIFY printSettingsChanged)
    Q_PROPERTY(double offsetY READ offsetY WRITE setOffsetY NOTIFY printSettingsChanged)
    Q_PROPERTY(bool jobRunning READ jobRunning NOTIFY jobChanged)
    Q_PROPERTY(QString jobTitle READ jobTitle NOTIFY jobChanged)
    Q_PROPERTY(QString jobPhase READ jobPhase NOTIFY jobChanged)
    Q_PROPERTY(int jobDone READ jobDone NOTIFY jobChanged)
    Q_PROPERTY(int jobTotal READ jobTotal NOTIFY jobChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString messageKind READ messageKind NOTIFY messageChanged)
    Q_PROPERTY(QStringList messageDetails READ messageDetails NOTIFY messageChanged)
    Q_PROPERTY(QVariantList history READ history NOTIFY historyChanged)

public:
    explicit LabelsController(store::Database *db, QObject *parent = nullptr);
    ~LabelsController() override;

    static void setInstance(LabelsController *instance) { s_instance = instance; }
    static LabelsController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] LabelItemModel *items() { return &m_items; }
    [[nodiscard]] QString scope() const { return m_selection.scope; }
    void setScope(const QString &scope);
    [[nodiscard]] QString search() const { return m_selection.search; }
    void setSearch(const QString &search);
    [[nodiscard]] QString gtinFilter() const { return m_selection.gtins.join(u' '); }
    void setGtinFilter(const QString &gtins);
    [[nodiscard]] bool neverPrinted() const { return m_selection.neverPrinted; }
    void setNeverPrinted(bool on);
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QVariantList templates() const;
    [[nodiscard]] QString exportType() const { return m_options.exportType; }
    void setExportType(const QString &type);
    [[nodiscard]] QStringList formats() const;
    [[nodiscard]] QString fileFormat() const { return m_options.fileFormat; }
    void setFileFormat(const QString &format);
    [[nodiscard]] QVariantList symbols() const;
    [[nodiscard]] QString symbol() const;
    void setSymbol(const QString &name);
    [[nodiscard]] QString templateName() const { return m_options.templateName; }
    void setTemplateName(const QString &name);
    [[nodiscard]] QVariantMap sheet() const;
    [[nodiscard]] int startPosition() const { return m_options.startPosition; }
    void setStartPosition(int position);
    [[nodiscard]] int copiesPerItem() const { return m_options.copiesPerItem; }
    void setCopiesPerItem(int copies);
    [[nodiscard]] bool outlines() const { return m_options.outlines; }
    void setOutlines(bool on);
    [[nodiscard]] bool showHri() const { return m_options.artwork.humanReadable; }
    void setShowHri(bool on);
    /// The GS1 symbol specification table the X-dimension follows: general, healthcare or logistics.
    [[nodiscard]] QString gs1Table() const { return labels::gs1TableName(m_options.artwork.table); }
    void setGs1Table(const QString &name);
    [[nodiscard]] QString previewState() const { return m_previewState; }
    [[nodiscard]] QString previewMessage() const { return m_previewMessage; }
    [[nodiscard]] int previewPages() const { return m_previewPages; }
    [[nodiscard]] int previewLabels() const { return m_previewLabels; }
    [[nodiscard]] QString previewPath() const { return m_previewPath; }
    [[nodiscard]] QVariantList printers() const { return m_printers; }
    [[nodiscard]] QString printer() const { return m_printer; }
    void setPrinter(const QString &printer);
    [[nodiscard]] int printCopies() const { return m_printCopies; }
    void setPrintCopies(int copies);
    [[nodiscard]] int fromPage() const { return m_fromPage; }
    void setFromPage(int page);
    [[nodiscard]] int toPage() const { return m_toPage; }
    void setToPage(int page);
    [[nodiscard]] double offsetX() const { return m_options.calibration.x(); }
    void setOffsetX(double mm);
    [[nodiscard]] double offsetY() const { return m_options.calibration.y(); }
    void setOffsetY(double mm);
    [[nodiscard]] bool jobRunning() const { return m_job != nullptr; }
    [[nodiscard]] QString jobTitle() const { return m_jobTitle; }
    [[nodiscard]] QString jobPhase() const { return m_jobPhase; }
    [[nodiscard]] int jobDone() const { return m_jobDone; }
    [[nodiscard]] int jobTotal() const { return m_jobTotal; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] QString messageKind() const { return m_messageKind; }
    [[nodiscard]] QStringList messageDetails() const { return m_messageDetails; }
    [[nodiscard]] QVariantList history() const { return m_history; }

    /// Lists the items again and makes a new preview.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void refreshPrinters();
    /// The image provider URL of preview page @p page (0-based).
    Q_INVOKABLE QString pageSource(int page) const;
    /// Prints the previewed job on the chosen printer (checked and logged). Serials printed before are printed
    /// again only with a @p reason (a reprint); without one, reprintReasonNeeded asks for it.
    Q_INVOKABLE void print(const QString &reason = QString());
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
    /// Adds a lot: {gtin, lot, expiry, productionDate}; the answer comes as entryFinished.
    Q_INVOKABLE void addLot(const QVariantMap &fields);
    /// Adds serials prefix+first … for one GTIN (and lot): {gtin, lot, expiry, prefix, first, count, width}.
    Q_INVOKABLE void addSerials(const QVariantMap &fields);
    /// Imports a CSV file into the current scope: every row or none.
    Q_INVOKABLE void importCsv(const QUrl &file);
    Q_INVOKABLE void clearMessage();

Q_SIGNALS:
    void selectionChanged();
    void loadingChanged();
    void optionsChanged();
    void previewChanged();
    void printersChanged();
    void printSettingsChanged();
    void jobChanged();
    void messageChanged();
    void historyChanged();
    /// The answer to addLot, addSerials or importCsv.
    void entryFinished(bool ok, const QString &message, const QStringList &errors);
    /// A print was refused because @p serials were printed before: the view asks for the reason and calls
    /// print(reason).
    void reprintReasonNeeded(const QString &serials);

private:
    [[nodiscard]] labels::ExportRequest request() const;
    [[nodiscard]] labels::Selection jobSelection() const;
    void selectionEdited();
    void optionsEdited();
    void schedulePreview();
    void makePreview();
    void runJob(labels::ExportRequest request, const QString &title);
    void jobFinished(const labels::JobResult &result, const labels::ExportRequest &request);
    void refreshHistory();
    void loadCalibration();
    /// The start position the last print on the chosen stock left (labels.next_start.<template>), or 1.
    void loadNextStart();
    /// The chosen printer's offsets (mm, within ±10), stored for that printer; a new preview follows.
    void setCalibration(QPointF offsetMm);
    void setMessage(const QString &text, const QString &kind, const QStringList &details = {});
    void setPreview(const QString &state, const QString &message);
    void remember();

    static inline LabelsController *s_instance = nullptr;
    store::Database *m_db;
    LabelItemModel m_items;
    labels::Selection m_selection;
    labels::ExportRequest m_options;
    bool m_loading = false;
    bool m_restoring = false; // the last session's choices are being read back: do not write them again
    int m_listGeneration = 0;

    QThreadPool m_pool; // jobs and previews; waited for before the controller goes
    QTimer m_previewTimer;
    QPointer<labels::LabelJob> m_previewJob;
    bool m_previewAgain = false;
    int m_previewRevision = 0;
    QString m_previewState = QStringLiteral("empty");
    QString m_previewMessage;
    QString m_previewPath;
    int m_previewPages = 0;
    int m_previewLabels = 0;

    QVariantList m_printers;
    QString m_printer;
    QString m_lastExportFolder; // where the last export went: the next one is suggested there
    int m_printCopies = 1;
    int m_fromPage = 0;
    int m_toPage = 0;

    QPointer<labels::LabelJob> m_job;
    QString m_jobTitle;
    QString m_jobPhase;
    int m_jobDone = 0;
    int m_jobTotal = 0;
    QString m_message;
    QString m_messageKind;
    QStringList m_messageDetails;
    QVariantList m_history;
};

} // namespace closient::models
