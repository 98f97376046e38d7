#include "style.hpp"

namespace sdg::pdf {

Color goal_color(int goal) { return palette::goal_color(goal, colors::accent); }

Color readable_on_white(const Color& c) {
  return palette::darken_to_contrast(c, colors::white, palette::kTextContrast);
}

}  // namespace sdg::pdf
