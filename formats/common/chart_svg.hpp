// sdgreport — a chart drawn as SVG, one drawing for every format that shows
// charts as pictures: the HTML edition inlines it, the Word edition renders it
// to PNG (librsvg). The picture is one `role="img"` element named by its
// <title> and described by its <desc> (the model's alt text); the series are
// told apart by colour, marker shape and dash pattern (palette.hpp), so colour
// is never the only cue. The legend is the caller's, in its own text
// (legend_key() draws each entry's key).
//
//   std::string s = sdg::charts::svg(chart, 7, "nb", "fig-3", palette::Color::hex(0x00689D));
#pragma once

#include <string>
#include <string_view>

#include "palette.hpp"
#include "sdgreport/model.hpp"

namespace sdg::charts {

/// The <svg> of `c` (640 × 340 user units) for a chart in goal `goal` (0: none;
/// `accent` colours it then). `id` prefixes the ids of the <title> and <desc>.
/// `desc_lang`: an attribute such as ` lang="en-GB"` for the <desc> (the chart's
/// alt text, in the report's language) when the chart is in another language.
std::string svg(const Chart& c, int goal, Language lang, const std::string& id,
                const palette::Color& accent, const std::string& desc_lang = {});

/// The shapes of a legend entry's key in a 28 × 12 box: the series' line with its
/// dash and marker (line charts), or a swatch (column and bar charts).
std::string legend_key(Chart::Kind kind, const palette::SeriesStyle& style);

}  // namespace sdg::charts
