// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "eventhash.h"

#include "cbv.h"
#include "identifiers.h"
#include "jsonschema.h"
#include "timestamps.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>

#include <charconv>

using namespace Qt::StringLiterals;

namespace closient::epcis {

namespace {

const QStringList kSensorMetadataFields { u"time"_s, u"startTime"_s, u"endTime"_s, u"deviceID"_s, u"deviceMetadata"_s,
    u"rawData"_s, u"dataProcessingMethod"_s, u"bizRules"_s };
const QStringList kSensorReportFields { u"type"_s, u"exception"_s, u"deviceID"_s, u"deviceMetadata"_s, u"rawData"_s,
    u"dataProcessingMethod"_s, u"time"_s, u"microorganism"_s, u"chemicalSubstance"_s, u"value"_s, u"component"_s,
    u"stringValue"_s, u"booleanValue"_s, u"hexBinaryValue"_s, u"uriValue"_s, u"minValue"_s, u"maxValue"_s,
    u"meanValue"_s, u"sDev"_s, u"percRank"_s, u"percValue"_s, u"uom"_s, u"coordinateReferenceSystem"_s };

bool utf8Less(const QString &a, const QString &b)
{
    const auto x = a.toUtf8();
    const auto y = b.toUtf8();
    return std::lexicographical_compare(
        x.begin(), x.end(), y.begin(), y.end(), [](char l, char r) { return uchar(l) < uchar(r); });
}

QString sortedJoined(QStringList parts)
{
    std::sort(parts.begin(), parts.end(), utf8Less);
    return parts.join(QString());
}

// Numbers without trailing zeros and without exponent: 1.0 -> "1", 0.34340 -> "0.3434" (the shortest decimal
// that reads back as the same double).
QString number(double d)
{
    if (d == 0)
        return u"0"_s;
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed);
    return QString::fromLatin1(buf, r.ptr - buf);
}

/** Builds the pre-hash string of one event, collecting every reason it cannot. */
class PreHash
{
public:
    PreHash(const Namespaces &ns, QString path)
        : m_ns(ns)
        , m_path(std::move(path))
    { }

    QString event(const QJsonObject &e);
    QStringList errors;

private:
    QString text(const QJsonValue &v) const
    {
        if (v.isDouble())
            return number(v.toDouble());
        if (v.isBool())
            return v.toBool() ? u"true"_s : u"false"_s;
        return v.toString().trimmed();
    }
    QString identifier(const QJsonValue &v) const;
    QString vocab(Vocabulary kind, const QJsonValue &v) const;
    QString timestamp(const QJsonValue &v, const QString &where);
    QString field(const QString &key, const QString &value) const
    {
        return value.isEmpty() ? QString() : key + u'=' + value;
    }
    QString idList(const QJsonObject &e, const QString &key);
    QString quantityList(const QJsonObject &e, const QString &key);
    QString typedList(const QJsonObject &e, const QString &list, const QString &item, Vocabulary kind);
    QString location(const QJsonObject &e, const QString &key);
    QString sensorElements(const QJsonObject &e);
    QString extensions(const QJsonObject &o, const QSet<QString> &standard, const QString &where);
    QStringList element(const QString &name, const QJsonValue &v, const QString &where);

