#include "colours.hpp"

#include "sdgreport/text.hpp"

namespace sdg::html {

std::string css(const Colour& c) {
  return lower(c.hex_string());
}

Filled filled(const Colour& background) {
  const Colour text = palette::text_on(background);
  if (palette::contrast_ratio(text, background) >= palette::kTextContrast) return {background, text};
  return {palette::darken_to_contrast(background, palette::white(), palette::kTextContrast), palette::white()};
}

}  // namespace sdg::html
