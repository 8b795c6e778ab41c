// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include "labelsymbol.h"
#include "layoutrenderer.h"
#include "sheetrenderer.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace closient::scanning {
class IsolatedDecoder;
enum class Strategy : std::uint32_t;
} // namespace closient::scanning

namespace closient::labels {

/** What reading the output back found. */
struct VerifyReport
{
    int checked = 0;
    int passed = 0;
    int fast = 0; // of those passed, how many the pure-symbol read confirmed (the rest needed the thorough read)
    QStringList failures; // "page 2, label 14: expected ..., read ..."
    double ms = 0;
    qint64 largestRender = 0; // pixels of the largest piece of a page rendered at once
    [[nodiscard]] bool ok() const { return checked > 0 && passed == checked && failures.isEmpty(); }
};

/**
 * Reads every label of an output back the way a scanner would, and compares the data with what was meant: sheet
 * PDFs are rendered by Poppler at 300 dpi around their symbols (never a whole large page at once); SVG, PNG and
 * EPS files are rasterised on their own. Decoding runs in the isolated decoder process (ZXing-cpp), so a library
 * abort fails a label, not the app.
 */
class Verifier
{
public:
    Verifier();
    ~Verifier();

    VerifyReport verifySheets(const QString &pdfPath, const SheetLayout &layout, const std::vector<PlacedLabel> &labels,
        const std::function<bool(int)> &progress = {});
    /// One symbol file: "svg", "png" or "eps" data; the error says what did not read back as meant.
    [[nodiscard]] Result<Done> verifySymbolFile(
        const QByteArray &data, const QString &format, SymbolKind kind, const QString &expected);
    /// Decodes a picture of one symbol and compares it; the error says what went wrong.
    [[nodiscard]] Result<Done> verifyImage(const QImage &image, SymbolKind kind, const QString &expected);

    /// A symbol of a layout (any symbology, any rotation) cut out of a label picture; the error says what went wrong.
    [[nodiscard]] Result<Done> verifyLayoutImage(
        const QImage &image, LayoutSymbology symbology, int rotation, const QString &expected);
    /// Reads every symbol placed on one label picture at @p dpi (a thermal label as it is sent): each symbol with its
    /// quiet zones is cut out, framed in white and decoded. One line per symbol that failed; empty when all passed.
    [[nodiscard]] QStringList verifyLabel(const QImage &label, double dpi, const std::vector<PlacedSymbol> &symbols);
    /// The fast read of a symbol we drew: @p image is the symbol with its quiet zones and nothing else, turned by
    /// @p rotation, its modules whole pixels. True only when it reads as exactly @p expected (symbology, identifier,
    /// every character); false is a miss, never a failure: the caller then reads the label thoroughly.
    [[nodiscard]] bool confirmPure(
        const QImage &image, LayoutSymbology symbology, int rotation, const QString &expected);
    [[nodiscard]] bool confirmPure(const QImage &image, SymbolKind kind, const QString &expected);
    /// The resolution at which an X-dimension of @p xDim mm is @p pixels pixels (kept between 20 and 1200 dpi);
    /// kDpi when @p xDim is not known.
    [[nodiscard]] static double wholeModuleDpi(double xDim, int pixels = 2);

    /// The symbology identifier a reader must report for @p kind ("]d2" for GS1 DataMatrix).
    [[nodiscard]] static QString expectedSymbologyId(SymbolKind kind);

    static constexpr double kDpi = 300; // the thorough read's rendering

private:
    bool checkSymbolFile(
        const QByteArray &data, const QString &format, SymbolKind kind, const QString &expected, QString *problem);
    bool checkImage(const QImage &image, SymbolKind kind, const QString &expected, QString *problem);
    struct Want
    {
        std::uint32_t mask = 0;
        scanning::Strategy strategy;
        QString format;
        QString symbologyId;
        QString title;
        bool plainQr = false;
    };
    bool checkDecoded(const QImage &image, const Want &want, const QString &expected, QString *problem);

    std::unique_ptr<scanning::IsolatedDecoder> m_decoder;
};

} // namespace closient::labels
