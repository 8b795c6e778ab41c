// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "countdocument.h"

#include "epcisdocument.h"
#include "identifiers.h"

#include <QJsonArray>

#include <map>

using namespace Qt::StringLiterals;

namespace closient::counts {

Result<CountDocument> buildCountDocument(const CountLocation &location, const std::vector<CountLine> &lines,
    const std::vector<ExpectedItem> &expected, const QDateTime &time)
{
    const auto place = epcis::location(location.gln, location.extension);
    if (!place.ok())
        return Error { u"invalid"_s, place.error().message };
    std::map<std::pair<QString, QString>, double> classes; // GTIN + lot -> quantity, sorted
    QStringList serials;
    QStringList problems;
    for (const auto &line : lines) {
        if (line.status != CountLine::Status::Counted)
            continue;
        if (!line.serial.isEmpty()) {
            const auto uri = epcis::serialisedItem(line.gtin, line.serial);
            if (uri.ok())
                serials << uri.value();
            else
                problems << u"line %1: %2"_s.arg(line.seq).arg(uri.error().message);
            continue;
        }
        classes[{ line.gtin, line.lot }] += line.quantity;
    }
    for (const auto &e : expected)
        classes.try_emplace({ e.gtin, e.lot }, 0.0);

    auto quantityEvent = epcis::Event::cycleCount(place.value());
    quantityEvent.at(time);
    for (const auto &[key, quantity] : classes) {
        const auto uri = key.second.isEmpty() ? epcis::productClass(key.first) : epcis::lotClass(key.first, key.second);
        if (!uri.ok()) {
            problems << u"GTIN %1 lot \"%2\": %3"_s.arg(key.first, key.second, uri.error().message);
            continue;
        }
        quantityEvent.addQuantity(uri.value(), quantity);
    }
    auto serialEvent = epcis::Event::cycleCount(place.value());
    serialEvent.at(time);
    for (const auto &uri : serials)
        serialEvent.addEpc(uri);
    if (!problems.isEmpty())
        return Error { u"invalid"_s, u"The count cannot be reported:\n"_s + problems.join(u'\n') };

    std::vector<epcis::Event> events;
    if (!classes.empty())
        events.push_back(quantityEvent);
    if (!serials.isEmpty())
        events.push_back(serialEvent);
    if (events.empty())
        return Error { u"empty"_s, u"Nothing was counted and nothing was expected, so there is nothing to report."_s };

    epcis::Document doc;
    doc.creationDate(time);
    for (const auto &e : events)
        doc.add(e);
    auto built = doc.build();
    if (!built.ok())
        return Error { u"invalid"_s, u"The count's EPCIS document is not valid:\n"_s + built.error().message };
    auto hashes = doc.eventHashIds();
    if (!hashes.ok())
        return hashes.error();
    CountDocument out;
    out.document = built.value();
    out.eventHashes = hashes.value();
    for (const auto &e : events) {
        out.events.push_back(e.toJson());
        epcis::Document single;
        single.creationDate(time);
        single.add(e);
        auto one = single.build();
        if (!one.ok())
            return Error { u"invalid"_s, one.error().message };
        out.singleEventDocuments.push_back(one.value());
    }
    return out;
}

} // namespace closient::counts
