// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "countservice.h"
#include "countslistmodel.h"
#include "countstallymodel.h"
#include "countsvariancemodel.h"
#include "statusmessage.h"

#include <QObject>
#include <QQmlEngine>
#include <QSoundEffect>
#include <QUrl>

namespace closient::store {
class Database;
}

namespace closient::models {

class ScanController;

/**
 * What the Counts area does: the list of counts, a new count (location checked, expected quantities from CSV), the
 * count in progress (every code the station reads while the page is in front and the count open, with a quantity
 * prefix or keypad, undo, blind mode) and the variance report with its CSV, PDF and EPCIS exports.
 * While capturing, it is ScanController's capture target: camera, files, keyboard wedge and serial scanners all
 * count here instead of into the session.
 */
class CountsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(closient::models::CountsListModel *counts READ counts CONSTANT)
    Q_PROPERTY(closient::models::CountsTallyModel *tally READ tally CONSTANT)
    Q_PROPERTY(closient::models::CountsVarianceModel *variance READ variance CONSTANT)
    Q_PROPERTY(closient::models::StatusMessage *status READ status CONSTANT)
    Q_PROPERTY(QString countId READ countId NOTIFY currentChanged)
    Q_PROPERTY(QString location READ location NOTIFY currentChanged)
    Q_PROPERTY(QString locationName READ locationName NOTIFY currentChanged)
    Q_PROPERTY(QString description READ description NOTIFY currentChanged)
    Q_PROPERTY(bool open READ isOpen NOTIFY currentChanged)
    Q_PROPERTY(bool blind READ blind WRITE setBlind NOTIFY currentChanged)
    Q_PROPERTY(bool hasExpected READ hasExpected NOTIFY currentChanged)
    Q_PROPERTY(double counted READ counted NOTIFY currentChanged)
    Q_PROPERTY(QString started READ started NOTIFY currentChanged)
    Q_PROPERTY(QString finished READ finished NOTIFY currentChanged)
    Q_PROPERTY(bool capturing READ capturing WRITE setCapturing NOTIFY capturingChanged)
    Q_PROPERTY(int multiplier READ multiplier WRITE setMultiplier NOTIFY multiplierChanged)
    Q_PROPERTY(Feedback lastKind READ lastKind NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastTitle READ lastTitle NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastDetail READ lastDetail NOTIFY lastScanChanged)
    Q_PROPERTY(QString lastSource READ lastSource NOTIFY lastScanChanged)
    Q_PROPERTY(QString newCountError READ newCountError NOTIFY newCountErrorChanged)

public:
    /// What became of the last code.
    enum class Feedback { None, Counted, Repeated, Refused };
    Q_ENUM(Feedback)

    CountsController(store::Database *db, ScanController &scan, QObject *parent = nullptr);
    ~CountsController() override;
    static void setInstance(CountsController *instance) { s_instance = instance; }
    static CountsController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] CountsListModel *counts() { return &m_counts; }
    [[nodiscard]] CountsTallyModel *tally() { return &m_tally; }
    [[nodiscard]] CountsVarianceModel *variance() { return &m_variance; }
    [[nodiscard]] StatusMessage *status() { return &m_status; }
    [[nodiscard]] QString countId() const { return m_current.id; }
    [[nodiscard]] QString location() const { return m_current.location.text(); }
    [[nodiscard]] QString locationName() const { return m_current.location.name; }
    [[nodiscard]] QString description() const { return m_current.description; }
    [[nodiscard]] bool isOpen() const { return !m_current.id.isEmpty() && m_current.isOpen(); }
    [[nodiscard]] bool blind() const { return m_current.blind; }
    void setBlind(bool blind);
    [[nodiscard]] bool hasExpected() const { return m_current.hasExpected; }
    [[nodiscard]] double counted() const { return m_current.counted; }
    [[nodiscard]] QString started() const;
    [[nodiscard]] QString finished() const;
    [[nodiscard]] bool capturing() const { return m_capturing; }
    /// The Counts page says it is in front (and with it a count in progress): codes count here.
    void setCapturing(bool on);
    [[nodiscard]] int multiplier() const { return m_multiplier; }
    void setMultiplier(int n);
    [[nodiscard]] Feedback lastKind() const { return m_lastKind; }
    [[nodiscard]] QString lastTitle() const { return m_lastTitle; }
    [[nodiscard]] QString lastDetail() const { return m_lastDetail; }
    [[nodiscard]] QString lastSource() const { return m_lastSource; }
    [[nodiscard]] QString newCountError() const { return m_newCountError; }

    /// Why @p text is not a location (GLN[.EXT] or a named place), in plain words; empty when it is one.
    Q_INVOKABLE QString locationProblem(const QString &text) const;
    /// A chosen file as a person reads it (a local path); empty for no file.
    Q_INVOKABLE QString localPath(const QUrl &file) const
    {
        return file.isLocalFile() ? file.toLocalFile() : file.toString();
    }
    /// The named places [{name, location}] for the new count dialog.
    Q_INVOKABLE QVariantList places() const { return m_places; }
    /// Starts a count; on success it becomes the current one, on failure newCountError says why.
    Q_INVOKABLE void startCount(
        const QString &location, const QString &description, const QUrl &expectedCsv, bool blind);
    Q_INVOKABLE void openCount(const QString &id);
    Q_INVOKABLE void closeCount();
    Q_INVOKABLE void refresh();
    /// A code typed or scanned; a "12x" on its own sets the quantity for the next code.
    Q_INVOKABLE void submit(const QString &text, const QString &source = QStringLiteral("typed"));
    Q_INVOKABLE void undo();
    /// Locks the count and records its EPCIS document.
    Q_INVOKABLE void finish();
    Q_INVOKABLE void loadVariance();
    Q_INVOKABLE void exportVarianceCsv(const QUrl &file);
    Q_INVOKABLE void exportVariancePdf(const QUrl &file);
    Q_INVOKABLE void exportDocument(const QUrl &file);

    /// For tests: the number of codes sent to the store whose answer has not come back yet.
    [[nodiscard]] int pending() const { return m_pending; }

Q_SIGNALS:
    void currentChanged();
    void capturingChanged();
    void multiplierChanged();
    void lastScanChanged();
    void newCountErrorChanged();
    void countStarted(const QString &id);
    void countFinished(const QString &id);
    void scanAnswered(); // a code's outcome is known (and on disk when counted)

private:
    void code(const QString &data, const QString &symbologyId, const QString &source);
    void answered(const counts::CountOutcome &outcome, const QString &source);
    void feedback(Feedback kind, const QString &title, const QString &detail, const QString &source);
    void setCurrent(const counts::Count &count);
    void updateTarget();
    void writeFile(const QUrl &file, const QString &what, std::function<Result<Done>(const QString &)> write);
    [[nodiscard]] Result<QString> localFile(const QUrl &file) const;

    static inline CountsController *s_instance = nullptr;
    store::Database *m_db;
    ScanController &m_scan;
    counts::CountService m_service;
    CountsListModel m_counts;
    CountsTallyModel m_tally;
    CountsVarianceModel m_variance;
    StatusMessage m_status;
    counts::Count m_current;
    bool m_capturing = false;
    int m_multiplier = 1;
    int m_pending = 0;
    Feedback m_lastKind = Feedback::None;
    QString m_lastTitle, m_lastDetail, m_lastSource;
    QString m_newCountError;
    QVariantList m_places;
    QSoundEffect m_acceptSound, m_repeatSound, m_rejectSound;
};

} // namespace closient::models
