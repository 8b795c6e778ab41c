// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storeresult.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <vector>

namespace closient::store {

/** One workstation setting as the store knows it: key, type, allowed values and default. The table of them
 *  (settingSpecs()) is the one list of settings: every write is checked against it, and a stored value that does
 *  not fit is read as the default. */
/** One member a JsonObject setting may have: its type and range. Members not listed are refused. */
struct JsonMember
{
    enum class Kind { Boolean, Integer, Text };
    QString name;
    Kind kind = Kind::Text;
    int minimum = 0; // Integer
    int maximum = 0; // Integer
    int maxLength = 0; // Text
    QList<int> values; // Integer: when not empty, the only values allowed
};

struct SettingSpec
{
    enum class Type { Integer, Boolean, Text, Choice, Url, JsonObject };

    QString key; // for a family, the prefix up to and with its last dot: "labels.next_start."
    bool family = false; // one setting per name after the prefix (a template, a printer), see kFamilyNamePattern
    Type type = Type::Text;
    QVariant defaultValue; // typed: int, bool or QString; an empty text means "no choice made"
    QString description; // what it is, in plain words
    int minimum = 0; // Integer
    int maximum = 0; // Integer
    QStringList choices; // Choice
    int maxLength = 0; // Text, Url, JsonObject
    QString pattern; // Text: a regular expression the whole value must match (empty: any text)
    QString patternHint; // Text: what the pattern wants, for the refusal ("a size such as 1280x720")
    std::vector<JsonMember> members; // JsonObject: what it may hold (empty: any object)

    /// Checks @p value: the text to store (normalised: "true"/"false", plain digits) or why it does not fit.
    [[nodiscard]] Result<QString> validate(const QVariant &value) const;
    /// A stored text as this setting's type (int, bool or QString); nullopt when it does not fit.
    [[nodiscard]] std::optional<QVariant> parse(const QString &stored) const;
    /// "a whole number from 0 to 10080", "one of: lots, serials", ...
    [[nodiscard]] QString expected() const;
    [[nodiscard]] QString typeName() const;
    [[nodiscard]] QJsonObject toJson() const;
};

/// The names a family of settings takes after its prefix (template and printer names).
inline constexpr char16_t kFamilyNamePattern[] = u"[A-Za-z0-9_.-]{1,64}";

/// Every setting the station reads or writes, in the order people see them.
[[nodiscard]] const std::vector<SettingSpec> &settingSpecs();
/// The setting called @p key (or the family it belongs to), or nullptr when there is none.
[[nodiscard]] const SettingSpec *findSettingSpec(const QString &key);

} // namespace closient::store
