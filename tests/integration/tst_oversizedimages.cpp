// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Image files whose headers claim far more pixels than they hold (the files themselves are a few hundred bytes),
// and damaged ones, through every way an image is read: the decoder worker on its own, the isolated decoder, the
// command line and the Scan screen's image source. Each is refused with its reason; no decoder ever restarts.
#include "capturerepository.h"
#include "clirunner.h"
#include "database.h"
#include "decoderprotocol.h"
#include "imagesource.h"
#include "isolateddecoder.h"
#include "scanpipeline.h"
#include "sessionrepository.h"
#include "storetestutil.h"
#include "testmedia.h"

#include <QBuffer>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Qt::StringLiterals;
using namespace closient;
using namespace closient::scanning;
using closient::test::await;

namespace {
const QString kEan = u"4006381333931"_s;
const QString kHugeMessage = u"cannot be read: too large (60000 × 60000 pixels; the limit is 100 megapixels)"_s;

quint32 crc32(const QByteArray &bytes)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char c : bytes) {
        crc ^= quint8(c);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray le16(quint16 v)
{
    QByteArray b(2, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray le32(quint32 v)
{
    QByteArray b(4, '\0');
    qToLittleEndian(v, b.data());
    return b;
}

QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    return be32(quint32(data.size())) + type + data + be32(crc32(type + data));
}

/// A PNG header (with correct checksums) that claims @p w × @p h grey pixels, and a few bytes of image data.
QByteArray png(quint32 w, quint32 h)
{
    return QByteArray("\x89PNG\r\n\x1a\n", 8)
        + pngChunk("IHDR", be32(w) + be32(h) + QByteArray("\x08\x00\x00\x00\x00", 5))
        + pngChunk("IDAT", qCompress(QByteArray(64, '\0')).mid(4)) + pngChunk("IEND", {});
}

/// A real baseline JPEG of 16 × 16 pixels whose frame header then claims @p w × @p h.
QByteArray jpeg(quint16 w, quint16 h)
{
    QImage small(16, 16, QImage::Format_Grayscale8);
    small.fill(128);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    small.save(&buffer, "JPG");
    const qsizetype sof = bytes.indexOf(QByteArray("\xFF\xC0", 2));
    Q_ASSERT(sof > 0);
    qToBigEndian(h, bytes.data() + sof + 5); // marker, length, precision, height, width
    qToBigEndian(w, bytes.data() + sof + 7);
    return bytes;
}

QByteArray bmp(qint32 w, qint32 h)
{
    const QByteArray info = le32(40) + le32(quint32(w)) + le32(quint32(h)) + le16(1) + le16(24) + le32(0) + le32(0)
        + le32(2835) + le32(2835) + le32(0) + le32(0);
    return "BM" + le32(14 + 40 + 48) + le32(0) + le32(14 + 40) + info + QByteArray(48, '\x7f');
}

/// A little-endian TIFF, one uncompressed grey strip, whose first directory claims @p w × @p h.
QByteArray tiff(quint32 w, quint32 h)
{
    const auto entry
        = [](quint16 tag, quint16 type, quint32 value) { return le16(tag) + le16(type) + le32(1) + le32(value); };
    QByteArray ifd = le16(8);
    ifd += entry(256, 4, w); // ImageWidth
    ifd += entry(257, 4, h); // ImageLength
    ifd += entry(258, 3, 8); // BitsPerSample
    ifd += entry(259, 3, 1); // Compression: none
    ifd += entry(262, 3, 1); // Photometric: black is zero
    ifd += entry(273, 4, 8 + 2 + 8 * 12 + 4); // StripOffsets: right after the directory
    ifd += entry(278, 4, h); // RowsPerStrip
    ifd += entry(279, 4, w * h); // StripByteCounts: what it would take; the file holds a few bytes
    ifd += le32(0);
    return "II*" + QByteArray(1, '\0') + le32(8) + ifd + QByteArray(64, '\x40');
}

/// A lossless WebP at the format's largest size, 16384 × 16384, past the limit too.
QByteArray webp()
{
    const quint32 bits = 16383u | (16383u << 14);
    const QByteArray vp8l = QByteArray(1, '\x2f') + le32(bits) + QByteArray(27, '\0');
    const QByteArray chunk = "VP8L" + le32(quint32(vp8l.size())) + vp8l;
    return "RIFF" + le32(quint32(4 + chunk.size())) + "WEBP" + chunk;
}

/// A PAM (the portable any-map Qt does not read, OpenCV does).
QByteArray pam(quint32 w, quint32 h)
{
    return "P7\nWIDTH " + QByteArray::number(w) + "\nHEIGHT " + QByteArray::number(h)
        + "\nDEPTH 1\nMAXVAL 255\nTUPLTYPE GRAYSCALE\nENDHDR\n" + QByteArray(64, '\x20');
}

/// A Sun raster: a format neither Qt nor the worker's header check knows; only OpenCV's own limit stops it.
QByteArray sunRaster(quint32 w, quint32 h)
{
    return be32(0x59A66A95) + be32(w) + be32(h) + be32(8) + be32(w * h) + be32(1) + be32(0) + be32(0)
        + QByteArray(64, '\0');
}

struct Fixture
{
    QString name;
    QByteArray bytes;
    QString error; // what the decoder must say: a part of its message
};

QList<Fixture> oversized()
{
    return {
        { u"huge.png"_s, png(60000, 60000), kHugeMessage },
        { u"huge.jpg"_s, jpeg(60000, 60000), kHugeMessage },
        { u"huge.bmp"_s, bmp(60000, 60000), kHugeMessage },
        { u"huge-topdown.bmp"_s, bmp(60000, -60000), kHugeMessage },
        { u"huge.tif"_s, tiff(60000, 60000), kHugeMessage },
        { u"huge.webp"_s, webp(), u"too large (16384 × 16384 pixels; the limit is 100 megapixels)"_s },
        { u"huge.pgm"_s, "P5\n# a comment\n60000 60000\n255\n" + QByteArray(64, '\0'), kHugeMessage },
        { u"huge.pam"_s, pam(60000, 60000), kHugeMessage }, // Qt cannot tell its size: the worker refuses it
        // Under OpenCV's own limit, past ours: ours decides.
        { u"large.png"_s, png(12000, 12000), u"too large (12000 × 12000 pixels; the limit is 100 megapixels)"_s },
    };
}

QList<Fixture> damaged()
{
    QByteArray realJpeg;
    QBuffer buffer(&realJpeg);
    buffer.open(QIODevice::WriteOnly);
    test::makeBarcode(u"QRCode"_s, u"cut short"_s).save(&buffer, "JPG");
    QByteArray garbage;
    QRandomGenerator rng(7);
    for (int i = 0; i < 4096; ++i)
        garbage += char(rng.bounded(256));
    return {
        { u"truncated.png"_s, png(100, 100).left(40), u"cannot be read"_s },
        { u"no-pixels.png"_s, png(100, 100), u"cannot be read"_s }, { u"garbage.jpg"_s, garbage, u"cannot be read"_s },
        { u"empty.png"_s, {}, u"cannot be read"_s }, { u"zero-width.bmp"_s, bmp(0, 100), u"cannot be read"_s },
        { u"zero-size.pam"_s, pam(0, 0), u"cannot be read"_s },
        { u"cut.jpg"_s, realJpeg.left(realJpeg.size() / 3), QString() }, // libjpeg fills in the rest: read, no code
    };
}

QString write(const QString &folder, const Fixture &f)
{
    const QString path = folder + u'/' + f.name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(f.bytes) != f.bytes.size())
        return {};
    return path;
}

/** The decoder worker on its own, spoken to in its wire format, with no workstation in between. */
class Worker
{
public:
    bool start()
    {
        m_process.setProgram(IsolatedDecoder::defaultWorkerPath());
        m_process.start();
        return m_process.waitForStarted();
    }
    [[nodiscard]] bool running() const { return m_process.state() == QProcess::Running; }
    /// Asks for @p path to be decoded; the final answer and its payload (stage messages are passed over).
    bool decode(const QString &path, protocol::Message &answer, std::string &payload)
    {
        const QByteArray encoded = path.toUtf8();
        protocol::Request r;
        r.kind = protocol::RequestKind::File;
        r.strategy = std::uint32_t(Strategy::Still);
        r.pathLength = std::uint32_t(encoded.size());
        r.id = ++m_id;
        m_process.write(reinterpret_cast<const char *>(&r), sizeof r);
        m_process.write(encoded);
        for (;;) {
            if (!read(&answer, sizeof answer))
                return false;
            if (answer.type == protocol::MessageType::Result)
                break;
        }
        payload.assign(answer.payloadLength, '\0');
        return read(payload.data(), payload.size()) && answer.id == m_id;
    }
    ~Worker()
    {
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }

private:
    bool read(void *out, size_t size)
    {
        while (size_t(m_process.bytesAvailable()) < size) {
            if (!m_process.waitForReadyRead(30000))
                return false;
        }
        return m_process.read(static_cast<char *>(out), qint64(size)) == qint64(size);
    }
    QProcess m_process;
    std::uint64_t m_id = 0;
};
} // namespace

