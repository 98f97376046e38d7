#include "chart.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!(hi > lo)) {
    const double d = lo == 0 ? 1 : std::abs(lo) * 0.5;
    lo -= d;
    hi += d;
  }
  const double raw = (hi - lo) / std::max(1, target);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = f * mag;
    if (step >= raw) break;
  }
  std::vector<double> out;
  const double first = std::floor(lo / step + 1e-9) * step;
  const double last = std::ceil(hi / step - 1e-9) * step;
  for (double v = first; v <= last + step * 1e-6; v += step) out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

Color series_color(std::size_t i, int goal) {
  const std::vector<Color> pal = series_palette(goal_color(goal));
  if (i < pal.size()) return pal[i];
  const std::size_t n = pal.size() - 1;  // the palette after the goal colour
  if (n == 0) return pal[0];
  const std::size_t k = i - 1;
  const Color c = pal[1 + k % n];
  return (k / n) % 2 == 1 ? c.tint(0.4) : c;
}

namespace {

constexpr double kLegendSwatch = 13;  // 9 pt square and 4 pt to the name
constexpr double kLegendGap = 16;     // between entries on a line
constexpr double kLegendLine = 12;    // line pitch
TextStyle legend_style() { return {Face::UiRegular, 8, colors::ink}; }

bool has_legend(const Chart& chart) {
  const std::size_t ns = chart.series.size();
  return ns > 1 || (ns == 1 && !chart.series[0].name.empty());
}

std::vector<std::vector<LegendEntry>> legend_lines(Fonts& f, const Chart& chart, double w) {
  if (!has_legend(chart)) return {};
  std::vector<std::string> names;
  for (const Series& s : chart.series) names.push_back(s.name.empty() ? "\u2014" : s.name);
  return break_legend(names, w, legend_style(), f.measure(), kLegendSwatch, kLegendGap);
}

double legend_height_for(std::size_t lines) {
  return lines == 0 ? 0 : kLegendOneLine + kLegendLine * static_cast<double>(lines - 1);
}

}  // namespace

double legend_height(Fonts& fonts, const Chart& chart, double w) {
  return legend_height_for(legend_lines(fonts, chart, w).size());
}

namespace {

int decimals_for(const std::vector<double>& ticks) {
  if (ticks.size() < 2) return 0;
  const double step = ticks[1] - ticks[0];
  int d = 0;
  while (d < 4 && std::abs(step * std::pow(10.0, d) - std::round(step * std::pow(10.0, d))) > 1e-6) ++d;
  return d;
}

}  // namespace

bool draw_chart(Canvas& c, const Chart& chart, double x, double top, double w, double h, int goal,
                std::string_view lang) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : chart.series)
    for (const auto& v : s.values)
      if (v && std::isfinite(*v)) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  if (!std::isfinite(lo) || chart.categories.empty()) return false;
  const bool bars = chart.kind != Chart::Kind::Line;
  if (bars || (lo > 0 && lo < hi * 0.5)) lo = std::min(lo, 0.0);
  if (bars) hi = std::max(hi, 0.0);
  const auto ticks = nice_ticks(lo, hi, 5);
  const double vmin = ticks.front(), vmax = ticks.back();
  const int dec = decimals_for(ticks);

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
  std::vector<Color> colors_of(ns);
  for (std::size_t i = 0; i < ns; ++i) colors_of[i] = series_color(i, goal);
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
  for (std::size_t j = 0; j < lines.size(); ++j) {
    const double ly = top - h + 4 + kLegendLine * static_cast<double>(lines.size() - 1 - j);
    for (const LegendEntry& e : lines[j]) {
      c.fill_rect(x + e.x, ly, 9, 9, colors_of[e.index]);
      if (!e.text.empty()) c.text(x + e.x + kLegendSwatch, ly + 1.5, leg, e.text);
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
        c.fill_rect(std::min(a, b), y0, std::abs(b - a), bh * 0.92, colors_of[i]);
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

  // Category labels, thinned so they never overlap.
  const double slot = pw / nc;
  double widest = 0;
  for (const auto& s : chart.categories) widest = std::max(widest, f.width(cat, s));
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil((widest + 6) / slot)));
  for (std::size_t k = 0; k < nc; k += every) {
    const double cx = px + slot * (k + 0.5);
    const double lw = f.width(cat, chart.categories[k]);
    c.text(cx - lw / 2, pb - 11, cat, chart.categories[k]);
  }

  if (chart.kind == Chart::Kind::Column) {
    const double gw = slot * 0.74, bw = gw / std::max<std::size_t>(1, ns);
    for (std::size_t k = 0; k < nc; ++k)
      for (std::size_t i = 0; i < ns; ++i) {
        const auto& vals = chart.series[i].values;
        if (k >= vals.size() || !vals[k]) continue;
        const double bx = px + slot * k + (slot - gw) / 2 + i * bw;
        const double a = Y(std::max(vmin, 0.0)), b = Y(*vals[k]);
        c.fill_rect(bx + bw * 0.04, std::min(a, b), bw * 0.92, std::abs(b - a), colors_of[i]);
      }
    return true;
  }

  // Line chart: one polyline per series (gaps at missing values) with point markers.
  p.SetLineCapStyle(PoDoFo::ePdfLineCapStyle_Round);
  p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Round);
  for (std::size_t i = 0; i < ns; ++i) {
    const Color col = colors_of[i];
    const auto& vals = chart.series[i].values;
    p.SetStrokingColor(col.r, col.g, col.b);
    p.SetStrokeWidth(1.8);
    bool open = false;
    for (std::size_t k = 0; k < nc && k < vals.size(); ++k) {
      if (!vals[k]) {
        if (open) p.Stroke();
        open = false;
        continue;
      }
      const double cx = px + slot * (k + 0.5), cy = Y(*vals[k]);
      if (!open)
        p.MoveTo(cx, cy);
      else
        p.LineTo(cx, cy);
      open = true;
    }
    if (open) p.Stroke();
    if (nc <= 40) {
      p.SetColor(col.r, col.g, col.b);
      for (std::size_t k = 0; k < nc && k < vals.size(); ++k) {
        if (!vals[k]) continue;
        p.Circle(px + slot * (k + 0.5), Y(*vals[k]), 2.2);
        p.Fill();
      }
    }
  }
  p.SetLineCapStyle(PoDoFo::ePdfLineCapStyle_Butt);
  p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Miter);
  return true;
}

}  // namespace sdg::pdf
