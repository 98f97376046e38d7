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
  static const std::uint32_t palette[] = {0x00689D, 0xF99D26, 0x4C9F38, 0xA21942,
                                          0x26BDE2, 0x19486A, 0xDD1367, 0x8F1838};
  constexpr std::size_t n = sizeof palette / sizeof palette[0];
  if (goal >= 1 && goal <= 17) {
    if (i == 0) return goal_color(goal);
    return Color::hex(palette[(i - 1) % n]);
  }
  return Color::hex(palette[i % n]);
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
  const TextStyle leg{Face::UiRegular, 8, colors::ink};

  // Legend along the bottom.
  const std::size_t ns = chart.series.size();
  const bool legend = ns > 1 || (ns == 1 && !chart.series[0].name.empty());
  const double legend_h = legend ? 18 : 0;
  if (legend) {
    double lx = x;
    const double ly = top - h + 4;
    for (std::size_t i = 0; i < ns; ++i) {
      const std::string name = chart.series[i].name.empty() ? "—" : chart.series[i].name;
      const double nw = f.width(leg, name);
      if (lx + 14 + nw > x + w && lx > x) break;
      c.fill_rect(lx, ly, 9, 9, series_color(i, goal));
      c.text(lx + 13, ly + 1.5, leg, name);
      lx += 13 + nw + 16;
    }
  }

  std::vector<std::string> tick_labels;
  double tick_w = 0;
  for (double t : ticks) {
    tick_labels.push_back(format_number(t, dec, lang));
    tick_w = std::max(tick_w, f.width(tick, tick_labels.back()));
  }
  std::string unit;
  for (const Series& s : chart.series)
    if (!s.unit.empty()) {
      unit = s.unit;
      break;
    }

  const double unit_h = unit.empty() ? 6 : 18;
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
        c.fill_rect(std::min(a, b), y0, std::abs(b - a), bh * 0.92, series_color(i, goal));
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
        c.fill_rect(bx + bw * 0.04, std::min(a, b), bw * 0.92, std::abs(b - a), series_color(i, goal));
      }
    return true;
  }

  // Line chart: one polyline per series (gaps at missing values) with point markers.
  p.SetLineCapStyle(PoDoFo::ePdfLineCapStyle_Round);
  p.SetLineJoinStyle(PoDoFo::ePdfLineJoinStyle_Round);
  for (std::size_t i = 0; i < ns; ++i) {
    const Color col = series_color(i, goal);
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
