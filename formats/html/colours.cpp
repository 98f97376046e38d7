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

Colour progress_colour(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::TargetAchieved:
      return Colour::hex(0x1A7F37);
    case ProgressStatus::Substantial:
      return Colour::hex(0x3C8D2F);
    case ProgressStatus::Moderate:
      return Colour::hex(0xF2B705);
    case ProgressStatus::Limited:
      return Colour::hex(0xE8710A);
    case ProgressStatus::Deterioration:
      return Colour::hex(0xC5221F);
    case ProgressStatus::NotAssessed:
    case ProgressStatus::NotAvailable:
      break;
  }
  return Colour::hex(0x6B7075);
}

}  // namespace sdg::html
