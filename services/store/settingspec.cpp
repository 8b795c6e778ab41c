// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingspec.h"

#include "parseresult.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::store {

namespace {

using Type = SettingSpec::Type;

SettingSpec make(const QString &key, Type type, const QVariant &def, const QString &description)
{
    SettingSpec s;
    s.key = key;
    s.type = type;
    s.defaultValue = def;
    s.description = description;
    return s;
}

SettingSpec integer(const QString &key, int def, int min, int max, const QString &description)
{
    SettingSpec s = make(key, Type::Integer, def, description);
    s.minimum = min;
    s.maximum = max;
    return s;
}

SettingSpec boolean(const QString &key, bool def, const QString &description)
{
    return make(key, Type::Boolean, def, description);
}

SettingSpec text(const QString &key, int maxLength, const QString &description, const QString &pattern = {},
    const QString &hint = {})
{
    SettingSpec s = make(key, Type::Text, QString(u""_s), description);
    s.maxLength = maxLength;
    s.pattern = pattern;
    s.patternHint = hint;
    return s;
}

SettingSpec choice(const QString &key, const QStringList &choices, const QString &description)
{
    SettingSpec s = make(key, Type::Choice, QString(u""_s), description);
    s.choices = choices;
    return s;
}

SettingSpec jsonObject(const QString &key, const QString &description, std::vector<JsonMember> members)
{
    SettingSpec s = make(key, Type::JsonObject, QString(u""_s), description);
    s.maxLength = 4000;
    s.members = std::move(members);
    return s;
}

JsonMember flag(const QString &name)
{
    return { name, JsonMember::Kind::Boolean, 0, 0, 0, {} };
}

JsonMember number(const QString &name, int minimum, int maximum, QList<int> values = {})
{
    return { name, JsonMember::Kind::Integer, minimum, maximum, 0, std::move(values) };
}

JsonMember words(const QString &name, int maxLength)
{
    return { name, JsonMember::Kind::Text, 0, 0, maxLength, {} };
}

/// Why @p value cannot be member @p m ("maxKeyGapMs must be a whole number from 5 to 200, not 1000"); empty when
/// it can.
QString memberProblem(const JsonMember &m, const QJsonValue &value)
{
    switch (m.kind) {
    case JsonMember::Kind::Boolean:
        return value.isBool() ? QString() : u"%1 must be true or false"_s.arg(m.name);
    case JsonMember::Kind::Integer: {
        const double d = value.toDouble(std::nan(""));
        const bool whole = value.isDouble() && d == std::floor(d);
        if (!m.values.isEmpty()) {
            QStringList allowed;
            for (int v : m.values)
                allowed << QString::number(v);
            return whole && m.values.contains(int(d)) ? QString()
                                                      : u"%1 must be one of %2"_s.arg(m.name, allowed.join(u", "_s));
        }
        return whole && d >= m.minimum && d <= m.maximum
            ? QString()
            : u"%1 must be a whole number from %2 to %3"_s.arg(m.name).arg(m.minimum).arg(m.maximum);
    }
    case JsonMember::Kind::Text:
        return value.isString() && value.toString().size() <= m.maxLength
            ? QString()
            : u"%1 must be text of at most %2 characters"_s.arg(m.name).arg(m.maxLength);
    }
    return {};
}

std::optional<qint64> wholeNumber(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return v.toLongLong();
    case QMetaType::Bool:
        return std::nullopt;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return qint64(d);
        return std::nullopt;
    }
    default:
        break;
    }
    static const QRegularExpression digits(u"^[+-]?[0-9]{1,12}$"_s);
    const QString t = v.toString().trimmed();
    if (!digits.match(t).hasMatch())
        return std::nullopt;
    return t.toLongLong();
}

std::optional<bool> truth(const QVariant &v)
{
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    const QString t = v.toString().trimmed().toLower();
    if (t == u"true" || t == u"yes" || t == u"on" || t == u"1")
        return true;
    if (t == u"false" || t == u"no" || t == u"off" || t == u"0")
        return false;
    return std::nullopt;
}

