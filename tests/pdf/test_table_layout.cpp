// Unit tests for the table column-width solver (formats/pdf/table_layout.*),
// with a fake measure: every character half an em wide, a space a quarter.
#include <gtest/gtest.h>

#include <numeric>

#include "layout_constants.hpp"
#include "table_layout.hpp"

#include "fake_measure.hpp"

using namespace sdg::pdf;
using namespace sdg::pdf::layout;

namespace {

using test::fake_width;
using test::kMeasure;

std::vector<Span> at(const std::string& s, double size = kCellSize) {
  return plain(s, TextStyle{Face::UiRegular, size, {}});
}

ColumnNeed column(const std::string& head, const std::vector<std::string>& cells, bool numeric,
                  double size = kCellSize) {
  std::vector<std::vector<Span>> sp;
  for (const auto& c : cells) sp.push_back(at(c, size));
  std::vector<const std::vector<Span>*> ptrs;
  for (const auto& s : sp) ptrs.push_back(&s);
  return measure_column(at(head, size), ptrs, numeric, kMeasure);
}

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

}  // namespace

TEST(TableLayout, NumberCellIsOneTokenTextWrapsAtSpaces) {
  // "10 200,5 e" is a number with a flag: its whole width is the minimum.
  const ColumnNeed num = column("Value", {"10\u00A0200,5\u00A0e", "7"}, true);
  EXPECT_DOUBLE_EQ(num.minimum,
                   fake_width({Face::UiRegular, kCellSize, {}}, "10\u00A0200,5\u00A0e") + 2 * kCellPadX);
  // Text: the longest word ("Donaudampf") or header word is the minimum.
  const ColumnNeed text = column("Region name", {"Donaudampf og mer"}, false);
  EXPECT_DOUBLE_EQ(text.minimum, 10 * 0.5 * kCellSize + 2 * kCellPadX);
  EXPECT_GT(text.natural, text.minimum);
}

TEST(TableLayout, NarrowTableTakesItsNaturalWidth) {
  const std::vector<ColumnNeed> cols{column("Year", {"2020"}, false), column("Value", {"12.5"}, true)};
  const auto w = fit_columns(cols, 400);
  EXPECT_DOUBLE_EQ(w[0], cols[0].natural);
  EXPECT_DOUBLE_EQ(w[1], cols[1].natural);
  EXPECT_LT(sum(w), 400);
}

TEST(TableLayout, ShrinkingNeverGoesBelowTheMinimum) {
  const std::vector<ColumnNeed> cols{column("Note", {"a long sentence of many small words here"}, false),
                                     column("Value", {"1,234,567.8"}, true)};
  const double avail = cols[0].minimum + cols[1].minimum + 20;
  ASSERT_LT(avail, cols[0].natural + cols[1].natural);
  const auto w = fit_columns(cols, avail);
  EXPECT_NEAR(sum(w), avail, 1e-9);
  EXPECT_GE(w[0], cols[0].minimum);
  EXPECT_GE(w[1], cols[1].minimum);
}

TEST(TableLayout, FittingTableKeepsNormalSizeAndOneGroup) {
  const std::vector<ColumnNeed> cols{column("Year", {"2020"}, false), column("Value", {"12.5"}, true)};
  const TablePlan p = plan_table(cols, 400);
  EXPECT_DOUBLE_EQ(p.cell_size, kCellSize);
  ASSERT_EQ(p.groups.size(), 1u);
  EXPECT_EQ(p.groups[0].size(), 2u);
  EXPECT_FALSE(p.overfull);
}

TEST(TableLayout, SlightlyTooWideTableIsSetSmallerNotSplit) {
  std::vector<ColumnNeed> cols{column("Region", {"Østfold"}, false)};
  for (int c = 0; c < 8; ++c) cols.push_back(column("2020", {"10\u00A0200,5"}, true));
  double min_total = 0;
  for (const auto& c : cols) min_total += c.minimum;
  const double avail = min_total * 0.92;  // fits at a smaller size
  const TablePlan p = plan_table(cols, avail);
  EXPECT_LT(p.cell_size, kCellSize);
  EXPECT_GE(p.cell_size, kMinCellSize);
  ASSERT_EQ(p.groups.size(), 1u);
  double at_size = 0;
  for (const auto& c : cols) at_size += scale_need(c, p.cell_size).minimum;
  EXPECT_LE(at_size, avail + 1e-6);
}

TEST(TableLayout, TwentyYearColumnsSplitIntoBalancedGroupsWithTheStubRepeated) {
  // 1 text + 20 year columns of 6-digit values: too wide even at the floor size.
  std::vector<ColumnNeed> cols{column("Fylke", {"Troms og Finnmark"}, false)};
  for (int y = 2004; y <= 2023; ++y)
    cols.push_back(column(std::to_string(y), {"1\u00A0234\u00A0567,8"}, true));
  const double avail = 463.276;  // A4 text width
  const TablePlan p = plan_table(cols, avail);
  ASSERT_GE(p.groups.size(), 2u);
  EXPECT_EQ(p.stub, 1u);
  EXPECT_FALSE(p.overfull);
  std::size_t seen = 0, smallest = 100, largest = 0;
  for (const auto& g : p.groups) {
    EXPECT_EQ(g.front(), 0u);  // the stub first in every part
    double w = 0;
    for (std::size_t j : g) w += scale_need(cols[j], p.cell_size).minimum;
    EXPECT_LE(w, avail + 1e-6);  // no column below its minimum: nothing breaks
    seen += g.size() - 1;
    smallest = std::min(smallest, g.size() - 1);
    largest = std::max(largest, g.size() - 1);
  }
  EXPECT_EQ(seen, 20u);               // every column exactly once
  EXPECT_LE(largest - smallest, 1u);  // balanced by count
  // The groups at the chosen size are as few as at the floor size.
  const TablePlan floor_only = plan_table(cols, avail);
  EXPECT_EQ(floor_only.groups.size(), p.groups.size());
}

TEST(TableLayout, LeadingTextColumnsAreTheStub) {
  std::vector<ColumnNeed> cols{column("Sex", {"Female"}, false), column("Age", {"15-24"}, false)};
  for (int c = 0; c < 22; ++c) cols.push_back(column("Series " + std::to_string(c), {"100.0"}, true));
  const TablePlan p = plan_table(cols, 463.276);
  EXPECT_EQ(p.stub, 2u);
  ASSERT_GE(p.groups.size(), 2u);
  for (const auto& g : p.groups) {
    EXPECT_EQ(g[0], 0u);
    EXPECT_EQ(g[1], 1u);
  }
}

TEST(TableLayout, OverfullColumnIsReportedAndNumbersStayWhole) {
  // One text column whose single word is wider than the page.
  const std::vector<ColumnNeed> cols{column("Word", {std::string(150, 'x')}, false),
                                     column("Value", {"123.4"}, true)};
  const TablePlan p = plan_table(cols, 300);
  EXPECT_TRUE(p.overfull);
  const auto w = fit_columns({scale_need(cols[0], p.cell_size), scale_need(cols[1], p.cell_size)}, 300);
  EXPECT_NEAR(sum(w), 300, 1e-9);
  EXPECT_DOUBLE_EQ(w[1], scale_need(cols[1], p.cell_size).minimum);
}
