// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "decoderprotocol.h"
#include "result.h"
#include "scanresult.h"

#include <QSize>
#include <QString>

#include <cstdint>

namespace closient::scanning {

/// Refuses an image of @p size pixels when it has more than protocol::kMaxImagePixels, saying so with its size and
/// the limit ("cannot be read: too large (…)"); an invalid size (not known) passes: the worker checks again.
[[nodiscard]] Result<Done> checkImageSize(const QSize &size);
/// The same for an image file, from its header (QImageReader::size()); the pixels are not read.
[[nodiscard]] Result<Done> checkImageFileSize(const QString &path);

/**
 * Decodes in a separate worker process (closient-decoder), so that an abort inside the barcode library ends
 * that process and not the workstation. Frames go through shared memory; a crashed worker is replaced at once
 * and the crash is reported in the outcome. Not thread-safe: one instance per thread that decodes.
 */
class IsolatedDecoder
{
public:
    explicit IsolatedDecoder(QString workerPath = defaultWorkerPath());
    ~IsolatedDecoder();
    IsolatedDecoder(const IsolatedDecoder &) = delete;
    IsolatedDecoder &operator=(const IsolatedDecoder &) = delete;

    /// closient-decoder next to the running program, or $CLOSIENT_DECODER.
    [[nodiscard]] static QString defaultWorkerPath();

    /// Decodes a grey image (8 bits a pixel). With the Frame strategy a crash makes this frame unreadable (the next
    /// one follows) and the next frames are read in safe mode; with Still the cascade resumes like decodeFile.
    /// @p phase -1 numbers the frames of this decoder in order.
    DecodeOutcome decodeGray(const std::uint8_t *data, int width, int height, int stride, Strategy strategy,
        std::uint32_t formats = 0, int timeoutMs = 2000, int phase = -1);
    /// Decodes an image file; the worker reads it, so a broken file cannot hurt either. A file whose header claims
    /// more than protocol::kMaxImagePixels is refused before it is decoded (here and in the worker). After a crash
    /// the cascade resumes past the step that aborted (up to @p maxCrashes times).
    DecodeOutcome decodeFile(
        const QString &path, Strategy strategy, std::uint32_t formats = 0, int timeoutMs = 60000, int maxCrashes = 3);

    /// Aborts of the worker since this decoder was made.
    [[nodiscard]] int totalCrashes() const { return m_totalCrashes; }
    /// The worker's process id (for tests), 0 when none runs.
    [[nodiscard]] qint64 workerPid() const { return m_pid; }

private:
    enum class Exchange { Done, Crashed, TimedOut, Failed };
    DecodeOutcome run(protocol::Request request, const QByteArray &extra, int timeoutMs, int maxCrashes);
    bool start();
    void stop(bool kill);
    bool ensureSharedMemory(size_t size);
    Exchange exchange(const void *request, size_t requestSize, const QByteArray &extra, int timeoutMs,
        DecodeOutcome &outcome, int *lastStage);
    bool readExact(void *buffer, size_t size, int timeoutMs);

    QString m_workerPath;
    qint64 m_pid = 0;
    int m_toWorker = -1;
    int m_fromWorker = -1;
    int m_memfd = -1;
    void *m_shared = nullptr;
    size_t m_sharedSize = 0;
    std::uint64_t m_nextId = 1;
    int m_totalCrashes = 0;
    static constexpr int kSafeFramesAfterCrash = 90; // about three seconds of video
    int m_safeFrames = 0;
    std::uint32_t m_frameNumber = 0;
};

} // namespace closient::scanning
