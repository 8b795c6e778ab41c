// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linters.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace closient::gs1 {

namespace {

const QString kCset82 = u"!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"_s;
const QString kCset39 = u"#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"_s;
const QString kCset64 = u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_="_s;
const QString kCset32 = u"23456789ABCDEFGHJKLMNPQRSTUVWXYZ"_s;

const QHash<QString, QSet<QString>> &codeLists()
{
    static const QHash<QString, QSet<QString>> lists = [] {
        QHash<QString, QSet<QString>> out;
        QFile f(u":/gs1/codelists.txt"_s);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("The GS1 code list resource is missing");
        for (const auto &line : QString::fromUtf8(f.readAll()).split(u'\n')) {
            if (line.startsWith(u'#') || !line.contains(u':'))
                continue;
            const auto colon = line.indexOf(u':');
            auto &set = out[line.left(colon).trimmed()];
            for (const auto &v : line.mid(colon + 1).split(u' ', Qt::SkipEmptyParts))
                set.insert(v);
        }
        return out;
    }();
    return lists;
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

std::optional<LintFailure> fail(const char *code, int offset, const QString &message)
{
    return LintFailure { QString::fromLatin1(code), offset, message };
}

std::optional<LintFailure> inList(const char *list, QStringView data, const QString &what)
{
    if (codeLists().value(QString::fromLatin1(list)).contains(data.toString()))
        return std::nullopt;
    return fail("invalid_value", 0, u"'%1' is not a valid %2"_s.arg(data, what));
}

std::optional<LintFailure> lintDate(QStringView data, bool fourDigitYear, bool dayMayBeZero)
{
    const int yLen = fourDigitYear ? 4 : 2;
    if (data.size() < yLen + 4 || !allDigits(data.left(yLen + 4)))
        return fail("invalid_date", 0, u"'%1' is not a date"_s.arg(data));
    const int month = data.mid(yLen, 2).toInt();
    const int day = data.mid(yLen + 2, 2).toInt();
    if (month < 1 || month > 12)
        return fail("invalid_date", yLen, u"month '%1' does not exist"_s.arg(data.mid(yLen, 2)));
    if (day == 0 && dayMayBeZero)
        return std::nullopt;
    // Day 29 of February needs a leap year; with two-digit years the century does not change that test.
    const int year = fourDigitYear ? data.left(4).toInt() : 2000 + data.left(2).toInt();
    if (day < 1 || day > QDate(year, month, 1).daysInMonth())
        return fail(
            "invalid_date", yLen + 2, u"day '%1' does not exist in month %2"_s.arg(data.mid(yLen + 2, 2)).arg(month));
    return std::nullopt;
}

std::optional<LintFailure> lintRange(QStringView data, int max, const QString &what)
{
    if (!allDigits(data) || data.toInt() > max)
        return fail("invalid_value", 0, u"'%1' is not a valid %2 (00 to %3)"_s.arg(data, what).arg(max));
    return std::nullopt;
}

std::optional<LintFailure> lintCsum(QStringView data)
{
    if (!allDigits(data) || data.size() < 2)
        return fail("check_digit", 0, u"a check digit needs digits only"_s);
    const int expected = gs1CheckDigit(data.left(data.size() - 1));
    const int actual = data.back().digitValue();
    if (expected == actual)
        return std::nullopt;
    return fail(
        "check_digit", int(data.size() - 1), u"the check digit is %1 but should be %2"_s.arg(actual).arg(expected));
}

std::optional<LintFailure> lintCsumAlpha(QStringView data)
{
    if (data.size() < 2)
        return fail("check_digit", 0, u"too short to hold a check character pair"_s);
    for (qsizetype i = data.size() - 2; i < data.size(); ++i) {
        if (!kCset32.contains(data[i]))
            return fail("check_digit", int(i), u"'%1' cannot be a check character"_s.arg(data[i]));
    }
    const QString expected = gs1CheckPair(data.left(data.size() - 2));
    if (expected == data.right(2))
        return std::nullopt;
    return fail("check_digit", int(data.size() - 2),
        u"the check characters are %1 but should be %2"_s.arg(data.right(2), expected));
}

std::optional<LintFailure> lintGcp(QStringView data, int start)
{
    constexpr int kMinGcpLength = 4; // the shortest GS1 Company Prefix
    for (int i = start; i < start + kMinGcpLength; ++i) {
        if (i >= data.size() || !data[i].isDigit())
            return fail("invalid_value", i, u"it must start with a GS1 Company Prefix (digits)"_s);
    }
    return std::nullopt;
}

std::optional<LintFailure> lintIban(QStringView data)
{
    if (data.size() < 5 || !codeLists().value(u"iso3166alpha2"_s).contains(data.left(2).toString()))
        return fail("invalid_value", 0, u"'%1' is not an IBAN"_s.arg(data));
    // Move the first four characters to the end, turn letters into 10..35 and take mod 97.
    const QString rearranged = data.mid(4).toString() + data.left(4).toString();
    int rem = 0;
    for (QChar c : rearranged) {
        int v;
        if (c.isDigit())
            v = c.digitValue();
        else if (c >= u'A' && c <= u'Z')
            v = c.unicode() - u'A' + 10;
        else
            return fail("invalid_value", 0, u"an IBAN holds only digits and capital letters"_s);
        rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
    }
    if (rem != 1)
        return fail("check_digit", 2, u"the IBAN check digits are wrong"_s);
    return std::nullopt;
}

std::optional<LintFailure> lintPercentEncoding(QStringView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data[i] != u'%')
            continue;
        const auto hex = data.mid(i + 1, 2);
        bool ok = false;
        if (hex.size() == 2)
            (void)hex.toInt(&ok, 16);
        if (!ok)
            return fail("invalid_value", int(i), u"'%' must be followed by two hexadecimal digits"_s);
        i += 2;
    }
    return std::nullopt;
}

