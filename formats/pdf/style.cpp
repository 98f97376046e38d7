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

Lab to_lab(const Color& c) {
  const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
  const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.9504700;
  const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
  const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.0888300;
  auto f = [](double t) { return t > 216.0 / 24389 ? std::cbrt(t) : (24389.0 / 27 * t + 16) / 116; };
  const double fx = f(x), fy = f(y), fz = f(z);
  return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double delta_e(const Color& a, const Color& b) {
  const Lab p = to_lab(a), q = to_lab(b);
  return std::sqrt((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b));
}

std::vector<Color> series_palette(const Color& first, double min_delta_e) {
  // Okabe & Ito (2008): blue, orange, bluish green, reddish purple, vermilion,
  // sky blue, black.
  static const std::uint32_t okabe_ito[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                            0xD55E00, 0x56B4E9, 0x000000};
  std::vector<Color> out{first};
  for (std::uint32_t rgb : okabe_ito) {
    const Color c = Color::hex(rgb);
    if (delta_e(c, first) >= min_delta_e) out.push_back(c);
  }
  return out;
}

}  // namespace sdg::pdf
