// PDF writer (private): table column widths from content.
//
// Independent of PoDoFo (text is measured through a Measure callback), so the
// solver is unit-tested with a fake measure (tests/pdf/test_table_layout.cpp).
//
//   std::vector<ColumnNeed> need;   // one per column: measure_column(head, cells, numeric, m)
//   double size = fitting_cell_size(need, avail);   // smaller type when too wide
//   std::vector<double> widths = fit_columns(need, avail, size);
#pragma once

#include <vector>

#include "layout.hpp"

namespace sdg::pdf {

/// What one column needs, padding included: its width with every cell on one
/// line (`natural`), and the narrowest width that breaks no word (`minimum`;
/// for a number column, no cell at all).
struct ColumnNeed {
  double natural = 0;
  double minimum = 0;
  bool numeric = false;
};

/// Measures a column from its header and cells (cells may be null: missing).
ColumnNeed measure_column(const std::vector<Span>& head, const std::vector<const std::vector<Span>*>& cells,
                          bool numeric, const Measure& measure);

/// The cell type size at which the columns' minimum widths fit `avail` (text
/// widths scale with the size), rounded down to a quarter point, never below
/// layout::kMinCellSize; layout::kCellSize when they fit already.
double fitting_cell_size(const std::vector<ColumnNeed>& columns, double avail);

/// Column widths summing to `avail`: natural widths with the rest spread over
/// text columns when they fit; otherwise each keeps its minimum and the rest is
/// shared by how much more each wants.
std::vector<double> fit_columns(const std::vector<ColumnNeed>& columns, double avail, double cell_size);

}  // namespace sdg::pdf
