// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace closient::gs1 {

/** What kind of data a scan or a typed code turned out to be. */
enum class DataKind { Empty, Gtin, ElementString, DigitalLink, Text };

/** One AI and its value, where it stood in the input. */
struct Element
{
    QString ai;
    QString title;
    QString value;
    int offset = -1; // 0-based offset of the AI in the input, -1 when built rather than parsed
};

/** One problem with the data: which AI, which position, why. */
struct Issue
{
    QString code; // check_digit, length, charset, invalid_date, missing_required_ai, exclusive_ais, unknown_ai, ...
    QString ai;
    int position = 0; // 1-based position inside the AI's value, 0 when the issue is not about one character
    int offset = -1; // 0-based offset in the input, -1 when unknown
    QString message; // plain words for the person at the desk
};

/// The GS1 resolver Digital Links point to unless the station's `resolver_domain` setting names another.
inline constexpr char16_t kDefaultResolverDomain[] = u"https://id.gs1.org";

/** Everything the GS1 core learnt from one piece of data. A value type, cheap to copy. */
struct ParseResult
{
    QString input;
    DataKind kind = DataKind::Empty;
    QString symbologyId; // AIM symbology identifier as received, e.g. "]d2"
    std::vector<Element> elements;
    QString gtin14;
    QString addOn; // EAN/UPC add-on digits
    std::vector<Issue> errors;
    QStringList warnings;
    QStringList otherParameters; // non-AI Digital Link query parameters such as linkType

    [[nodiscard]] bool isValid() const { return kind != DataKind::Empty && errors.empty(); }
    [[nodiscard]] bool isGs1() const
    {
        return kind == DataKind::Gtin || kind == DataKind::ElementString || kind == DataKind::DigitalLink;
    }
    [[nodiscard]] QString value(QStringView ai) const;
    [[nodiscard]] QString lot() const { return value(u"10"); }
    [[nodiscard]] QString serial() const { return value(u"21"); }
    [[nodiscard]] QDate expiry() const;
    [[nodiscard]] QString hri() const;
    [[nodiscard]] QString elementString() const;
    [[nodiscard]] QString digitalLink(QStringView domain = kDefaultResolverDomain) const;
    [[nodiscard]] QString errorText() const; // all errors, one sentence each
    [[nodiscard]] QJsonObject toJson() const;
    /// A result as toJson() wrote it (the store keeps every capture's parse): read back, not parsed again.
    [[nodiscard]] static ParseResult fromJson(const QJsonObject &json);
};

[[nodiscard]] QString kindName(DataKind kind);
/// A GS1 date (YYMMDD, DD may be 00 = last day of the month) with the GS1 century rule, invalid if not a date.
[[nodiscard]] QDate gs1Date(QStringView yymmdd, QDate today = QDate::currentDate());
/// The element string of @p elements: FNC1 (as GS, 0x1D) after every variable-length value but the last.
[[nodiscard]] QString buildElementString(const std::vector<Element> &elements);
/// The human-readable interpretation: "(01)09506000134352(10)ABC123".
[[nodiscard]] QString buildHri(const std::vector<Element> &elements);
/// The canonical GS1 Digital Link URI of @p elements on @p domain (scheme, host and optional path stem): the
/// first primary key of the data, the qualifiers of its qualifier sequence that takes the most of them in the
/// path, every other AI as a data attribute in the query, each AI once. Empty, with the reason in @p why, when
/// no Digital Link can carry the elements.
[[nodiscard]] QString buildDigitalLink(
    const std::vector<Element> &elements, QStringView domain, QString *why = nullptr);

} // namespace closient::gs1
