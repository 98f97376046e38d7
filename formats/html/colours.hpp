// HTML writer (private): the colours the HTML edition uses. Chart series
// (colour, marker, dash), goal colours and WCAG contrast come from the palette
// every format shares (formats/common/palette.hpp); this header adds only what
// a web page needs on top: CSS colour text, the report's accent colour, text
// colours on filled labels and the progress-status colours.
#pragma once

#include <string>

#include "palette.hpp"
#include "sdgreport/model.hpp"

namespace sdg::html {

using Colour = palette::Color;

/// "#rrggbb" for CSS.
std::string css(const Colour& c);

inline Colour accent() { return Colour::hex(0x00689D); }  ///< UN SDG blue, for non-goal chapters

/// A filled label (goal band, progress pill): its background and text colour with
/// at least 4.5:1 between them. The text is white or near-black (palette::text_on);
/// when neither reaches 4.5:1 the background is darkened, same hue, under white text.
struct Filled {
  Colour background, text;
};
Filled filled(const Colour& background);

/// The SDG goal's official colour (1–17); accent() otherwise.
inline Colour goal_colour(int goal) { return palette::goal_color(goal, accent()); }
/// The goal colour as a line or a rule on white: ≥ 3:1 (WCAG 1.4.11), same hue.
inline Colour goal_on_white(int goal) { return palette::series_color(goal, accent()); }
/// Series `index` of a chart of goal `goal`: the shared colour, marker and dash.
inline palette::SeriesStyle series_style(int goal, std::size_t index) {
  return palette::chart_series(goal, index, accent());
}

/// Background of a progress status label; filled() gives its text colour.
inline Colour progress_colour(ProgressStatus s) { return palette::progress_color(s); }

}  // namespace sdg::html
