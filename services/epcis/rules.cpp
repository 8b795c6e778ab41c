// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rules.h"

#include "cbv.h"
#include "eventhash.h"
#include "identifiers.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::epcis::detail {

namespace {

bool nonEmpty(const QJsonObject &e, QStringView key)
{
    return !e.value(key).toArray().isEmpty();
}

/** The rules for one event. */
class EventRules
{
public:
    EventRules(const DocumentEvent &de, std::vector<ValidationIssue> &out)
        : m_e(de.event)
        , m_ns(de.namespaces)
        , m_path(de.path)
        , m_out(out)
    { }

    void check();

private:
    void issue(const QString &path, const QString &message) { m_out.push_back({ path, message }); }
    QString at(const QString &key) const { return jsonPathMember(m_path, key); }
    void contents(EventType type, const QString &action);
    void identifierList(const QString &key, IdentifierLevel level);
    void quantityList(const QString &key);
    std::optional<IdentifierInfo> identifier(
        const QJsonValue &v, const QString &path, std::optional<IdentifierLevel> level);
    void place(const QString &key);
    void parties(const QString &list, const QString &item);
    void ilmd(EventType type, const QString &action);
    void extensions(const QJsonObject &o, const QSet<QString> &standard, const QString &path);
    void persistentDisposition();
    void hashClaim();