std::optional<LintFailure> lintPieceOfTotal(QStringView data)
{
    const int half = int(data.size() / 2);
    const int piece = data.left(half).toInt();
    const int total = data.mid(half).toInt();
    if (!allDigits(data) || piece == 0 || total == 0 || piece > total)
        return fail("invalid_value", 0, u"piece %1 of total %2 is not possible"_s.arg(piece).arg(total));
    return std::nullopt;
}

std::optional<LintFailure> lintPositionInSequence(QStringView data)
{
    // "n/m" with single digits 1..9 and n <= m.
    if (data.size() != 3 || data[1] != u'/' || !data[0].isDigit() || !data[2].isDigit() || data[0] == u'0'
        || data[2] == u'0' || data[0] > data[2])
        return fail("invalid_value", 0, u"'%1' is not a position in a sequence such as 1/2"_s.arg(data));
    return std::nullopt;
}

// Reads the fields of a North American coupon one after another; every read names the field when it fails.
class CouponReader
{
public:
    explicit CouponReader(QStringView data)
        : m_data(data)
    { }

    [[nodiscard]] bool atEnd() const { return m_pos >= m_data.size(); }
    [[nodiscard]] int pos() const { return int(m_pos); }
    [[nodiscard]] QChar peek() const { return m_data[m_pos]; }
    [[nodiscard]] const std::optional<LintFailure> &failure() const { return m_failure; }

    /// One digit, which must be one of @p allowed (empty: any digit).
    int digit(const QString &field, QStringView allowed = {})
    {
        if (m_failure)
            return -1;
        if (atEnd()) {
            m_failure = fail("invalid_value", int(m_pos), u"the %1 is missing"_s.arg(field));
            return -1;
        }
        const QChar c = m_data[m_pos];
        if (!allowed.isEmpty() && !allowed.contains(c)) {
            m_failure = fail("invalid_value", int(m_pos),
                u"the %1 is '%2'; it must be one of %3"_s.arg(field, c, allowedText(allowed)));
            return -1;
        }
        ++m_pos;
        return c.digitValue();
    }

    /// @p n digits; returns the offset where they start, -1 on failure.
    qsizetype digits(const QString &field, int n)
    {
        if (m_failure)
            return -1;
        if (m_data.size() - m_pos < n) {
            m_failure = fail("invalid_value", int(m_pos),
                u"the %1 needs %2 digits but only %3 remain"_s.arg(field).arg(n).arg(m_data.size() - m_pos));
            return -1;
        }
        const auto start = m_pos;
        m_pos += n;
        return start;
    }

    /// A GS1 Company Prefix of @p n digits.
    void gcp(const QString &field, int n)
    {
        const auto at = digits(field, n);
        if (at >= 0) {
            if (auto f = lintGcp(m_data.mid(at, n), 0)) {
                f->offset += int(at);
                f->message = field + u": "_s + f->message;
                m_failure = f;
            }
        }
    }

