#include "chart_svg.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <limits>
#include <vector>

#include "axis.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/text.hpp"

namespace sdg::charts {

namespace {

constexpr double kWidth = 640, kHeight = 340;
constexpr double kTop = 14, kRight = 16, kBottom = 42;

/// Text content for XML: & < > escaped; C0 controls other than tab and line feed,
/// DEL and U+FFFE/U+FFFF dropped (as the HTML writer's text()).
std::string text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '&') {
      out += "&amp;";
      continue;
    }
    if (c == '<') {
      out += "&lt;";
      continue;
    }
    if (c == '>') {
      out += "&gt;";
      continue;
    }
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) continue;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF)) {
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

palette::SeriesStyle series_style(int goal, std::size_t index, const palette::Color& accent) {
  return palette::chart_series(goal, index, accent);
}

/// "#rrggbb".
std::string css(const palette::Color& c) {
  return lower(c.hex_string());
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s(buf);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

constexpr double kStroke = 2.5;  ///< line width; the shared dash patterns are in units of it

/// The stroke-dasharray attribute of a dash ("" for solid), with round caps so the
/// shared patterns' short dashes show as dots.
std::string dash_attr(palette::Dash d) {
  const std::vector<double> p = palette::dash_pattern(d);
  if (p.empty()) return {};
  std::string o = " stroke-linecap=\"round\" stroke-dasharray=\"";
  for (std::size_t i = 0; i < p.size(); ++i) o += (i ? " " : "") + num(p[i] * kStroke);
  return o + "\"";
}

/// The shared marker shape `m` centred at x, y.
std::string marker(palette::Marker m, double x, double y, const std::string& colour) {
  const double r = 4;
  const std::string fill = " fill=\"" + colour + "\"";
  switch (m) {
    case palette::Marker::Circle:
      return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"" + fill + "/>";
    case palette::Marker::Square:
      return "<rect x=\"" + num(x - r) + "\" y=\"" + num(y - r) + "\" width=\"" + num(2 * r) +
             "\" height=\"" + num(2 * r) + "\"" + fill + "/>";
    case palette::Marker::Triangle:
      return "<path d=\"M" + num(x) + " " + num(y - r - 1) + "L" + num(x + r + 1) + " " + num(y + r) + "L" +
             num(x - r - 1) + " " + num(y + r) + "Z\"" + fill + "/>";
    case palette::Marker::Diamond:
      return "<path d=\"M" + num(x) + " " + num(y - r - 1) + "L" + num(x + r + 1) + " " + num(y) + "L" +
             num(x) + " " + num(y + r + 1) + "L" + num(x - r - 1) + " " + num(y) + "Z\"" + fill + "/>";
    case palette::Marker::TriangleDown:
      return "<path d=\"M" + num(x) + " " + num(y + r + 1) + "L" + num(x + r + 1) + " " + num(y - r) + "L" +
             num(x - r - 1) + " " + num(y - r) + "Z\"" + fill + "/>";
    case palette::Marker::Cross:
      break;
  }
  return "<path d=\"M" + num(x - r) + " " + num(y - r) + "L" + num(x + r) + " " + num(y + r) + "M" +
         num(x - r) + " " + num(y + r) + "L" + num(x + r) + " " + num(y - r) + "\" stroke=\"" + colour +
         "\" stroke-width=\"2.5\" fill=\"none\"/>";
}

}  // namespace

std::string svg(const Chart& c, int goal, Language lang, const std::string& id,
                const palette::Color& accent, const std::string& desc_lang) {
  const bool bars = c.kind == Chart::Kind::Bar;
  const std::size_t ncat = c.categories.size();
  // The same axis as the PDF's (axis.hpp); an empty frame from 0 to 1 without values.
  const axis::Ticks ticks = axis::value_axis(c).value_or(axis::nice_ticks(0, 1));
  const double vmin = ticks.first, vmax = ticks.last();

  // Left margin from the widest label on the value axis (or category axis for bars).
  std::size_t label_chars = 0;
  for (int i = 0; i < ticks.count; ++i)
    label_chars =
        std::max(label_chars, utf8_length(format_number(ticks.at(i), ticks.decimals, lang)));
  if (bars)
    for (const auto& cat : c.categories)
      label_chars = std::max(label_chars, std::min<std::size_t>(utf8_length(cat), 24));
  const double left = std::min(200.0, 14 + 7.0 * static_cast<double>(label_chars));
  const double pw = kWidth - left - kRight, ph = kHeight - kTop - kBottom;

  std::string o;
  o += "<svg class=\"chart-svg\" role=\"img\" viewBox=\"0 0 " + num(kWidth) + " " + num(kHeight) +
       "\" aria-labelledby=\"" + id + "-title " + id + "-desc\" xmlns=\"http://www.w3.org/2000/svg\">";
  o += "<title id=\"" + id + "-title\">" + text(c.title.empty() ? chart_kind_label(c.kind, lang) : c.title) +
       "</title>";
  o += "<desc id=\"" + id + "-desc\"" + desc_lang + ">" + text(c.alt) + "</desc>";
  o += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>";

  auto value_pos = [&](double v) {
    const double f = (v - vmin) / (vmax - vmin);
    return bars ? left + f * pw : kTop + ph - f * ph;
  };
  // Grid lines and value labels.
  o += "<g class=\"grid\">";
  for (int i = 0; i < ticks.count; ++i) {
    const double v = ticks.at(i);
    const double p = value_pos(v);
    const std::string lab = text(format_number(v, ticks.decimals, lang));
    const bool zero = std::fabs(v) < ticks.step * 1e-6;
    const std::string stroke = zero ? "#6b7075" : "#d5d8dc";
    if (bars) {
      o += "<line x1=\"" + num(p) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(p) + "\" y2=\"" +
           num(kTop + ph) + "\" stroke=\"" + stroke + "\"/>";
      o += "<text x=\"" + num(p) + "\" y=\"" + num(kTop + ph + 18) + "\" text-anchor=\"middle\">" + lab +
           "</text>";
    } else {
      o += "<line x1=\"" + num(left) + "\" y1=\"" + num(p) + "\" x2=\"" + num(left + pw) + "\" y2=\"" +
           num(p) + "\" stroke=\"" + stroke + "\"/>";
      o +=
          "<text x=\"" + num(left - 8) + "\" y=\"" + num(p + 4) + "\" text-anchor=\"end\">" + lab + "</text>";
    }
  }
  o += "</g>";

  // Category labels: every k-th when they would crowd.
  const double band = (bars ? ph : pw) / static_cast<double>(std::max<std::size_t>(ncat, 1));
  std::size_t longest = 1;
  for (const auto& cat : c.categories)
    longest = std::max(longest, std::min<std::size_t>(utf8_length(cat), 14));
  const std::size_t every =
      bars ? std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(16 / band)))
           : std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(7.0 * longest / band)));
  o += "<g class=\"categories\">";
  for (std::size_t k = 0; k < ncat; k += every) {
    const double mid = (bars ? kTop : left) + band * (static_cast<double>(k) + 0.5);
    if (bars)
      o += "<text x=\"" + num(left - 8) + "\" y=\"" + num(mid + 4) + "\" text-anchor=\"end\">" +
           text(utf8_shorten(c.categories[k], 24)) + "</text>";
    else
      o += "<text x=\"" + num(mid) + "\" y=\"" + num(kTop + ph + 18) + "\" text-anchor=\"middle\">" +
           text(utf8_shorten(c.categories[k], 14)) + "</text>";
  }
  o += "</g>";

  const std::size_t ns = c.series.size();
  for (std::size_t si = 0; si < ns; ++si) {
    const Series& s = c.series[si];
    const palette::SeriesStyle style = series_style(goal, si, accent);
    const std::string colour = css(style.color);
    o += "<g class=\"series\">";
    if (c.kind == Chart::Kind::Line) {
      std::string d;
      bool pen = false;
      for (std::size_t k = 0; k < ncat && k < s.values.size(); ++k) {
        if (!s.values[k] || !std::isfinite(*s.values[k])) {
          pen = false;  // a gap, not a line through a missing value
          continue;
        }
        d += (pen ? "L" : "M") + num(left + band * (static_cast<double>(k) + 0.5)) + " " +
             num(value_pos(*s.values[k]));
        pen = true;
      }
      if (!d.empty()) {
        o += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + num(kStroke) +
             "\"" + dash_attr(style.dash) + "/>";
      }
      for (std::size_t k = 0; k < ncat && k < s.values.size(); ++k)
        if (s.values[k] && std::isfinite(*s.values[k]))
          o += marker(style.marker, left + band * (static_cast<double>(k) + 0.5), value_pos(*s.values[k]),
                      colour);
    } else {
      const double inner = band * 0.8, bw = inner / static_cast<double>(std::max<std::size_t>(ns, 1));
      const double base = value_pos(std::clamp(0.0, vmin, vmax));
      for (std::size_t k = 0; k < ncat && k < s.values.size(); ++k) {
        if (!s.values[k] || !std::isfinite(*s.values[k])) continue;
        const double p = value_pos(*s.values[k]);
        const double off =
            (bars ? kTop : left) + band * static_cast<double>(k) + band * 0.1 + bw * static_cast<double>(si);
        if (bars)
          o += "<rect x=\"" + num(std::min(p, base)) + "\" y=\"" + num(off) + "\" width=\"" +
               num(std::fabs(p - base)) + "\" height=\"" + num(std::max(bw - 1, 1.0)) + "\" fill=\"" +
               colour + "\"/>";
        else
          o += "<rect x=\"" + num(off) + "\" y=\"" + num(std::min(p, base)) + "\" width=\"" +
               num(std::max(bw - 1, 1.0)) + "\" height=\"" + num(std::fabs(p - base)) + "\" fill=\"" +
               colour + "\"/>";
        // the interval as a whisker across the bar's end: a line with caps, in ink
        if (k < s.lower.size() && k < s.upper.size() && s.lower[k] && s.upper[k] && std::isfinite(*s.lower[k]) &&
            std::isfinite(*s.upper[k])) {
          const double a = value_pos(std::clamp(*s.lower[k], vmin, vmax));
          const double b = value_pos(std::clamp(*s.upper[k], vmin, vmax));
          const double mid = off + std::max(bw - 1, 1.0) / 2, cap = std::min(4.0, std::max(bw - 1, 1.0) * 0.3);
          std::string d;
          if (bars)
            d = "M" + num(a) + " " + num(mid) + "H" + num(b) + "M" + num(a) + " " + num(mid - cap) + "V" +
                num(mid + cap) + "M" + num(b) + " " + num(mid - cap) + "V" + num(mid + cap);
          else
            d = "M" + num(mid) + " " + num(a) + "V" + num(b) + "M" + num(mid - cap) + " " + num(a) + "H" +
                num(mid + cap) + "M" + num(mid - cap) + " " + num(b) + "H" + num(mid + cap);
          // a white halo keeps the whisker visible over a dark bar
          o += "<path d=\"" + d + "\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"3\"/>";
          o += "<path class=\"interval\" d=\"" + d + "\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.2\"/>";
        }
      }
    }
    o += "</g>";
  }
  o += "</svg>";

  return o;
}

std::string legend_key(Chart::Kind kind, const palette::SeriesStyle& style) {
  const std::string colour = css(style.color);
  if (kind == Chart::Kind::Line)
    return "<path d=\"M1 6H27\" stroke=\"" + colour + "\" stroke-width=\"" + num(kStroke) + "\"" +
           dash_attr(style.dash) + "/>" + marker(style.marker, 14, 6, colour);
  return "<rect x=\"6\" y=\"1\" width=\"16\" height=\"10\" fill=\"" + colour + "\"/>";
}

}  // namespace sdg::charts
