#include "palette.hpp"

#include <algorithm>
#include <cmath>

#include "sdgreport/catalogue.hpp"

namespace sdg::palette {

namespace {

constexpr double kPi = 3.14159265358979323846;

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double gamma(double c) { return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1 / 2.4) - 0.055; }
int byte_of(double c) { return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255)); }

Color quantized(const Color& c) { return Color::hex(c.rgb24()); }

}  // namespace

// ---------------------------------------------------------------- Color

Color Color::from(const Rgb& c) { return {c.r / 255.0, c.g / 255.0, c.b / 255.0}; }

Color Color::hex(std::uint32_t rgb) {
  return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
}

bool Color::parse(const std::string& text, Color& out) {
  if (text.size() != 7 || text[0] != '#') return false;
  std::uint32_t v = 0;
  for (std::size_t i = 1; i < 7; ++i) {
    const char ch = text[i];
    int d = 0;
    if (ch >= '0' && ch <= '9')
      d = ch - '0';
    else if (ch >= 'a' && ch <= 'f')
      d = ch - 'a' + 10;
    else if (ch >= 'A' && ch <= 'F')
      d = ch - 'A' + 10;
    else
      return false;
    v = v * 16 + static_cast<std::uint32_t>(d);
  }
  out = hex(v);
  return true;
}

Color Color::tint(double t) const { return {r + (1 - r) * t, g + (1 - g) * t, b + (1 - b) * t}; }

std::uint32_t Color::rgb24() const {
  return static_cast<std::uint32_t>(byte_of(r) << 16 | byte_of(g) << 8 | byte_of(b));
}

std::string Color::hex_string() const {
  static const char* digits = "0123456789ABCDEF";
  const std::uint32_t v = rgb24();
  std::string s = "#";
  for (int shift = 20; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xF];
  return s;
}

// ---------------------------------------------------------------- contrast

