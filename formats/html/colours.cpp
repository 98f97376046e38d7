#include "colours.hpp"

#include <cmath>
#include <cstdio>
#include <vector>

#include "sdgreport/catalogue.hpp"

namespace sdg::html {

namespace {

double linear(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Colour& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double distance(const Colour& a, const Colour& b) {
  const double dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b;
  return std::sqrt(dr * dr + dg * dg + db * db);
}

}  // namespace

Colour Colour::hex(std::uint32_t rgb) {
  return {static_cast<std::uint8_t>((rgb >> 16) & 0xFF), static_cast<std::uint8_t>((rgb >> 8) & 0xFF),
          static_cast<std::uint8_t>(rgb & 0xFF)};
}

std::string Colour::css() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", r, g, b);
  return buf;
}

double contrast(const Colour& a, const Colour& b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Colour goal_colour(int goal) {
  if (const Goal* g = Catalogue::get().find_goal(goal)) return {g->color.r, g->color.g, g->color.b};
  return kAccent;
}

Colour text_on(const Colour& background) {
  const double w = contrast(kWhite, background);
  if (w >= 4.5) return kWhite;
  return contrast(kInk, background) >= w ? kInk : kWhite;
}

Colour darken_until(const Colour& c, const Colour& background, double ratio) {
  Colour d = c;
  for (int i = 0; i < 40 && contrast(d, background) < ratio; ++i)
    d = {static_cast<std::uint8_t>(d.r * 0.93), static_cast<std::uint8_t>(d.g * 0.93),
         static_cast<std::uint8_t>(d.b * 0.93)};
  return d;
}

Colour goal_on_white(int goal) {
  return darken_until(goal_colour(goal), kWhite, 3.0);
}

Colour series_colour(int goal, std::size_t index) {
  // Okabe & Ito (2008) without its yellow: blue, orange, bluish green, reddish
  // purple, vermilion, sky blue, black.
  static const std::uint32_t okabe_ito[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                            0xD55E00, 0x56B4E9, 0x000000};
  const Colour first = goal_on_white(goal);
  std::vector<Colour> palette{first};
  for (std::uint32_t rgb : okabe_ito) {
    const Colour c = darken_until(Colour::hex(rgb), kWhite, 3.0);
    if (distance(c, first) >= 90) palette.push_back(c);
  }
  return palette[index % palette.size()];
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
