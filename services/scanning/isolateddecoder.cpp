// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "isolateddecoder.h"

#include "decoderprotocol.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDecoder, "closient.scanning.decoder")

namespace closient::scanning {

namespace {

// Writing to a worker that just died must give EPIPE, not kill the workstation with SIGPIPE.
const bool s_sigpipeIgnored = [] {
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}();

ScanResult fromWire(const protocol::WireResult &w)
{
    ScanResult r;
    r.format = QString::fromStdString(w.format);
    r.text = QString::fromUtf8(w.text.data(), qsizetype(w.text.size()));
    r.symbologyId = QString::fromStdString(w.symbologyId);
    r.pass = QString::fromStdString(w.pass);
    for (size_t i = 0; i < 4; ++i)
        r.quad[i] = QPointF(w.quad[2 * i], w.quad[2 * i + 1]);
    return r;
}

QString signalName(int sig)
{
    const char *name = sigabbrev_np(sig);
    return name ? u"SIG"_s + QString::fromLatin1(name) : QString::number(sig);
}

QString tooLargeMessage(const QSize &claimed)
{
    const QString limit = QCoreApplication::translate("Decoder", "the limit is %1 megapixels")
                              .arg(QLocale().toString(double(protocol::kMaxImagePixels) / 1e6, 'g', 6));
    if (claimed.width() <= 0 || claimed.height() <= 0)
        return QCoreApplication::translate("Decoder", "cannot be read: too large (%1)").arg(limit);
    return QCoreApplication::translate("Decoder", "cannot be read: too large (%1 × %2 pixels; %3)")
        .arg(claimed.width())
        .arg(claimed.height())
        .arg(limit);
}

/// The environment for a worker: the workstation's, with OpenCV's own pixel limit set to ours.
std::vector<QByteArray> workerEnvironment()
{
    const QByteArray name = QByteArray(protocol::kOpenCvPixelLimitVariable) + '=';
    std::vector<QByteArray> env;
    for (char **e = environ; *e; ++e) {
        if (!QByteArray(*e).startsWith(name))
            env.emplace_back(*e);
    }
    env.push_back(name + QByteArray::number(qulonglong(protocol::kMaxImagePixels)));
    return env;
}

} // namespace

Result<Done> checkImageSize(const QSize &size)
{
    if (size.width() <= 0 || size.height() <= 0
        || quint64(size.width()) * quint64(size.height()) <= protocol::kMaxImagePixels)
        return Done {};
    return Error { u"too_large"_s, tooLargeMessage(size) };
}

Result<Done> checkImageFileSize(const QString &path)
{
    return checkImageSize(QImageReader(path).size()); // the header only
}

IsolatedDecoder::IsolatedDecoder(QString workerPath)
    : m_workerPath(std::move(workerPath))
{
    Q_UNUSED(s_sigpipeIgnored);
}

IsolatedDecoder::~IsolatedDecoder()
{
    stop(false);
    if (m_shared)
        ::munmap(m_shared, m_sharedSize);
    if (m_memfd >= 0)
        ::close(m_memfd);
}

QString IsolatedDecoder::defaultWorkerPath()
{
    const auto fromEnv = qEnvironmentVariable("CLOSIENT_DECODER");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QCoreApplication::applicationDirPath() + u"/closient-decoder"_s;
}

bool IsolatedDecoder::ensureSharedMemory(size_t size)
{
    if (m_memfd < 0) {
        m_memfd = ::memfd_create("closient-frame", MFD_CLOEXEC);
        if (m_memfd < 0)
            return false;
    }
    if (size <= m_sharedSize)
        return true;
    const size_t newSize = std::max(size, size_t(1280 * 720)); // most frames then fit the first time
    if (::ftruncate(m_memfd, off_t(newSize)) != 0)
        return false;
    if (m_shared)
        ::munmap(m_shared, m_sharedSize);
    m_shared = ::mmap(nullptr, newSize, PROT_READ | PROT_WRITE, MAP_SHARED, m_memfd, 0);
    if (m_shared == MAP_FAILED) {
        m_shared = nullptr;
        m_sharedSize = 0;
        return false;
    }
    m_sharedSize = newSize;
    return true;
}

bool IsolatedDecoder::start()
{
    if (m_pid > 0)
        return true;
    if (!ensureSharedMemory(1) || !QFileInfo(m_workerPath).isExecutable()) {
        qCWarning(lcDecoder) << "the decoder worker cannot start:" << m_workerPath;
        return false;
    }
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        return false;
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]);
        ::close(in[1]);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, m_memfd, protocol::kSharedMemoryFd);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const QByteArray path = m_workerPath.toLocal8Bit();
    char *argv[] = { const_cast<char *>(path.constData()), nullptr };
    auto env = workerEnvironment();
    std::vector<char *> envp;
    for (auto &e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, path.constData(), &actions, nullptr, argv, envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    if (rc != 0) {
        ::close(in[1]);
        ::close(out[0]);
        qCWarning(lcDecoder) << "the decoder worker cannot start:" << std::strerror(rc);
        return false;
    }
    m_pid = pid;
    m_toWorker = in[1];
    m_fromWorker = out[0];
    return true;
}

