#include "colours.hpp"

#include <algorithm>
#include <cctype>

namespace sdg::html {

std::string css(const Colour& c) {
  std::string s = c.hex_string();
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

Filled filled(const Colour& background) {
  const Colour text = palette::text_on(background);
  if (palette::contrast_ratio(text, background) >= palette::kTextContrast) return {background, text};
  return {palette::darken_to_contrast(background, palette::white(), palette::kTextContrast), palette::white()};
}

}  // namespace sdg::html
