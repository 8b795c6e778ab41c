// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layoutrenderer.h"

#include "stationfonts.h"

#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>
#include <QSvgRenderer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace closient::labels {

namespace {
constexpr double kPt = 25.4 / 72; // mm per point
constexpr int kReferencePixels = 200; // text is measured and drawn at this size and scaled, as HriFont does
constexpr double kFontStep = 0.25; // points: shrink-to-fit steps
constexpr qint64 kMaxImageBytes = 8 * 1024 * 1024;

QMutex &metricsMutex()
{
    static QMutex mutex; // font metrics are not promised to be thread-safe
    return mutex;
}

LayoutProblem problem(const LayoutObject &o, LayoutProblem::Kind kind, const QString &message, bool blocking = true)
{
    return { o.id, kind, message, blocking };
}

/// The box the content is laid out in: the object's box, turned back for 90° and 270°.
QSizeF contentSize(const LayoutObject &o)
{
    return o.rotation == 90 || o.rotation == 270 ? o.rect.size().transposed() : o.rect.size();
}

/// From content coordinates (0,0 at the content box's top-left) to the label's.
QTransform objectTransform(const LayoutObject &o)
{
    const QSizeF c = contentSize(o);
    QTransform t;
    t.translate(o.rect.center().x(), o.rect.center().y());
    t.rotate(o.rotation);
    t.translate(-c.width() / 2, -c.height() / 2);
    return t;
}

QString fontFamily(const StationFonts &fonts, LayoutObject::Font font)
{
    switch (font) {
    case LayoutObject::Font::Sans:
        return fonts.textFamily;
    case LayoutObject::Font::OcrB:
        return fonts.hriFamily;
    case LayoutObject::Font::Mono:
        return fonts.monoFamily;
    }
    return fonts.textFamily;
}

/** A text laid out in its box: the lines, the size, and whether it fits. */
struct TextBlock
{
    QStringList lines;
    double em = 0; // mm
    double ascent = 0; // mm
    double lineSpacing = 0; // mm
    double height = 0; // mm: first ascent to last descent
    std::vector<double> widths; // mm
    bool fits = false;
};

/// Lines of @p text broken at spaces to fit @p width (a word longer than the width is broken between characters).
QStringList wrap(const QString &text, double width, const QFontMetricsF &fm, double scale)
{
    QStringList out;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ', Qt::SkipEmptyParts)) {
            const QString candidate = line.isEmpty() ? word : line + u' ' + word;
            if (fm.horizontalAdvance(candidate) * scale <= width + 1e-9) {
                line = candidate;
                continue;
            }
            if (!line.isEmpty())
                out << line;
            line = word;
            while (fm.horizontalAdvance(line) * scale > width + 1e-9 && line.size() > 1) {
                qsizetype n = line.size() - 1;
                while (n > 1 && fm.horizontalAdvance(line.left(n)) * scale > width + 1e-9)
                    --n;
                out << line.left(n);
                line = line.mid(n);
            }
        }
        out << line;
    }
    return out;
}

TextBlock layoutText(const QString &text, QFont font, const LayoutObject &o, QSizeF box)
{
    const QMutexLocker lock(&metricsMutex());
    font.setPixelSize(kReferencePixels);
    const QFontMetricsF fm(font);
    TextBlock block;
    for (double size = o.fontSize; size >= o.minFontSize - 1e-9; size -= kFontStep) {
        const double em = size * kPt;
        const double scale = em / kReferencePixels;
        block.em = em;
        block.lines = o.fit == LayoutObject::Fit::Wrap ? wrap(text, box.width(), fm, scale) : text.split(u'\n');
        block.ascent = fm.ascent() * scale;
        block.lineSpacing = fm.lineSpacing() * scale;
        block.height = (fm.ascent() + fm.descent()) * scale + (block.lines.size() - 1) * block.lineSpacing;
        block.widths.clear();
        double widest = 0;
        for (const auto &l : block.lines) {
            block.widths.push_back(fm.horizontalAdvance(l) * scale);
            widest = std::max(widest, block.widths.back());
        }
        block.fits = widest <= box.width() + 1e-9 && block.height <= box.height() + 1e-9;
        if (block.fits)
            break;
    }
    return block;
}

} // namespace

