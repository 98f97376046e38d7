// Word writer (private): a chart as a PNG picture, rendered with librsvg from
// the same SVG drawing the HTML edition shows (formats/common/chart_svg.hpp),
// at 1.5 times its size (150 dpi across the text width), with DejaVu Sans for
// its text, encoded with libpng.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "palette.hpp"
#include "sdgreport/model.hpp"

namespace sdg::docx {

struct Png {
  std::string bytes;
  int width = 0, height = 0;  ///< pixels
};

/// A drawing's pixels, RGB, row by row.
struct Pixels {
  std::vector<unsigned char> rgb;
  int width = 0, height = 0;
};

/// The chart drawn by librsvg (on the calling thread: librsvg and Pango stay on one).
Pixels render_chart(const Chart& c, int goal, Language lang, const palette::Color& accent);

/// `px` as a PNG. Uses nothing but libpng and its argument: safe on a worker thread.
std::string encode_png(const Pixels& px);

/// The PNG of `c` in goal `goal` (0: none). Throws Error(Internal) when librsvg fails.
Png chart_png(const Chart& c, int goal, Language lang, const palette::Color& accent);

/// The SVG text chart_png() renders (for tests and debugging).
std::string chart_svg_for_png(const Chart& c, int goal, Language lang, const palette::Color& accent);

}  // namespace sdg::docx
