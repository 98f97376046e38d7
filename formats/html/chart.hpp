// HTML writer (private): a chart as inline SVG (formats/common/chart_svg.hpp,
// the drawing the Word edition renders to PNG too), followed by its legend in
// HTML text, each entry with the series' own marker or swatch.
#pragma once

#include <string>
#include <string_view>

#include "chart_svg.hpp"
#include "sdgreport/model.hpp"

namespace sdg::html {

/// The <svg> of `c` followed by its legend (an HTML list), for a chart in goal
/// `goal` (0: none). `id` prefixes the ids of the <title> and <desc>.
/// `desc_lang`: an attribute such as ` lang="en-GB"` for the description (the
/// chart's alt text, in the report's language) when the chart is in another language.
std::string svg_chart(const Chart& c, int goal, Language lang, const std::string& id,
                      const std::string& desc_lang = {});

}  // namespace sdg::html