/** What an object needs that does not change from label to label. */
struct LayoutRenderer::Prepared
{
    std::optional<FieldTemplate> text;
    std::vector<std::pair<QString, FieldTemplate>> elements; // AI and its template
    QByteArray svg; // an SVG image
    QImage raster; // or a raster image
    QString imageProblem;
};

LayoutRenderer::LayoutRenderer(Layout layout)
    : m_layout(std::move(layout))
{
    for (const auto &o : m_layout.objects) {
        auto p = std::make_shared<Prepared>();
        if (o.type == LayoutObject::Type::Text) {
            if (auto t = FieldTemplate::parse(o.text); t.ok())
                p->text = t.value();
        } else if (o.type == LayoutObject::Type::Symbol) {
            std::vector<LayoutElement> elements = o.elements;
            if (elements.empty()) {
                const bool gtinOnly = o.symbology == LayoutSymbology::Ean13 || o.symbology == LayoutSymbology::UpcA
                    || o.symbology == LayoutSymbology::Itf14 || o.symbology == LayoutSymbology::DataBar;
                elements = gtinOnly ? std::vector<LayoutElement> { { u"01"_s, u"{gtin}"_s } } : defaultElements();
            }
            for (const auto &e : elements) {
                if (auto t = FieldTemplate::parse(e.value); t.ok())
                    p->elements.emplace_back(e.ai, t.value());
            }
        } else if (o.type == LayoutObject::Type::Image) {
            QByteArray data = o.imageData;
            if (data.isEmpty()) {
                const QString path = QDir(m_layout.folder).filePath(o.imageFile);
                QFile f(path);
                if (f.size() > kMaxImageBytes)
                    p->imageProblem = u"the image %1 is larger than 8 MiB"_s.arg(o.imageFile);
                else if (!f.open(QIODevice::ReadOnly))
                    p->imageProblem = u"the image %1 cannot be opened: %2"_s.arg(o.imageFile, f.errorString());
                else
                    data = f.readAll();
            }
            if (p->imageProblem.isEmpty()) {
                // SVG first: Qt's image plugins read an SVG too, as a raster at its default size (a logo of 40 × 20
                // would print as 40 × 20 pixels blown up); drawn by QSvgRenderer it stays vectors at every size.
                const bool svgLike = data.left(4096).contains("<svg") || data.startsWith("\x1f\x8b"); // or svgz
                if (svgLike && QSvgRenderer(data).isValid())
                    p->svg = data;
                else
                    p->raster = QImage::fromData(data);
                if (p->svg.isEmpty() && p->raster.isNull())
                    p->imageProblem = u"the image %1 is neither a PNG, a JPEG nor an SVG that can be read"_s.arg(
                        o.imageFile.isEmpty() ? u"(embedded)"_s : o.imageFile);
            }
        }
        m_prepared.push_back(std::move(p));
    }
}

bool LayoutRenderResult::printable() const
{
    return std::none_of(problems.begin(), problems.end(), [](const LayoutProblem &p) { return p.blocking; });
}

QString LayoutRenderResult::problemText() const
{
    QStringList lines;
    for (const auto &p : problems)
        lines << u"%1: %2"_s.arg(p.objectId, p.message);
    return lines.join(u'\n');
}

LayoutRenderResult LayoutRenderer::check(const LabelData &data, const LayoutRenderOptions &options) const
{
    return run(nullptr, data, options);
}

LayoutRenderResult LayoutRenderer::paint(
    QPainter &painter, const LabelData &data, const LayoutRenderOptions &options) const
{
    return run(&painter, data, options);
}

QSize LayoutRenderer::pixelSize(double dpi) const
{
    const double px = dpi / 25.4;
    return { int(std::ceil(m_layout.label.width * px - 1e-6)), int(std::ceil(m_layout.label.height * px - 1e-6)) };
}