    const QJsonObject &m_e;
    const Namespaces &m_ns;
    QString m_path;
    std::vector<ValidationIssue> &m_out;
};

void EventRules::check()
{
    const auto type = eventTypeFromString(m_e.value(u"type").toString());
    if (!type)
        return; // an extension event type: the schema's general rules are all that apply
    const auto action = m_e.value(u"action").toString();
    contents(*type, action);
    for (const auto &key : { u"epcList"_s, u"childEPCs"_s, u"inputEPCList"_s, u"outputEPCList"_s })
        identifierList(key, IdentifierLevel::Instance);
    if (m_e.contains(u"parentID"))
        identifier(m_e.value(u"parentID"), at(u"parentID"_s), IdentifierLevel::Instance);
    for (const auto &key :
        { u"quantityList"_s, u"childQuantityList"_s, u"inputQuantityList"_s, u"outputQuantityList"_s })
        quantityList(key);
    place(u"readPoint"_s);
    place(u"bizLocation"_s);
    parties(u"sourceList"_s, u"source"_s);
    parties(u"destinationList"_s, u"destination"_s);
    const auto transactions = m_e.value(u"bizTransactionList").toArray();
    for (qsizetype i = 0; i < transactions.size(); ++i) {
        const auto t = transactions.at(i).toObject();
        if (t.value(u"bizTransaction").isString())
            identifier(t.value(u"bizTransaction"),
                jsonPathMember(jsonPathIndex(at(u"bizTransactionList"_s), i), u"bizTransaction"_s), std::nullopt);
    }
    ilmd(*type, action);
    persistentDisposition();
    extensions(m_e, standardEventFields(), m_path);
    hashClaim();
}

// What each event type must name (EPCIS 2.0 section 7.4); the schema allows empty lists where the standard does
// not, and its "none of the alternatives" says less than this.
void EventRules::contents(EventType type, const QString &action)
{
    const bool del = action == u"DELETE";
    switch (type) {
    case EventType::Object:
        if (!nonEmpty(m_e, u"epcList") && !nonEmpty(m_e, u"quantityList")
            && !(nonEmpty(m_e, u"sensorElementList") && m_e.contains(u"readPoint")))
            issue(m_path,
                u"an ObjectEvent must name what it is about: at least one EPC in epcList or one entry in "
                "quantityList (or sensor reports with a readPoint)"_s);
        break;
    case EventType::Aggregation:
    case EventType::Association: {
        const auto name = type == EventType::Aggregation ? u"AggregationEvent"_s : u"AssociationEvent"_s;
        if (!m_e.contains(u"parentID") && (type == EventType::Association || action != u"OBSERVE"))
            issue(at(u"parentID"_s),
                type == EventType::Association
                    ? u"is missing: an AssociationEvent names the parent the children are associated with"_s
                    : u"is missing: an AggregationEvent with action %1 names the parent"_s.arg(action));
        if (!del && !nonEmpty(m_e, u"childEPCs") && !nonEmpty(m_e, u"childQuantityList"))
            issue(m_path,
                u"an %1 with action %2 needs at least one child in childEPCs or childQuantityList (only DELETE may "
                "leave them out, meaning all children)"_s.arg(name, action.isEmpty() ? u"(none)"_s : action));
        break;
    }
    case EventType::Transaction:
        if (!del && !nonEmpty(m_e, u"epcList") && !nonEmpty(m_e, u"quantityList"))
            issue(m_path,
                u"a TransactionEvent with action %1 needs at least one EPC in epcList or one entry in quantityList "
                "(only DELETE may leave them out)"_s.arg(action.isEmpty() ? u"(none)"_s : action));
        break;
    case EventType::Transformation: {
        const bool in = nonEmpty(m_e, u"inputEPCList") || nonEmpty(m_e, u"inputQuantityList");
        const bool outputs = nonEmpty(m_e, u"outputEPCList") || nonEmpty(m_e, u"outputQuantityList");
        if (!(in && outputs) && !(m_e.contains(u"transformationID") && (in || outputs)))
            issue(m_path,
                u"a TransformationEvent needs inputs (inputEPCList or inputQuantityList) and outputs "
                "(outputEPCList or outputQuantityList), or a transformationID with at least one of them"_s);
        break;
    }
    }
    // A standard field of another event type (ilmd has its own rule).
    static const QSet<QString> common { u"@context"_s, u"type"_s, u"eventTime"_s, u"eventTimeZoneOffset"_s,
        u"recordTime"_s, u"eventID"_s, u"errorDeclaration"_s, u"certificationInfo"_s, u"bizStep"_s, u"disposition"_s,
        u"readPoint"_s, u"bizLocation"_s, u"bizTransactionList"_s, u"sourceList"_s, u"destinationList"_s,
        u"sensorElementList"_s, u"ilmd"_s };
    QSet<QString> own;
    switch (type) {
    case EventType::Object:
        own = { u"action"_s, u"epcList"_s, u"quantityList"_s, u"persistentDisposition"_s };
        break;
    case EventType::Aggregation:
    case EventType::Association:
        own = { u"action"_s, u"parentID"_s, u"childEPCs"_s, u"childQuantityList"_s };
        break;
    case EventType::Transaction:
        own = { u"action"_s, u"parentID"_s, u"epcList"_s, u"quantityList"_s };
        break;
    case EventType::Transformation:
        own = { u"inputEPCList"_s, u"inputQuantityList"_s, u"outputEPCList"_s, u"outputQuantityList"_s,
            u"transformationID"_s, u"persistentDisposition"_s };
        break;
    }
    const auto name = toString(type);
    const auto article = name.startsWith(u'A') || name.startsWith(u'O') ? u"an"_s : u"a"_s;
    for (auto it = m_e.begin(); it != m_e.end(); ++it) {
        if (standardEventFields().contains(it.key()) && !common.contains(it.key()) && !own.contains(it.key()))
            issue(at(it.key()), u"%1 %2 has no %3"_s.arg(article, name, it.key()));
    }
}

// A GS1 identifier must be well formed (digits, check digits, characters) and, where a list asks for one, name
// an object (instance) or a class.
std::optional<IdentifierInfo> EventRules::identifier(
    const QJsonValue &v, const QString &path, std::optional<IdentifierLevel> level)
{
    if (!v.isString())
        return std::nullopt; // the schema says what is wrong with it
    const auto uri = v.toString();
    const auto info = readIdentifier(uri);
    if (!info.ok()) {
        issue(path, info.error().message);
        return std::nullopt;
    }
    if (level && info.value().gs1 && !info.value().primaryKey.isEmpty() && info.value().level != *level) {
        if (*level == IdentifierLevel::Instance)
            issue(path,
                u"\"%1\" names a class of objects (a product or a lot), not one object: list it in the quantity "
                "list with its quantity"_s.arg(uri));
        else
            issue(path,
                u"\"%1\" names one object, not a class of objects: list it with the EPCs, or name its product "
                "or lot here"_s.arg(uri));
        return std::nullopt;
    }
    return info.value();
}

void EventRules::identifierList(const QString &key, IdentifierLevel level)
{
    const auto list = m_e.value(key).toArray();
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto path = jsonPathIndex(at(key), i);
        const auto info = identifier(list.at(i), path, level);
        if (!info || !info->gs1)
            continue;
        if (const auto it = seen.constFind(info->canonical); it != seen.constEnd()) {
            if (list.at(*it) != list.at(i)) // the same text twice is the schema's uniqueItems
                issue(path, u"names the same object as entry [%1] (both are %2)"_s.arg(*it).arg(info->canonical));
        } else {
            seen.insert(info->canonical, i);
        }
    }
}

