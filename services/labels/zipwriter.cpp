// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zipwriter.h"

#include <QDataStream>
#include <QFileInfo>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
void put16(QByteArray &b, quint16 v)
{
    b.append(char(v & 0xff)).append(char(v >> 8));
}
void put32(QByteArray &b, quint32 v)
{
    put16(b, quint16(v & 0xffff));
    put16(b, quint16(v >> 16));
}
quint16 get16(const QByteArray &b, qsizetype at)
{
    return quint16(quint8(b[at]) | quint8(b[at + 1]) << 8);
}
quint32 get32(const QByteArray &b, qsizetype at)
{
    return quint32(get16(b, at)) | quint32(get16(b, at + 2)) << 16;
}
constexpr quint16 kDosTime = 0; // 00:00
constexpr quint16 kDosDate = (46 << 9) | (1 << 5) | 1; // 2026-01-01: fixed, so the same job gives the same bytes

QByteArray deflateRaw(const QByteArray &in, bool *ok)
{
    z_stream zs {};
    *ok = deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK;
    if (!*ok)
        return {};
    QByteArray out(qsizetype(deflateBound(&zs, uLong(in.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    *ok = deflate(&zs, Z_FINISH) == Z_STREAM_END;
    out.resize(qsizetype(zs.total_out));
    deflateEnd(&zs);
    return out;
}

QByteArray inflateRaw(const QByteArray &in, quint32 size, bool *ok)
{
    z_stream zs {};
    *ok = inflateInit2(&zs, -MAX_WBITS) == Z_OK;
    if (!*ok)
        return {};
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
    zs.avail_in = uInt(in.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    *ok = inflate(&zs, Z_FINISH) == Z_STREAM_END && zs.total_out == size;
    inflateEnd(&zs);
    return out;
}
} // namespace

ZipWriter::ZipWriter(const QString &path)
    : m_file(path)
{
    m_ok = m_file.open(QIODevice::WriteOnly | QIODevice::Truncate);
}

ZipWriter::~ZipWriter()
{
    if (m_file.isOpen() && !m_finished)
        (void)finish();
}

QString ZipWriter::add(const QString &wanted, const QByteArray &data)
{
    QString name = wanted;
    for (int n = 2; m_used.contains(name); ++n) {
        const QFileInfo fi(wanted);
        const QString dir = fi.path() == u"." ? QString() : fi.path() + u'/';
        name = u"%1%2-%3.%4"_s.arg(dir, fi.completeBaseName()).arg(n).arg(fi.suffix());
    }
    m_used.insert(name);

    Entry e;
    e.name = name.toUtf8();
    e.size = quint32(data.size());
    e.crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    bool ok = false;
    QByteArray packed = deflateRaw(data, &ok);
    if (!ok || packed.size() >= data.size()) {
        packed = data; // stored: PNGs do not shrink
        e.method = 0;
    }
    e.compressed = quint32(packed.size());
    e.offset = quint32(m_file.pos());

    QByteArray h;
    put32(h, 0x04034b50);
    put16(h, 20);
    put16(h, 0x0800); // names are UTF-8
    put16(h, e.method);
    put16(h, kDosTime);
    put16(h, kDosDate);
    put32(h, e.crc);
    put32(h, e.compressed);
    put32(h, e.size);
    put16(h, quint16(e.name.size()));
    put16(h, 0);
    h += e.name;
    m_ok = m_ok && m_file.write(h) == h.size() && m_file.write(packed) == packed.size();
    m_entries.push_back(e);
    return name;
}

bool ZipWriter::finish()
{
    m_finished = true;
    const quint32 start = quint32(m_file.pos());
    QByteArray dir;
    for (const auto &e : m_entries) {
        put32(dir, 0x02014b50);
        put16(dir, 0x031e); // made by: Unix, spec 3.0
        put16(dir, 20);
        put16(dir, 0x0800);
        put16(dir, e.method);
        put16(dir, kDosTime);
        put16(dir, kDosDate);
        put32(dir, e.crc);
        put32(dir, e.compressed);
        put32(dir, e.size);
        put16(dir, quint16(e.name.size()));
        put16(dir, 0);
        put16(dir, 0);
        put16(dir, 0);
        put16(dir, 0);
        put32(dir, 0100644u << 16); // -rw-r--r--
        put32(dir, e.offset);
        dir += e.name;
    }
    put32(dir, 0x06054b50);
    put16(dir, 0);
    put16(dir, 0);
    put16(dir, quint16(m_entries.size()));
    put16(dir, quint16(m_entries.size()));
    put32(dir, quint32(dir.size() - 0)); // patched below
    put32(dir, start);
    put16(dir, 0);
    // The directory's size excludes the 22-byte end record.
    const quint32 dirSize = quint32(dir.size() - 22);
    dir[dir.size() - 10] = char(dirSize & 0xff);
    dir[dir.size() - 9] = char((dirSize >> 8) & 0xff);
    dir[dir.size() - 8] = char((dirSize >> 16) & 0xff);
    dir[dir.size() - 7] = char((dirSize >> 24) & 0xff);
    m_ok = m_ok && m_file.write(dir) == dir.size() && m_file.flush();
    m_file.close();
    return m_ok && m_entries.size() < 0xffff;
}

QStringList ZipWriter::names() const
{
    QStringList n;
    for (const auto &e : m_entries)
        n << QString::fromUtf8(e.name);
    return n;
}

Result<std::vector<std::pair<QString, QByteArray>>> ZipWriter::read(const QString &path)
{
    const auto damaged = [](const QString &why) { return Error { u"invalid"_s, why }; };
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error { u"io"_s, f.errorString() };
    const QByteArray b = f.readAll();
    std::vector<std::pair<QString, QByteArray>> out;
    qsizetype at = 0;
    while (at + 30 <= b.size() && get32(b, at) == 0x04034b50) {
        const quint16 method = get16(b, at + 8);
        const quint32 crc = get32(b, at + 14);
        const quint32 csize = get32(b, at + 18);
        const quint32 size = get32(b, at + 22);
        const quint16 nameLen = get16(b, at + 26);
        const quint16 extraLen = get16(b, at + 28);
        const qsizetype dataAt = at + 30 + nameLen + extraLen;
        if (dataAt + csize > b.size()) {
            return damaged(u"the archive is cut short"_s);
        }
        const QString name = QString::fromUtf8(b.mid(at + 30, nameLen));
        const QByteArray raw = b.mid(dataAt, csize);
        bool ok = true;
        const QByteArray data = method == 0 ? raw : inflateRaw(raw, size, &ok);
        if (!ok || quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size()))) != crc) {
            return damaged(u"%1 is damaged in the archive"_s.arg(name));
        }
        out.emplace_back(name, data);
        at = dataAt + csize;
    }
    if (out.empty())
        return damaged(u"not a ZIP archive, or an empty one"_s);
    return out;
}

} // namespace closient::labels
