#include "chart.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "sdgreport/i18n.hpp"
#include "axis.hpp"
#include "time_axis.hpp"

namespace sdg::pdf {

palette::SeriesStyle series_style(std::size_t i, int goal, const Color& accent) {
  return palette::chart_series(goal, i, accent);
}

namespace {

constexpr double kLegendSwatch = 13;      // 9 pt square and 4 pt to the name
constexpr double kLegendLineSwatch = 26;  // 22 pt line sample with its marker, 4 pt to the name
constexpr double kLegendGap = 16;     // between entries on a line
constexpr double kLegendLine = 12;    // line pitch
TextStyle legend_style() { return {Face::UiRegular, 8, colors::ink}; }

double swatch_width(const Chart& chart) {
  return chart.kind == Chart::Kind::Line ? kLegendLineSwatch : kLegendSwatch;
}

std::vector<std::vector<LegendEntry>> legend_lines(Fonts& f, const Chart& chart, double w) {
  if (!has_legend(chart)) return {};
  std::vector<std::string> names;
  for (const Series& s : chart.series) names.push_back(s.name.empty() ? "\u2014" : s.name);
  return break_legend(names, w, legend_style(), f.measure(), swatch_width(chart), kLegendGap);
}

double legend_height_for(std::size_t lines) {
  return lines == 0 ? 0 : kLegendOneLine + kLegendLine * static_cast<double>(lines - 1);
}

}  // namespace

bool has_legend(const Chart& chart) { return chart.series.size() > 1; }

double legend_height(Fonts& fonts, const Chart& chart, double w) {
  return legend_height_for(legend_lines(fonts, chart, w).size());
}

namespace {

/// A marker of `size` (its half-width) centred at (x, y), filled in the current colour.
void marker(PoDoFo::PdfPainter& p, palette::Marker m, double x, double y, double size) {
  using palette::Marker;
  const double r = size;
  switch (m) {
    case Marker::Circle:
      p.Circle(x, y, r);
      break;
    case Marker::Square:
      p.Rectangle(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case Marker::Triangle:
      p.MoveTo(x, y + r * 1.15);
      p.LineTo(x + r * 1.05, y - r * 0.75);
      p.LineTo(x - r * 1.05, y - r * 0.75);
      p.ClosePath();
      break;
    case Marker::TriangleDown:
      p.MoveTo(x, y - r * 1.15);
      p.LineTo(x + r * 1.05, y + r * 0.75);
      p.LineTo(x - r * 1.05, y + r * 0.75);
      p.ClosePath();
      break;
    case Marker::Diamond:
      p.MoveTo(x, y + r * 1.25);
      p.LineTo(x + r * 1.05, y);
      p.LineTo(x, y - r * 1.25);
      p.LineTo(x - r * 1.05, y);
      p.ClosePath();
      break;
    case Marker::Cross: {
      const double a = r * 0.42, b = r * 1.15;
      p.MoveTo(x - a, y + b);
      p.LineTo(x + a, y + b);
      p.LineTo(x + a, y + a);
      p.LineTo(x + b, y + a);
      p.LineTo(x + b, y - a);
      p.LineTo(x + a, y - a);
      p.LineTo(x + a, y - b);
      p.LineTo(x - a, y - b);
      p.LineTo(x - a, y - a);
      p.LineTo(x - b, y - a);
      p.LineTo(x - b, y + a);
      p.LineTo(x - a, y + a);
      p.ClosePath();
      break;
    }
  }
  p.Fill();
}

/// Sets the stroke's dash pattern for a series drawn `width` wide.
void dash(PoDoFo::PdfPainter& p, palette::Dash d, double width) {
  const auto pattern = palette::dash_pattern(d);
  if (pattern.empty()) {
    p.SetStrokeStyle(PoDoFo::ePdfStrokeStyle_Solid);
    return;
  }
  std::string s = "[";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (i) s += ' ';
    s += format_number(pattern[i] * width, 2, Language::En);
  }
  s += "] 0";
  p.SetStrokeStyle(PoDoFo::ePdfStrokeStyle_Custom, s.c_str());
}

/// The interval of value k of a series, when it has one.
std::optional<std::pair<double, double>> interval_at(const Series& s, std::size_t k) {
  if (k >= s.lower.size() || k >= s.upper.size() || !s.lower[k] || !s.upper[k]) return std::nullopt;
  if (!std::isfinite(*s.lower[k]) || !std::isfinite(*s.upper[k])) return std::nullopt;
  return std::make_pair(*s.lower[k], *s.upper[k]);
}

/// An error bar from a to b (page units) across position `mid`, with caps
/// `cap` long; horizontal for bar charts. Ink over a white halo.
void whisker(Canvas& c, bool horizontal, double a, double b, double mid, double cap) {
  for (int pass = 0; pass < 2; ++pass) {
    const double wdt = pass == 0 ? 2.6 : 0.9;
    const Color col = pass == 0 ? colors::white : colors::ink;
    if (horizontal) {
      c.stroke_line(a, mid, b, mid, wdt, col);
      c.stroke_line(a, mid - cap, a, mid + cap, wdt, col);
      c.stroke_line(b, mid - cap, b, mid + cap, wdt, col);
    } else {
      c.stroke_line(mid, a, mid, b, wdt, col);
      c.stroke_line(mid - cap, a, mid + cap, a, wdt, col);
      c.stroke_line(mid - cap, b, mid + cap, b, wdt, col);
    }
  }
}

}  // namespace

bool draw_chart(Canvas& c, const Chart& chart, double x, double top, double w, double h, int goal,
                Language lang, const Color& accent) {
  // The same axis as the HTML's (formats/common/axis.hpp).
  const std::optional<axis::Ticks> axis = axis::value_axis(chart);
  if (!axis || chart.categories.empty()) return false;
  const std::vector<double> ticks = axis->values();
  const double vmin = ticks.front(), vmax = ticks.back();
  const int dec = axis->decimals;

  Fonts& f = c.fonts();
  PoDoFo::PdfPainter& p = c.painter();
  const TextStyle tick{Face::UiRegular, 7.5, colors::muted};
  const TextStyle cat{Face::UiRegular, 7.5, colors::ink};
  const TextStyle leg = legend_style();

  // Legend along the bottom, wrapped onto as many lines as it needs; its height is
  // taken from the box before the plot area is laid out. Only if the box is too
  // small for all of it (the caller sizes the box with legend_height()) are the
  // last lines left out, so that the plot keeps at least a third of the box.
  const std::size_t ns = chart.series.size();
  std::vector<palette::SeriesStyle> style(ns);
  for (std::size_t i = 0; i < ns; ++i) style[i] = series_style(i, goal, accent);
  auto lines = legend_lines(f, chart, w);
  std::string unit;
  for (const Series& s : chart.series)
    if (!s.unit.empty()) {
      unit = s.unit;
      break;
    }
  const double unit_h = unit.empty() ? 6 : 18;
  while (lines.size() > 1 && legend_height_for(lines.size()) > h - 16 - unit_h - h / 3) lines.pop_back();
  const double legend_h = legend_height_for(lines.size());
  const bool line_chart = chart.kind == Chart::Kind::Line;
  for (std::size_t j = 0; j < lines.size(); ++j) {
    const double ly = top - h + 4 + kLegendLine * static_cast<double>(lines.size() - 1 - j);
    for (const LegendEntry& e : lines[j]) {
      const palette::SeriesStyle& st = style[e.index];
      c.mark_content();
      if (line_chart) {
        // A sample of the line: its dash pattern and its marker.
        p.SetStrokingColor(st.color.r, st.color.g, st.color.b);
        p.SetStrokeWidth(1.6);
        dash(p, st.dash, 1.6);
        p.DrawLine(x + e.x, ly + 4.5, x + e.x + 22, ly + 4.5);
        p.SetStrokeStyle(PoDoFo::ePdfStrokeStyle_Solid);
        p.SetColor(st.color.r, st.color.g, st.color.b);
        marker(p, st.marker, x + e.x + 11, ly + 4.5, 2.8);
      } else {
        c.fill_rect(x + e.x, ly, 9, 9, st.color);
        p.SetColor(1, 1, 1);
        marker(p, st.marker, x + e.x + 4.5, ly + 4.5, 2.3);
      }
      if (!e.text.empty()) c.text(x + e.x + swatch_width(chart), ly + 1.5, leg, e.text);
    }
  }

  std::vector<std::string> tick_labels;
  double tick_w = 0;
  for (double t : ticks) {
    tick_labels.push_back(format_number(t, dec, lang));
    tick_w = std::max(tick_w, f.width(tick, tick_labels.back()));
  }
  const std::size_t nc = chart.categories.size();

  if (chart.kind == Chart::Kind::Bar) {
    // Horizontal bars: categories down the left, values along the bottom.
    double cat_w = 0;
    for (const auto& s : chart.categories) cat_w = std::max(cat_w, f.width(cat, s));
    cat_w = std::min(cat_w, w * 0.35);
    const double px = x + cat_w + 8, pw = w - cat_w - 8 - 8;
    const double pb = top - h + legend_h + 14, ph = h - legend_h - 14 - unit_h;
    auto X = [&](double v) { return px + (v - vmin) / (vmax - vmin) * pw; };
    for (std::size_t k = 0; k < ticks.size(); ++k) {
      const double gx = X(ticks[k]);
      c.stroke_line(gx, pb, gx, pb + ph, 0.35, ticks[k] == 0 ? colors::muted : colors::rule);
      const double tw = f.width(tick, tick_labels[k]);
      c.text(gx - tw / 2, pb - 10, tick, tick_labels[k]);
    }
    if (!unit.empty()) c.text(px + pw - f.width(tick, unit), top - 9, tick, unit);
    const double band = ph / nc;
    const double bh = band * 0.72 / std::max<std::size_t>(1, ns);
    for (std::size_t k = 0; k < nc; ++k) {
      const double by = pb + ph - (k + 1) * band;
      std::string label = chart.categories[k];
      const double lw = f.width(cat, label);
      c.text(px - 6 - std::min(lw, cat_w), by + band / 2 - 2.5, cat, label);
      for (std::size_t i = 0; i < ns; ++i) {
        const auto& vals = chart.series[i].values;
        if (k >= vals.size() || !vals[k]) continue;
        const double y0 = by + band * 0.14 + (ns - 1 - i) * bh;
        const double a = X(std::max(vmin, 0.0)), b = X(*vals[k]);
        c.fill_rect(std::min(a, b), y0, std::abs(b - a), bh * 0.92, style[i].color);
        if (auto iv = interval_at(chart.series[i], k))
          whisker(c, true, X(std::clamp(iv->first, vmin, vmax)), X(std::clamp(iv->second, vmin, vmax)), y0 + bh * 0.46,
                  std::min(3.0, bh * 0.3));
        // The series' marker in white at the bar's end: colour is not the only cue.
        const double r = std::min(2.6, bh * 0.3);
        if (ns > 1 && std::abs(b - a) > 4 * r + 2 && r >= 1.5) {
          c.mark_content();
          p.SetColor(1, 1, 1);
          marker(p, style[i].marker, b + (b >= a ? -1 : 1) * (r + 2.5), y0 + bh * 0.46, r);
        }
      }
    }
    return true;
  }

  const double px = x + tick_w + 6, pw = w - tick_w - 6 - 4;
  const double pb = top - h + legend_h + 16, ph = h - legend_h - 16 - unit_h;
  auto Y = [&](double v) { return pb + (v - vmin) / (vmax - vmin) * ph; };
  for (std::size_t k = 0; k < ticks.size(); ++k) {
    const double gy = Y(ticks[k]);
    c.stroke_line(px, gy, px + pw, gy, ticks[k] == 0 ? 0.7 : 0.35,
                  ticks[k] == 0 ? colors::muted : colors::rule);
    c.text(px - 5 - f.width(tick, tick_labels[k]), gy - 2.6, tick, tick_labels[k]);
  }
  if (!unit.empty()) c.text(x, top - 9, tick, unit);

  // Where each category sits: evenly, or in proportion to time when the categories
  // are years with uneven gaps (2015, 2017, 2019, 2021, 2024).
  const auto times = time_axis::positions(chart.categories);
  std::vector<double> u(nc);
  for (std::size_t k = 0; k < nc; ++k) u[k] = times ? (*times)[k] : static_cast<double>(k);
  const double span = u.empty() ? 0 : u.back();
  const double slot = pw / (span + 1);
  auto X = [&](std::size_t k) { return px + slot * (u[k] + 0.5); };

  // Category labels, thinned so they never overlap (the last one kept when it can be).
  {
    double right_edge = -std::numeric_limits<double>::infinity();
    std::vector<std::size_t> shown;
    for (std::size_t k = 0; k < nc; ++k) {
      const double lw = f.width(cat, chart.categories[k]);
      const double l = X(k) - lw / 2;
      if (l < right_edge + 6) continue;
      shown.push_back(k);
      right_edge = l + lw;
    }
    if (nc > 1 && !shown.empty() && shown.back() != nc - 1) {
      const double lw = f.width(cat, chart.categories[nc - 1]);
      const std::size_t prev = shown.size() > 1 ? shown[shown.size() - 2] : nc;
      const double prev_right =
          prev == nc ? -std::numeric_limits<double>::infinity()
                     : X(prev) + f.width(cat, chart.categories[prev]) / 2;
      if (X(nc - 1) - lw / 2 >= prev_right + 6) shown.back() = nc - 1;
    }
    for (std::size_t k : shown) {
      const double lw = f.width(cat, chart.categories[k]);
      c.text(X(k) - lw / 2, pb - 11, cat, chart.categories[k]);
    }
  }

  if (chart.kind == Chart::Kind::Column) {
    const double gw = slot * 0.74, bw = gw / std::max<std::size_t>(1, ns);
    for (std::size_t k = 0; k < nc; ++k)
      for (std::size_t i = 0; i < ns; ++i) {
        const auto& vals = chart.series[i].values;
        if (k >= vals.size() || !vals[k]) continue;
        const double bx = X(k) - gw / 2 + i * bw;
        const double a = Y(std::max(vmin, 0.0)), b = Y(*vals[k]);
        c.fill_rect(bx + bw * 0.04, std::min(a, b), bw * 0.92, std::abs(b - a), style[i].color);
        if (auto iv = interval_at(chart.series[i], k))
          whisker(c, false, Y(std::clamp(iv->first, vmin, vmax)), Y(std::clamp(iv->second, vmin, vmax)), bx + bw * 0.5,
                  std::min(3.0, bw * 0.3));
        // The series' marker in white at the top of the bar: colour is not the only cue.
        const double r = std::min(2.6, bw * 0.3);
        if (ns > 1 && std::abs(b - a) > 4 * r + 2 && r >= 1.5) {
          c.mark_content();
          p.SetColor(1, 1, 1);
          marker(p, style[i].marker, bx + bw * 0.5, b + (b >= a ? -1 : 1) * (r + 2.5), r);
        }
      }
    return true;
  }

  // Line chart: one polyline per series (gaps at missing values) with its dash
  // pattern and point markers of its shape.
  c.mark_content();
  p.SetLineCapStyle(PoDoFo::ePdfLineCapStyle_Round);
  p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Round);
  for (std::size_t i = 0; i < ns; ++i) {
    const Color col = style[i].color;
    const auto& vals = chart.series[i].values;
    p.SetStrokingColor(col.r, col.g, col.b);
    p.SetStrokeWidth(1.8);
    dash(p, style[i].dash, 1.8);
    bool open = false;
    for (std::size_t k = 0; k < nc && k < vals.size(); ++k) {
      if (!vals[k]) {
        if (open) p.Stroke();
        open = false;
        continue;
      }
      const double cx = X(k), cy = Y(*vals[k]);
      if (!open)
        p.MoveTo(cx, cy);
      else
        p.LineTo(cx, cy);
      open = true;
    }
    if (open) p.Stroke();
    p.SetStrokeStyle(PoDoFo::ePdfStrokeStyle_Solid);
    if (nc <= 40) {
      p.SetColor(col.r, col.g, col.b);
      for (std::size_t k = 0; k < nc && k < vals.size(); ++k) {
        if (!vals[k]) continue;
        marker(p, style[i].marker, X(k), Y(*vals[k]), 2.6);
      }
    }
  }
  p.SetLineCapStyle(PoDoFo::ePdfLineCapStyle_Butt);
  p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Miter);
  return true;
}

}  // namespace sdg::pdf
