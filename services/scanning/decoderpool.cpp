// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoderpool.h"

#include "isolateddecoder.h"

#include <QThread>

#include <atomic>
#include <thread>

namespace closient::scanning {

std::vector<DecodeOutcome> decodeFiles(const QStringList &files, Strategy strategy, std::uint32_t formats, int workers,
    const std::function<void(int)> &done)
{
    std::vector<DecodeOutcome> outcomes(size_t(files.size()));
    if (workers <= 0)
        workers = std::max(1, QThread::idealThreadCount());
    workers = std::min<int>(workers, std::max<qsizetype>(1, files.size()));
    std::atomic<int> next { 0 };
    const auto work = [&] {
        IsolatedDecoder decoder;
        for (int i = next++; i < files.size(); i = next++) {
            outcomes[size_t(i)] = decoder.decodeFile(files[i], strategy, formats);
            if (done)
                done(i);
        }
    };
    std::vector<std::thread> threads;
    for (int w = 1; w < workers; ++w)
        threads.emplace_back(work);
    work();
    for (auto &t : threads)
        t.join();
    return outcomes;
}

} // namespace closient::scanning