    const Namespaces &m_ns;
    QString m_path;
};

QString PreHash::identifier(const QJsonValue &v) const
{
    const auto t = text(v);
    if (t.startsWith(u"urn:epcglobal:cbv:")) {
        const auto web = cbvUrnToWebUri(t);
        return web.isEmpty() ? t : web;
    }
    if (t.startsWith(u"urn:epc:") || t.startsWith(u"http://", Qt::CaseInsensitive)
        || t.startsWith(u"https://", Qt::CaseInsensitive))
        return hashFormOfIdentifier(t);
    return m_ns.expandCurie(t);
}

QString PreHash::vocab(Vocabulary kind, const QJsonValue &v) const
{
    const auto t = text(v);
    if (t.isEmpty())
        return t;
    if (!t.contains(u':')) // JSON writes standard values bare; they stand for their Web URI
        return vocabulary(kind).webPrefix + t;
    if (t.startsWith(u"urn:epcglobal:cbv:")) {
        const auto web = cbvUrnToWebUri(t);
        return web.isEmpty() ? t : web;
    }
    return m_ns.expandCurie(t);
}

QString PreHash::timestamp(const QJsonValue &v, const QString &where)
{
    if (v.isUndefined())
        return {};
    const auto t = parseTimestamp(text(v));
    if (!t.ok()) {
        errors << where + u": "_s + t.error().message;
        return {};
    }
    return hashFormOfTimestamp(t.value());
}

QString PreHash::idList(const QJsonObject &e, const QString &key)
{
    QStringList items;
    for (const auto &v : e.value(key).toArray())
        items << u"epc="_s + identifier(v);
    return items.isEmpty() ? QString() : key + sortedJoined(items);
}

QString PreHash::quantityList(const QJsonObject &e, const QString &key)
{
    QStringList items;
    for (const auto &v : e.value(key).toArray()) {
        const auto q = v.toObject();
        items << u"quantityElement"_s + field(u"epcClass"_s, identifier(q.value(u"epcClass")))
                + field(u"quantity"_s, q.contains(u"quantity") ? text(q.value(u"quantity")) : QString())
                + field(u"uom"_s, text(q.value(u"uom")));
    }
    return items.isEmpty() ? QString() : key + sortedJoined(items);
}

// bizTransactionList, sourceList, destinationList: each entry's value, then its type (CBV 2.0: the type follows
// the value before the entries are sorted).
QString PreHash::typedList(const QJsonObject &e, const QString &list, const QString &item, Vocabulary kind)
{
    QStringList items;
    for (const auto &v : e.value(list).toArray()) {
        const auto o = v.toObject();
        items << field(item, identifier(o.value(item))) + field(u"type"_s, vocab(kind, o.value(u"type")));
    }
    return items.isEmpty() ? QString() : list + sortedJoined(items);
}

QString PreHash::location(const QJsonObject &e, const QString &key)
{
    const auto v = e.value(key);
    if (v.isUndefined())
        return {};
    const auto o = v.toObject();
    const auto id = v.isString() ? identifier(v) : identifier(o.value(u"id"));
    return key + field(u"id"_s, id) + extensions(o, { u"id"_s }, jsonPathMember(m_path, key));
}

QString PreHash::sensorElements(const QJsonObject &e)
{
    QStringList elements;
    const auto list = e.value(u"sensorElementList").toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto where = jsonPathIndex(jsonPathMember(m_path, u"sensorElementList"_s), i);
        const auto se = list.at(i).toObject();
        QString s = u"sensorElement"_s;
        if (se.value(u"sensorMetadata").isObject()) {
            const auto md = se.value(u"sensorMetadata").toObject();
            const auto mdWhere = jsonPathMember(where, u"sensorMetadata"_s);
            s += u"sensorMetadata"_s;
            for (const auto &f : kSensorMetadataFields) {
                const auto v = md.value(f);
                const bool isTime = f == u"time" || f == u"startTime" || f == u"endTime";
                s += field(f, isTime ? timestamp(v, jsonPathMember(mdWhere, f)) : identifier(v));
            }
            s += extensions(md, QSet<QString>(kSensorMetadataFields.begin(), kSensorMetadataFields.end()), mdWhere);
        }
        QStringList reports;
        const auto rl = se.value(u"sensorReport").toArray();
        for (qsizetype j = 0; j < rl.size(); ++j) {
            const auto r = rl.at(j).toObject();
            const auto rWhere = jsonPathIndex(jsonPathMember(where, u"sensorReport"_s), j);
            QString rs = u"sensorReport"_s;
            for (const auto &f : kSensorReportFields) {
                const auto v = r.value(f);
                if (v.isUndefined())
                    continue;
                QString value;
                if (f == u"type")
                    value = vocab(Vocabulary::MeasurementType, v);
                else if (f == u"exception")
                    value = vocab(Vocabulary::SensorAlertType, v);
                else if (f == u"component")
                    value = vocab(Vocabulary::SensorComponent, v);
                else if (f == u"time")
                    value = timestamp(v, jsonPathMember(rWhere, f));
                else if (f == u"stringValue" || f == u"hexBinaryValue" || f == u"uom" || v.isDouble() || v.isBool())
                    value = text(v);
                else
                    value = identifier(v);
                rs += field(f, value);
            }
            // bizRules is a sensorReport field of the JSON schema but not of the canonical order: left out.
            QSet<QString> standard(kSensorReportFields.begin(), kSensorReportFields.end());
            standard.insert(u"bizRules"_s);
            rs += extensions(r, standard, rWhere);
            reports << rs;
        }
        s += sortedJoined(reports);
        s += extensions(se, { u"sensorMetadata"_s, u"sensorReport"_s }, where);
        elements << s;
    }
    return elements.isEmpty() ? QString() : u"sensorElementList"_s + sortedJoined(elements);
}

