#include "chart.hpp"

#include "colours.hpp"
#include "escape.hpp"
#include "words.hpp"

namespace sdg::html {

std::string svg_chart(const Chart& c, int goal, std::string_view lang, const std::string& id,
                      const std::string& desc_lang) {
  std::string o = charts::svg(c, goal, lang, id, accent(), desc_lang);
  // The legend as text, each entry with the series' own marker or swatch.
  const std::size_t ns = c.series.size();
  if (ns > 0) {
    o += "<ul class=\"legend\" aria-label=\"" + attr(word(Word::Legend, lang)) + "\">";
    for (std::size_t si = 0; si < ns; ++si) {
      o += "<li><svg class=\"key\" width=\"28\" height=\"12\" viewBox=\"0 0 28 12\" aria-hidden=\"true\">";
      o += charts::legend_key(c.kind, series_style(goal, si));
      std::string name = c.series[si].name;
      if (!c.series[si].unit.empty()) name += " (" + c.series[si].unit + ")";
      o += "</svg>" + text(name) + "</li>";
    }
    o += "</ul>";
  }
  return o;
}

}  // namespace sdg::html
