// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticbench.h"

#include "decoderpool.h"
#include "engine/engineresult.h"
#include "isolateddecoder.h"
#include "machine.h"
#include "syntheticcodes.h"

#include <QFileInfo>

#include <map>
#include <set>

using namespace Qt::StringLiterals;
using namespace closient::scanning;

namespace closient::bench {

namespace {

bool isEanFamily(const QString &f)
{
    return f == u"EAN-13" || f == u"EAN-8" || f == u"UPC-A" || f == u"UPC-E";
}

// Right when the text is the payload; EAN/UPC as zero-padded numbers (UPC-A as 12 or 13 digits).
bool correct(const ScanResult &r, const std::string &expected)
{
    const QString want = QString::fromStdString(expected);
    if (isEanFamily(r.format) && r.text.size() <= 14 && want.size() <= 14)
        return QString(14 - r.text.size(), u'0') + r.text == QString(14 - want.size(), u'0') + want;
    return r.text == want;
}

struct Cell
{
    int n = 0, read = 0, wrong = 0;
};

QString rate(const Cell &c)
{
    return c.n ? u"%1%"_s.arg(100.0 * c.read / c.n, 0, 'f', 0) + (c.wrong ? u" (%1 wrong)"_s.arg(c.wrong) : QString())
               : u"–"_s;
}

const std::vector<std::pair<QString, Strategy>> &engines()
{
    static const std::vector<std::pair<QString, Strategy>> e { { u"closient"_s, Strategy::Still },
        { u"zxing-demo"_s, Strategy::ZxingDemo }, { u"zbar"_s, Strategy::Zbar } };
    return e;
}

} // namespace

QString syntheticSection(int perLevel, QTextStream &err)
{
    std::vector<std::unique_ptr<IsolatedDecoder>> decoders;
    for (size_t e = 0; e < engines().size(); ++e)
        decoders.push_back(std::make_unique<IsolatedDecoder>());
    const std::vector<Degradation> kinds { Degradation::Defocus, Degradation::Motion, Degradation::Noise,
        Degradation::Jpeg, Degradation::LowContrast, Degradation::UnevenLight, Degradation::Perspective,
        Degradation::SmallModules };
    // kind → level → engine → cell; and kind → format → level → engine for the curves
    std::map<int, std::map<double, std::vector<Cell>>> byLevel;
    std::map<int, std::map<int, std::map<double, std::vector<Cell>>>> byFormat;
    std::vector<std::vector<double>> ms(engines().size()), cpuMs(engines().size());
    int images = 0;
    for (const auto kind : kinds) {
        for (const double level : levels(kind)) {
            for (const auto format : allSynthFormats()) {
                for (int k = 0; k < perLevel; ++k) {
                    const auto s = makeSample(format, kind, level, unsigned(1000 + k));
                    if (s.image.empty())
                        continue;
                    ++images;
                    for (size_t e = 0; e < engines().size(); ++e) {
                        const auto o = decoders[e]->decodeGray(
                            s.image.data, s.image.cols, s.image.rows, int(s.image.step), engines()[e].second, 0, 20000);
                        ms[e].push_back(o.decodeMs);
                        cpuMs[e].push_back(o.cpuMs);
                        bool ok = false, bad = false;
                        for (const auto &r : o.results)
                            (correct(r, s.expected) ? ok : bad) = true;
                        for (auto *cells : { &byLevel[int(kind)][level], &byFormat[int(kind)][int(format)][level] }) {
                            cells->resize(engines().size());
                            auto &c = (*cells)[e];
                            ++c.n;
                            c.read += ok ? 1 : 0;
                            c.wrong += bad ? 1 : 0;
                        }
                    }
                }
            }
            err << "synthetic " << degradationName(kind) << " " << level << " done" << Qt::endl;
        }
    }
    // Codeless generated images: textures, stripes, gratings, text, grids, and blurred copies.
    const auto negatives = makeNegatives(std::max(48, 16 * perLevel), 4242);
    std::vector<int> falsePositives(engines().size(), 0);
    std::map<QString, int> fpKinds;
    for (const auto &n : negatives) {
        for (size_t e = 0; e < engines().size(); ++e) {
            const auto o = decoders[e]->decodeGray(
                n.image.data, n.image.cols, n.image.rows, int(n.image.step), engines()[e].second, 0, 20000);
            if (!o.results.empty()) {
                ++falsePositives[e];
                ++fpKinds[engines()[e].first + u" on "_s + QString::fromStdString(n.kind)];
            }
        }
    }

    QString md;
    QTextStream s(&md);
    s << "\n## Generated set: degradations (every figure here is held out: nothing was tuned on it except the "
         "blurred-linear reader's thresholds, which were set on other seeds)\n\n"
      << "Every format (EAN-13, EAN-8, UPC-A, UPC-E, GS1-128, ITF-14, DataBar, DataBar Expanded, GS1 DataMatrix, QR) "
         "rendered by zint at 3 pixels a module on a light margin, "
      << perLevel
      << " payloads a format and step, spoiled by one degradation at a time, plus the sensor's noise (sigma 2) on "
         "every image. "
      << images
      << " images; each engine reads each image in the isolated decoder, one after the other. Read = the "
         "payload among the results; (wrong) = a different text.\n\n";
    s << "| degradation | level |";
    for (const auto &e : engines())
        s << ' ' << e.first << " |";
    s << "\n|---|---:|---:|---:|---:|\n";
    for (const auto kind : kinds) {
        for (const auto &[level, cells] : byLevel[int(kind)]) {
            s << "| " << degradationName(kind) << " | " << level << " |";
            for (const auto &c : cells)
                s << ' ' << rate(c) << " |";
            s << '\n';
        }
    }
    s << "\nLevels: defocus = disc diameter and motion = streak length across the bars, in module widths; noise = "
         "sigma in grey levels; jpeg = quality; low-contrast = the contrast left (1 = full); uneven-light = the light "
         "lost at the far end; perspective = degrees turned away; small-modules = pixels a module.\n";

    s << "\n### Decode rate against defocus, per format\n\nDisc diameter in module widths (X = 3 px). "
         "\"50% at\" is the largest diameter up to which the engine still reads at least half.\n\n";
    s << "| format | engine |";
    for (const double l : levels(Degradation::Defocus))
        s << ' ' << l << " |";
    s << " 50% up to |\n|---|---|";
    for (size_t i = 0; i <= levels(Degradation::Defocus).size(); ++i)
        s << "---:|";
    s << '\n';
    for (const auto format : allSynthFormats()) {
        for (size_t e = 0; e < engines().size(); ++e) {
            s << "| " << formatName(format) << " | " << engines()[e].first << " |";
            double lastHalf = 0;
            bool broken = false;
            for (const double l : levels(Degradation::Defocus)) {
                const auto &cells = byFormat[int(Degradation::Defocus)][int(format)][l];
                const Cell c = e < cells.size() ? cells[e] : Cell {};
                s << ' ' << rate(c) << " |";
                if (!broken && c.n && 2 * c.read >= c.n)
                    lastHalf = l;
                else
                    broken = true;
            }
            s << ' ' << (lastHalf > 0 ? QString::number(lastHalf) : u"below 0.5"_s) << " |\n";
        }
    }
    s << "\n### Motion across the bars, per format (streak length in module widths)\n\n| format | engine |";
    for (const double l : levels(Degradation::Motion))
        s << ' ' << l << " |";
    s << "\n|---|---|";
    for (size_t i = 0; i < levels(Degradation::Motion).size(); ++i)
        s << "---:|";
    s << '\n';
    for (const auto format : allSynthFormats()) {
        for (size_t e = 0; e < engines().size(); ++e) {
            s << "| " << formatName(format) << " | " << engines()[e].first << " |";
            for (const double l : levels(Degradation::Motion)) {
                const auto &cells = byFormat[int(Degradation::Motion)][int(format)][l];
                s << ' ' << rate(e < cells.size() ? cells[e] : Cell {}) << " |";
            }
            s << '\n';
        }
    }
    s << "\n### Codeless generated images and time\n\n| engine | false positives on " << negatives.size()
      << " codeless images | p50 ms | p95 ms (generated set) | CPU p50 ms | CPU p95 ms "
         "|\n|---|---:|---:|---:|---:|---:|\n";
    for (size_t e = 0; e < engines().size(); ++e)
        s << "| " << engines()[e].first << " | " << falsePositives[e] << " | "
          << QString::number(percentile(ms[e], 50), 'f', 2) << " | " << QString::number(percentile(ms[e], 95), 'f', 1)
          << " | " << QString::number(percentile(cpuMs[e], 50), 'f', 2) << " | "
          << QString::number(percentile(cpuMs[e], 95), 'f', 1) << " |\n";
    // engines() lists closient first and zxing-demo second
    if (percentile(ms[1], 95) > 0 && percentile(cpuMs[1], 95) > 0)
        s << "\np95 of closient against zxing-demo on the generated set: "
          << QString::number(percentile(ms[0], 95) / percentile(ms[1], 95), 'f', 1) << "× wall-clock, "
          << QString::number(percentile(cpuMs[0], 95) / percentile(cpuMs[1], 95), 'f', 1) << "× CPU.\n";
    if (!fpKinds.empty()) {
        s << "\nFalse positives by kind: ";
        QStringList l;
        for (const auto &[k, n] : fpKinds)
            l << u"%1 × %2"_s.arg(n).arg(k);
        s << l.join(u", "_s) << ".\n";
    }
    s.flush();
    return md;
}

QString leaveOneFolderOutSection(const std::vector<CorpusImage> &corpus, QTextStream &err)
{
    QStringList files;
    for (const auto &img : corpus)
        files << img.path;
    const auto outcomes = decodeFiles(files, Strategy::StillEveryStage, 0, 1, [&](int n) {
        if (n % 100 == 0)
            err << "every stage: " << n << "/" << files.size() << Qt::endl;
    });
    // Per image and stage: did the image ask for it, did it read right, did it read wrong, how long.
    struct StageOutcome
    {
        bool wanted = false, right = false, wrong = false, soft = false;
        double ms = 0, cost = 1;
    };
    std::vector<QString> stageNames;
    std::vector<std::map<QString, StageOutcome>> perImage(corpus.size());
    for (size_t i = 0; i < corpus.size(); ++i) {
        QString current;
        for (const auto &r : outcomes[i].results) {
            if (r.pass.startsWith(u"stage:")) {
                const auto parts = r.pass.split(u':');
                current = parts.value(1);
                if (std::find(stageNames.begin(), stageNames.end(), current) == stageNames.end())
                    stageNames.push_back(current);
                auto &o = perImage[i][current];
                o.wanted = parts.value(2) == u"1";
                o.ms = parts.value(3).toDouble();
                o.soft = parts.value(4) == u"soft"; // on "measure": a linear region looked blurred
                // on a stage: its expected cost, as a multiple of the first read's time
                o.cost = parts.size() > 4 && current != u"measure"
                    ? parts.value(4).toDouble()
                    : scanning::engine::stillStageCost(current.toStdString());
                continue;
            }
            auto &o = perImage[i][r.pass.section(u'/', 0, 0)]; // the worker adds "/lines" to linear reads
            if (corpus[i].negative || compare(r, corpus[i].expected) == Match::Wrong)
                o.wrong = true;
            else if (compare(r, corpus[i].expected) == Match::Correct)
                o.right = true;
        }
    }
    // A cascade as the Still strategy runs it: "first"; when that finds nothing, "measure" and each chosen stage
    // (only where the image asks for it; the blurred-linear reader first when a linear region looked blurred) until
    // one finds something or the image's budget (kStillRelativeBudget times the first read's time) is spent. A
    // stage that would overrun the budget is counted at its full time, except the blurred-linear reader, which
    // stops at the budget: it is counted as spending all of it and reading nothing (it may read on the lines it
    // managed, so this errs low).
    struct Score
    {
        int read = 0, wrong = 0;
        std::vector<double> ms;
    };
    const auto run = [&](const std::set<QString> &chosen, const std::function<bool(size_t)> &use) {
        Score sc;
        for (size_t i = 0; i < corpus.size(); ++i) {
            if (!use(i))
                continue;
            const auto &stages = perImage[i];
            const auto at = [&](const QString &name) {
                const auto it = stages.find(name);
                return it == stages.end() ? StageOutcome {} : it->second;
            };
            const auto first = at(u"first"_s);
            double t = first.ms;
            bool right = first.right, wrong = first.wrong;
            if (!right && !wrong && !chosen.empty()) {
                const double budget
                    = std::max(scanning::engine::kStillRelativeBudget * first.ms, scanning::engine::kStillMinBudgetMs);
                const auto measured = at(u"measure"_s);
                double spent = measured.ms;
                std::vector<QString> order;
                for (const auto &name : stageNames) {
                    if (name != u"first" && name != u"measure" && chosen.count(name) && stages.count(name)
                        && at(name).wanted)
                        order.push_back(name);
                }
                if (measured.soft) {
                    std::stable_partition(
                        order.begin(), order.end(), [](const QString &n) { return n == u"blurred-linear"; });
                }
                for (const auto &name : order) {
                    if (spent > budget)
                        break;
                    const auto o = at(name);
                    if (name == u"blurred-linear" && spent + o.ms > budget) {
                        spent = budget;
                        break;
                    }
                    if (spent + o.cost * first.ms > budget)
                        continue; // the cascade does not start a stage it expects not to fit
                    spent += o.ms;
                    if (o.right || o.wrong) {
                        right = o.right;
                        wrong = o.wrong;
                        break;
                    }
                }
                t += spent;
            }
            sc.read += right ? 1 : 0;
            sc.wrong += wrong ? 1 : 0;
            sc.ms.push_back(t);
        }
        return sc;
    };
    std::set<QString> folders;
    for (const auto &img : corpus)
        folders.insert(img.folder);
    std::map<QString, int> keptIn;
    Score heldOut;
    std::map<QString, std::pair<int, int>> perFolder;
    for (const auto &folder : folders) {
        const auto training = [&](size_t i) { return corpus[i].folder != folder; };
        std::set<QString> chosen;
        // Greedy, in the cascade's order: a stage stays when, on the other folders, it adds correct reads and no
        // misread or false positive.
        for (const auto &name : stageNames) {
            if (name == u"first" || name == u"measure")
                continue;
            const auto without = run(chosen, training);
            auto with = chosen;
            with.insert(name);
            const auto added = run(with, training);
            if (added.read > without.read && added.wrong <= without.wrong)
                chosen = with;
        }
        for (const auto &c : chosen)
            ++keptIn[c];
        const auto sc = run(chosen, [&](size_t i) { return corpus[i].folder == folder; });
        heldOut.read += sc.read;
        heldOut.wrong += sc.wrong;
        heldOut.ms.insert(heldOut.ms.end(), sc.ms.begin(), sc.ms.end());
        perFolder[folder] = { sc.read, sc.wrong };
    }
    int positives = 0;
    for (const auto &img : corpus)
        positives += img.negative ? 0 : 1;
    const auto all = [](size_t) { return true; };
    std::set<QString> everything(stageNames.begin(), stageNames.end());
    const auto firstOnly = run({}, all), allStages = run(everything, all);

    QString md;
    QTextStream s(&md);
    s << "\n## Leave-one-folder-out over the still stages (held out)\n\n"
         "Every stage of the `Still` cascade ran on every corpus image on its own (`StillEveryStage`), timed. For each "
         "of the "
      << folders.size()
      << " folders, the stages were chosen on the other folders (in cascade order, a stage stays when it adds "
         "correct reads there and no misread or false positive) and the folder was then read with that choice. "
         "A stage runs only where the image asks for it (see docs/ARCHITECTURE.md), the blurred-linear reader first "
         "where a linear region looks blurred, and only while the image's budget lasts (the rest of the cascade "
         "may spend "
      << scanning::engine::kStillRelativeBudget << " times the first read's own time, at least "
      << scanning::engine::kStillMinBudgetMs
      << " ms; a ZXing view starts only when its expected cost, the first read's time scaled by its pixels, still "
         "fits, and counts in full; the blurred-linear reader stops at the budget and is counted as reading nothing, "
         "which errs low). The held-out row is the sum over "
         "the folders, each read with stages chosen without it; times are the stages' own CPU times (so that other "
         "work on the machine does not pick stages), summed until one finds something or the budget is spent.\n\n"
         "| cascade | decoded (of "
      << positives << ") | misreads + false positives | p50 ms | p95 ms |\n|---|---:|---:|---:|---:|\n";
    s << "| first read only (the demo's call) | " << firstOnly.read << " | " << firstOnly.wrong << " | "
      << QString::number(percentile(firstOnly.ms, 50), 'f', 2) << " | "
      << QString::number(percentile(firstOnly.ms, 95), 'f', 1) << " |\n";
    s << "| **held out: stages chosen without the folder** | **" << heldOut.read << "** | " << heldOut.wrong << " | "
      << QString::number(percentile(heldOut.ms, 50), 'f', 2) << " | "
      << QString::number(percentile(heldOut.ms, 95), 'f', 1) << " |\n";
    s << "| every stage (chosen on all folders: not held out) | " << allStages.read << " | " << allStages.wrong << " | "
      << QString::number(percentile(allStages.ms, 50), 'f', 2) << " | "
      << QString::number(percentile(allStages.ms, 95), 'f', 1) << " |\n";
    s << "\nHow often each stage was kept (of " << folders.size() << " folds), and what it adds on its own after the "
      << "first read over all folders:\n\n| stage | kept in folds | adds (read) | adds (wrong) | images asking | p50 "
         "ms | p95 ms |\n"
         "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto &name : stageNames) {
        if (name == u"first" || name == u"measure")
            continue;
        const auto with = run({ name }, all);
        std::vector<double> t;
        for (const auto &img : perImage) {
            const auto it = img.find(name);
            if (it != img.end() && it->second.wanted)
                t.push_back(it->second.ms);
        }
        s << "| " << name << " | " << keptIn[name] << " | " << with.read - firstOnly.read << " | "
          << with.wrong - firstOnly.wrong << " | " << t.size() << " | " << QString::number(percentile(t, 50), 'f', 1)
          << " | " << QString::number(percentile(t, 95), 'f', 1) << " |\n";
    }
    s << "\nWrong reads by stage (the image and the text read): ";
    QStringList wrongs;
    for (size_t i = 0; i < corpus.size(); ++i) {
        for (const auto &r : outcomes[i].results) {
            if (r.pass.startsWith(u"stage:"))
                continue;
            if (corpus[i].negative || compare(r, corpus[i].expected) == Match::Wrong)
                wrongs << u"%1 on %2/%3 (\"%4\")"_s.arg(r.pass.section(u'/', 0, 0), corpus[i].folder,
                    QFileInfo(corpus[i].path).fileName(), r.text.left(20));
        }
    }
    s << (wrongs.isEmpty() ? u"none"_s : wrongs.join(u", "_s)) << ".\n";
    s << "\nHeld-out reads per folder: ";
    QStringList l;
    for (const auto &[f, v] : perFolder)
        l << u"%1 %2%3"_s.arg(f).arg(v.first).arg(v.second ? u" (%1 wrong)"_s.arg(v.second) : QString());
    s << l.join(u", "_s) << ".\n";
    s.flush();
    return md;
}

} // namespace closient::bench