QImage LayoutRenderer::render(
    const LabelData &data, const LayoutRenderOptions &options, LayoutRenderResult *result) const
{
    if (options.dpi <= 0)
        return {};
    QImage image(pixelSize(options.dpi), QImage::Format_RGB32);
    image.fill(Qt::white);
    const int dpm = int(std::lround(options.dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing, !options.monochrome);
        p.setRenderHint(QPainter::TextAntialiasing, !options.monochrome);
        p.setRenderHint(QPainter::SmoothPixmapTransform, !options.monochrome);
        p.scale(options.dpi / 25.4, options.dpi / 25.4);
        auto r = paint(p, data, options);
        if (result)
            *result = std::move(r);
    }
    return options.monochrome ? toMonochrome(image) : image;
}

QImage toMonochrome(const QImage &image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    QImage mono(gray.size(), QImage::Format_Mono);
    mono.setColorTable({ qRgb(255, 255, 255), qRgb(0, 0, 0) });
    mono.setDotsPerMeterX(image.dotsPerMeterX());
    mono.setDotsPerMeterY(image.dotsPerMeterY());
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *in = gray.constScanLine(y);
        uchar *out = mono.scanLine(y);
        std::fill(out, out + mono.bytesPerLine(), 0);
        for (int x = 0; x < gray.width(); ++x) {
            if (in[x] < 128)
                out[x >> 3] |= uchar(0x80 >> (x & 7));
        }
    }
    return mono;
}

namespace {

/** One object being laid out (and drawn, when there is a painter), and where its problems go. */
struct ObjectPass
{
    QPainter *painter; // null: lay out only
    const LayoutObject &o;
    const StockShape &label;
    const LayoutRenderOptions &options;
    LayoutRenderResult &result;
    QSizeF box; // the content box (turned back for 90° and 270°)

