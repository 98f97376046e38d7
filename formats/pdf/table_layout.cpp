#include "table_layout.hpp"

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"

namespace sdg::pdf {

using namespace layout;

ColumnNeed measure_column(const std::vector<Span>& head, const std::vector<const std::vector<Span>*>& cells,
                          bool numeric, const Measure& measure) {
  ColumnNeed c;
  c.numeric = numeric;
  auto take = [&](const std::vector<Span>& sp) {
    const TextExtent e = measure_extent(sp, measure);
    c.natural = std::max(c.natural, e.single_line + 2 * kCellPadX);
    c.minimum = std::max(c.minimum, e.longest_word + 2 * kCellPadX);
  };
  static const std::vector<Span> none;
  take(head);
  for (const auto* cell : cells) take(cell != nullptr ? *cell : none);
  c.natural = std::max(c.natural, kMinColumnWidth);
  // Number columns must not wrap; headers may.
  if (numeric) {
    double widest = 0;
    for (const auto* cell : cells)
      widest = std::max(widest, measure_extent(cell != nullptr ? *cell : none, measure).single_line);
    c.minimum = std::max(c.minimum, widest + 2 * kCellPadX);
  }
  c.minimum = std::min(c.minimum, c.natural);
  return c;
}

double fitting_cell_size(const std::vector<ColumnNeed>& columns, double avail) {
  double min_total = 0;
  for (const ColumnNeed& c : columns) min_total += c.minimum;
  if (min_total <= avail) return kCellSize;
  const double pads = 2 * kCellPadX * static_cast<double>(columns.size());
  return std::max(kMinCellSize, std::floor(kCellSize * (avail - pads) / (min_total - pads) * 4) / 4);
}

std::vector<double> fit_columns(const std::vector<ColumnNeed>& columns, double avail, double cell_size) {
  const std::size_t n = columns.size();
  std::vector<double> widths(n);
  double total = 0, min_total = 0, num_min = 0, text_min = 0;
  std::size_t text_cols = 0;
  for (const ColumnNeed& c : columns) {
    total += c.natural;
    min_total += c.minimum;
    (c.numeric ? num_min : text_min) += c.minimum;
    text_cols += c.numeric ? 0 : 1;
  }
  for (std::size_t j = 0; j < n; ++j) widths[j] = columns[j].natural;
  if (total <= avail) {
    // Spread the rest over text columns (over all when there are none).
    const double extra = avail - total;
    double base = 0;
    for (const ColumnNeed& c : columns)
      if (!c.numeric || text_cols == 0) base += c.natural;
    for (std::size_t j = 0; j < n; ++j)
      if (!columns[j].numeric || text_cols == 0) widths[j] += extra * columns[j].natural / base;
  } else if (min_total >= avail && text_min > 0 && num_min + text_cols * 3 * cell_size < avail) {
    // Numbers stay whole; text columns give way (their words break between characters).
    for (std::size_t j = 0; j < n; ++j)
      widths[j] = columns[j].numeric ? columns[j].minimum : columns[j].minimum * (avail - num_min) / text_min;
  } else if (min_total >= avail) {
    for (std::size_t j = 0; j < n; ++j) widths[j] = columns[j].minimum * avail / min_total;
  } else {
    // Shrink: every column keeps its minimum, the rest is shared by how much each wants.
    const double want = total - min_total;
    for (std::size_t j = 0; j < n; ++j)
      widths[j] = columns[j].minimum + (columns[j].natural - columns[j].minimum) * (avail - min_total) / want;
  }
  return widths;
}

}  // namespace sdg::pdf