    /// A YYMMDD date; returns where it starts.
    qsizetype date(const QString &field)
    {
        const auto at = digits(field, 6);
        if (at >= 0) {
            if (auto f = lintDate(m_data.mid(at, 6), false, false)) {
                f->offset += int(at);
                f->message = field + u": "_s + f->message;
                m_failure = f;
                return -1;
            }
        }
        return at;
    }

    void failAt(qsizetype at, const QString &message) { m_failure = fail("invalid_value", int(at), message); }

private:
    static QString allowedText(QStringView allowed)
    {
        QStringList parts;
        for (QChar c : allowed)
            parts << QString(c);
        const auto last = parts.takeLast();
        return parts.join(u", "_s) + u" or "_s + last;
    }

    QStringView m_data;
    qsizetype m_pos = 0;
    std::optional<LintFailure> m_failure;
};

// A purchase requirement (VLI 1-5 and that many digits), its code (0-4 or 9) and its three-digit family code.
void couponPurchase(CouponReader &in, const QString &which)
{
    const int vli = in.digit(u"%1 purchase requirement length (VLI)"_s.arg(which), u"12345");
    if (vli > 0)
        in.digits(u"%1 purchase requirement"_s.arg(which), vli);
    in.digit(u"%1 purchase requirement code"_s.arg(which), u"012349");
    in.digits(u"%1 purchase family code"_s.arg(which), 3);
}

// A further purchase's GS1 Company Prefix: VLI 0-6 for 6 to 12 digits, or 9 for none.
void couponOtherGcp(CouponReader &in, const QString &which)
{
    const int vli = in.digit(u"%1 purchase GS1 Company Prefix length (VLI)"_s.arg(which), u"01234569");
    if (vli >= 0 && vli != 9)
        in.gcp(u"%1 purchase GS1 Company Prefix"_s.arg(which), vli + 6);
}

// AI (8110), North American Coupon Application Guideline Using GS1 DataBar Expanded Symbols (JICC), section 5:
// the required fields, then the optional fields 1, 2, 3, 4, 5, 6 and 9, each at most once and in that order.
std::optional<LintFailure> lintCouponCode(QStringView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (!data[i].isDigit() || data[i].unicode() > '9')
            return fail("invalid_value", int(i), u"a coupon code holds digits only, not '%1'"_s.arg(data[i]));
    }
    CouponReader in(data);
    const int gcpVli = in.digit(u"GS1 Company Prefix length (VLI)"_s, u"0123456");
    if (gcpVli >= 0)
        in.gcp(u"GS1 Company Prefix"_s, gcpVli + 6);
    in.digits(u"offer code"_s, 6);
    const int saveVli = in.digit(u"save value length (VLI)"_s, u"12345");
    if (saveVli > 0)
        in.digits(u"save value"_s, saveVli);
    couponPurchase(in, u"primary"_s);
    qsizetype expiry = -1;
    if (!in.failure() && !in.atEnd() && in.peek() == u'1') { // additional purchase rules and a second purchase
        in.digit(u"data field indicator"_s);
        in.digit(u"additional purchase rules code"_s, u"0123");
        couponPurchase(in, u"second"_s);
        couponOtherGcp(in, u"second"_s);
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'2') { // a third purchase
        in.digit(u"data field indicator"_s);
        couponPurchase(in, u"third"_s);
        couponOtherGcp(in, u"third"_s);
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'3') {
        in.digit(u"data field indicator"_s);
        expiry = in.date(u"expiration date"_s);
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'4') {
        in.digit(u"data field indicator"_s);
        const auto start = in.date(u"start date"_s);
        if (start >= 0 && expiry >= 0 && data.mid(start, 6) > data.mid(expiry, 6))
            in.failAt(start,
                u"the start date %1 is after the expiration date %2"_s.arg(data.mid(start, 6), data.mid(expiry, 6)));
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'5') {
        in.digit(u"data field indicator"_s);
        const int vli = in.digit(u"serial number length (VLI)"_s);
        if (vli >= 0)
            in.digits(u"serial number"_s, vli + 6);
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'6') {
        in.digit(u"data field indicator"_s);
        const int vli = in.digit(u"retailer GS1 Company Prefix or GLN length (VLI)"_s, u"1234567");
        if (vli >= 0)
            in.gcp(u"retailer GS1 Company Prefix or GLN"_s, vli + 6);
    }
    if (!in.failure() && !in.atEnd() && in.peek() == u'9') { // miscellaneous
        in.digit(u"data field indicator"_s);
        in.digit(u"save value code"_s, u"01256");
        in.digit(u"save value applies to item"_s, u"012");
        in.digit(u"store coupon flag"_s);
        in.digit(u"don't multiply flag"_s, u"01");
    }
    if (in.failure())
        return in.failure();
    if (!in.atEnd()) {
        return fail("invalid_value", in.pos(),
            u"'%1' follows the coupon's fields: optional fields are 1, 2, 3, 4, 5, 6 and 9, each once and in that order"_s
                .arg(data.mid(in.pos())));
    }
    return std::nullopt;
}

