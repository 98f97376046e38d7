// PDF writer (private): simple vector charts (line, column, bar) with axes,
// "nice" ticks, gridlines and a legend; the goal colour is the first series colour.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "canvas.hpp"
#include "sdgreport/model.hpp"

namespace sdg::pdf {

/// Axis ticks: about `target` round values (1, 2, 2.5, 5 × 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Colour of series `i`; series 0 takes the goal colour when goal is 1–17.
Color series_color(std::size_t i, int goal);

/// Draws the chart in the box whose top-left corner is (x, top). Returns false
/// (and draws nothing) when the chart has no values to plot.
bool draw_chart(Canvas& c, const Chart& chart, double x, double top, double w, double h, int goal,
                std::string_view lang);

}  // namespace sdg::pdf
