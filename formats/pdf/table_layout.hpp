// PDF writer (private): table column widths from content, and how a table too
// wide for the page is set: smaller type down to a floor, then column groups.
//
// Independent of PoDoFo (text is measured through a Measure callback), so the
// solver is unit-tested with a fake measure (tests/pdf/test_table_layout.cpp).
//
//   std::vector<ColumnNeed> need;   // one per column, at layout::kCellSize
//   TablePlan plan = plan_table(need, avail);        // type size, column groups
//   // per group, re-measured at plan.cell_size:
//   std::vector<double> widths = fit_columns(group_need, avail);
//
// The rule: a column is never narrower than its widest unbreakable token (a
// number cell as a whole, with its status flag; a word of text or of the
// header), so numbers, years, periods, codes and words are never broken. Text
// wraps at spaces only.
#pragma once

#include <cstddef>
#include <vector>

#include "layout.hpp"

namespace sdg::pdf {

/// What one column needs, padding included: its width with every cell on one
/// line (`natural`), and the narrowest width that breaks no token (`minimum`).
struct ColumnNeed {
  double natural = 0;
  double minimum = 0;
  bool numeric = false;
};

/// Measures a column from its header and cells (null cells count as empty).
/// A number cell is one token (it never wraps); text and the header wrap at spaces.
ColumnNeed measure_column(const std::vector<Span>& head, const std::vector<const std::vector<Span>*>& cells,
                          bool numeric, const Measure& measure);

/// A need measured at layout::kCellSize, as it is at `size` (text scales with
/// the size, padding does not).
ColumnNeed scale_need(const ColumnNeed& at_base, double size);

/// How a table is set.
struct TablePlan {
  double cell_size = 0;  ///< type size of cells and header
  std::size_t stub = 0;  ///< leading columns (row labels) repeated in every group
  /// Column indices of each part, stub columns included; one group when the
  /// table fits. Parts are printed one after the other.
  std::vector<std::vector<std::size_t>> groups;
  /// True when even one stub + one column does not fit at the floor size: text
  /// columns then break words (numbers still never break).
  bool overfull = false;
};

/// Chooses the type size and column groups for columns measured at
/// layout::kCellSize: the largest size in quarter points down to
/// layout::kMinCellSize at which the minimum widths fit `avail`; failing that,
/// the fewest column groups at the floor size (stub = the leading text columns,
/// at most half the width, or else the first column), balanced by column
/// count, each set at the largest size that keeps that many groups.
TablePlan plan_table(const std::vector<ColumnNeed>& at_base, double avail);

/// Column widths for columns that fit (sum of minimums ≤ avail): natural widths
/// when they fit (a narrow table takes its natural width, no stretching);
/// otherwise each keeps its minimum and the rest of `avail` is shared by how
/// much more each wants. When even the minimums do not fit (overfull), number
/// columns keep their minimum and text columns share what is left.
std::vector<double> fit_columns(const std::vector<ColumnNeed>& columns, double avail);

}  // namespace sdg::pdf
