// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamps.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <cstdlib>

using namespace Qt::StringLiterals;

namespace closient::epcis {

Result<Timestamp> parseTimestamp(QStringView text)
{
    static const QRegularExpression re(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"_s);
    const auto m = re.match(text);
    const auto refuse = [&](const QString &why) {
        return Error { u"invalid"_s, u"\"%1\" is not a date and time with a UTC offset: %2"_s.arg(text, why) };
    };
    if (!m.hasMatch())
        return refuse(u"write it as 2024-05-01T10:15:30.000+02:00 or 2024-05-01T08:15:30Z"_s);
    const auto num = [&](int i) { return m.capturedView(i).toInt(); };
    const QDate date(num(1), num(2), num(3));
    if (!date.isValid())
        return refuse(u"there is no such day"_s);
    const QTime time(num(4), num(5), num(6));
    if (!time.isValid())
        return refuse(u"there is no such time of day"_s);
    int offset = 0;
    if (m.capturedView(8).isEmpty()) {
        if (num(10) > 23 || num(11) > 59)
            return refuse(u"the offset is out of range"_s);
        offset = (num(10) * 3600 + num(11) * 60) * (m.capturedView(9) == u"-" ? -1 : 1);
    }
    // Milliseconds: the first three fraction digits, the third rounded up when the fourth is 5-9 (CBV 2.0).
    const auto fraction = m.capturedView(7).toString() + u"000"_s;
    int ms = fraction.left(3).toInt();
    if (fraction.size() > 3 + 3 && fraction[3] >= u'5')
        ++ms;
    QDateTime local(date, time, QTimeZone(offset));
    return Timestamp { local.addMSecs(ms).toUTC(), offset };
}

QString hashFormOfTimestamp(const Timestamp &t)
{
    return t.utc.toUTC().toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z';
}

QString formatOffset(int offsetSeconds)
{
    const int minutes = std::abs(offsetSeconds) / 60;
    return u"%1%2:%3"_s.arg(QChar(offsetSeconds < 0 ? u'-' : u'+'))
        .arg(minutes / 60, 2, 10, QChar(u'0'))
        .arg(minutes % 60, 2, 10, QChar(u'0'));
}

QString formatTimestamp(const QDateTime &time)
{
    return time.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + formatOffset(time.offsetFromUtc());
}

} // namespace closient::epcis
