// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "stationfonts.h"

#include <QFile>
#include <QFontDatabase>

using namespace Qt::StringLiterals;

namespace closient {

namespace {

struct FontFile
{
    const char *path;
    const char *package;
};

// CLOSIENT_FONT_DIR replaces /usr/share/fonts (tests use it to prove a missing font is refused clearly).
QString fontPath(const char *path)
{
    const QString root = qEnvironmentVariable("CLOSIENT_FONT_DIR", u"/usr/share/fonts"_s);
    return root + QLatin1StringView(path);
}

Result<QString> registerFont(const FontFile &file)
{
    const QString path = fontPath(file.path);
    if (!QFile::exists(path))
        return Error { u"font_missing"_s,
            u"The font file %1 is missing: install the package %2."_s.arg(path, QLatin1StringView(file.package)) };
    const int id = QFontDatabase::addApplicationFont(path);
    const QStringList families = id < 0 ? QStringList() : QFontDatabase::applicationFontFamilies(id);
    if (families.isEmpty())
        return Error { u"font_unreadable"_s,
            u"The font file %1 cannot be read: reinstall the package %2."_s.arg(
                path, QLatin1StringView(file.package)) };
    return families.first();
}

Result<StationFonts> loadAll()
{
    StationFonts fonts;
    const std::pair<QString *, FontFile> files[] = {
        { &fonts.hriFamily, { "/opentype/ocr-b/OCRB.otf", "fonts-ocr-b" } },
        { &fonts.textFamily, { "/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core" } },
        { &fonts.monoFamily, { "/truetype/dejavu/DejaVuSansMono.ttf", "fonts-dejavu-core" } },
    };
    for (const auto &[family, file] : files) {
        auto r = registerFont(file);
        if (!r.ok())
            return r.error();
        *family = r.value();
    }
    // The bold face of the text family, so bold text is drawn, not synthesised differently on each machine.
    if (auto bold = registerFont({ "/truetype/dejavu/DejaVuSans-Bold.ttf", "fonts-dejavu-core" }); !bold.ok())
        return bold.error();
    return fonts;
}

} // namespace

const Result<StationFonts> &StationFonts::load()
{
    static const Result<StationFonts> fonts = loadAll(); // thread-safe initialisation, once per process
    return fonts;
}

QFont StationFonts::font(const QString &family, qreal pointSize)
{
    QFont f(family);
    f.setFamilies({ family }); // no substitution list: a missing family must show, not be replaced quietly
    f.setPointSizeF(pointSize);
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferOutline | QFont::NoFontMerging));
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

} // namespace closient