void EventRules::quantityList(const QString &key)
{
    const auto list = m_e.value(key).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto q = list.at(i).toObject();
        const auto path = jsonPathIndex(at(key), i);
        if (q.contains(u"epcClass"))
            identifier(q.value(u"epcClass"), jsonPathMember(path, u"epcClass"_s), IdentifierLevel::Class);
        const auto quantity = q.value(u"quantity");
        if (q.contains(u"uom") && !q.contains(u"quantity"))
            issue(jsonPathMember(path, u"uom"_s), u"a unit of measure needs a quantity: \"quantity\" is missing"_s);
        if (!quantity.isDouble())
            continue;
        const double n = quantity.toDouble();
        if (n < 0)
            issue(jsonPathMember(path, u"quantity"_s), u"must not be negative (it is %1)"_s.arg(n));
        else if (!q.contains(u"uom") && std::floor(n) != n)
            issue(jsonPathMember(path, u"quantity"_s),
                u"without a unit of measure (uom) a quantity counts objects and must be a whole number (it is "
                "%1)"_s.arg(n));
    }
}

// readPoint and bizLocation: a GS1 identifier there must be a location (a GLN, possibly with extension).
void EventRules::place(const QString &key)
{
    const auto id = m_e.value(key).toObject().value(u"id");
    const auto path = jsonPathMember(at(key), u"id"_s);
    const auto info = identifier(id, path, std::nullopt);
    if (info && info->gs1 && !info->primaryKey.isEmpty() && info->primaryKey != u"414")
        issue(path, u"\"%1\" is not a location: a GS1 location is a GLN (SGLN, AI 414)"_s.arg(id.toString()));
    extensions(m_e.value(key).toObject(), { u"id"_s }, at(key));
}

void EventRules::parties(const QString &list, const QString &item)
{
    const auto entries = m_e.value(list).toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const auto o = entries.at(i).toObject();
        const auto path = jsonPathMember(jsonPathIndex(at(list), i), item);
        const auto info = identifier(o.value(item), path, IdentifierLevel::Instance);
        if (!info || !info->gs1 || info->primaryKey.isEmpty())
            continue;
        const bool isLocation
            = vocabularyIndex(Vocabulary::SourceDestType, o.value(u"type").toString()) == int(SourceDestType::Location);
        if (isLocation && info->primaryKey != u"414")
            issue(path, u"a source or destination of type location is a GLN (SGLN, AI 414)"_s);
        else if (info->primaryKey != u"414" && info->primaryKey != u"417")
            issue(path, u"a source or destination party is a party GLN (AI 417) or a location GLN (AI 414)"_s);
    }
}

void EventRules::ilmd(EventType type, const QString &action)
{
    if (!m_e.contains(u"ilmd"))
        return;
    if (type == EventType::Object && action != u"ADD")
        issue(at(u"ilmd"_s),
            u"instance/lot master data (ilmd) is only allowed when objects come into being, with action ADD; this "
            "event's action is %1"_s.arg(action.isEmpty() ? u"(none)"_s : action));
    else if (type != EventType::Object && type != EventType::Transformation)
        issue(at(u"ilmd"_s), u"only an ObjectEvent with action ADD or a TransformationEvent carries ilmd"_s);
    extensions(m_e.value(u"ilmd").toObject(), {}, at(u"ilmd"_s));
}

