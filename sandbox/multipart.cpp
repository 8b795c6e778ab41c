// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "multipart.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace closient::sandbox {

namespace {
QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    for (QByteArray part : header.split(';')) {
        part = part.trimmed();
        if (part.startsWith(name + '=')) {
            QByteArray value = part.mid(name.size() + 1).trimmed();
            if (value.size() >= 2 && value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}
} // namespace

Result<std::vector<FormPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const auto bad = [](const QString &why) { return Error { u"invalid"_s, why }; };
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return bad(u"The body must be multipart/form-data."_s);
    const QByteArray boundary = parameter(contentType, "boundary");
    if (boundary.isEmpty())
        return bad(u"The multipart body has no boundary."_s);
    const QByteArray delimiter = "--" + boundary;
    std::vector<FormPart> parts;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return bad(u"The multipart body does not contain its boundary."_s);
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return parts; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return bad(u"The multipart body is malformed after a boundary."_s);
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return bad(u"A multipart part has no end of headers."_s);
        FormPart part;
        for (const QByteArray &line : body.mid(pos, headerEnd - pos).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const qsizetype colon = trimmed.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = trimmed.left(colon).trimmed().toLower();
            const QByteArray value = trimmed.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(parameter(value, "name"));
                part.filename = QString::fromUtf8(parameter(value, "filename"));
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headerEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, dataStart);
        if (next < 0)
            return bad(u"The multipart body ends before its closing boundary."_s);
        part.data = body.mid(dataStart, next - dataStart);
        parts.push_back(std::move(part));
        pos = next + 2;
    }
}

} // namespace closient::sandbox
