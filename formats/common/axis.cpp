#include "axis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sdgreport/numbers.hpp"

namespace sdg::axis {

double Ticks::at(int i) const {
  // `first` is a whole number of steps; rebuild each tick from its index so that
  // 0.1-steps do not drift (0.30000000000000004) and zero is exactly zero.
  const double k = std::round(first / step) + i;
  return k == 0 ? 0.0 : k * step;
}

std::vector<double> Ticks::values() const {
  std::vector<double> out;
  for (int i = 0; i < count; ++i) out.push_back(at(i));
  return out;
}

Ticks nice_ticks(double lo, double hi, int intervals) {
  if (!(hi > lo)) {
    const double d = lo == 0 ? 1 : std::abs(lo) * 0.5;
    lo -= d;
    hi += d;
  }
  const double raw = (hi - lo) / std::max(1, intervals);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = f * mag;
    if (step >= raw * (1 - 1e-12)) break;
  }
  Ticks t;
  t.step = step;
  const double i0 = std::floor(lo / step + 1e-9), i1 = std::ceil(hi / step - 1e-9);
  t.first = i0 * step;
  t.count = static_cast<int>(i1 - i0) + 1;
  while (t.decimals < 10) {
    const double scaled = step * std::pow(10.0, t.decimals);
    if (std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, scaled)) break;
    ++t.decimals;
  }
  return t;
}

std::optional<Ticks> value_axis(const Chart& c) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : c.series)
    for (const auto& v : s.values)
      if (v && std::isfinite(*v)) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
  if (!std::isfinite(lo)) return std::nullopt;
  // Interval bounds (error bars) stay inside the axis too.
  for (const Series& s : c.series)
    for (const auto* bounds : {&s.lower, &s.upper})
      for (const auto& v : *bounds)
        if (v && std::isfinite(*v)) {
          lo = std::min(lo, *v);
          hi = std::max(hi, *v);
        }
  if (c.kind != Chart::Kind::Line) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  } else if (lo > 0 && lo <= hi * 0.5) {
    lo = 0;
  } else if (hi < 0 && hi >= lo * 0.5) {
    hi = 0;
  }
  return nice_ticks(lo, hi, 5);
}

int chart_decimals(const Chart& c) {
  int d = 0;
  for (const Series& s : c.series) d = std::max(d, decimals_needed(s.values));
  return d;
}

}  // namespace sdg::axis