class TestOversizedImages : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_folder;
    QString m_good;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFileInfo(IsolatedDecoder::defaultWorkerPath()).isExecutable());
        m_folder = m_dir.filePath(u"files"_s);
        QVERIFY(QDir().mkpath(m_folder));
        for (const auto &f : oversized() + damaged())
            QVERIFY2(!write(m_folder, f).isEmpty(), qPrintable(f.name));
        m_good = m_dir.filePath(u"good.png"_s);
        QVERIFY(test::makeBarcode(u"EAN-13"_s, kEan.left(12)).save(m_good));
    }

    void theWorkerRefusesFromTheHeader()
    {
        Worker worker;
        QVERIFY(worker.start());
        protocol::Message answer;
        std::string payload;
        for (const auto &f : oversized()) {
            QVERIFY2(worker.decode(m_folder + u'/' + f.name, answer, payload), qPrintable(f.name));
            QCOMPARE(answer.status, protocol::Status::TooLarge);
            QVERIFY2(quint64(answer.width) * quint64(answer.height) > protocol::kMaxImagePixels, qPrintable(f.name));
        }
        for (const auto &f : damaged()) {
            QVERIFY2(worker.decode(m_folder + u'/' + f.name, answer, payload), qPrintable(f.name));
            QVERIFY2(answer.status == (f.error.isEmpty() ? protocol::Status::Ok : protocol::Status::UnreadableImage),
                qPrintable(f.name));
        }
        // The same process, still there, reads a real code.
        QVERIFY(worker.running());
        QVERIFY(worker.decode(m_good, answer, payload));
        QCOMPARE(answer.status, protocol::Status::Ok);
        std::vector<protocol::WireResult> results;
        QVERIFY(protocol::deserialize(payload, results));
        QCOMPARE(results.size(), size_t(1));
        QCOMPARE(QString::fromStdString(results[0].text), kEan);
    }

    void theDecoderSaysWhyWithoutRestarting()
    {
        IsolatedDecoder decoder;
        QVERIFY(decoder.decodeFile(m_good, Strategy::Still).ok());
        const qint64 pid = decoder.workerPid();
        QVERIFY(pid > 0);
        for (const auto &f : oversized() + damaged()) {
            const auto outcome = decoder.decodeFile(m_folder + u'/' + f.name, Strategy::Still);
            QVERIFY2(outcome.error.contains(f.error), qPrintable(f.name + u": "_s + outcome.error));
            QVERIFY2(f.error.isEmpty() == outcome.error.isEmpty(), qPrintable(f.name));
            QCOMPARE(outcome.crashes, 0);
        }
        // OpenCV's own limit is set to ours for the worker: past it, a size nobody else could read is refused too.
        const QString raster = write(m_folder, { u"large.ras"_s, sunRaster(12000, 12000), {} });
        QVERIFY(!raster.isEmpty());
        const auto rasterOutcome = decoder.decodeFile(raster, Strategy::Still);
        QCOMPARE(rasterOutcome.error, u"cannot be read: too large (the limit is 100 megapixels)"_s);
        QCOMPARE(rasterOutcome.crashes, 0);

        // Frames handed over in memory are held to the same limit.
        const std::vector<std::uint8_t> row(64);
        const auto frame = decoder.decodeGray(row.data(), 60000, 60000, 60000, Strategy::Still);
        QCOMPARE(frame.error, kHugeMessage);

        QCOMPARE(decoder.totalCrashes(), 0);
        QCOMPARE(decoder.workerPid(), pid); // never restarted
        const auto again = decoder.decodeFile(m_good, Strategy::Still);
        QCOMPARE(again.results.size(), size_t(1));
        QCOMPARE(again.results[0].text, kEan);
    }

    void theCommandLineSaysWhyForEachFile()
    {
        QStringList files { m_good };
        for (const auto &f : oversized() + damaged())
            files << m_folder + u'/' + f.name;
        const auto json = test::runCli(QStringList { u"decode"_s, u"--json"_s } + files);
        QCOMPARE(json.exitCode, 1); // some files could not be read
        const auto lines = json.jsonLines();
        QCOMPARE(lines.size(), files.size());
        QCOMPARE(lines[0].value(u"results"_s).toArray().size(), 1);
        const auto all = oversized() + damaged();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const auto line = lines[i + 1];
            QCOMPARE(line.value(u"file"_s).toString(), files[i + 1]);
            QVERIFY2(line.value(u"error"_s).toString().contains(all[i].error), qPrintable(all[i].name));
            QVERIFY2(!line.contains(u"decoder_restarts"_s), qPrintable(all[i].name));
        }
        QVERIFY2(!json.err.contains("restarted"), json.err.constData());

        const auto text = test::runCli({ u"decode"_s, m_folder + u"/huge.tif"_s });
        QCOMPARE(text.exitCode, 1);
        QCOMPARE(QString::fromUtf8(text.out).trimmed(), m_folder + u"/huge.tif: error: "_s + kHugeMessage);
    }

    void theScanScreenSkipsWhatItCannotRead()
    {
        store::Database db;
        QVERIFY(await(db.open(m_dir.filePath(u"images.sqlite"_s))).ok());
        const auto session = await(store::SessionRepository(&db).create(u"barcode_scan"_s, {})).value().id;
        const QString folder = m_dir.filePath(u"scan"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(test::makeBarcode(u"QRCode"_s, u"first"_s).save(folder + u"/a.png"_s));
        QVERIFY(!write(folder, { u"b-huge.png"_s, png(60000, 60000), {} }).isEmpty());
        QVERIFY(!write(folder, { u"c-huge.tif"_s, tiff(60000, 60000), {} }).isEmpty());
        QVERIFY(!write(folder, { u"d-huge.jpg"_s, jpeg(60000, 60000), {} }).isEmpty());
        QVERIFY(!write(folder, { u"e-garbage.png"_s, QByteArray(300, 'x'), {} }).isEmpty());
        QVERIFY(test::makeBarcode(u"EAN-13"_s, kEan.left(12)).save(folder + u"/f.png"_s));

        ScanPipeline pipeline(&db);
        pipeline.setImageDwellMs(0);
        pipeline.setSessionId(session);
        QSignalSpy done(&pipeline, &ScanPipeline::imagesDone);
        QSignalSpy rejected(&pipeline, &ScanPipeline::rejected);
        pipeline.setSource(std::make_unique<ImageSource>(QStringList { folder }));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QTRY_COMPARE(await(store::CaptureRepository(&db).forSession(session)).size(), size_t(2));

        QCOMPARE(rejected.count(), 4);
        QCOMPARE(rejected.at(0).at(1).toString(), u"b-huge.png "_s + kHugeMessage);
        QCOMPARE(rejected.at(1).at(1).toString(), u"c-huge.tif "_s + kHugeMessage);
        QCOMPARE(rejected.at(2).at(1).toString(), u"d-huge.jpg "_s + kHugeMessage);
        QVERIFY(rejected.at(3).at(1).toString().startsWith(u"e-garbage.png cannot be read: "_s));
        QCOMPARE(pipeline.scanner().stats().crashes, quint64(0)); // the "decoder restarts" counter
    }
};

QTEST_MAIN(TestOversizedImages)
#include "tst_oversizedimages.moc"
