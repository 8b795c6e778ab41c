// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "outputfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
Error refused(const QString &message)
{
    return { u"invalid"_s, message };
}

Error ioError(const QString &what, const QString &path)
{
    return { u"io"_s, u"%1 %2: %3"_s.arg(what, path, QString::fromLocal8Bit(std::strerror(errno))) };
}

/// The same file on disk, whatever names lead to it.
bool sameFile(const QString &a, const QString &b)
{
    struct stat sa
    {
    };
    struct stat sb
    {
    };
    return ::stat(QFile::encodeName(a).constData(), &sa) == 0 && ::stat(QFile::encodeName(b).constData(), &sb) == 0
        && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/// The absolute path with symbolic links resolved, also for a file that does not exist yet (its folder is).
QString resolved(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = info.absoluteDir().canonicalPath();
    return folder.isEmpty() ? info.absoluteFilePath() : folder + u'/' + info.fileName();
}

bool isSqlite(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

Result<Done> syncPath(const QString &path, int flags)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"cannot open"_s, path);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return ioError(u"cannot write to disk"_s, path);
    return Done {};
}
} // namespace

Result<Done> OutputFile::checkTarget(const QString &path, const QString &storePath)
{
    if (path.trimmed().isEmpty())
        return refused(u"say where the output goes"_s);
    const QFileInfo info(path);
    if (info.isDir())
        return refused(u"%1 is a folder: name the file to write"_s.arg(path));
    if (!info.absoluteDir().exists())
        return refused(u"the folder %1 does not exist"_s.arg(info.absolutePath()));
    if (!storePath.isEmpty()) {
        const QString target = resolved(path);
        for (const QString &suffix : { QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
            const QString storeFile = storePath + suffix;
            if (target == resolved(storeFile) || sameFile(path, storeFile))
                return refused(
                    u"%1 is the station's open database%2: labels are never written over it; choose "
                    u"another file"_s.arg(path, suffix.isEmpty() ? QString() : u" (its %1 file)"_s.arg(suffix)));
        }
    }
    if (info.exists() && isSqlite(path))
        return refused(
            u"%1 is an SQLite database: labels are never written over a database; choose another file"_s.arg(path));
    return Done {};
}

Result<OutputFile> OutputFile::prepare(const QString &target, const QString &storePath)
{
    if (auto ok = checkTarget(target, storePath); !ok.ok())
        return ok.error();
    const QFileInfo info(target);
    // A hidden name in the same folder: the rename that delivers it stays on one file system.
    const QString temp = info.absoluteDir().filePath(
        u".%1.%2.part"_s.arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12)));
    const int fd = ::open(QFile::encodeName(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return ioError(u"cannot write in the folder of"_s, target);
    ::close(fd);
    return OutputFile(info.absoluteFilePath(), temp);
}

OutputFile::OutputFile(QString target, QString temp)
    : m_target(std::move(target))
    , m_temp(std::move(temp))
{ }

OutputFile::OutputFile(OutputFile &&other) noexcept
    : m_target(std::move(other.m_target))
    , m_temp(std::exchange(other.m_temp, QString()))
    , m_committed(other.m_committed)
{ }

OutputFile &OutputFile::operator=(OutputFile &&other) noexcept
{
    if (this != &other) {
        discard();
        m_target = std::move(other.m_target);
        m_temp = std::exchange(other.m_temp, QString());
        m_committed = other.m_committed;
    }
    return *this;
}

OutputFile::~OutputFile()
{
    discard();
}

void OutputFile::discard()
{
    if (!m_committed && !m_temp.isEmpty())
        QFile::remove(m_temp);
    m_temp.clear();
}

Result<Done> OutputFile::commit()
{
    if (m_temp.isEmpty())
        return refused(u"nothing was written"_s);
    // The target may have become a database while the job ran: checked again right before it is replaced.
    if (QFileInfo::exists(m_target) && isSqlite(m_target))
        return refused(u"%1 is an SQLite database: labels are never written over a database"_s.arg(m_target));
    if (auto r = syncPath(m_temp, O_RDONLY); !r.ok())
        return r;
    if (::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_target).constData()) != 0)
        return ioError(u"cannot put the output in place at"_s, m_target);
    m_committed = true;
    m_temp.clear();
    return syncPath(QFileInfo(m_target).absolutePath(), O_RDONLY | O_DIRECTORY);
}

} // namespace closient::labels