void IsolatedDecoder::stop(bool kill)
{
    if (m_toWorker >= 0)
        ::close(m_toWorker); // a live worker sees end of input and exits
    if (m_fromWorker >= 0)
        ::close(m_fromWorker);
    m_toWorker = m_fromWorker = -1;
    if (m_pid > 0) {
        if (kill)
            ::kill(pid_t(m_pid), SIGKILL);
        int status = 0;
        ::waitpid(pid_t(m_pid), &status, 0);
    }
    m_pid = 0;
}

bool IsolatedDecoder::readExact(void *buffer, size_t size, int timeoutMs)
{
    auto *p = static_cast<char *>(buffer);
    QElapsedTimer timer;
    timer.start();
    while (size > 0) {
        pollfd pfd { m_fromWorker, POLLIN, 0 };
        const int left = std::max(0, timeoutMs - int(timer.elapsed()));
        const int ready = ::poll(&pfd, 1, left);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0) {
            errno = ETIMEDOUT;
            return false;
        }
        const ssize_t n = ::read(m_fromWorker, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            errno = EPIPE;
            return false;
        }
        p += n;
        size -= size_t(n);
    }
    return true;
}

IsolatedDecoder::Exchange IsolatedDecoder::exchange(const void *request, size_t requestSize, const QByteArray &extra,
    int timeoutMs, DecodeOutcome &outcome, int *lastStage)
{
    if (!start())
        return Exchange::Failed;
    const auto writeAll = [this](const char *p, size_t n) {
        while (n > 0) {
            const ssize_t w = ::write(m_toWorker, p, n);
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0)
                return false;
            p += w;
            n -= size_t(w);
        }
        return true;
    };
    bool sent = writeAll(static_cast<const char *>(request), requestSize)
        && writeAll(extra.constData(), size_t(extra.size()));
    QElapsedTimer timer;
    timer.start();
    while (sent) {
        protocol::Message m;
        const int left = std::max(1, timeoutMs - int(timer.elapsed()));
        if (!readExact(&m, sizeof m, left))
            break;
        if (m.magic != protocol::kMessageMagic)
            break;
        if (m.type == protocol::MessageType::Stage) {
            *lastStage = int(m.stage);
            continue;
        }
        std::string payload(m.payloadLength, '\0');
        if (!readExact(payload.data(), payload.size(), left))
            break;
        outcome.decodeMs = m.decodeMs;
        outcome.cpuMs = m.cpuMs;
        outcome.width = m.width;
        outcome.height = m.height;
        if (m.status == protocol::Status::UnreadableImage) {
            outcome.error = QCoreApplication::translate("Decoder", "cannot be read: unknown format or damaged file");
            return Exchange::Done;
        }
        if (m.status == protocol::Status::TooLarge) {
            outcome.error = tooLargeMessage(QSize(m.width, m.height));
            return Exchange::Done;
        }
        std::vector<protocol::WireResult> wire;
        if (!protocol::deserialize(payload, wire))
            break;
        for (const auto &w : wire)
            outcome.results.push_back(fromWire(w));
        return Exchange::Done;
    }
    // No answer: the worker died (an abort in the library), hung, or sent garbage. Replace it.
    const bool timedOut = errno == ETIMEDOUT;
    int status = 0;
    if (timedOut)
        ::kill(pid_t(m_pid), SIGKILL);
    const pid_t pid = pid_t(m_pid);
    ::close(m_toWorker);
    ::close(m_fromWorker);
    m_toWorker = m_fromWorker = -1;
    ::waitpid(pid, &status, 0);
    m_pid = 0;
    if (timedOut) {
        qCWarning(lcDecoder) << "the decoder worker took longer than" << timeoutMs << "ms and was stopped";
        return Exchange::TimedOut;
    }
    ++m_totalCrashes;
    qCWarning(lcDecoder).noquote() << u"the decoder worker died (%1) in step %2 and was restarted"_s
                                          .arg(WIFSIGNALED(status) ? signalName(WTERMSIG(status))
                                                                   : u"exit %1"_s.arg(WEXITSTATUS(status)))
                                          .arg(*lastStage);
    start(); // at once, so the next frame finds a worker ready
    return Exchange::Crashed;
}

