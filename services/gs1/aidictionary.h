// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace closient::gs1 {

/** One component of an AI's data field, as the GS1 Barcode Syntax Dictionary describes it. */
struct AiComponent
{
    char charset = 'N'; // N numeric, X CSET 82, Y CSET 39, Z CSET 64 (base64url)
    int minLength = 0;
    int maxLength = 0;
    bool optional = false;
    QStringList linters;
};

/** Everything the dictionary knows about one Application Identifier. */
struct AiEntry
{
    QString ai;
    QString title;
    bool predefinedLength = false; // '*': fixed length, never followed by FNC1
    bool dlDataAttribute = false; // '?': may appear in a Digital Link query string
    std::vector<AiComponent> components;
    std::vector<QStringList> requirements; // every group must be met; a group lists alternatives like "01+21"
    QStringList exclusions; // AIs or patterns ("310n") that may not appear together with this one
    bool dlPrimaryKey = false;
    std::vector<QStringList> dlQualifierSequences; // permitted ordered qualifier sequences

    [[nodiscard]] int minLength() const;
    [[nodiscard]] int maxLength() const;
    [[nodiscard]] bool fixedLength() const { return minLength() == maxLength(); }
};

/** The table of every AI, built from the GS1 Barcode Syntax Dictionary shipped as a resource. */
class AiDictionary
{
public:
    /// The dictionary loaded from the application's resources; loaded once, thread-safe.
    static const AiDictionary &instance();
    /// Builds a dictionary from the text of a syntax dictionary file.
    static AiDictionary fromText(QStringView text);

    [[nodiscard]] const AiEntry *find(QStringView ai) const;
    /// The AI that starts @p data, if any (the AI table is prefix-free).
    [[nodiscard]] const AiEntry *matchPrefix(QStringView data) const;
    [[nodiscard]] QString release() const { return m_release; }
    [[nodiscard]] qsizetype size() const { return m_entries.size(); }
    [[nodiscard]] QList<QString> ais() const { return m_entries.keys(); }

    /// True when @p ai matches @p pattern, where 'n' in the pattern stands for any digit.
    static bool matchesPattern(QStringView ai, QStringView pattern);

private:
    QHash<QString, AiEntry> m_entries;
    QString m_release;
};

} // namespace closient::gs1
