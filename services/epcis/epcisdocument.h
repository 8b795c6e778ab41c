// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "epcisevent.h"
#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>

#include <vector>

namespace closient::epcis {

/**
 * An EPCIS 2.0 EPCISDocument being written: the JSON-LD @context (the EPCIS 2.0 context and the namespaces the
 * events' extensions use), type, schemaVersion "2.0", creationDate and epcisBody.eventList. build() checks it with
 * the Validator and refuses it with every reason, so what leaves the station is a valid document.
 */
class Document
{
public:
    Document(); // creationDate: now, on the station's clock

    Document &creationDate(const QDateTime &time);
    /// A namespace for extensions and ilmd: "example" -> "https://ns.example.com/epcis/".
    Document &declareNamespace(const QString &prefix, const QString &iri);
    Document &add(const Event &event);

    [[nodiscard]] const std::vector<Event> &events() const { return m_events; }
    /// The document as it is, unchecked.
    [[nodiscard]] QJsonObject toJson() const;
    /// The checked document; Error::message holds every reason, one per line ("path: reason").
    [[nodiscard]] Result<QJsonObject> build() const;
    /// The CBV 2.0 event hash ID of each event, in order (what the server deduplicates captures by).
    [[nodiscard]] Result<QStringList> eventHashIds() const;

private:
    QDateTime m_created;
    QList<QPair<QString, QString>> m_namespaces;
    std::vector<Event> m_events;
};

} // namespace closient::epcis
