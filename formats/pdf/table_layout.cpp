#include "table_layout.hpp"

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"

namespace sdg::pdf {

using namespace layout;

namespace {

constexpr double kEps = 1e-6;

double sum_min(const std::vector<ColumnNeed>& cols, double size, const std::vector<std::size_t>& which) {
  double s = 0;
  for (std::size_t j : which) s += scale_need(cols[j], size).minimum;
  return s;
}

/// Column groups by greedy packing at `size`: stub columns, then as many of the
/// rest as fit; a group always takes at least one column.
std::vector<std::vector<std::size_t>> greedy_groups(const std::vector<ColumnNeed>& cols, std::size_t stub,
                                                    double size, double avail) {
  std::vector<std::size_t> stub_cols;
  for (std::size_t j = 0; j < stub; ++j) stub_cols.push_back(j);
  const double stub_w = sum_min(cols, size, stub_cols);
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::size_t> cur = stub_cols;
  double w = stub_w;
  for (std::size_t j = stub; j < cols.size(); ++j) {
    const double m = scale_need(cols[j], size).minimum;
    if (cur.size() > stub && w + m > avail + kEps) {
      groups.push_back(cur);
      cur = stub_cols;
      w = stub_w;
    }
    cur.push_back(j);
    w += m;
  }
  if (cur.size() > stub || groups.empty()) groups.push_back(cur);
  return groups;
}

/// `k` groups with column counts as equal as possible, if each fits at `size`.
bool balanced_groups(const std::vector<ColumnNeed>& cols, std::size_t stub, std::size_t k, double size,
                     double avail, std::vector<std::vector<std::size_t>>& out) {
  const std::size_t rest = cols.size() - stub;
  if (k == 0 || rest < k) return false;
  std::vector<std::vector<std::size_t>> groups;
  std::size_t j = stub;
  for (std::size_t g = 0; g < k; ++g) {
    const std::size_t count = rest / k + (g < rest % k ? 1 : 0);
    std::vector<std::size_t> grp;
    for (std::size_t s = 0; s < stub; ++s) grp.push_back(s);
    for (std::size_t c = 0; c < count; ++c) grp.push_back(j++);
    if (sum_min(cols, size, grp) > avail + kEps) return false;
    groups.push_back(std::move(grp));
  }
  out = std::move(groups);
  return true;
}

}  // namespace

ColumnNeed measure_column(const std::vector<Span>& head, const std::vector<const std::vector<Span>*>& cells,
                          bool numeric, const Measure& measure) {
  ColumnNeed c;
  c.numeric = numeric;
  static const std::vector<Span> none;
  auto take = [&](const std::vector<Span>& sp, bool whole) {
    const TextExtent e = measure_extent(sp, measure);
    c.natural = std::max(c.natural, e.single_line + 2 * kCellPadX);
    c.minimum = std::max(c.minimum, (whole ? e.single_line : e.longest_word) + 2 * kCellPadX);
  };
  take(head, false);
  for (const auto* cell : cells) take(cell != nullptr ? *cell : none, numeric);
  c.natural = std::max(c.natural, kMinColumnWidth);
  return c;
}

ColumnNeed scale_need(const ColumnNeed& at_base, double size) {
  const double k = size / kCellSize;
  const double pad = 2 * kCellPadX;
  ColumnNeed c = at_base;
  c.minimum = (at_base.minimum - pad) * k + pad;
  c.natural = std::max((at_base.natural - pad) * k + pad, c.minimum);
  return c;
}

TablePlan plan_table(const std::vector<ColumnNeed>& at_base, double avail) {
  TablePlan plan;
  const std::size_t n = at_base.size();
  std::vector<std::size_t> all(n);
  for (std::size_t j = 0; j < n; ++j) all[j] = j;
  // Quarter-point sizes from the normal size down to the floor.
  std::vector<double> sizes;
  for (double s = kCellSize; s >= kMinCellSize - kEps; s -= 0.25) sizes.push_back(s);
  for (double s : sizes) {
    if (sum_min(at_base, s, all) <= avail + kEps) {
      plan.cell_size = s;
      plan.groups = {all};
      return plan;
    }
  }
  const double floor = sizes.back();
  // Stub: the leading text columns, while they take at most half the width.
  std::size_t stub = 0;
  double stub_w = 0;
  while (stub + 1 < n && !at_base[stub].numeric &&
         stub_w + scale_need(at_base[stub], floor).minimum <= avail / 2 + kEps) {
    stub_w += scale_need(at_base[stub], floor).minimum;
    ++stub;
  }
  if (stub == 0 && n > 1 && scale_need(at_base[0], floor).minimum <= avail / 2 + kEps) stub = 1;
  plan.stub = stub;
  plan.cell_size = floor;
  plan.groups = greedy_groups(at_base, stub, floor, avail);
  for (const auto& g : plan.groups)
    if (sum_min(at_base, floor, g) > avail + kEps) plan.overfull = true;
  if (plan.overfull) return plan;
  // As few groups as at the floor, at the largest size that allows them, balanced.
  const std::size_t k = plan.groups.size();
  for (double s : sizes) {
    if (greedy_groups(at_base, stub, s, avail).size() > k) continue;
    std::vector<std::vector<std::size_t>> balanced;
    plan.groups = balanced_groups(at_base, stub, k, s, avail, balanced)
                      ? balanced
                      : greedy_groups(at_base, stub, s, avail);
    plan.cell_size = s;
    break;
  }
  return plan;
}

std::vector<double> fit_columns(const std::vector<ColumnNeed>& columns, double avail) {
  const std::size_t n = columns.size();
  std::vector<double> widths(n);
  double total = 0, min_total = 0, num_min = 0, text_min = 0;
  for (const ColumnNeed& c : columns) {
    total += c.natural;
    min_total += c.minimum;
    (c.numeric ? num_min : text_min) += c.minimum;
  }
  if (total <= avail + kEps) {
    for (std::size_t j = 0; j < n; ++j) widths[j] = columns[j].natural;
  } else if (min_total <= avail + kEps) {
    // Every column keeps its minimum; the rest is shared by how much more each wants.
    const double want = total - min_total;
    for (std::size_t j = 0; j < n; ++j)
      widths[j] = columns[j].minimum + (columns[j].natural - columns[j].minimum) * (avail - min_total) / want;
  } else if (text_min > 0 && num_min < avail) {
    // Overfull: numbers stay whole; text columns give way (words break between characters).
    for (std::size_t j = 0; j < n; ++j)
      widths[j] = columns[j].numeric ? columns[j].minimum : columns[j].minimum * (avail - num_min) / text_min;
  } else {
    for (std::size_t j = 0; j < n; ++j) widths[j] = columns[j].minimum * avail / min_total;
  }
  return widths;
}

}  // namespace sdg::pdf