// AI (8112), the positive offer file coupon: format code (0 or 1), funder ID (VLI 0-6 for 6 to 12 digits),
// six-digit offer code, serial number (VLI 0-9 for 6 to 15 digits), nothing after it.
std::optional<LintFailure> lintCouponPosOffer(QStringView data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (!data[i].isDigit() || data[i].unicode() > '9')
            return fail("invalid_value", int(i), u"a coupon code holds digits only, not '%1'"_s.arg(data[i]));
    }
    CouponReader in(data);
    in.digit(u"format code"_s, u"01");
    const int funderVli = in.digit(u"funder ID length (VLI)"_s, u"0123456");
    if (funderVli >= 0)
        in.digits(u"funder ID"_s, funderVli + 6);
    in.digits(u"offer code"_s, 6);
    const int serialVli = in.digit(u"serial number length (VLI)"_s);
    if (serialVli >= 0)
        in.digits(u"serial number"_s, serialVli + 6);
    if (in.failure())
        return in.failure();
    if (!in.atEnd())
        return fail("invalid_value", in.pos(), u"'%1' follows the serial number"_s.arg(data.mid(in.pos())));
    return std::nullopt;
}

} // namespace

int gs1CheckDigit(QStringView digits)
{
    int sum = 0;
    bool weight3 = true; // the digit next to the check digit has weight 3
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        if (!digits[i].isDigit())
            return -1;
        sum += digits[i].digitValue() * (weight3 ? 3 : 1);
        weight3 = !weight3;
    }
    return (10 - sum % 10) % 10;
}

QString gs1CheckPair(QStringView data)
{
    // Data characters are weighted by ascending primes from the right, sum mod 1021 split into two 5-bit values.
    static constexpr int primes[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73,
        79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193,
        197, 199, 211, 223, 227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311, 313, 317,
        331, 337, 347, 349, 353, 359, 367, 373, 379, 383, 389, 397, 401, 409, 419, 421, 431, 433, 439, 443, 449, 457,
        461, 463, 467, 479, 487, 491, 499, 503, 509 };
    if (data.size() > qsizetype(std::size(primes)))
        return {};
    int sum = 0;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const auto v = kCset82.indexOf(data[i]);
        if (v < 0)
            return {};
        sum += int(v) * primes[data.size() - 1 - i];
    }
    sum %= 1021;
    return QString(kCset32[sum >> 5]) + kCset32[sum & 31];
}

std::optional<LintFailure> lintCharset(char charset, QStringView data)
{
    const QString *set = nullptr;
    const char *name = "";
    switch (charset) {
    case 'N':
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (data[i] < u'0' || data[i] > u'9')
                return fail("charset", int(i), u"'%1' is not allowed here: only digits are"_s.arg(data[i]));
        }
        return std::nullopt;
    case 'X':
        set = &kCset82;
        name = "GS1 character set 82";
        break;
    case 'Y':
        set = &kCset39;
        name = "GS1 character set 39";
        break;
    case 'Z':
        set = &kCset64;
        name = "the base64url character set";
        break;
    default:
        return std::nullopt;
    }
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (!set->contains(data[i])) {
            const QString shown
                = data[i] < u' ' ? u"U+%1"_s.arg(int(data[i].unicode()), 4, 16, QChar(u'0')) : QString(data[i]);
            return fail("charset", int(i), u"'%1' is not in %2"_s.arg(shown, QString::fromLatin1(name)));
        }
    }
    return std::nullopt;
}