// User extensions: "{namespace}local=value" for a value, "{namespace}local" followed by its children (sorted)
// for an element holding others; a list gives one element per entry. Siblings are sorted.
QString PreHash::extensions(const QJsonObject &o, const QSet<QString> &standard, const QString &where)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (standard.contains(it.key()) || it.key().startsWith(u'@'))
            continue;
        parts << element(it.key(), it.value(), jsonPathMember(where, it.key()));
    }
    return sortedJoined(parts);
}

QStringList PreHash::element(const QString &name, const QJsonValue &v, const QString &where)
{
    if (v.isArray()) {
        QStringList out;
        for (const auto &item : v.toArray())
            out << element(name, item, where);
        return out;
    }
    const auto expanded = m_ns.expand(name);
    if (!expanded) {
        errors << where
                + (name.contains(u':') ? u": the namespace prefix of \"%1\" is not declared in @context"_s.arg(name)
                                       : u": \"%1\" is neither an EPCIS field nor an extension with a namespace "
                                         "prefix"_s.arg(name));
        return {};
    }
    const auto key = u'{' + expanded->ns + u'}' + expanded->local;
    if (v.isObject()) {
        const auto o = v.toObject();
        if (o.contains(u"@value"))
            return { field(key, text(o.value(u"@value"))) };
        return { key + extensions(o, {}, where) };
    }
    if (v.isNull() || v.isUndefined())
        return { key };
    if (v.isString()) {
        const auto t = text(v);
        const bool id = t.startsWith(u"urn:epc") || t.startsWith(u"http://", Qt::CaseInsensitive)
            || t.startsWith(u"https://", Qt::CaseInsensitive);
        return { key + u'=' + (id ? identifier(v) : t) };
    }
    return { key + u'=' + text(v) };
}

QString PreHash::event(const QJsonObject &e)
{
    const auto type = text(e.value(u"type"));
    if (type.isEmpty())
        errors << jsonPathMember(m_path, u"type"_s) + u": the event type is missing"_s;
    if (!e.contains(u"eventTime"))
        errors << jsonPathMember(m_path, u"eventTime"_s) + u": the event time is missing"_s;

    QString s = field(u"eventType"_s, type);
    s += field(u"eventTime"_s, timestamp(e.value(u"eventTime"), jsonPathMember(m_path, u"eventTime"_s)));
    s += field(u"eventTimeZoneOffset"_s, text(e.value(u"eventTimeZoneOffset")));
    s += idList(e, u"epcList"_s);
    s += field(u"parentID"_s, identifier(e.value(u"parentID")));
    s += idList(e, u"inputEPCList"_s);
    s += idList(e, u"childEPCs"_s);
    s += quantityList(e, u"quantityList"_s);
    s += quantityList(e, u"childQuantityList"_s);
    s += quantityList(e, u"inputQuantityList"_s);
    s += idList(e, u"outputEPCList"_s);
    s += quantityList(e, u"outputQuantityList"_s);
    s += field(u"action"_s, text(e.value(u"action")));
    s += field(u"transformationID"_s, identifier(e.value(u"transformationID")));
    s += field(u"bizStep"_s, vocab(Vocabulary::BizStep, e.value(u"bizStep")));
    s += field(u"disposition"_s, vocab(Vocabulary::Disposition, e.value(u"disposition")));
    if (const auto pd = e.value(u"persistentDisposition").toObject(); !pd.isEmpty()) {
        QString p;
        for (const auto &which : { u"set"_s, u"unset"_s }) {
            QStringList values;
            for (const auto &v : pd.value(which).toArray())
                values << field(which, vocab(Vocabulary::Disposition, v));
            p += sortedJoined(values);
        }
        if (!p.isEmpty())
            s += u"persistentDisposition"_s + p;
    }
    s += location(e, u"readPoint"_s);
    s += location(e, u"bizLocation"_s);
    s += typedList(e, u"bizTransactionList"_s, u"bizTransaction"_s, Vocabulary::BizTransactionType);
    s += typedList(e, u"sourceList"_s, u"source"_s, Vocabulary::SourceDestType);
    s += typedList(e, u"destinationList"_s, u"destination"_s, Vocabulary::SourceDestType);
    s += sensorElements(e);
    if (const auto ilmd = e.value(u"ilmd").toObject(); !ilmd.isEmpty()) {
        const auto x = extensions(ilmd, {}, jsonPathMember(m_path, u"ilmd"_s));
        if (!x.isEmpty())
            s += u"ilmd"_s + x;
    }
    s += extensions(e, standardEventFields(), m_path);
    return s;
}

} // namespace

