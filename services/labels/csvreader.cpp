// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace closient::labels {

QString CsvRow::where() const
{
    return line == row ? u"row %1"_s.arg(row) : u"row %1 (line %2)"_s.arg(row).arg(line);
}

Result<QChar> CsvReader::delimiterFromName(const QString &name)
{
    if (name.compare(u"tab"_s, Qt::CaseInsensitive) == 0 || name == u"\\t")
        return QChar(u'\t');
    if (name.size() != 1 || name[0] == u'"' || name[0] == u'\r' || name[0] == u'\n')
        return Error { u"invalid"_s,
            u"the delimiter is one character (\",\", \";\" or \"tab\"), not a quote or a line break: \"%1\""_s.arg(
                name) };
    return name[0];
}

namespace {
/// The state machine of RFC 4180 over one decoded text; it stops at the first malformed record, because after a
/// stray quote the field boundaries that follow cannot be trusted.
class Parser
{
public:
    Parser(QStringView text, QChar delimiter)
        : m_text(text)
        , m_delimiter(delimiter)
    { }

    Result<std::vector<CsvRow>> records()
    {
        std::vector<CsvRow> out;
        while (m_pos < m_text.size()) {
            CsvRow record;
            record.row = int(out.size()) + 1;
            record.line = m_line;
            if (auto r = readRecord(record); !r.ok())
                return r.error();
            out.push_back(std::move(record));
        }
        return out;
    }

private:
    Result<Done> fail(const CsvRow &record, const QString &what) const
    {
        return Error { u"invalid"_s, u"%1: %2"_s.arg(record.where(), what) };
    }

    /// Reads one record and its line ending.
    Result<Done> readRecord(CsvRow &record)
    {
        while (true) {
            QString field;
            if (m_pos < m_text.size() && m_text[m_pos] == u'"') {
                const int openedOn = m_line;
                ++m_pos;
                while (true) {
                    if (m_pos >= m_text.size())
                        return fail(record,
                            u"the quote opened on line %1 is never closed (a quote in a value is written twice)"_s.arg(
                                openedOn));
                    const QChar c = m_text[m_pos++];
                    if (c == u'"') {
                        if (m_pos < m_text.size() && m_text[m_pos] == u'"') {
                            field += u'"';
                            ++m_pos;
                            continue;
                        }
                        break;
                    }
                    if (c == u'\n')
                        ++m_line;
                    field += c;
                }
                if (m_pos < m_text.size() && m_text[m_pos] != m_delimiter && !atLineEnd())
                    return fail(record,
                        u"field %1 has text after its closing quote (a quote in a value is written twice)"_s.arg(
                            record.fields.size() + 1));
            } else {
                while (m_pos < m_text.size() && m_text[m_pos] != m_delimiter && !atLineEnd()) {
                    const QChar c = m_text[m_pos++];
                    if (c == u'"')
                        return fail(record,
                            u"field %1 has a quote but does not start with one: quote the whole value and write the "
                            u"quote twice"_s.arg(record.fields.size() + 1));
                    if (c == u'\r')
                        return fail(record, u"a carriage return without a line feed"_s);
                    field += c;
                }
            }
            record.fields << field;
            if (m_pos >= m_text.size())
                return Done {};
            if (m_text[m_pos] == m_delimiter) {
                ++m_pos;
                continue;
            }
            // CRLF or LF ends the record.
            m_pos += m_text[m_pos] == u'\r' ? 2 : 1;
            ++m_line;
            return Done {};
        }
    }

    [[nodiscard]] bool atLineEnd() const
    {
        const QChar c = m_text[m_pos];
        return c == u'\n' || (c == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n');
    }

    QStringView m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
};
} // namespace

Result<CsvTable> CsvReader::read(QByteArrayView data, QChar delimiter)
{
    if (delimiter == u'"' || delimiter == u'\r' || delimiter == u'\n')
        return Error { u"invalid"_s, u"a quote or a line break cannot separate fields"_s };
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(data.startsWith("\xEF\xBB\xBF") ? data.sliced(3) : data);
    if (utf8.hasError())
        return Error { u"invalid"_s, u"the file is not UTF-8 text: save it as \"CSV UTF-8\""_s };
    auto records = Parser(text, delimiter).records();
    if (!records.ok())
        return records.error();
    auto &rows = records.value();
    // Blank lines at the end are an editor's habit, not records.
    while (!rows.empty() && rows.back().fields == QStringList { QString() })
        rows.pop_back();
    if (rows.empty())
        return Error { u"invalid"_s, u"the file is empty: the first line must name the columns"_s };
    CsvTable table;
    table.header = rows.front().fields;
    QStringList problems;
    for (size_t i = 1; i < rows.size(); ++i) {
        auto &r = rows[i];
        if (r.fields.size() != table.header.size())
            problems << u"%1 has %2, the header has %3%4"_s.arg(r.where())
                            .arg(r.fields.size() == 1 ? u"1 field"_s : u"%1 fields"_s.arg(r.fields.size()))
                            .arg(table.header.size())
                            .arg(delimiter == u',' && r.fields.size() < table.header.size()
                                    ? u" (is the file separated by another character? say which)"_s
                                    : QString());
        else
            table.rows.push_back(std::move(r));
    }
    if (!problems.isEmpty())
        return Error { u"invalid"_s, problems.join(u'\n') };
    return table;
}

} // namespace closient::labels
