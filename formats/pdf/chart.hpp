// PDF writer (private): simple vector charts (line, column, bar) with axes,
// "nice" ticks (the HTML's, formats/common/axis.hpp), gridlines and a legend that wraps. Accessible (WCAG 2.1 1.4.1,
// 1.4.11): series take the shared palette's colours (≥ 3:1 on white; the goal
// colour first, darkened where it is too light), and differ by marker shape and
// dash pattern too; a one-series chart has no legend; years with uneven gaps are
// placed in proportion to time (formats/common/time_axis.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "canvas.hpp"
#include "sdgreport/model.hpp"

namespace sdg::pdf {

/// How series `i` is drawn (palette::chart_series; `accent` outside goals 1–17).
palette::SeriesStyle series_style(std::size_t i, int goal, const Color& accent = colors::accent);

/// Height of a one-line legend.
inline constexpr double kLegendOneLine = 18;

/// True when the chart shows a legend: it has two or more series.
bool has_legend(const Chart& chart);

/// Height of the chart's legend (0 when it has none) at width `w`: kLegendOneLine
/// for one line and 12 pt for each further line. draw_chart() takes it from the
/// box before laying out the plot, so callers add what exceeds one line to the box.
double legend_height(Fonts& fonts, const Chart& chart, double w);

/// Draws the chart in the box whose top-left corner is (x, top). Returns false
/// (and draws nothing) when the chart has no values to plot.
bool draw_chart(Canvas& c, const Chart& chart, double x, double top, double w, double h, int goal,
                Language lang, const Color& accent = colors::accent);

}  // namespace sdg::pdf
