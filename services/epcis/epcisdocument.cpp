// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "epcisdocument.h"

#include "eventhash.h"
#include "namespaces.h"
#include "timestamps.h"
#include "validator.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace closient::epcis {

Document::Document()
    : m_created(QDateTime::currentDateTime())
{ }

Document &Document::creationDate(const QDateTime &time)
{
    m_created = time;
    return *this;
}

Document &Document::declareNamespace(const QString &prefix, const QString &iri)
{
    m_namespaces.append({ prefix, iri });
    return *this;
}

Document &Document::add(const Event &event)
{
    m_events.push_back(event);
    return *this;
}

QJsonObject Document::toJson() const
{
    QJsonArray context { kEpcisContext.toString() };
    if (!m_namespaces.isEmpty()) {
        QJsonObject ns;
        for (const auto &[prefix, iri] : m_namespaces)
            ns.insert(prefix, iri);
        context.append(ns);
    }
    QJsonArray events;
    for (const auto &e : m_events)
        events.append(e.toJson());
    return QJsonObject {
        { u"@context"_s, context },
        { u"type"_s, u"EPCISDocument"_s },
        { u"schemaVersion"_s, u"2.0"_s },
        { u"creationDate"_s, formatTimestamp(m_created) },
        { u"epcisBody"_s, QJsonObject { { u"eventList"_s, events } } },
    };
}

Result<QJsonObject> Document::build() const
{
    const auto doc = toJson();
    const auto issues = Validator::instance().validate(doc);
    if (!issues.empty())
        return Error { u"invalid"_s, issuesText(issues) };
    return doc;
}

Result<QStringList> Document::eventHashIds() const
{
    return documentEventHashes(toJson());
}

} // namespace closient::epcis
