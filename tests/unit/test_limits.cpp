// Limits (sdgreport/limits.hpp): the model, the JSON and YAML readers refuse
// input past them with the limit's name; numbers do not depend on the C locale.
#include <gtest/gtest.h>

#include <clocale>
#include <string>

#include "sdgreport/definition.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/json_bounded.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/model.hpp"

namespace {

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const sdg::Error& e) {
    return e.what();
  }
  return "no error";
}

sdg::Block nested_quotes(std::size_t depth) {
  sdg::Block b = sdg::Paragraph{{sdg::Inline::plain("x")}};
  for (std::size_t i = 0; i < depth; ++i) b = sdg::Quote{{std::move(b)}};
  return b;
}

TEST(Limits, BlockDepthIsRefusedWithTheLimitsName) {
  EXPECT_NO_THROW(sdg::check_block(nested_quotes(63)));
  const std::string e = error_of([] { sdg::check_block(nested_quotes(64)); });
  EXPECT_NE(e.find("block_depth = 64"), std::string::npos) << e;
}

TEST(Limits, TableCellsAndChartSeriesCanBeRaised) {
  EXPECT_EQ(sdg::limits().table_cells, 20000000u);  // a 1M × 10 annex fits by default
  const sdg::Limits saved = sdg::limits();
  sdg::Limits low = saved;
  ASSERT_TRUE(sdg::set_limit(low, "table_cells", 1000));
  sdg::set_limits(low);
  sdg::Table t;
  t.columns.assign(10, sdg::Column{"c", sdg::Column::Type::Text, "", 0});
  t.data = sdg::TableData::of(std::vector<std::vector<sdg::Cell>>(101, std::vector<sdg::Cell>(10, sdg::Cell::of(std::string("v")))));
  std::string e = error_of([&] { sdg::check_block(t); });
  EXPECT_NE(e.find("101 rows × 10 columns: over the limit table_cells = 1000; raise it with "
                   "'limits: { table_cells: N }'"),
            std::string::npos)
      << e;
  sdg::Limits raised = low;
  ASSERT_TRUE(sdg::set_limit(raised, "table_cells", 3000));
  EXPECT_FALSE(sdg::set_limit(raised, "block_depth", 1000));  // protects the stack: not raisable
  sdg::set_limits(raised);
  EXPECT_NO_THROW(sdg::check_block(t));
  sdg::set_limits(saved);
}

TEST(Limits, LongLabelsAreRefused) {
  sdg::Chart c;
  c.alt = "alt";
  c.categories = {std::string(1001, 'x')};
  c.series = {{"s", "", {1.0}, {}, {}}};
  const std::string e = error_of([&] { sdg::check_block(c); });
  EXPECT_NE(e.find("a category of 1001 characters: over the limit label_length = 1000"), std::string::npos) << e;
  c.categories = {std::string(500, 'x') + std::string(500, 'x')};
  EXPECT_NO_THROW(sdg::check_block(c));
}

TEST(Limits, ErrorsNameTheRowAndColumnOnlyWhenThereIsAnError) {
  sdg::Table t;
  t.caption = "Energi";
  t.columns = {{"År", sdg::Column::Type::Text, "", 0}, {"GWh", sdg::Column::Type::Number, "", 1}};
  t.data = sdg::TableData::of({{sdg::Cell::of(std::string("2020")), sdg::Cell::of(std::string("x"))}});
  const std::string e = error_of([&] { sdg::check_block(t, "section 'S'"); });
  EXPECT_NE(e.find("section 'S', table 'Energi', row 1, column 'GWh': text 'x' in a number column"), std::string::npos)
      << e;
}

TEST(JsonBounded, DepthNumbersAndRawBytes) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string e = error_of([&] { sdg::parse_json_bounded(deep, "d.json"); });
  EXPECT_NE(e.find("d.json:1:513: arrays and objects nested 513 deep: over the limit json_depth = 512"),
            std::string::npos)
      << e;
  e = error_of([] { sdg::parse_json_bounded("{\n \"a\": 1e309}", "n.json"); });
  EXPECT_NE(e.find("n.json:2:7: the number 1e309 is too large"), std::string::npos) << e;
  e = error_of([] { sdg::parse_json_bounded("[9007199254740993]", "i.json"); });
  EXPECT_NE(e.find("beyond 2^53"), std::string::npos) << e;
  EXPECT_NO_THROW(sdg::parse_json_bounded("[9007199254740992, -9007199254740992, 1.5e300, \"[[[\"]", "ok.json"));
  e = error_of([] { sdg::parse_json_bounded("[\"\xff\x1b[31m", "b.json"); });
  EXPECT_EQ(e.find('\x1b'), std::string::npos) << e;
  EXPECT_NE(e.find("\\xFF"), std::string::npos) << e;
}

TEST(YamlLimits, CyclesAndBillionLaughsAreRefused) {
  std::string e = error_of([] { sdg::parse_definition("title: x\nloop: &a [1, *a]\nchapters: [{title: c}]\n", "c.yaml"); });
  EXPECT_NE(e.find("c.yaml:2:7: an alias refers to a value that contains it"), std::string::npos) << e;
  std::string laughs = "title: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    laughs += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 9; ++k) laughs += (k ? ", *a" : "*a") + std::to_string(i - 1);
    laughs += "]\n";
  }
  e = error_of([&] { sdg::parse_definition(laughs + "chapters: [{title: c}]\n", "l.yaml"); });
  EXPECT_NE(e.find("over the limit yaml_nodes = 200000"), std::string::npos) << e;
}

TEST(YamlLimits, LimitsAndOutputConfinementInTheDefinition) {
  const auto def = sdg::parse_definition("title: x\nlimits: { chart_series: 2000 }\nchapters: [{title: c}]\n", "d.yaml");
  EXPECT_EQ(def.limits.chart_series, 2000u);
  std::string e = error_of([] { sdg::parse_definition("title: x\nlimits: { block_depth: 1000 }\nchapters: [{title: c}]\n", "d.yaml"); });
  EXPECT_NE(e.find("'block_depth' is not a limit a report can change"), std::string::npos) << e;
  e = error_of([] {
    sdg::parse_definition("title: x\nchapters: [{title: c}]\noutputs: [{format: json, file: a/../../x.json}]\n", "o.yaml");
  });
  EXPECT_NE(e.find("o.yaml:3:"), std::string::npos) << e;
  EXPECT_NE(e.find("outside the output directory"), std::string::npos) << e;
  EXPECT_TRUE(sdg::stays_inside("a/../b.pdf"));
  EXPECT_FALSE(sdg::stays_inside("a/../../b.pdf"));
  EXPECT_FALSE(sdg::stays_inside("/tmp/b.pdf"));
}

// Our own parsing and formatting, called directly under a decimal-comma locale.
TEST(Numbers, IndependentOfTheCLocale) {
  if (std::setlocale(LC_ALL, "de_DE.UTF-8") == nullptr) GTEST_SKIP() << "de_DE.UTF-8 not generated";
  const std::string en = sdg::format_number(1234.5, 2, sdg::Language::En);
  const std::string nb = sdg::format_number(0.125, 3, sdg::Language::Nb);
  const auto j = sdg::parse_json_bounded("[0.5]", "x.json");
  std::setlocale(LC_ALL, "C");
  EXPECT_EQ(en, "1,234.50");
  EXPECT_EQ(nb, "0,125");
  EXPECT_EQ(j[0].get<double>(), 0.5);
}

}  // namespace
