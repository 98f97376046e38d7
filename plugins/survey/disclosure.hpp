// sdgreport survey plugin — disclosure control of a table of counts
// (docs/plugins/survey.md, "Disclosure control").
//
// Cells are counts of respondents; constraints are sets of cells whose sum is
// published or can be worked out (a row and its total, a column and its base,
// a share and its complement). A cell is *sensitive* when its count is between
// 1 and min_n − 1. protect() hides every sensitive cell (primary suppression)
// and then, as long as an attacker who solves constraints with a single
// unknown could work out a protected cell, or the hidden cells of a constraint
// add up to between 1 and min_n − 1, hides the smallest non-zero visible cell
// of such a constraint (secondary suppression).
//
//   Grid g;
//   int a = g.cell(2, /*shown*/ true), b = g.cell(40, true), t = g.cell(42, true);
//   g.constraint({a, b, t});      // a + b = t, all published
//   protect(g, 3);                // hides a (primary) and b (secondary)
#pragma once

#include <cstddef>
#include <vector>

namespace sdg::survey {

struct Grid {
  struct Cell {
    double count = 0;
    bool hidden = false;   ///< not published (suppressed, or never shown)
    bool guard = false;    ///< must not be derivable (sensitive, or hidden to protect one)
    bool primary = false;  ///< sensitive itself
  };
  std::vector<Cell> cells;
  std::vector<std::vector<int>> constraints;

  /// Adds a cell; `published` false for cells that are never shown (a pooled
  /// group, the complement of a share).
  int cell(double count, bool published) {
    Cell c;
    c.count = count;
    c.hidden = !published;
    cells.push_back(c);
    return static_cast<int>(cells.size()) - 1;
  }
  void constraint(std::vector<int> members) { constraints.push_back(std::move(members)); }
};

struct ProtectStats {
  std::size_t primary = 0;
  std::size_t secondary = 0;
  /// A guarded cell could still be worked out (no visible cell was left to
  /// hide): the caller must not publish the table's cells.
  bool leaked = false;
};

/// Marks sensitive cells and hides cells until no guarded cell can be worked out.
ProtectStats protect(Grid& g, double min_n);

}  // namespace sdg::survey
