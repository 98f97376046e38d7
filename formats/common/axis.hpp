// sdgreport — a chart's value axis and the decimals of its values, shared by the
// format writers so that the same chart gets the same ticks and the same figures in
// the PDF, the HTML and the workbook (part of the toolkit, see docs/architecture.md).
//
//   if (auto t = sdg::axis::value_axis(chart)) {
//     for (int i = 0; i < t->count; ++i) label(format_number(t->at(i), t->decimals, lang));
//   }
//   int d = sdg::axis::chart_decimals(chart);   // 2 for the values {12.5, 3, 4.25}
#pragma once

#include <optional>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::axis {

/// Ticks first, first + step, …, first + step × (count − 1), and the decimals their
/// labels need.
struct Ticks {
  double first = 0, step = 1;
  int count = 0;
  int decimals = 0;
  /// Tick i (0 ≤ i < count), computed as a multiple of the step (no running sum).
  double at(int i) const;
  double last() const { return at(count - 1); }
  std::vector<double> values() const;
};

/// About `intervals` steps of 1, 2, 2.5 or 5 × 10^k covering [lo, hi]: the first
/// tick ≤ lo, the last ≥ hi. An empty range (lo == hi) is widened by half its value
/// each way (by 1 around zero).
Ticks nice_ticks(double lo, double hi, int intervals = 5);

/// The value axis of chart `c`: nice_ticks over its finite values and interval
/// bounds (Series::lower, upper: error bars stay inside the axis), with zero in the
/// range for column and bar charts, and for a line chart whose values all have one
/// sign and come within half the largest magnitude of zero. nullopt when the chart
/// has no finite value.
std::optional<Ticks> value_axis(const Chart& c);

/// The fewest decimals (0–10) that show every value of the chart as it is
/// (sdg::decimals_needed of each).
int chart_decimals(const Chart& c);

}  // namespace sdg::axis