double relative_luminance(const Color& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double contrast_ratio(const Color& a, const Color& b) {
  double la = relative_luminance(a), lb = relative_luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Color text_on(const Color& background) {
  const double w = contrast_ratio(white(), background);
  const double k = contrast_ratio(near_black(), background);
  if (w >= kTextContrast) return white();
  return k >= w ? near_black() : white();
}

// ---------------------------------------------------------------- colour spaces

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

LCh to_oklch(const Color& c) {
  const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
  const double l = std::cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const double m = std::cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const double s = std::cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  const double L = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s;
  const double A = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s;
  const double B = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s;
  double h = std::atan2(B, A) * 180 / kPi;
  if (h < 0) h += 360;
  return {L, std::hypot(A, B), h};
}

Color from_oklch(const LCh& lch, bool* in_gamut) {
  const double A = lch.c * std::cos(lch.h * kPi / 180), B = lch.c * std::sin(lch.h * kPi / 180);
  const double l = std::pow(lch.l + 0.3963377774 * A + 0.2158037573 * B, 3);
  const double m = std::pow(lch.l - 0.1055613458 * A - 0.0638541728 * B, 3);
  const double s = std::pow(lch.l - 0.0894841775 * A - 1.2914855480 * B, 3);
  const double r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s;
  const double g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s;
  const double b = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s;
  constexpr double eps = 1e-6;
  if (in_gamut)
    *in_gamut = r >= -eps && r <= 1 + eps && g >= -eps && g <= 1 + eps && b >= -eps && b <= 1 + eps;
  auto enc = [](double v) { return std::clamp(gamma(std::clamp(v, 0.0, 1.0)), 0.0, 1.0); };
  return {enc(r), enc(g), enc(b)};
}

double hue_distance(double h1, double h2) {
  const double d = std::fmod(std::abs(h1 - h2), 360.0);
  return d > 180 ? 360 - d : d;
}

namespace {

/// The colour of lightness `l` and hue `h` with the most chroma up to `c0` that sRGB can show.
Color at_lightness(double l, double c0, double h) {
  bool ok = false;
  Color out = from_oklch({l, c0, h}, &ok);
  if (ok) return out;
  double lo = 0, hi = c0;
  for (int i = 0; i < 30; ++i) {
    const double mid = (lo + hi) / 2;
    from_oklch({l, mid, h}, &ok);
    (ok ? lo : hi) = mid;
  }
  return from_oklch({l, lo, h});
}

}  // namespace

Color darken_to_contrast(const Color& c, const Color& background, double ratio) {
  if (contrast_ratio(c, background) >= ratio) return c;
  const LCh o = to_oklch(c);
  // Light backgrounds: lower the lightness; dark ones: raise it.
  const bool darken = relative_luminance(background) > 0.18;
  double lo = darken ? 0.0 : o.l, hi = darken ? o.l : 1.0;  // the answer lies between
  auto passes = [&](double l) { return contrast_ratio(quantized(at_lightness(l, o.c, o.h)), background) >= ratio; };
  // Binary search for the lightness closest to the original that still passes.
  for (int i = 0; i < 40; ++i) {
    const double mid = (lo + hi) / 2;
    if (passes(mid) == darken)
      lo = mid;  // darkening: mid passes, try lighter
    else
      hi = mid;
  }
  const double l = darken ? lo : hi;
  Color out = quantized(at_lightness(l, o.c, o.h));
  if (contrast_ratio(out, background) < ratio) out = darken ? Color::hex(0) : white();  // cannot happen
  return out;
}

// ---------------------------------------------------------------- goals and series

Color goal_color(int goal, const Color& fallback) {
  if (const Goal* g = Catalogue::get().find_goal(goal)) return Color::from(g->color);
  return fallback;
}

Color series_color(int goal, const Color& fallback) {
  return darken_to_contrast(goal_color(goal, fallback), white(), kGraphicContrast);
}

const char* marker_name(Marker m) noexcept {
  switch (m) {
    case Marker::Circle: return "circle";
    case Marker::Square: return "square";
    case Marker::Triangle: return "triangle";
    case Marker::Diamond: return "diamond";
    case Marker::TriangleDown: return "triangle-down";
    case Marker::Cross: return "cross";
  }
  return "circle";
}

const char* dash_name(Dash d) noexcept {
  switch (d) {
    case Dash::Solid: return "solid";
    case Dash::Dashed: return "dashed";
    case Dash::Dotted: return "dotted";
    case Dash::DashDot: return "dash-dot";
    case Dash::LongDash: return "long-dash";
    case Dash::DashDotDot: return "dash-dot-dot";
  }
  return "solid";
}

std::vector<double> dash_pattern(Dash d) {
  switch (d) {
    case Dash::Solid: return {};
    case Dash::Dashed: return {3, 2};
    case Dash::Dotted: return {0.1, 2};  // round caps make dots
    case Dash::DashDot: return {4, 2, 0.1, 2};
    case Dash::LongDash: return {7, 2.5};
    case Dash::DashDotDot: return {4, 2, 0.1, 2, 0.1, 2};
  }
  return {};
}

std::vector<Color> series_palette(const Color& first, double min_delta_e) {
  // Okabe & Ito (2008): blue, orange, bluish green, reddish purple, vermilion,
  // sky blue, black; the yellow is left out (even darkened to 3:1 it becomes a
  // brown). Each is darkened to 3:1 on white where it is lighter, and a colour
  // that darkening brought within ΔE 25 of an earlier one is dropped (the sky
  // blue, next to the blue). Computed once.
  static const std::vector<Color> base = [] {
    static const std::uint32_t okabe_ito[] = {0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7,
                                              0xD55E00, 0x56B4E9, 0x000000};
    std::vector<Color> out;
    for (std::uint32_t rgb : okabe_ito) {
      const Color c = darken_to_contrast(Color::hex(rgb), white(), kGraphicContrast);
      if (std::all_of(out.begin(), out.end(), [&](const Color& o) { return delta_e(o, c) >= 25; }))
        out.push_back(c);
    }
    return out;
  }();
  std::vector<Color> out;
  for (const Color& c : base)
    if (delta_e(c, first) >= min_delta_e) out.push_back(c);
  return out;
}

SeriesStyle chart_series(int goal, std::size_t i, const Color& fallback) {
  static constexpr Marker markers[] = {Marker::Circle,  Marker::Square,       Marker::Triangle,
                                       Marker::Diamond, Marker::TriangleDown, Marker::Cross};
  static constexpr Dash dashes[] = {Dash::Solid,    Dash::Dashed,   Dash::Dotted,
                                    Dash::DashDot, Dash::LongDash, Dash::DashDotDot};
  SeriesStyle s;
  const Color first = series_color(goal, fallback);
  if (i == 0) {
    s.color = first;
  } else {
    const std::vector<Color> pal = series_palette(first);
    s.color = pal.empty() ? first : pal[(i - 1) % pal.size()];
  }
  s.marker = markers[i % std::size(markers)];
  s.dash = dashes[i % std::size(dashes)];
  return s;
}

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
    case ProgressStatus::NotAssessed:
    case ProgressStatus::NotAvailable:
      break;
  }
  return Color::hex(0x6B7075);
}

}  // namespace sdg::palette