Result<QString> preHashString(const QJsonObject &event, const Namespaces &namespaces)
{
    PreHash p(namespaces, u"$"_s);
    const auto s = p.event(event);
    if (!p.errors.isEmpty())
        return Error { u"invalid"_s, p.errors.join(u'\n') };
    return s;
}

QString hashIdOfPreHash(const QString &preHash)
{
    const auto digest = QCryptographicHash::hash(preHash.toUtf8(), QCryptographicHash::Sha256).toHex();
    return u"ni:///sha-256;"_s + QString::fromLatin1(digest) + u"?ver="_s + kHashVersion.toString();
}

Result<QString> eventHashId(const QJsonObject &event, const Namespaces &namespaces)
{
    const auto pre = preHashString(event, namespaces);
    if (!pre.ok())
        return pre.error();
    return hashIdOfPreHash(pre.value());
}

Result<std::vector<DocumentEvent>> documentEvents(const QJsonObject &document)
{
    Namespaces base;
    base.add(document.value(u"@context"));
    const auto type = document.value(u"type").toString();
    QJsonValue list;
    QString path;
    if (type == u"EPCISDocument") {
        list = document.value(u"epcisBody").toObject().value(u"eventList");
        path = u"$.epcisBody.eventList"_s;
    } else if (type == u"EPCISQueryDocument") {
        list = document.value(u"epcisBody")
                   .toObject()
                   .value(u"queryResults")
                   .toObject()
                   .value(u"resultsBody")
                   .toObject()
                   .value(u"eventList");
        path = u"$.epcisBody.queryResults.resultsBody.eventList"_s;
    } else if (eventTypeFromString(type)) {
        return std::vector<DocumentEvent> { { u"$"_s, document, base } };
    } else {
        return Error { u"invalid"_s,
            u"$.type: an EPCISDocument, an EPCISQueryDocument or an event was expected, not \"%1\""_s.arg(type) };
    }
    if (!list.isArray())
        return Error { u"invalid"_s, path + u": the event list is missing"_s };
    std::vector<DocumentEvent> out;
    const auto events = list.toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const auto e = events.at(i).toObject();
        Namespaces ns = base;
        ns.add(e.value(u"@context"));
        out.push_back({ jsonPathIndex(path, i), e, ns });
    }
    return out;
}

Result<QStringList> documentEventHashes(const QJsonObject &document)
{
    const auto events = documentEvents(document);
    if (!events.ok())
        return events.error();
    QStringList hashes;
    QStringList errors;
    for (const auto &de : events.value()) {
        PreHash p(de.namespaces, de.path);
        const auto s = p.event(de.event);
        if (p.errors.isEmpty())
            hashes << hashIdOfPreHash(s);
        errors << p.errors;
    }
    if (!errors.isEmpty())
        return Error { u"invalid"_s, errors.join(u'\n') };
    return hashes;
}

} // namespace closient::epcis
