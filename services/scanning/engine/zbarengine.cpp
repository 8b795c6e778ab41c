// SPDX-FileCopyrightText: Closient Station contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "zbarengine.h"

#include <zbar.h>

#include <map>

namespace closient::scanning::engine {

std::vector<EngineResult> decodeZbar(const cv::Mat &gray)
{
    static const std::map<zbar::zbar_symbol_type_t, const char *> names {
        { zbar::ZBAR_EAN8, "EAN-8" },
        { zbar::ZBAR_EAN13, "EAN-13" },
        { zbar::ZBAR_UPCA, "UPC-A" },
        { zbar::ZBAR_UPCE, "UPC-E" },
        { zbar::ZBAR_ISBN13, "EAN-13" },
        { zbar::ZBAR_ISBN10, "EAN-13" },
        { zbar::ZBAR_I25, "ITF" },
        { zbar::ZBAR_DATABAR, "DataBar" },
        { zbar::ZBAR_DATABAR_EXP, "DataBarExpanded" },
        { zbar::ZBAR_CODABAR, "Codabar" },
        { zbar::ZBAR_CODE39, "Code39" },
        { zbar::ZBAR_CODE93, "Code93" },
        { zbar::ZBAR_CODE128, "Code128" },
        { zbar::ZBAR_QRCODE, "QRCode" },
        { zbar::ZBAR_PDF417, "PDF417" },
    };
    zbar::ImageScanner scanner;
    scanner.set_config(zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 1);
    cv::Mat packed = gray.isContinuous() ? gray : gray.clone();
    zbar::Image image(unsigned(packed.cols), unsigned(packed.rows), "Y800", packed.data, unsigned(packed.total()));
    scanner.scan(image);
    std::vector<EngineResult> out;
    for (auto s = image.symbol_begin(); s != image.symbol_end(); ++s) {
        EngineResult r;
        const auto it = names.find(s->get_type());
        r.format = it == names.end() ? s->get_type_name() : it->second;
        r.text = s->get_data();
        r.pass = "zbar";
        int minX = packed.cols, minY = packed.rows, maxX = 0, maxY = 0;
        for (int i = 0; i < s->get_location_size(); ++i) {
            minX = std::min(minX, s->get_location_x(unsigned(i)));
            maxX = std::max(maxX, s->get_location_x(unsigned(i)));
            minY = std::min(minY, s->get_location_y(unsigned(i)));
            maxY = std::max(maxY, s->get_location_y(unsigned(i)));
        }
        r.quad = { { { float(minX), float(minY) }, { float(maxX), float(minY) }, { float(maxX), float(maxY) },
            { float(minX), float(maxY) } } };
        out.push_back(std::move(r));
    }
    image.set_data(nullptr, 0);
    return out;
}

} // namespace closient::scanning::engine