SettingSpec family(SettingSpec s)
{
    s.family = true;
    return s;
}

} // namespace

const std::vector<SettingSpec> &settingSpecs()
{
    // Ranges are the ones the Settings screen offers; the screen and this table must agree, and this table decides.
    static const std::vector<SettingSpec> specs {
        integer(
            u"session_ttl_minutes"_s, 720, 0, 10080, u"minutes a session may sit idle before it expires; 0 = never"_s),
        integer(u"duplicate_window_seconds"_s, 10, 0, 3600,
            u"seconds in which the same code seen again is not captured again"_s),
        integer(u"confirm_linear_reads"_s, 2, 1, 5, u"frames that must read a 1D barcode before it is captured"_s),
        boolean(u"sound_muted"_s, false, u"no beep on a capture"_s),
        [] {
            SettingSpec s = make(u"resolver_domain"_s, Type::Url, QString::fromUtf16(gs1::kDefaultResolverDomain),
                u"the GS1 Digital Link resolver that plain QR codes on labels point to"_s);
            s.maxLength = 200;
            return s;
        }(),
        text(u"camera_id"_s, 500, u"the camera the Scan screen uses; empty for the system's default"_s),
        text(u"camera_resolution"_s, 20, u"the camera resolution; empty for automatic"_s, u"([0-9]{2,5}x[0-9]{2,5})?"_s,
            u"empty (automatic) or a size such as 1280x720"_s),
        jsonObject(u"wedge"_s, u"keyboard-wedge scanner detection (the Scan settings)"_s,
            { flag(u"enabled"_s), number(u"maxKeyGapMs"_s, 5, 200), number(u"quietMs"_s, 50, 2000),
                number(u"minLength"_s, 2, 50), flag(u"terminatorEnter"_s), flag(u"terminatorTab"_s),
                words(u"prefix"_s, 20), words(u"suffix"_s, 20), words(u"gsSubstitute"_s, 8), flag(u"f8IsGs"_s) }),
        // parity, stop bits and flow control as QSerialPort numbers them
        jsonObject(u"serial"_s, u"the serial scanner's port and framing (the Scan settings)"_s,
            { flag(u"enabled"_s), words(u"port"_s, 200), number(u"baudRate"_s, 300, 4000000),
                number(u"dataBits"_s, 5, 8), number(u"parity"_s, 0, 0, { 0, 2, 3, 4, 5 }),
                number(u"stopBits"_s, 0, 0, { 1, 2, 3 }), number(u"flowControl"_s, 0, 2), words(u"terminator"_s, 4),
                words(u"prefix"_s, 20), words(u"suffix"_s, 20) }),
        // Closient's documented schemas show no id on a created session or capture (reference §8.2): where to read it.
        text(u"sync.id_fields"_s, 100,
            u"where the server's id of a new session or capture is read, in order; empty = id,short_id"_s,
            u"([a-z_]+(,[a-z_]+)*)?"_s, u"field names separated by commas, such as id,short_id"_s),
        // The Labels screen's last choices. The lists below are the schema's (label_jobs); symbol and GS1 table
        // names belong to the labels library, which checks them when it reads them back.
        choice(u"labels.scope"_s, { u"lots"_s, u"serials"_s }, u"what the Labels screen lists"_s),
        choice(u"labels.exportType"_s,
            { u"qr_codes"_s, u"datamatrix"_s, u"barcodes_1d"_s, u"codes_combined"_s, u"sheet_pdf"_s, u"thermal"_s },
            u"the last export type"_s),
        choice(u"labels.fileFormat"_s, { u"svg"_s, u"png"_s, u"pdf"_s, u"eps"_s, u"zip"_s, u"zpl"_s },
            u"the last file format"_s),
        text(u"labels.symbol"_s, 40, u"the last symbol kind"_s, u"[a-z0-9_]+"_s,
            u"a symbol name such as gs1_datamatrix"_s),
        text(u"labels.template"_s, 200, u"the last sheet template"_s),
        text(u"labels.gs1Table"_s, 40, u"the GS1 symbol size table"_s, u"[a-z0-9_]+"_s,
            u"a table name such as general"_s),
        text(u"labels.printer"_s, 200, u"the last printer; empty for none"_s),
        text(u"labels.layout"_s, 200, u"the last layout; empty for the symbol-only labels"_s),
        text(u"labels.stock"_s, 200, u"the last label stock of the library; empty for the sheet template"_s),
        choice(u"labels.start_policy"_s, { u"continue"_s, u"first"_s },
            u"where a print starts: after the labels already used on the sheet, or always at the first label"_s),
        // Thermal printers: the list of their ids, the one chosen, and per printer (by id) its settings.
        text(u"labels.thermal_printers"_s, 2000, u"the thermal printers the station knows, by id"_s,
            u"([A-Za-z0-9_.-]{1,64}(,[A-Za-z0-9_.-]{1,64})*)?"_s, u"printer ids separated by commas"_s),
        text(u"labels.thermal_printer"_s, 64, u"the last thermal printer, by id; empty for none"_s,
            u"([A-Za-z0-9_.-]{1,64})?"_s, u"a printer id such as zebra-bench"_s),
        family(text(u"labels.thermal_name."_s, 60, u"a thermal printer's name as people call it"_s, u".*\\S.*"_s,
            u"at most 60 characters, not blank"_s)),
        family(text(u"labels.thermal_target."_s, 200, u"where a thermal printer's ZPL goes"_s,
            u"(tcp|socket)://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?/?|cups:[A-Za-z0-9_.@-]+"_s,
            u"tcp://HOST or tcp://HOST:PORT (a network printer) or cups:QUEUE (a CUPS raw queue)"_s)),
        family(choice(u"labels.thermal_dpi."_s, { u"203"_s, u"300"_s, u"600"_s }, u"a thermal printer's resolution"_s)),
        family(integer(u"labels.thermal_darkness."_s, 15, 0, 30, u"a thermal printer's darkness (~SD)"_s)),
        family(integer(u"labels.thermal_speed."_s, 4, 1, 14, u"a thermal printer's speed in inches a second"_s)),
        family(choice(u"labels.thermal_media."_s, { u"gap"_s, u"black_mark"_s, u"continuous"_s },
            u"how a thermal printer finds the next label"_s)),
        [] {
            SettingSpec s = integer(u"labels.next_start."_s, 1, 1, 1000,
                u"per sheet template: the first unused label of the sheet in the printer, after the last print"_s);
            s.family = true;
            return s;
        }(),
    };
    return specs;
}