std::optional<LintFailure> lint(QStringView linter, QStringView data)
{
    if (linter == u"csum")
        return lintCsum(data);
    if (linter == u"csumalpha")
        return lintCsumAlpha(data);
    if (linter == u"gcppos1")
        return lintGcp(data, 0);
    if (linter == u"gcppos2")
        return lintGcp(data, 1);
    if (linter == u"yymmd0")
        return lintDate(data, false, true);
    if (linter == u"yymmdd")
        return lintDate(data, false, false);
    if (linter == u"yyyymmdd")
        return lintDate(data, true, false);
    if (linter == u"yyyymmd0")
        return lintDate(data, true, true);
    if (linter == u"hhmi" || linter == u"hhmm") {
        if (auto f = lintRange(data.left(2), 23, u"hour"_s))
            return f;
        if (auto f = lintRange(data.mid(2, 2), 59, u"minute"_s)) {
            f->offset = 2;
            return f;
        }
        return std::nullopt;
    }
    if (linter == u"hh")
        return lintRange(data, 23, u"hour"_s);
    if (linter == u"mi")
        return lintRange(data, 59, u"minute"_s);
    if (linter == u"ss")
        return lintRange(data, 59, u"second"_s);
    if (linter == u"iso3166")
        return inList("iso3166", data, u"ISO 3166 country code"_s);
    if (linter == u"iso3166999")
        return data == u"999" ? std::nullopt : inList("iso3166", data, u"ISO 3166 country code (or 999)"_s);
    if (linter == u"iso3166alpha2")
        return inList("iso3166alpha2", data, u"ISO 3166 two-letter country code"_s);
    if (linter == u"iso4217")
        return inList("iso4217", data, u"ISO 4217 currency code"_s);
    if (linter == u"packagetype")
        return inList("packagetype", data, u"package type code"_s);
    if (linter == u"iso5218")
        return QStringList { u"0"_s, u"1"_s, u"2"_s, u"9"_s }.contains(data.toString())
            ? std::nullopt
            : fail("invalid_value", 0, u"'%1' is not an ISO 5218 sex code (0, 1, 2 or 9)"_s.arg(data));
    if (linter == u"iban")
        return lintIban(data);
    if (linter == u"pcenc")
        return lintPercentEncoding(data);
    if (linter == u"nonzero")
        return allDigits(data) && data.toULongLong() == 0 ? fail("invalid_value", 0, u"must not be zero"_s)
                                                          : std::nullopt;
    if (linter == u"zero")
        return data == u"0" ? std::nullopt : fail("invalid_value", 0, u"must be 0"_s);
    if (linter == u"winding")
        return QStringList { u"0"_s, u"1"_s, u"9"_s }.contains(data.toString())
            ? std::nullopt
            : fail("invalid_value", 0, u"winding direction must be 0, 1 or 9"_s);
    if (linter == u"yesno")
        return data == u"0" || data == u"1" ? std::nullopt : fail("invalid_value", 0, u"must be 0 (no) or 1 (yes)"_s);
    if (linter == u"hyphen")
        return std::all_of(data.begin(), data.end(), [](QChar c) { return c == u'-'; })
            ? std::nullopt
            : fail("invalid_value", 0, u"only '-' is allowed here"_s);
    if (linter == u"pieceoftotal")
        return lintPieceOfTotal(data);
    if (linter == u"mediatype") {
        const int v = data.toInt();
        return allDigits(data) && ((v >= 1 && v <= 10) || (v >= 80 && v <= 99))
            ? std::nullopt
            : fail("invalid_value", 0, u"'%1' is not an AIDC media type"_s.arg(data));
    }
    if (linter == u"importeridx")
        return data.size() == 1 && (data[0].isLetterOrNumber() || data[0] == u'-' || data[0] == u'_')
            ? std::nullopt
            : fail("invalid_value", 0, u"'%1' is not an importer index"_s.arg(data));
    if (linter == u"latitude")
        return allDigits(data) && data.toLongLong() <= 1800000000LL
            ? std::nullopt
            : fail("invalid_value", 0, u"latitude out of range"_s);
    if (linter == u"longitude")
        return allDigits(data) && data.toLongLong() <= 3600000000LL
            ? std::nullopt
            : fail("invalid_value", 0, u"longitude out of range"_s);
    if (linter == u"posinseqslash")
        return lintPositionInSequence(data);
    if (linter == u"nozeroprefix")
        return data.size() > 1 && data[0] == u'0' ? fail("invalid_value", 0, u"must not start with 0"_s) : std::nullopt;
    if (linter == u"hasnondigit")
        return allDigits(data) ? fail("invalid_value", 0, u"must contain at least one non-digit"_s) : std::nullopt;
    if (linter == u"couponcode")
        return lintCouponCode(data);
    if (linter == u"couponposoffer")
        return lintCouponPosOffer(data);
    // Linters of newer dictionaries are not known here: the value is checked for length and character set.
    return std::nullopt;
}

} // namespace closient::gs1
