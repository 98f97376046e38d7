// The toolkit's chart rules (formats/common/axis.hpp, time_axis.hpp): one value
// axis for every format and the decimals a chart's values need. Each test pins
// the decision where the PDF and HTML writers used to disagree.
#include <gtest/gtest.h>

#include "axis.hpp"
#include "sdgreport/periods.hpp"
#include "time_axis.hpp"

using namespace sdg;

namespace {
Series series(std::string name, std::string unit, std::vector<std::optional<double>> values) {
  Series s;
  s.name = std::move(name);
  s.unit = std::move(unit);
  s.values = std::move(values);
  return s;
}
}  // namespace

TEST(ToolkitAxis, NiceTicks) {
  const axis::Ticks t = axis::nice_ticks(0, 74.5, 5);
  EXPECT_EQ(t.first, 0);
  EXPECT_EQ(t.step, 20);
  EXPECT_EQ(t.values(), (std::vector<double>{0, 20, 40, 60, 80}));
  const axis::Ticks s = axis::nice_ticks(68.3, 74.5, 5);
  EXPECT_LE(s.first, 68.3);
  EXPECT_GE(s.last(), 74.5);
  EXPECT_EQ(s.decimals, 0);
  EXPECT_EQ(axis::nice_ticks(0, 1, 4).decimals, 2);  // step 0.25
  EXPECT_EQ(axis::nice_ticks(-5, 5, 4).first, -5);
  EXPECT_EQ(axis::nice_ticks(-5, 5, 4).step, 2.5);
  EXPECT_EQ(axis::nice_ticks(-5, 5, 4).decimals, 1);
  // 0.1-steps are rebuilt from their index: no 0.30000000000000004, zero is 0.
  const axis::Ticks f = axis::nice_ticks(-0.2, 0.4, 6);
  EXPECT_EQ(f.step, 0.1);
  EXPECT_EQ(f.at(2), 0.0);
  EXPECT_DOUBLE_EQ(f.at(5), 0.3);
  EXPECT_EQ(f.decimals, 1);
  // The PDF capped tick decimals at 4; small steps keep theirs.
  EXPECT_EQ(axis::nice_ticks(0, 0.0001, 5).decimals, 5);
  // An empty range: widened by half its value (the HTML went to lo + 1).
  const axis::Ticks one = axis::nice_ticks(40, 40, 5);
  EXPECT_LE(one.first, 20);
  EXPECT_GE(one.last(), 60);
}

TEST(ToolkitAxis, OneValueAxisForEveryFormat) {
  Chart c;
  c.kind = Chart::Kind::Line;
  c.categories = {"2015", "2016", "2017"};
  c.series = {series("a", "%", {68.3, 71.0, 74.5})};
  // Values far from zero: the HTML padded the range by a fifth below, the PDF did
  // not; neither now (the nice ticks already round outwards).
  axis::Ticks t = *axis::value_axis(c);
  EXPECT_EQ(t.first, 68);
  EXPECT_GE(t.last(), 74.5);
  // Close to zero (the lowest at most half the highest): zero is on the axis.
  c.series = {series("a", "", {30, 60, 50})};
  EXPECT_EQ(axis::value_axis(c)->first, 0);
  // All negative and close to zero: zero too (the PDF left it out).
  c.series = {series("a", "", {-30, -60, -50})};
  EXPECT_EQ(axis::value_axis(c)->last(), 0);
  // Columns and bars always start at zero.
  c.kind = Chart::Kind::Column;
  c.series = {series("a", "", {68.3, 71.0, 74.5})};
  EXPECT_EQ(axis::value_axis(c)->first, 0);
  // No values: no axis (the PDF draws nothing; the HTML an empty frame).
  c.series = {series("a", "", {std::nullopt, std::nullopt, std::nullopt})};
  EXPECT_FALSE(axis::value_axis(c));
}

TEST(ToolkitAxis, ChartDecimalsAreTheMostAValueNeeds) {
  Chart c;
  c.series = {series("a", "", {12.5, 3, std::nullopt}), series("b", "", {4.25, 0.12345})};
  EXPECT_EQ(axis::chart_decimals(c), 5);
}

TEST(ToolkitAxis, TheTimeAxisReadsPeriodsByTheOneRule) {
  EXPECT_EQ(time_axis::time_of("2021 Q1"), parse_period("2021Q1")->time);
  EXPECT_EQ(time_axis::time_of("2021M07"), parse_period("2021M07")->time);
  EXPECT_FALSE(time_axis::time_of("1234"));
}