const SettingSpec *findSettingSpec(const QString &key)
{
    static const QRegularExpression familyName(u"^"_s + QString::fromUtf16(kFamilyNamePattern) + u"$"_s);
    for (const auto &s : settingSpecs()) {
        if (!s.family && s.key == key)
            return &s;
        if (s.family && key.startsWith(s.key) && familyName.match(QStringView(key).mid(s.key.size())).hasMatch())
            return &s;
    }
    return nullptr;
}

QString SettingSpec::typeName() const
{
    switch (type) {
    case Type::Integer:
        return u"integer"_s;
    case Type::Boolean:
        return u"boolean"_s;
    case Type::Text:
        return u"text"_s;
    case Type::Choice:
        return u"choice"_s;
    case Type::Url:
        return u"url"_s;
    case Type::JsonObject:
        return u"json_object"_s;
    }
    return {};
}

QString SettingSpec::expected() const
{
    switch (type) {
    case Type::Integer:
        return u"a whole number from %1 to %2"_s.arg(minimum).arg(maximum);
    case Type::Boolean:
        return u"true or false"_s;
    case Type::Text:
        return patternHint.isEmpty() ? u"text of at most %1 characters"_s.arg(maxLength) : patternHint;
    case Type::Choice:
        return u"one of: %1"_s.arg(choices.join(u", "_s));
    case Type::Url:
        return u"a web address starting with https:// or http://"_s;
    case Type::JsonObject:
        return u"a JSON object of at most %1 characters"_s.arg(maxLength);
    }
    return {};
}

