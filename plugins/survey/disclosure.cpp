// sdgreport survey plugin — primary and secondary cell suppression.
#include "disclosure.hpp"

#include <algorithm>
#include <limits>

namespace sdg::survey {
namespace {

bool sensitive(double count, double min_n) { return count > 0 && count < min_n; }

/// Cells an attacker can work out: published ones, then, repeatedly, the one
/// unknown of a constraint whose other members are known.
std::vector<bool> derivable(const Grid& g) {
  std::vector<bool> known(g.cells.size());
  for (std::size_t i = 0; i < g.cells.size(); ++i) known[i] = !g.cells[i].hidden;
  bool changed = true;
  while (changed) {
    changed = false;
    for (const auto& con : g.constraints) {
      int unknown = -1, count = 0;
      for (int m : con)
        if (!known[m]) {
          unknown = m;
          if (++count > 1) break;
        }
      if (count == 1) {
        known[unknown] = true;
        changed = true;
      }
    }
  }
  return known;
}

}  // namespace

ProtectStats protect(Grid& g, double min_n) {
  ProtectStats st;
  for (auto& c : g.cells)
    if (sensitive(c.count, min_n)) {
      c.primary = c.guard = true;
      if (!c.hidden) {
        c.hidden = true;
        ++st.primary;
      }
    }
  // cells → constraints they are in
  std::vector<std::vector<int>> of(g.cells.size());
  for (std::size_t k = 0; k < g.constraints.size(); ++k)
    for (int m : g.constraints[k]) of[m].push_back(static_cast<int>(k));

  // Hides the best visible cell of constraint k; false when it has none.
  auto hide_in = [&](int k) {
    int best = -1;
    for (int m : g.constraints[k]) {
      if (g.cells[m].hidden) continue;
      const double c = g.cells[m].count;
      if (best < 0) {
        best = m;
        continue;
      }
      const double b = g.cells[best].count;
      // the smallest non-zero count; a zero only when nothing else is left
      if ((b == 0 && c > 0) || (c > 0 && c < b)) best = m;
    }
    if (best < 0) return false;
    g.cells[best].hidden = g.cells[best].guard = true;
    ++st.secondary;
    return true;
  };

  for (std::size_t round = 0; round <= g.cells.size(); ++round) {
    bool acted = false;
    const std::vector<bool> known = derivable(g);
    // a guarded cell that can be worked out
    for (std::size_t i = 0; i < g.cells.size() && !acted; ++i) {
      if (!g.cells[i].guard || !known[i] || !g.cells[i].hidden) continue;
      // hide a visible cell in the constraint that gives i away: the one of i's
      // constraints with the fewest unknown cells (the first of them when equal)
      std::vector<int> order = of[i];
      auto unknowns = [&](int k) {
        int n = 0;
        for (int m : g.constraints[k]) n += !known[m];
        return n;
      };
      std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return unknowns(a) < unknowns(b); });
      for (int k : order)
        if (hide_in(k)) {
          acted = true;
          break;
        }
    }
    // hidden cells of a constraint that add up to a sensitive total
    for (std::size_t k = 0; k < g.constraints.size() && !acted; ++k) {
      double sum = 0;
      bool guarded = false;
      int hidden = 0;
      for (int m : g.constraints[k])
        if (g.cells[m].hidden && !known[m]) {
          sum += g.cells[m].count;
          guarded = guarded || g.cells[m].guard;
          ++hidden;
        }
      if (hidden >= 2 && guarded && sensitive(sum, min_n)) acted = hide_in(static_cast<int>(k));
    }
    if (!acted) break;
  }
  const std::vector<bool> known = derivable(g);
  for (std::size_t i = 0; i < g.cells.size(); ++i)
    if (g.cells[i].guard && g.cells[i].hidden && known[i]) st.leaked = true;
  return st;
}

}  // namespace sdg::survey
