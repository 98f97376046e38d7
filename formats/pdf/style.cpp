#include "style.hpp"

namespace sdg::pdf {

Color goal_color(int goal) { return palette::goal_color(goal, colors::accent); }

Color readable_on_white(const Color& c) {
  return palette::darken_to_contrast(c, colors::white, palette::kTextContrast);
}

// The progress colours of the indicator boxes and the at-a-glance page.
Color progress_color(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::TargetAchieved:
      return Color::hex(0x1A7F37);
    case ProgressStatus::Substantial:
      return Color::hex(0x3C8D2F);
    case ProgressStatus::Moderate:
      return Color::hex(0xF2B705);
    case ProgressStatus::Limited:
      return Color::hex(0xE8710A);
    case ProgressStatus::Deterioration:
      return Color::hex(0xC5221F);
    default:
      return Color::hex(0x80868B);
  }
}

}  // namespace sdg::pdf
