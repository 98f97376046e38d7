// HTML writer (private): a chart as inline SVG. The picture is one `role="img"`
// element named by its <title> and described by its <desc> (the model's alt
// text); the series are told apart by colour, marker shape and dash pattern,
// with a legend in HTML text below, so colour is never the only cue.
#pragma once

#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg::html {

/// The <svg> of `c` followed by its legend (an HTML list), for a chart in goal
/// `goal` (0: none). `id` prefixes the ids of the <title> and <desc>.
/// `desc_lang`: an attribute such as ` lang="en-GB"` for the description (the
/// chart's alt text, in the report's language) when the chart is in another language.
std::string svg_chart(const Chart& c, int goal, std::string_view lang, const std::string& id,
                      const std::string& desc_lang = {});

/// Axis ticks from lo to hi: about `count` "nice" values (1, 2, 2.5 or 5 × 10^k),
/// the first ≤ lo and the last ≥ hi. Also returns the decimals the labels need.
struct Ticks {
  double first = 0, step = 1;
  int count = 0;
  int decimals = 0;
};
Ticks nice_ticks(double lo, double hi, int count);

}  // namespace sdg::html