    void report(LayoutProblem::Kind kind, const QString &message, bool blocking = true)
    {
        result.problems.push_back(problem(o, kind, message, blocking));
    }
};

void drawText(ObjectPass &pass, const FieldTemplate &text, const LabelData &data)
{
    const LayoutObject &o = pass.o;
    const auto bound = text.bind(data, pass.options.locale);
    for (const auto &u : bound.unknown)
        pass.report(LayoutProblem::Kind::UnknownField,
            u"the field {%1} is neither a standard field nor a column of the data"_s.arg(u));
    if (o.required && !bound.missing.isEmpty())
        pass.report(LayoutProblem::Kind::MissingValue,
            u"no value for {%1}, which this label must show"_s.arg(bound.missing.join(u"}, {"_s)));
    if (bound.text.isEmpty())
        return;
    const auto &fonts = StationFonts::load();
    if (!fonts.ok())
        return pass.report(LayoutProblem::Kind::FontMissing, fonts.error().message);
    QFont font = StationFonts::font(fontFamily(fonts.value(), o.font), 10);
    font.setBold(o.bold);
    if (pass.options.monochrome)
        font.setStyleStrategy(QFont::StyleStrategy(font.styleStrategy() | QFont::NoAntialias));
    const TextBlock block = layoutText(bound.text, font, o, pass.box);
    if (!block.fits) {
        const double widest = block.widths.empty() ? 0 : *std::max_element(block.widths.begin(), block.widths.end());
        pass.report(LayoutProblem::Kind::TextDoesNotFit,
            u"\"%1\" does not fit in %2 × %3 mm even at %4 pt: it needs %5 × %6 mm"_s
                .arg(QString(bound.text).replace(u'\n', u" / "_s).left(60))
                .arg(pass.box.width(), 0, 'f', 1)
                .arg(pass.box.height(), 0, 'f', 1)
                .arg(o.minFontSize)
                .arg(widest, 0, 'f', 1)
                .arg(block.height, 0, 'f', 1));
    }
    if (!pass.label.contains(o.rect))
        pass.report(LayoutProblem::Kind::OutsideLabel, u"the text box reaches past the label's edge"_s, false);
    if (!pass.painter)
        return;
    QPainter &p = *pass.painter;
    p.setClipRect(QRectF(QPointF(0, 0), pass.box), Qt::IntersectClip); // text that does not fit stays in its box
    font.setPixelSize(kReferencePixels);
    p.setFont(font);
    p.setPen(Qt::black);
    const double free = pass.box.height() - block.height;
    const double top = o.valign == LayoutObject::VAlign::Top ? 0
        : o.valign == LayoutObject::VAlign::Middle           ? free / 2
                                                             : free;
    const double scale = block.em / kReferencePixels;
    for (qsizetype l = 0; l < block.lines.size(); ++l) {
        const double room = pass.box.width() - block.widths[size_t(l)];
        const double x = o.align == LayoutObject::Align::Left ? 0
            : o.align == LayoutObject::Align::Centre          ? room / 2
                                                              : room;
        p.save();
        p.translate(x, top + block.ascent + l * block.lineSpacing);
        p.scale(scale, scale);
        p.drawText(QPointF(0, 0), block.lines[l]);
        p.restore();
    }
}

void drawSymbol(ObjectPass &pass, const std::vector<std::pair<QString, FieldTemplate>> &elements, const LabelData &data,
    const Layout &layout, const QTransform &toLabel)
{
    const LayoutObject &o = pass.o;
    std::vector<std::pair<QString, QString>> values;
    bool gtinMissing = false;
    for (const auto &[ai, tmpl] : elements) {
        const auto bound = tmpl.bind(data, pass.options.locale);
        for (const auto &u : bound.unknown)
            pass.report(LayoutProblem::Kind::UnknownField,
                u"AI %1: the field {%2} is neither a standard field nor a column of the data"_s.arg(ai, u));
        if (!bound.text.isEmpty())
            values.emplace_back(ai, bound.text);
        else if (ai == u"01")
            gtinMissing = true;
    }
    if (gtinMissing)
        return pass.report(LayoutProblem::Kind::MissingValue, u"no GTIN for this label's symbol"_s);
    const auto content = layoutSymbolContent(o.symbology, values, layout.resolverDomain);
    if (!content.ok())
        return pass.report(LayoutProblem::Kind::SymbolData, content.error().message);
    const auto encoded = encodeLayoutSymbol(o.symbology, content.value());
    if (!encoded.ok())
        return pass.report(LayoutProblem::Kind::SymbolData, encoded.error().message);
    const PlacedArtwork placed = placeLayoutSymbol(
        o.symbology, content.value(), encoded.value(), pass.box, layout.table, o.humanReadable, pass.options.dpi);
    if (!placed.tooSmall.isEmpty())
        pass.report(LayoutProblem::Kind::SymbolTooSmall, placed.tooSmall);
    if (!placed.offGrid.isEmpty())
        pass.report(LayoutProblem::Kind::SymbolOffGrid, placed.offGrid, false);
    const QRectF onLabel = toLabel.mapRect(placed.art.symbolRect);
    pass.result.symbols.push_back(
        { o.id, o.symbology, onLabel, placed.art.xDim, content.value().expected, o.rotation });
    if (!pass.label.contains(onLabel))
        pass.report(LayoutProblem::Kind::OutsideLabel,
            u"the symbol or its quiet zone reaches past the label's edge%1"_s.arg(
                pass.label.kind == StockShape::Kind::Cd ? u" or onto the hole"_s : QString()));
    if (pass.painter)
        placed.art.paint(*pass.painter);
}

void drawImage(ObjectPass &pass, const QImage &raster, const QByteArray &svg)
{
    const LayoutObject &o = pass.o;
    if (!pass.label.contains(o.rect))
        pass.report(LayoutProblem::Kind::OutsideLabel, u"the image reaches past the label's edge"_s, false);
    if (!pass.painter)
        return;
    // An SVG renderer per drawing: QSvgRenderer is not promised to be thread-safe.
    QSvgRenderer vector(svg);
    QSizeF natural = raster.isNull() ? QSizeF(vector.defaultSize()) : QSizeF(raster.size());
    QRectF target(QPointF(0, 0), pass.box);
    if (o.keepAspect && !natural.isEmpty()) {
        natural.scale(pass.box, Qt::KeepAspectRatio);
        target = QRectF(
            QPointF((pass.box.width() - natural.width()) / 2, (pass.box.height() - natural.height()) / 2), natural);
    }
    if (raster.isNull())
        vector.render(pass.painter, target);
    else
        pass.painter->drawImage(target, raster);
}

void drawLineOrBox(ObjectPass &pass)
{
    const LayoutObject &o = pass.o;
    const bool line = o.type == LayoutObject::Type::Line;
    // A line's extent is its stroke around it.
    const double half = line ? o.stroke / 2 : 0;
    if (!pass.label.contains(o.rect.normalized().adjusted(-half, -half, half, half)))
        pass.report(LayoutProblem::Kind::OutsideLabel,
            u"the %1 reaches past the label's edge"_s.arg(line ? u"line"_s : u"box"_s), false);
    if (!pass.painter)
        return;
    QPainter &p = *pass.painter;
    const QPen pen(Qt::black, o.stroke, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    if (line) {
        p.setPen(pen);
        p.drawLine(o.rect.topLeft(), o.rect.bottomRight());
        return;
    }
    p.setPen(o.stroke > 0 ? pen : QPen(Qt::NoPen));
    p.setBrush(o.filled ? QBrush(Qt::black) : QBrush(Qt::NoBrush));
    const QRectF r = o.rect.adjusted(o.stroke / 2, o.stroke / 2, -o.stroke / 2, -o.stroke / 2); // stroke inside
    if (o.cornerRadius > 0)
        p.drawRoundedRect(r, o.cornerRadius, o.cornerRadius);
    else
        p.drawRect(r);
}

} // namespace

LayoutRenderResult LayoutRenderer::run(
    QPainter *painter, const LabelData &data, const LayoutRenderOptions &options) const
{
    LayoutRenderResult result;
    const StockShape &label = m_layout.label;
    if (painter) {
        painter->save();
        if (options.clipToShape)
            painter->setClipPath(label.clipPath(), painter->hasClipping() ? Qt::IntersectClip : Qt::ReplaceClip);
    }
    for (size_t i = 0; i < m_layout.objects.size(); ++i) {
        const LayoutObject &o = m_layout.objects[i];
        const Prepared &prep = *m_prepared[i];
        const QTransform toLabel = objectTransform(o);
        ObjectPass pass { painter, o, label, options, result, contentSize(o) };
        if (painter) {
            painter->save();
            // Lines and boxes are placed by their corners on the label, whatever the rotation; the rest is laid out
            // in its own turned box.
            if (o.type != LayoutObject::Type::Line && o.type != LayoutObject::Type::Box)
                painter->setTransform(toLabel, true);
        }
        switch (o.type) {
        case LayoutObject::Type::Text:
            if (prep.text)
                drawText(pass, *prep.text, data);
            break;
        case LayoutObject::Type::Symbol:
            drawSymbol(pass, prep.elements, data, m_layout, toLabel);
            break;
        case LayoutObject::Type::Image:
            if (prep.imageProblem.isEmpty())
                drawImage(pass, prep.raster, prep.svg);
            else
                pass.report(LayoutProblem::Kind::ImageUnreadable, prep.imageProblem);
            break;
        case LayoutObject::Type::Line:
        case LayoutObject::Type::Box:
            drawLineOrBox(pass);
            break;
        }
        if (painter)
            painter->restore();
    }
    if (painter) {
        if (options.outline) {
            painter->setClipping(false);
            painter->setPen(QPen(QColor(128, 128, 128), 0.1));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(label.outline());
        }
        painter->restore();
    }
    return result;
}

} // namespace closient::labels
