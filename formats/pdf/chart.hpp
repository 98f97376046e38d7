// PDF writer (private): simple vector charts (line, column, bar) with axes,
// "nice" ticks, gridlines and a legend that wraps; the goal colour is the first
// series colour.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "canvas.hpp"
#include "sdgreport/model.hpp"

namespace sdg::pdf {

/// Axis ticks: about `target` round values (1, 2, 2.5, 5 × 10^k) covering [lo, hi].
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

/// Colour of series `i`: series 0 takes the goal colour (the accent colour outside
/// goals 1–17), the others series_palette() after it; with more series than
/// colours the palette repeats, lighter (40 % tint) every other round.
Color series_color(std::size_t i, int goal);

/// Height of a one-line legend.
inline constexpr double kLegendOneLine = 18;

/// Height of the chart's legend (0 when it has none) at width `w`: kLegendOneLine
/// for one line and 12 pt for each further line. draw_chart() takes it from the
/// box before laying out the plot, so callers add what exceeds one line to the box.
double legend_height(Fonts& fonts, const Chart& chart, double w);

/// Draws the chart in the box whose top-left corner is (x, top). Returns false
/// (and draws nothing) when the chart has no values to plot.
bool draw_chart(Canvas& c, const Chart& chart, double x, double top, double w, double h, int goal,
                std::string_view lang);

}  // namespace sdg::pdf
