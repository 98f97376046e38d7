// sdgreport — colours shared by the format writers (pdf, xlsx, html): WCAG 2.x
// contrast, perceptual colour spaces (CIE L*a*b*, OKLab/OKLCh), the SDG goal
// colours and the accessible chart palette.
//
// A small static library (sdgreport-palette) with no PoDoFo or libxlsxwriter in
// it: every writer draws series in the same colours, with the same marker shapes
// and dash patterns, so a chart reads the same in the PDF and in the workbook.
//
//   using namespace sdg::palette;
//   Color c = series_color(7);             // goal 7's yellow, darkened to ≥ 3:1 on white
//   contrast_ratio(c, white());            // 3.0…
//   SeriesStyle s = chart_series(7, 1, 3); // second of three series: colour, marker, dash
//   std::uint32_t rgb = s.color.rgb24();   // 0xRRGGBB for libxlsxwriter
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg {
struct Rgb;
}

namespace sdg::palette {

/// An sRGB colour with components 0–1.
struct Color {
  double r = 0, g = 0, b = 0;
  static Color from(const Rgb& c);
  static Color hex(std::uint32_t rgb);  ///< 0xRRGGBB
  /// Parses "#RRGGBB"; false (and `out` unchanged) for anything else.
  static bool parse(const std::string& text, Color& out);
  /// Mixes with white: t = 0 gives this colour, t = 1 white.
  Color tint(double t) const;
  std::uint32_t rgb24() const;  ///< rounded to 8 bits per channel, 0xRRGGBB
  std::string hex_string() const;  ///< "#RRGGBB"
  bool operator==(const Color&) const = default;
};

inline Color white() { return Color::hex(0xFFFFFF); }
inline Color near_black() { return Color::hex(0x1C1C1E); }

/// WCAG 2.x relative luminance and contrast ratio (1–21).
double relative_luminance(const Color& c);
double contrast_ratio(const Color& a, const Color& b);

/// White or near-black text for a background: white where it reaches 4.5:1 (how
/// the SDG icons are printed), else whichever contrasts more.
Color text_on(const Color& background);

/// CIE L*a*b* (D65) and the CIE76 colour difference ΔE*ab (about 2 is just
/// noticeable; chart series want 40 or more apart).
struct Lab {
  double l = 0, a = 0, b = 0;
};
Lab to_lab(const Color& c);
double delta_e(const Color& a, const Color& b);

/// OKLCh (Björn Ottosson's OKLab in polar form): lightness 0–1, chroma, hue in degrees.
struct LCh {
  double l = 0, c = 0, h = 0;
};
LCh to_oklch(const Color& c);
/// Back to sRGB; `in_gamut` tells whether the colour was representable (it is clamped).
Color from_oklch(const LCh& lch, bool* in_gamut = nullptr);
/// Hue difference in degrees, 0–180.
double hue_distance(double h1, double h2);

/// The colour itself when it has at least `ratio` contrast against `background`,
/// else a shade of the same hue (OKLCh hue kept, lightness lowered, chroma reduced
/// only as far as the sRGB gamut needs) with the highest lightness that reaches it.
Color darken_to_contrast(const Color& c, const Color& background, double ratio);

/// Official colour of SDG goal 1–17 (from the catalogue); `fallback` otherwise.
Color goal_color(int goal, const Color& fallback);

/// WCAG 2.1 SC 1.4.11 asks graphical objects for 3:1 against their background.
inline constexpr double kGraphicContrast = 3.0;
/// SC 1.4.3: normal text 4.5:1.
inline constexpr double kTextContrast = 4.5;

/// Colour of a goal's first chart series: the goal colour where it has ≥ 3:1 on
/// white, else a darker shade of the same hue (darken_to_contrast).
Color series_color(int goal, const Color& fallback = Color::hex(0x00689D));

/// A point marker drawn on line charts and in legends.
enum class Marker { Circle, Square, Triangle, Diamond, TriangleDown, Cross };
/// A line's dash pattern.
enum class Dash { Solid, Dashed, Dotted, DashDot, LongDash, DashDotDot };
const char* marker_name(Marker m) noexcept;  ///< "circle", …
const char* dash_name(Dash d) noexcept;      ///< "solid", …
/// Dash array in units of the line width ({} for solid): {3, 2} = 3 on, 2 off.
std::vector<double> dash_pattern(Dash d);

/// How one series of a chart is drawn: colour (≥ 3:1 on white), marker, dash.
struct SeriesStyle {
  Color color;
  Marker marker = Marker::Circle;
  Dash dash = Dash::Solid;
};

/// Style of series `i` of `n` in a chart of goal `goal` (0: no goal; `fallback` is the
/// report's accent colour then). Series 0 takes series_color(goal); the others the
/// Okabe–Ito colour-blind-safe palette (each darkened to ≥ 3:1 on white), leaving
/// out colours closer than ΔE 40 to the first. Markers and dashes change with the
/// series too, so colour is never the only cue (WCAG 1.4.1); past the palette the
/// colours repeat, with another marker and dash.
SeriesStyle chart_series(int goal, std::size_t i, const Color& fallback = Color::hex(0x00689D));

/// The series colours after the first (darkened Okabe–Ito, ΔE ≥ `min_delta_e` from `first`).
std::vector<Color> series_palette(const Color& first, double min_delta_e = 40);

/// The colour of a progress status (indicator boxes, the at-a-glance page, the HTML
/// progress label), one table for every format. Writers put text on it with text_on()
/// or a darker shade; the status is always also written in words.
Color progress_color(ProgressStatus s);

}  // namespace sdg::palette
