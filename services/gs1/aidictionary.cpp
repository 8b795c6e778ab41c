// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "aidictionary.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

int AiEntry::minLength() const
{
    int n = 0;
    for (const auto &c : components)
        n += c.optional ? 0 : c.minLength;
    return n;
}

int AiEntry::maxLength() const
{
    int n = 0;
    for (const auto &c : components)
        n += c.maxLength;
    return n;
}

static bool parseComponent(const QString &token, AiComponent *out)
{
    // "N14,csum,gcppos2", "X..20", "[N6],yymmdd", "N3,iso3166"
    static const QRegularExpression re(u"^(\\[)?([NXYZ])(\\d+)?(?:\\.\\.(\\d+))?(\\])?((?:,[a-z0-9]+)*)$"_s);
    const auto m = re.match(token);
    if (!m.hasMatch())
        return false;
    out->optional = m.hasCaptured(1) && !m.captured(1).isEmpty();
    out->charset = m.captured(2).at(0).toLatin1();
    if (!m.captured(4).isEmpty()) { // "..max" (optionally with min)
        out->maxLength = m.captured(4).toInt();
        out->minLength = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    } else {
        out->minLength = out->maxLength = m.captured(3).toInt();
    }
    out->linters = m.captured(6).split(u',', Qt::SkipEmptyParts);
    return out->maxLength > 0;
}

static void parseAttribute(const QString &token, AiEntry *e)
{
    const auto eq = token.indexOf(u'=');
    const QString key = eq < 0 ? token : token.left(eq);
    const QString value = eq < 0 ? QString() : token.mid(eq + 1);
    if (key == u"req"_s) {
        e->requirements.push_back(value.split(u',', Qt::SkipEmptyParts));
    } else if (key == u"ex"_s) {
        e->exclusions += value.split(u',', Qt::SkipEmptyParts);
    } else if (key == u"dlpkey"_s) {
        e->dlPrimaryKey = true;
        if (value.isEmpty()) {
            e->dlQualifierSequences.push_back({});
        } else {
            for (const auto &seq : value.split(u'|'))
                e->dlQualifierSequences.push_back(seq.split(u',', Qt::SkipEmptyParts));
        }
    }
}

AiDictionary AiDictionary::fromText(QStringView text)
{
    AiDictionary dict;
    static const QRegularExpression releaseRe(u"^#\\s*Release:\\s*(\\S+)"_s);
    static const QRegularExpression flagsRe(u"^[*!?\"$%&'()+,\\-./:;<=>@\\[\\\\\\]^_`{|}~]+$"_s);
    for (auto line : text.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            const auto m = releaseRe.match(line);
            if (m.hasMatch() && dict.m_release.isEmpty())
                dict.m_release = m.captured(1);
            continue;
        }
        const auto hash = line.indexOf(u'#');
        const QString title = hash < 0 ? QString() : line.mid(hash + 1).trimmed().toString();
        const auto tokens = (hash < 0 ? line : line.left(hash)).toString().split(u' ', Qt::SkipEmptyParts);
        if (tokens.isEmpty())
            continue;
        AiEntry entry;
        entry.title = title;
        qsizetype i = 1;
        if (i < tokens.size() && flagsRe.match(tokens[i]).hasMatch()) {
            entry.predefinedLength = tokens[i].contains(u'*');
            entry.dlDataAttribute = tokens[i].contains(u'?');
            ++i;
        }
        for (; i < tokens.size(); ++i) {
            AiComponent c;
            if (parseComponent(tokens[i], &c))
                entry.components.push_back(c);
            else
                parseAttribute(tokens[i], &entry);
        }
        // "3100-3105" and "91-99" name ranges of AIs with the same specification.
        const auto range = tokens[0].split(u'-');
        const int first = range[0].toInt();
        const int last = range.size() > 1 ? range[1].toInt() : first;
        const auto width = range[0].size();
        for (int ai = first; ai <= last; ++ai) {
            entry.ai = u"%1"_s.arg(ai, int(width), 10, QChar(u'0'));
            dict.m_entries.insert(entry.ai, entry);
        }
    }
    return dict;
}

const AiDictionary &AiDictionary::instance()
{
    static const AiDictionary dict = [] {
        QFile f(u":/gs1/gs1-syntax-dictionary.txt"_s);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("The GS1 syntax dictionary resource is missing");
        return fromText(QString::fromUtf8(f.readAll()));
    }();
    return dict;
}

const AiEntry *AiDictionary::find(QStringView ai) const
{
    const auto it = m_entries.constFind(ai.toString());
    return it == m_entries.cend() ? nullptr : &it.value();
}

const AiEntry *AiDictionary::matchPrefix(QStringView data) const
{
    for (int len = 2; len <= 4 && len <= data.size(); ++len) {
        const auto candidate = data.left(len);
        if (!std::all_of(candidate.begin(), candidate.end(), [](QChar c) { return c.isDigit(); }))
            return nullptr;
        if (const auto *e = find(candidate))
            return e;
    }
    return nullptr;
}

bool AiDictionary::matchesPattern(QStringView ai, QStringView pattern)
{
    if (ai.size() != pattern.size())
        return false;
    for (qsizetype i = 0; i < ai.size(); ++i) {
        if (pattern[i] == u'n' ? !ai[i].isDigit() : pattern[i] != ai[i])
            return false;
    }
    return true;
}

} // namespace closient::gs1
