#include "style.hpp"

#include <algorithm>
#include <cmath>

namespace sdg::pdf {

Color Color::from(const Rgb& c) {
  return {c.r / 255.0, c.g / 255.0, c.b / 255.0};
}

Color Color::hex(std::uint32_t rgb) {
  return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
}

Color Color::tint(double t) const {
  return {r + (1 - r) * t, g + (1 - g) * t, b + (1 - b) * t};
}

namespace {
double linear(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
}  // namespace

double relative_luminance(const Color& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Color& a, const Color& b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Color text_on(const Color& background) {
  const double w = contrast_ratio(colors::white, background);
  const double k = contrast_ratio(colors::near_black, background);
  // Prefer white when it passes AA: it is how the official SDG icons are printed.
  if (w >= 4.5) return colors::white;
  return k >= w ? colors::near_black : colors::white;
}

Color goal_color(int goal) {
  if (const Goal* g = Catalogue::get().find_goal(goal)) return Color::from(g->color);
  return colors::accent;
}

Color readable_on_white(const Color& c) {
  Color d = c;
  for (int i = 0; i < 20 && contrast_ratio(d, colors::white) < 4.5; ++i)
    d = {d.r * 0.9, d.g * 0.9, d.b * 0.9};
  return d;
}

}  // namespace sdg::pdf
