#include "pagination.hpp"

#include <algorithm>
#include <cmath>

namespace sdg::pdf {

namespace {
constexpr double kEps = 0.01;

/// Greedy fill: rows (their heights) onto pages of `first` then `per_page` room.
std::vector<std::size_t> fill(const std::vector<double>& rows, double first, double per_page) {
  std::vector<std::size_t> start{0};
  double room = first;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] > room + kEps && i > start.back()) {
      start.push_back(i);
      room = per_page;
    }
    room -= rows[i];
  }
  return start;
}
}  // namespace

std::size_t lines_fitting(double room, double leading) {
  if (room <= 0 || leading <= 0) return 0;
  return static_cast<std::size_t>(std::floor((room + kEps) / leading));
}

std::vector<std::size_t> paginate_lines(std::size_t n, std::size_t first, std::size_t per_page, bool keep) {
  per_page = std::max<std::size_t>(per_page, keep ? 3 : 1);  // a page holds at least this much
  std::vector<std::size_t> out;
  if (n == 0) return {0};
  std::size_t left = n;
  std::size_t take = std::min(first, left);
  // Orphan: a lone first line at the foot of a page goes over with the rest.
  if (keep && take == 1 && n >= 2) take = 0;
  out.push_back(take);
  left -= take;
  while (left > 0) {
    take = std::min(per_page, left);
    out.push_back(take);
    left -= take;
  }
  // Widow: a lone last line pulls one more line over from the page before.
  if (keep && out.size() >= 2 && out.back() == 1) {
    std::size_t& prev = out[out.size() - 2];
    if (prev >= 3) {
      --prev;
      ++out.back();
    } else if (out.size() == 2 && prev == 2) {
      // Two lines here and one over: all three go over together.
      out.back() += prev;
      prev = 0;
    }
  }
  return out;
}

RowPages paginate_rows(const std::vector<double>& rows, double first, double fresh_first, double per_page,
                       bool at_top) {
  RowPages r;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i] > std::max(per_page, fresh_first) + kEps) {
      r.too_tall = i;
      r.start = {0};
      return r;
    }
  if (rows.empty()) {
    r.start = {0};
    return r;
  }
  // Caption + header + the first rows (at least kTableKeepRows, or all) together.
  const std::size_t keep = std::min(kTableKeepRows, rows.size());
  double need = 0;
  for (std::size_t i = 0; i < keep; ++i) need += rows[i];
  if (!at_top && need > first + kEps) {
    r.next_page = true;
    first = fresh_first;
  }
  r.start = fill(rows, first, per_page);
  // No single row on either side of a break: a last part of one row takes one
  // from the part before (which keeps at least two).
  const std::size_t parts = r.start.size();
  if (parts >= 2) {
    const std::size_t last_rows = rows.size() - r.start.back();
    const std::size_t prev_rows = r.start[parts - 1] - r.start[parts - 2];
    double last_h = 0;
    for (std::size_t i = r.start.back() - 1; i < rows.size(); ++i) last_h += rows[i];
    if (last_rows < kTableMinPartRows && prev_rows > kTableMinPartRows && last_h <= per_page + kEps)
      --r.start.back();
  }
  return r;
}

FigurePlan plan_figure(double need, double image, double room, double page, bool text_may_float) {
  if (need <= room + kEps) return {FigureMove::Here, 1};
  if (room <= kFloatEmptyShare * page + kEps) return {FigureMove::NextPage, 1};
  if (text_may_float) return {FigureMove::Float, 1};
  // The image shrunk to the room left, if no further than kFigureMinScale.
  if (image > 0) {
    const double scale = (room - (need - image)) / image;
    if (scale >= kFigureMinScale - kEps) return {FigureMove::Shrink, std::min(scale, 1.0)};
  }
  return {FigureMove::NextPage, 1};
}

FloatStep float_step(std::size_t lines, double leading, double room, double page, double figure) {
  const auto pages = paginate_lines(lines, lines_fitting(room, leading), lines_fitting(page, leading));
  if (pages.size() == 1) return FloatStep::Text;
  // Across one break, with the figure fitting below the last lines on the next page.
  if (pages.size() == 2 && pages[0] > 0 && static_cast<double>(pages[1]) * leading + figure <= page + kEps)
    return FloatStep::TextThenFigure;
  return FloatStep::FigureFirst;
}

}  // namespace sdg::pdf