DecodeOutcome IsolatedDecoder::run(protocol::Request r, const QByteArray &extra, int timeoutMs, int maxCrashes)
{
    // Only the cascades can resume: a baseline engine is what it is, and a live frame is followed by the next.
    const auto strategy = Strategy(r.strategy);
    const bool resumable = strategy == Strategy::Still || strategy == Strategy::Verify;
    DecodeOutcome outcome;
    for (;;) {
        r.id = m_nextId++;
        int stage = -1;
        DecodeOutcome attempt;
        const auto result = exchange(&r, sizeof r, extra, timeoutMs, attempt, &stage);
        if (result == Exchange::Crashed && resumable && outcome.crashes < maxCrashes) {
            ++outcome.crashes;
            // Run the step that aborted again in safe mode; if safe mode aborts too, go on past it.
            r.skipStages = std::uint32_t(r.safeMode ? stage + 1 : std::max(stage, 0));
            r.safeMode = 1;
            continue;
        }
        const int crashes = outcome.crashes + (result == Exchange::Crashed ? 1 : 0);
        outcome = std::move(attempt);
        outcome.crashes = crashes;
        switch (result) {
        case Exchange::Done:
            break;
        case Exchange::Crashed:
            outcome.error = resumable
                ? QCoreApplication::translate("Decoder", "the decoder stopped on this image every time it tried")
                : QCoreApplication::translate("Decoder", "the decoder stopped on this frame and was restarted");
            break;
        case Exchange::TimedOut:
            outcome.timedOut = true;
            outcome.error = QCoreApplication::translate("Decoder", "decoding took too long and was stopped");
            break;
        case Exchange::Failed:
            outcome.error
                = QCoreApplication::translate("Decoder", "the decoder worker cannot be started (%1)").arg(m_workerPath);
            break;
        }
        return outcome;
    }
}

DecodeOutcome IsolatedDecoder::decodeGray(const std::uint8_t *data, int width, int height, int stride,
    Strategy strategy, std::uint32_t formats, int timeoutMs, int phase)
{
    const size_t bytes = size_t(stride) * size_t(height);
    if (const auto fits = checkImageSize(QSize(width, height)); !fits.ok()) {
        DecodeOutcome outcome;
        outcome.width = width;
        outcome.height = height;
        outcome.error = fits.error().message;
        return outcome;
    }
    if (!data || width <= 0 || height <= 0 || stride < width || !ensureSharedMemory(bytes)) {
        DecodeOutcome outcome;
        outcome.error = QCoreApplication::translate("Decoder", "no image to decode");
        return outcome;
    }
    std::memcpy(m_shared, data, bytes);
    protocol::Request r;
    r.kind = protocol::RequestKind::SharedImage;
    r.strategy = std::uint32_t(strategy);
    r.formats = formats;
    r.width = width;
    r.height = height;
    r.stride = stride;
    r.sharedMemorySize = m_sharedSize;
    r.phase = phase >= 0 ? std::uint32_t(phase) : m_frameNumber++;
    r.safeMode = m_safeFrames > 0 ? 1 : 0;
    if (m_safeFrames > 0)
        --m_safeFrames;
    auto outcome = run(r, {}, timeoutMs, 3);
    if (outcome.crashes > 0 && strategy == Strategy::Frame)
        m_safeFrames = kSafeFramesAfterCrash; // the scene that aborted is likely still in view
    return outcome;
}

DecodeOutcome IsolatedDecoder::decodeFile(
    const QString &path, Strategy strategy, std::uint32_t formats, int timeoutMs, int maxCrashes)
{
    const QFileInfo fi(path);
    if (!fi.exists() || !fi.isFile()) {
        DecodeOutcome outcome;
        outcome.error = fi.isDir()
            ? QCoreApplication::translate("Decoder", "a folder, not an image file (give its images: FOLDER/*.png)")
            : QCoreApplication::translate("Decoder", "no such file");
        return outcome;
    }
    if (const auto fits = checkImageFileSize(fi.absoluteFilePath()); !fits.ok()) {
        DecodeOutcome outcome;
        outcome.error = fits.error().message;
        return outcome;
    }
    const QByteArray encoded = fi.absoluteFilePath().toUtf8();
    protocol::Request r;
    r.kind = protocol::RequestKind::File;
    r.strategy = std::uint32_t(strategy);
    r.formats = formats;
    r.pathLength = std::uint32_t(encoded.size());
    return run(r, encoded, timeoutMs, maxCrashes);
}

} // namespace closient::scanning