// Extension names must resolve to a namespace: a declared prefix (or a full IRI), at every level.
void EventRules::extensions(const QJsonObject &o, const QSet<QString> &standard, const QString &path)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (standard.contains(it.key()) || it.key().startsWith(u'@'))
            continue;
        const auto member = jsonPathMember(path, it.key());
        const auto colon = it.key().indexOf(u':');
        if (colon <= 0)
            issue(member,
                u"is not a field of EPCIS here, and an extension needs a namespace prefix (such as example:%1)"_s.arg(
                    it.key()));
        else if (!m_ns.expand(it.key()))
            issue(member, u"the namespace prefix \"%1\" is not declared in @context"_s.arg(it.key().left(colon)));
        const auto v = it.value();
        if (v.isObject()) {
            extensions(v.toObject(), {}, member);
        } else if (v.isArray()) {
            const auto a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a.at(i).isObject())
                    extensions(a.at(i).toObject(), {}, jsonPathIndex(member, i));
            }
        }
    }
}

void EventRules::persistentDisposition()
{
    const auto pd = m_e.value(u"persistentDisposition").toObject();
    const auto unset = pd.value(u"unset").toArray();
    const auto set = pd.value(u"set").toArray();
    for (qsizetype i = 0; i < set.size(); ++i) {
        const auto idx = vocabularyIndex(Vocabulary::Disposition, set.at(i).toString());
        for (const auto &u : unset) {
            if (set.at(i) == u || (idx && idx == vocabularyIndex(Vocabulary::Disposition, u.toString())))
                issue(jsonPathIndex(jsonPathMember(at(u"persistentDisposition"_s), u"set"_s), i),
                    u"%1 is both set and unset"_s.arg(set.at(i).toString()));
        }
    }
}

// An eventID written as an event hash ID must be this event's hash.
void EventRules::hashClaim()
{
    const auto id = m_e.value(u"eventID").toString();
    if (!id.startsWith(u"ni:///sha-256;") || !id.endsWith(u"?ver="_s + kHashVersion.toString()))
        return;
    const auto hash = eventHashId(m_e, m_ns);
    if (hash.ok() && hash.value() != id)
        issue(at(u"eventID"_s),
            u"is written as the event's hash ID, but the event hashes to %1 (CBV 2.0)"_s.arg(hash.value()));
}

} // namespace

void checkRules(const QJsonObject &document, std::vector<ValidationIssue> &out)
{
    const auto context = document.value(u"@context");
    QJsonArray contexts = context.isArray() ? context.toArray() : QJsonArray { context };
    const bool epcis = std::any_of(contexts.begin(), contexts.end(),
        [](const QJsonValue &c) { return c.toString().endsWith(u"epcis-context.jsonld"); });
    if (!context.isUndefined() && !epcis)
        out.push_back({ u"$['@context']"_s, u"must refer to the EPCIS 2.0 JSON-LD context %1"_s.arg(kEpcisContext) });
    if (document.value(u"type") == u"EPCISDocument"_s) {
        if (const auto v = document.value(u"schemaVersion"); v.isString() && v.toString() != u"2.0")
            out.push_back({ u"$.schemaVersion"_s,
                u"must be \"2.0\": the station reads and writes EPCIS 2.0 (it is \"%1\")"_s.arg(v.toString()) });
        const auto list = document.value(u"epcisBody").toObject().value(u"eventList");
        if (list.isArray() && list.toArray().isEmpty())
            out.push_back(
                { u"$.epcisBody.eventList"_s, u"holds no event; a document to capture holds at least one"_s });
    }
    const auto events = documentEvents(document);
    if (!events.ok())
        return;
    for (const auto &de : events.value())
        EventRules(de, out).check();
}

} // namespace closient::epcis::detail