Result<QString> SettingSpec::validate(const QVariant &value) const
{
    const auto refuse = [&] {
        const QString shown
            = value.typeId() == QMetaType::Bool ? (value.toBool() ? u"true"_s : u"false"_s) : value.toString().left(60);
        return StoreError { u"invalid"_s,
            u"%1 must be %2 (%3); \"%4\" is not."_s.arg(key, expected(), description, shown) };
    };
    switch (type) {
    case Type::Integer: {
        const auto n = wholeNumber(value);
        if (!n || *n < minimum || *n > maximum)
            return refuse();
        return QString::number(*n);
    }
    case Type::Boolean: {
        const auto b = truth(value);
        if (!b)
            return refuse();
        return *b ? u"true"_s : u"false"_s;
    }
    case Type::Choice: {
        const QString t = value.toString().trimmed();
        if (!choices.contains(t))
            return refuse();
        return t;
    }
    case Type::Url: {
        const QString t = value.toString().trimmed();
        const QUrl url(t, QUrl::StrictMode);
        if (t.size() > maxLength || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != u"https" && url.scheme() != u"http"))
            return refuse();
        return t;
    }
    case Type::JsonObject: {
        const QString t = value.toString();
        if (t.isEmpty())
            return t; // no choice made: the defaults of the screen apply
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(t.toUtf8(), &error);
        if (t.size() > maxLength || error.error != QJsonParseError::NoError || !doc.isObject())
            return refuse();
        if (members.empty())
            return t;
        QStringList problems;
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const auto m
                = std::find_if(members.begin(), members.end(), [&](const JsonMember &j) { return j.name == it.key(); });
            if (m == members.end()) {
                QStringList known;
                for (const auto &j : members)
                    known << j.name;
                problems << u"it has no member \"%1\" (it knows %2)"_s.arg(it.key().left(40), known.join(u", "_s));
            } else if (const QString why = memberProblem(*m, it.value()); !why.isEmpty()) {
                problems << why;
            }
        }
        if (!problems.isEmpty())
            return StoreError { u"invalid"_s, u"%1: %2."_s.arg(key, problems.join(u"; "_s)) };
        return t;
    }
    case Type::Text: {
        if (value.typeId() == QMetaType::Bool || value.typeId() == QMetaType::QVariantMap
            || value.typeId() == QMetaType::QVariantList)
            return refuse();
        const QString t = value.toString();
        if (t.size() > maxLength || t.contains(QChar(0)))
            return refuse();
        if (!pattern.isEmpty()) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
            if (!re.match(t).hasMatch())
                return refuse();
        }
        return t;
    }
    }
    return refuse();
}

std::optional<QVariant> SettingSpec::parse(const QString &stored) const
{
    const auto checked = validate(stored);
    if (!checked.ok())
        return std::nullopt;
    switch (type) {
    case Type::Integer:
        return QVariant(checked.value().toInt());
    case Type::Boolean:
        return QVariant(checked.value() == u"true");
    default:
        return QVariant(checked.value());
    }
}

QJsonObject SettingSpec::toJson() const
{
    QJsonObject o { { u"key"_s, key }, { u"type"_s, typeName() },
        { u"default"_s, QJsonValue::fromVariant(defaultValue) }, { u"description"_s, description },
        { u"expected"_s, expected() } };
    if (type == Type::Integer) {
        o.insert(u"minimum"_s, minimum);
        o.insert(u"maximum"_s, maximum);
    }
    if (type == Type::Choice)
        o.insert(u"choices"_s, QJsonArray::fromStringList(choices));
    if (maxLength > 0)
        o.insert(u"max_length"_s, maxLength);
    return o;
}

} // namespace closient::store
