// PDF writer (private): colours, the WCAG contrast rule and the typographic theme.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sdgreport/catalogue.hpp"

namespace sdg::pdf {

/// An RGB colour with components 0–1, as PDF wants them.
struct Color {
  double r = 0, g = 0, b = 0;
  static Color from(const Rgb& c);
  static Color hex(std::uint32_t rgb);
  /// Mixes with white: t = 0 gives this colour, t = 1 white.
  Color tint(double t) const;
  bool operator==(const Color&) const = default;
};

/// WCAG 2.x relative luminance and contrast ratio (1–21).
double relative_luminance(const Color& c);
double contrast_ratio(const Color& a, const Color& b);

/// White or near-black text for a background: the one with the higher contrast
/// (WCAG 2.x), so a goal band is readable (≥ 4.5:1 for every SDG colour).
Color text_on(const Color& background);

/// Palette used by every block.
namespace colors {
inline const Color ink = Color::hex(0x1C1C1E);     ///< body text
inline const Color muted = Color::hex(0x5F6368);   ///< captions, notes, furniture
inline const Color rule = Color::hex(0xC8CCD0);    ///< thin rules
inline const Color faint = Color::hex(0xF2F4F5);   ///< zebra rows, boxes
inline const Color link = Color::hex(0x0B57A4);    ///< hyperlinks
inline const Color accent = Color::hex(0x00689D);  ///< UN SDG blue for non-goal chapters
inline const Color white = Color::hex(0xFFFFFF);
inline const Color near_black = Color::hex(0x1C1C1E);
}  // namespace colors

/// Colour of an SDG goal (1–17); the accent colour otherwise.
Color goal_color(int goal);

/// A darker shade of a goal colour that reads on white (contrast ≥ 4.5:1),
/// for numbers and rules in goal colour.
Color readable_on_white(const Color& c);

/// CIE L*a*b* (D65) of an sRGB colour, and the CIE76 colour difference ΔE*ab
/// (about 2 is just noticeable; charts want 40 or more between series).
struct Lab {
  double l = 0, a = 0, b = 0;
};
Lab to_lab(const Color& c);
double delta_e(const Color& a, const Color& b);

/// Series colours of a chart: `first` (the goal colour), then the Okabe–Ito
/// colour-blind-safe palette without its yellow (too faint on white), leaving out
/// the colours closer than `min_delta_e` to `first`. The palette colours are at
/// least ΔE 26 apart from each other, the closest pairs (blue / sky blue,
/// orange / vermilion) placed far apart in the order.
std::vector<Color> series_palette(const Color& first, double min_delta_e = 40);

}  // namespace sdg::pdf
