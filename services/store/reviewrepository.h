// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "reviewquery.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace closient::store {

/** One line of the review table: a capture with what the review shows beside it. */
struct ReviewRow
{
    QString id;
    QDateTime created;
    QString sessionId;
    QString sessionName;
    QString captureType;
    QString code;
    QString gtin; // in force: the latest correction, else the captured GTIN
    QString capturedGtin; // as captured, never changed
    QString productName; // from the capture, else the products cache
    QString brand;
    QString lot;
    QString expiry;
    QString serial;
    QString status;
    ReviewState review = ReviewState::Unreviewed;
    QString note;
    QString reviewedBy;
    QDateTime reviewed;
    int photos = 0;
    QStringList parseErrors; // in plain words
    bool voided = false;
    QString firstPhoto; // file path, empty without photos
};

/** A proposal of the server to change a field of a capture, and what was decided here. */
struct ReviewProposal
{
    QString id;
    QString field;
    QString current;
    QString proposed;
    QString confidence;
    QString reasoning;
    QString source;
    QString status; // PENDING, ACCEPTED, REJECTED
    QString decidedBy;
    QDateTime decided;
    QDateTime applied;
};

/** Everything the detail pane shows about one capture. */
struct ReviewDetail
{
    ReviewRow row;
    QJsonObject gs1; // the stored parse
    QString errorMessage; // the server's
    QJsonObject product; // the products cache row, empty if none
    QJsonObject session; // id, status, mode, created, ended, metadata
    struct Photo
    {
        QString id, path, type;
    };
    std::vector<Photo> photos;
    struct StatusSeen
    {
        QString status, errorMessage, productName;
        QDateTime observed;
    };
    std::vector<StatusSeen> history; // oldest first
    struct Correction
    {
        QString previousGtin, correctedGtin, by;
        QDateTime created;
    };
    std::vector<Correction> corrections; // oldest first
    std::vector<ReviewProposal> proposals;
};

/**
 * The brand manager's view of every capture: filtered, searched and sorted pages read on the database thread,
 * review marks and GTIN corrections, and the decisions on the server's proposals written with their outbox rows.
 */
class ReviewRepository
{
public:
    explicit ReviewRepository(Database *db);

    QFuture<Result<std::vector<ReviewRow>>> page(const ReviewFilter &filter, int offset, int limit);
    QFuture<Result<int>> count(const ReviewFilter &filter);
    QFuture<Result<ReviewDetail>> detail(const QString &captureId);
    /// Marks every capture of @p ids (one transaction); a flag needs a note. The number of captures marked.
    QFuture<Result<int>> mark(const QStringList &ids, ReviewState state, const QString &note, const QString &user);
    /// Records @p gtin as the capture's GTIN from now on; the captured value and every earlier correction stay.
    QFuture<Result<Done>> correctGtin(const QString &captureId, const QString &gtin, const QString &user);
    /// Accepts or rejects a proposal not yet applied; the decision and its outbox row in one transaction.
    QFuture<Result<Done>> decide(const QString &proposalId, bool accept, const QString &user);
    /// Applies the accepted proposals of a capture: marks them applied and queues the apply, in one transaction.
    QFuture<Result<int>> apply(const QString &captureId);

    // The same reads for callers already on the database thread (bench, export). NOTE: run on the database thread.
    [[nodiscard]] static Result<std::vector<ReviewRow>> fetchPage(
        QSqlDatabase &db, const ReviewFilter &filter, int offset, int limit);
    [[nodiscard]] static Result<int> fetchCount(QSqlDatabase &db, const ReviewFilter &filter);
    [[nodiscard]] static Result<ReviewDetail> fetchDetail(QSqlDatabase &db, const QString &captureId);

private:
    Database *m_db;
};

} // namespace closient::store
