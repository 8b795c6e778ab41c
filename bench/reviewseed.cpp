// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewseed.h"

#include "gtin.h"
#include "sqlhelpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace closient::bench {

namespace {

const QString kStatuses[] = { u"PENDING"_s, u"COMPLETED"_s, u"COMPLETED"_s, u"FAILED"_s, u"NOT_FOUND"_s };
const QString kTypes[] = { u"BARCODE"_s, u"BARCODE"_s, u"BARCODE"_s, u"MANUAL"_s, u"IMAGE"_s };

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QString seedGtin(int n)
{
    return gs1::withCheckDigit(u"0950600%1"_s.arg(n, 6, 10, QLatin1Char('0')));
}

QString seedBrand(int n)
{
    return u"Brand %1"_s.arg(n % 20);
}

store::Result<store::Done> seedReviewStore(QSqlDatabase &db, const ReviewSeed &seed)
{
    using store::sqlError;
    store::Transaction tx(db);
    if (!tx.started())
        return sqlError(tx.lastError());
    const auto prepare = [&](const QString &sql) {
        QSqlQuery q(db);
        q.prepare(sql);
        return q;
    };
    auto session = prepare(u"INSERT INTO sessions (id, status, capture_mode, metadata, created, modified, "
                           u"last_activity, ended) VALUES (?, 'COMPLETED', 'barcode_scan', ?, ?, ?, ?, ?)"_s);
    auto product
        = prepare(u"INSERT INTO products (gtin, product_name, brand, description, fetched) VALUES (?, ?, ?, '', ?)"_s);
    auto capture = prepare(u"INSERT INTO captures (id, session_id, capture_type, raw_value, gtin, lot, serial, expiry, "
                           u"gs1, status, product_name, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    auto photo = prepare(u"INSERT INTO photos (id, session_id, capture_id, photo_type, file_path, created) "
                         u"VALUES (?, ?, ?, 'front', ?, ?)"_s);
    auto review = prepare(u"INSERT INTO capture_reviews (capture_id, state, note, reviewed_by, modified) "
                          u"VALUES (?, ?, ?, 'bench', ?)"_s);
    auto history = prepare(
        u"INSERT INTO capture_status_history (capture_id, status, error_message, observed) VALUES (?, ?, '', ?)"_s);
    const auto fail = [](QSqlQuery &q) { return sqlError(q.lastError()); };

    const QString fetched = iso(seed.start);
    for (int i = 0; i < seed.products; ++i) {
        product.addBindValue(seedGtin(i));
        product.addBindValue(u"Product %1 %2"_s.arg(i).arg(i % 3 == 0 ? u"Oat Drink"_s : u"Widget"_s));
        product.addBindValue(seedBrand(i));
        product.addBindValue(fetched);
        if (!product.exec())
            return fail(product);
    }
    const int perSession = std::max(1, seed.captures / std::max(1, seed.sessions));
    QStringList sessionIds;
    for (int s = 0; s < seed.sessions; ++s) {
        const QString id = u"bench-session-%1"_s.arg(s, 4, 10, QLatin1Char('0'));
        const QDateTime t = seed.start.addSecs(qint64(s) * perSession * 30);
        session.addBindValue(id);
        session.addBindValue(
            QString::fromUtf8(QJsonDocument(QJsonObject { { u"name"_s, u"Dock %1 round %2"_s.arg(s % 7).arg(s) } })
                                  .toJson(QJsonDocument::Compact)));
        for (int k = 0; k < 3; ++k)
            session.addBindValue(iso(t));
        session.addBindValue(iso(t.addSecs(qint64(perSession) * 30)));
        if (!session.exec())
            return fail(session);
        sessionIds << id;
    }
    for (int i = 0; i < seed.captures; ++i) {
        const QString id = u"bench-capture-%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        const int s = std::min(int(sessionIds.size()) - 1, i / perSession);
        const QDateTime t = seed.start.addSecs(qint64(i) * 30);
        const QString gtin = seedGtin(i % std::max(1, seed.products));
        const QString lot = u"L%1"_s.arg(i % 997);
        const QString serial = u"S%1"_s.arg(i);
        const QString expiry = QDate(2027, 1 + i % 12, 1 + i % 28).toString(Qt::ISODate);
        const bool broken = i % 7 == 3;
        QJsonObject gs1 { { u"kind"_s, u"element_string"_s }, { u"gtin14"_s, gtin } };
        gs1.insert(u"errors"_s,
            broken ? QJsonArray { QJsonObject { { u"code"_s, u"check_digit"_s },
                { u"message"_s, u"The GTIN's check digit is wrong: it should be 3."_s } } }
                   : QJsonArray {});
        capture.addBindValue(id);
        capture.addBindValue(sessionIds.at(s));
        capture.addBindValue(kTypes[i % 5]);
        capture.addBindValue(u"(01)%1(10)%2(21)%3"_s.arg(gtin, lot, serial));
        capture.addBindValue(gtin);
        capture.addBindValue(lot);
        capture.addBindValue(serial);
        capture.addBindValue(expiry);
        capture.addBindValue(QString::fromUtf8(QJsonDocument(gs1).toJson(QJsonDocument::Compact)));
        capture.addBindValue(kStatuses[i % 5]);
        capture.addBindValue(i % 5 == 1 ? QVariant(u"Server name %1"_s.arg(i % 50)) : QVariant());
        capture.addBindValue(iso(t));
        if (!capture.exec())
            return fail(capture);
        if (i % 20 == 0) {
            photo.addBindValue(u"bench-photo-%1"_s.arg(i));
            photo.addBindValue(sessionIds.at(s));
            photo.addBindValue(id);
            photo.addBindValue(u"photos/%1.jpg"_s.arg(i));
            photo.addBindValue(iso(t));
            if (!photo.exec())
                return fail(photo);
        }
        if (i % 11 == 0 || i % 31 == 0) {
            review.addBindValue(id);
            review.addBindValue(i % 31 == 0 ? u"FLAGGED"_s : u"REVIEWED"_s);
            review.addBindValue(i % 31 == 0 ? u"Label smudged"_s : u""_s);
            review.addBindValue(iso(t.addSecs(3600)));
            if (!review.exec())
                return fail(review);
        }
        history.addBindValue(id);
        history.addBindValue(kStatuses[i % 5]);
        history.addBindValue(iso(t.addSecs(5)));
        if (!history.exec())
            return fail(history);
    }
    if (!tx.commit())
        return sqlError(tx.lastError());
    return store::Done {};
}

} // namespace closient::bench
