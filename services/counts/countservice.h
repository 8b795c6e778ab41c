// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "countdocument.h"
#include "countscan.h"
#include "counttypes.h"
#include "database.h"
#include "variance.h"

#include <QFuture>

#include <vector>

namespace closient::counts {

/** What became of a code sent to a count. */
struct CountOutcome
{
    enum class Kind { Counted, Repeated, Refused };
    Kind kind = Kind::Refused;
    QString reasonCode; // for Refused: empty, too_long, invalid, no_gtin, serial_quantity, quantity, finished, ...
    QString reason; // plain words; for Repeated: which serial was already counted
    CountLine line; // the stored line (Counted, Repeated) or what was read (Refused)
    double tally = 0; // counted so far for the line's GTIN + lot (all expiries)
    [[nodiscard]] QJsonObject toJson() const;
};
[[nodiscard]] QString outcomeKindName(CountOutcome::Kind kind); // "counted", "repeated", "refused"

/** A new count, as the person at the desk describes it. */
struct NewCount
{
    CountLocation location;
    QString description;
    std::vector<ExpectedItem> expected;
    bool blind = false;
};

/**
 * The one door into inventory counts. Every acknowledged code is durable before its future completes (one
 * transaction per scan, synchronous=FULL), so a restart mid-count loses nothing. Finishing locks the count and,
 * in the same transaction, stores its EPCIS document, one epcis_events row per event (with its hash) and one outbox
 * row per event (OutboxEntity::EpcisEvent, payload {"document"}: that event alone in the count's document).
 * NOTE: the futures complete on the database thread.
 */
class CountService
{
public:
    explicit CountService(store::Database *db);

    QFuture<Result<Count>> start(const NewCount &count);
    QFuture<Result<Count>> count(const QString &id);
    QFuture<Result<std::vector<Count>>> list();
    /// Counts the code (checked with checkScan first; a refusal writes nothing).
    QFuture<CountOutcome> add(const QString &countId, const CountScan &scan);
    /// Takes back the last counted line (kept, marked undone); refused when there is none or the count is finished.
    QFuture<Result<CountLine>> undo(const QString &countId);
    QFuture<Result<Count>> setBlind(const QString &countId, bool blind);
    /// Every acknowledged line, in order (undone and repeated ones included).
    QFuture<Result<std::vector<CountLine>>> lines(const QString &countId);
    /// COUNTED lines per GTIN + lot + expiry; expected quantities left out while a blind count is open.
    QFuture<Result<std::vector<TallyRow>>> tally(const QString &countId);
    QFuture<Result<std::vector<ExpectedItem>>> expected(const QString &countId);
    /// Refused while a blind count is open: the expected quantities show once it is finished.
    QFuture<Result<Variance>> variance(const QString &countId);
    /// Locks the count and records its EPCIS document (see the class comment); @p time is the event time.
    QFuture<Result<Count>> finish(const QString &countId, const QDateTime &time = QDateTime::currentDateTime());
    /// The finished count's EPCISDocument.
    QFuture<Result<QJsonObject>> document(const QString &countId);

    /// Named places ("Back store") and the GLN / SGLN each stands for; saving a known name moves it.
    QFuture<Result<std::vector<CountLocation>>> places();
    QFuture<Result<Done>> savePlace(const CountLocation &place);
    /// @p text as a GLN[.EXT] (checked), or else the named place of that name.
    QFuture<Result<CountLocation>> resolveLocation(const QString &text);

private:
    store::Database *m_db;
};

} // namespace closient::counts
