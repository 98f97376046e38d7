// Tests of the jsonstat plugin's pure layer (read_jsonstat, make_view) over the
// real files in tests/data/json-stat/, of the options (view_spec) and of fill()
// with a Context; and malformed input, each with its documented error.
#include <gtest/gtest.h>

#include "errors.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "jsonstat.hpp"
#include "jsonstat_source.hpp"
#include "sdgreport/numbers.hpp"
#include "sdgreport/option_check.hpp"
#include "sdgreport/files.hpp"

// The plugin's option table, as the host reads it (plugin.cpp is compiled in).
extern "C" const sdg::PluginInfo* sdgreport_plugin_info();

namespace js = sdg::jsonstat;
using sdg::Cell;
using sdg::ErrorCode;
using sdg::ValueStatus;

namespace {

const std::filesystem::path kData = SDGREPORT_TEST_DATA;

/// The file's bytes ("" when it cannot be read), by the SDK's one reading of files.
std::string slurp(const std::filesystem::path& p) { return sdg::try_read_file(p).value_or(std::string()); }

const std::vector<js::Dataset>& galicia() {
  static const auto sets = js::read_jsonstat(slurp(kData / "json-stat/galicia.json"), "galicia.json");
  return sets;
}

const std::vector<js::Dataset>& oecd_canada() {
  static const auto sets =
      js::read_jsonstat(slurp(kData / "json-stat/oecd-canada.json"), "oecd-canada.json");
  return sets;
}

js::Selection sel(std::string dim, std::vector<std::string> s) { return {std::move(dim), std::move(s), {}}; }

using sdg::test::error_of;

std::string what_of(const sdg::Error& e) { return e.what(); }

}  // namespace

// ---------------------------------------------------------------- galicia.json (2.0)

TEST(JsonStatGalicia, DatasetMetadataAndDimensions) {
  ASSERT_EQ(galicia().size(), 1u);
  const js::Dataset& ds = galicia()[0];
  EXPECT_EQ(ds.name, "");
  EXPECT_EQ(ds.label, "Population by province of residence, place of birth, age, gender and year in Galicia");
  EXPECT_EQ(ds.source, "INE and IGE");
  EXPECT_EQ(ds.updated, "2012-12-27T12:25:09Z");
  ASSERT_EQ(ds.dimensions.size(), 6u);
  std::vector<std::string> ids;
  std::vector<std::size_t> sizes;
  for (const auto& d : ds.dimensions) {
    ids.push_back(d.id);
    sizes.push_back(d.categories.size());
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"birth", "age", "gender", "time", "residence", "concept"}));
  EXPECT_EQ(sizes, (std::vector<std::size_t>{6, 22, 3, 2, 5, 1}));
  EXPECT_EQ(ds.size(), 3960u);

  const js::Dimension& res = *ds.dimension("residence");
  EXPECT_EQ(res.label, "province of residence");
  EXPECT_EQ(res.role, "geo");
  EXPECT_EQ(res.categories[1].id, "15");
  EXPECT_EQ(res.categories[1].label, "A Coruña");  // ñ kept as UTF-8
  EXPECT_EQ(ds.dimension("birth")->role, "geo");     // two geo roles
  EXPECT_EQ(ds.dimension("birth")->categories[5].label, "abroad");
  EXPECT_EQ(ds.dimension("age")->categories.back().label, "100+");

  // index as an object, no labels: the id is the label
  const js::Dimension& time = *ds.dimension("time");
  EXPECT_EQ(time.role, "time");
  ASSERT_EQ(time.categories.size(), 2u);
  EXPECT_EQ(time.categories[1].id, "2011");
  EXPECT_EQ(time.categories[1].label, "2011");

  // no index at all: the category comes from the label; unit with decimals
  const js::Dimension& metric = *ds.dimension("concept");
  EXPECT_EQ(metric.role, "metric");
  ASSERT_EQ(metric.categories.size(), 1u);
  EXPECT_EQ(metric.categories[0].id, "pop");
  EXPECT_EQ(metric.categories[0].label, "population");
  ASSERT_TRUE(metric.categories[0].unit);
  EXPECT_EQ(metric.categories[0].unit->label, "persons");
  EXPECT_EQ(metric.categories[0].unit->decimals, 0);
}

TEST(JsonStatGalicia, ValuesAndNulls) {
  const js::Dataset& ds = galicia()[0];
  EXPECT_EQ(ds.at({0, 0, 0, 0, 0, 0}).value, 2695880.0);
  EXPECT_EQ(ds.at({0, 0, 0, 1, 1, 0}).value, 1141286.0);
  // The four nulls, at their positions in the cube.
  EXPECT_FALSE(ds.at({4, 21, 0, 1, 3, 0}).value);
  EXPECT_FALSE(ds.at({5, 21, 1, 1, 2, 0}).value);
  std::size_t nulls = 0;
  std::vector<std::size_t> p(6, 0);
  for (p[0] = 0; p[0] < 6; ++p[0])
    for (p[1] = 0; p[1] < 22; ++p[1])
      for (p[2] = 0; p[2] < 3; ++p[2])
        for (p[3] = 0; p[3] < 2; ++p[3])
          for (p[4] = 0; p[4] < 5; ++p[4]) nulls += !ds.at(p).value;
  EXPECT_EQ(nulls, 4u);
}

TEST(JsonStatGalicia, TableWithFileLabels) {
  js::ViewSpec spec;
  spec.select = {sel("birth", {"T"}), sel("age", {"T"}), sel("gender", {"total"})};  // a label works too
  spec.rows = "residence";
  spec.columns = "time";
  js::View v = js::make_view(galicia()[0], spec);
  ASSERT_TRUE(v.table);
  const sdg::Table& t = *v.table;
  EXPECT_EQ(t.source, "INE and IGE");
  EXPECT_EQ(t.caption,
            "Population by province of residence, place of birth, age, gender and year in Galicia "
            "(place of birth: total, age group: total, gender: total)");
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].label, "province of residence");
  EXPECT_EQ(t.columns[1].label, "2001");
  EXPECT_EQ(t.columns[2].label, "2011");
  EXPECT_EQ(t.columns[1].unit, "persons");
  EXPECT_EQ(t.columns[1].decimals, 0);
  ASSERT_EQ(t.data.rows(), 5u);
  EXPECT_EQ(t.data.cell(1, 0), Cell::of("A Coruña"));
  EXPECT_EQ(t.data.cell(1, 1), Cell::of(1096027.0));
  EXPECT_EQ(t.data.cell(4, 2), Cell::of(954877.0));
  EXPECT_FALSE(v.chart);
  EXPECT_NO_THROW(sdg::check_block(t));
}

TEST(JsonStatGalicia, NullBecomesMissingCell) {
  js::ViewSpec spec;
  spec.select = {sel("birth", {"A"}), sel("gender", {"T"}), sel("time", {"2011"}), sel("age", {"100"})};
  spec.rows = "residence";
  js::View v = js::make_view(galicia()[0], spec);
  ASSERT_TRUE(v.table);
  EXPECT_EQ(v.table->columns[1].label, "population");  // the metric's label names the one column
  EXPECT_EQ(v.table->data.cell(3, 1), Cell::missing(ValueStatus::NotAvailable));  // Ourense: null
}

TEST(JsonStatGalicia, ChartSeriesFromRows) {
  js::ViewSpec spec;
  spec.select = {sel("birth", {"T"}), sel("age", {"T"}), sel("gender", {"M", "F"}), sel("residence", {"15..36"})};
  spec.rows = "residence";
  spec.columns = "gender";
  spec.select.push_back(sel("time", {"last 1"}));
  spec.chart = sdg::Chart::Kind::Column;
  spec.table = false;
  js::View v = js::make_view(galicia()[0], spec);
  EXPECT_FALSE(v.table);
  ASSERT_TRUE(v.chart);
  EXPECT_EQ(v.chart->categories, (std::vector<std::string>{"male", "female"}));
  ASSERT_EQ(v.chart->series.size(), 4u);
  EXPECT_EQ(v.chart->series[0].name, "A Coruña");
  EXPECT_EQ(v.chart->source, "INE and IGE");
  EXPECT_FALSE(v.chart->alt.empty());
  EXPECT_NO_THROW(sdg::check_block(*v.chart));
}

// ---------------------------------------------------------------- oecd-canada.json (1.0 bundle)

TEST(JsonStatOecdCanada, BundleOfTwo) {
  const auto& sets = oecd_canada();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].name, "oecd");
  EXPECT_EQ(sets[1].name, "canada");
  EXPECT_EQ(sets[0].label, "Unemployment rate in the OECD countries 2003-2014");
  EXPECT_EQ(sets[1].source, "Statistics Canada, CANSIM, table 051-0001");
  // id/size/role inside `dimension`
  EXPECT_EQ(sets[0].dimension("area")->role, "geo");
  EXPECT_EQ(sets[0].dimension("year")->categories.size(), 12u);
  EXPECT_EQ(sets[1].dimensions[0].id, "country");
  // a dimension without category.index
  EXPECT_EQ(sets[1].dimension("country")->categories[0].id, "CA");
  EXPECT_EQ(sets[1].dimension("country")->categories[0].label, "Canada");
}

TEST(JsonStatOecdCanada, ChildHierarchy) {
  const js::Dimension& area = *oecd_canada()[0].dimension("area");
  const js::Category& eu15 = area.categories[*area.find("EU15")];
  EXPECT_EQ(eu15.label, "Euro area (15 countries)");
  EXPECT_EQ(eu15.children.size(), 15u);
  EXPECT_EQ(eu15.parent, "OECD");
  EXPECT_EQ(area.categories[*area.find("DE")].parent, "EU15");
  EXPECT_EQ(area.categories[*area.find("NO")].parent, "OECD");

  js::ViewSpec spec;
  spec.dataset = "oecd";
  spec.select = {sel("area", {"EU15/*"}), sel("year", {"2010..2014"})};
  js::View v = js::make_view(oecd_canada()[0], spec);  // rows area, columns year (time across)
  ASSERT_TRUE(v.table);
  ASSERT_EQ(v.table->data.rows(), 15u);
  EXPECT_EQ(v.table->data.cell(0, 0), Cell::of("Austria"));
  EXPECT_EQ(v.table->columns[1].label, "2010");
  EXPECT_EQ(v.table->columns[5].label, "2014");
  EXPECT_EQ(v.table->columns[1].unit, "%");
  EXPECT_EQ(v.table->data.cell(0, 1), Cell::of(4.391591645));
  EXPECT_EQ(v.table->columns[1].decimals, 9);  // as many as the file gives
  // status object: "e" on 2013 and 2014 → estimated
  EXPECT_EQ(v.table->data.cell(0, 4), Cell::of(4.695491708, ValueStatus::Estimated));
  EXPECT_EQ(v.table->data.cell(0, 3).status, ValueStatus::None);
  EXPECT_TRUE(v.warnings.empty());
}

TEST(JsonStatOecdCanada, StatusArrayAndMultiplier) {
  const js::Dataset& ca = oecd_canada()[1];
  EXPECT_EQ(ca.at({0, 0, 0, 0, 0}).status, "a");  // one-element array: every cell
  EXPECT_EQ(ca.at({0, 0, 19, 1, 2}).status, "a");
  const js::Category& pop = ca.dimension("concept")->categories[0];
  ASSERT_TRUE(pop.unit);
  EXPECT_EQ(pop.unit->multiplier, 3);
  EXPECT_EQ(pop.unit->base, "person");

  js::ViewSpec spec;
  spec.dataset = "canada";
  spec.select = {sel("concept", {"POP"})};
  spec.rows = "age";
  spec.columns = "sex";
  js::View v = js::make_view(ca, spec);
  ASSERT_TRUE(v.table);
  const sdg::Table& t = *v.table;
  EXPECT_EQ(t.caption, "Population by sex and age group. Canada. 2012 (Population and %: Persons (thousands))");
  EXPECT_EQ(t.columns[0].label, "Age group");
  EXPECT_EQ(t.columns[1].label, "Total");
  EXPECT_EQ(t.columns[1].unit, "person (thousands)");
  EXPECT_EQ(t.columns[1].decimals, 1);
  EXPECT_EQ(t.data.cell(0, 1), Cell::of(34880.5));
  EXPECT_EQ(t.data.cell(0, 3), Cell::of(17571.3));
  EXPECT_EQ(t.data.cell(19, 0), Cell::of("90 and older"));
  // "a" has no counterpart: a warning, not a guess
  ASSERT_EQ(v.warnings.size(), 1u);
  EXPECT_NE(v.warnings[0].text.find("'a'"), std::string::npos);

  spec.language = sdg::Language::Nb;
  EXPECT_EQ(js::make_view(ca, spec).table->columns[1].unit, "person (tusen)");
  spec.status_map["a"] = ValueStatus::Provisional;
  js::View mapped = js::make_view(ca, spec);
  EXPECT_TRUE(mapped.warnings.empty());
  EXPECT_EQ(mapped.table->data.cell(0, 1).status, ValueStatus::Provisional);
}

TEST(JsonStatOecdCanada, MetricAsColumnsGivesUnitsPerColumn) {
  js::ViewSpec spec;
  spec.dataset = "canada";
  spec.select = {sel("sex", {"F"})};
  spec.rows = "age";
  spec.columns = "concept";
  js::View v = js::make_view(oecd_canada()[1], spec);
  EXPECT_EQ(v.table->columns[1].unit, "person (thousands)");
  EXPECT_EQ(v.table->columns[2].unit, "%");
  EXPECT_EQ(v.table->data.cell(0, 2), Cell::of(100.0));
}

TEST(JsonStatOecdCanada, BundleNeedsDatasetName) {
  js::ViewSpec spec;
  sdg::Error e = error_of([&] { js::pick_dataset(oecd_canada(), spec); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("2 datasets; choose one with 'dataset' ('oecd', 'canada')"), std::string::npos) << e.what();
  spec.dataset = "eurostat";
  EXPECT_NE(what_of(error_of([&] { js::pick_dataset(oecd_canada(), spec); })).find("no dataset 'eurostat'"),
            std::string::npos);
}

// ---------------------------------------------------------------- selection errors

TEST(JsonStatOptions, UnknownDimensionListsTheDimensions) {
  js::ViewSpec spec;
  spec.select = {js::Selection{"Region", {"K-0301"}, sdg::Location{"report.yaml", 31, 20}}};
  sdg::Error e = error_of([&] { js::make_view(galicia()[0], spec); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_EQ(what_of(e),
            "report.yaml:31:20: jsonstat: unknown dimension 'Region' in 'select'; the dataset has "
            "'birth' (place of birth), 'age' (age group), 'gender', 'time' (year), 'residence' "
            "(province of residence), 'concept'");
}

TEST(JsonStatOptions, UnknownCategoryAndBadRange) {
  js::ViewSpec spec;
  spec.select = {sel("time", {"2015"})};
  EXPECT_NE(what_of(error_of([&] { js::make_view(galicia()[0], spec); }))
                .find("dimension 'time' (year) has no category '2015' (categories: 2001, 2011)"),
            std::string::npos);
  spec.select = {sel("time", {"2011..2001"})};
  EXPECT_NE(what_of(error_of([&] { js::make_view(galicia()[0], spec); })).find("comes after"),
            std::string::npos);
  spec.select = {sel("residence", {"15/*"})};
  EXPECT_NE(what_of(error_of([&] { js::make_view(galicia()[0], spec); })).find("has no children"),
            std::string::npos);
}

TEST(JsonStatOptions, TooManyOpenDimensions) {
  js::ViewSpec spec;
  sdg::Error e = error_of([&] { js::make_view(galicia()[0], spec); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("more than one category is selected in 'gender', 'time' (year), 'residence'"),
            std::string::npos)
      << e.what();
}

TEST(JsonStatOptions, FromReportOptions) {
  using sdg::Value;
  sdg::Options opts(Value::map({{"plugin", Value::scalar("jsonstat")},
                                {"file", Value::scalar("x.json")},
                                {"select", Value::map({{"Tid", Value::list({Value::scalar("2015..2023")})},
                                                       {"Region", Value::scalar("K-0301")}})},
                                {"rows", Value::scalar("Region")},
                                {"chart", Value::scalar("line")},
                                {"status", Value::map({{"a", Value::scalar("provisional")}})}}),
                    "plugin 'jsonstat'");
  js::ViewSpec spec = js::view_spec(opts, sdg::Language::Nb);
  ASSERT_EQ(spec.select.size(), 2u);
  EXPECT_EQ(spec.select[0].dimension, "Tid");
  EXPECT_EQ(spec.select[0].selectors, (std::vector<std::string>{"2015..2023"}));
  EXPECT_EQ(spec.select[1].selectors, (std::vector<std::string>{"K-0301"}));
  EXPECT_EQ(spec.rows, "Region");
  EXPECT_EQ(spec.chart, sdg::Chart::Kind::Line);
  EXPECT_EQ(spec.status_map.at("a"), ValueStatus::Provisional);

  // An unknown chart is refused by the host's check of the plugin's option table
  // (plugin.cpp), the only check of it; were it skipped, the plugin would stop
  // with an internal error rather than read it.
  sdg::Options bad(Value::map({{"file", Value::scalar("x.json")}, {"chart", Value::scalar("pie")}}),
                   "plugin 'jsonstat'");
  const sdg::Error schema = error_of(
      [&] { sdg::check_options(bad, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options); });
  EXPECT_EQ(schema.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(schema).find("option 'chart' of plugin 'jsonstat': expected one of line, column, bar, none, got 'pie'"),
            std::string::npos)
      << schema.what();
  EXPECT_EQ(error_of([&] { js::view_spec(bad, sdg::Language::En); }).code(), ErrorCode::Internal);
  // So are a range (decimals 0–10) and a duplicates policy.
  sdg::Options wide(Value::map({{"file", Value::scalar("x.json")}, {"decimals", Value::scalar("11")}}),
                    "plugin 'jsonstat'");
  EXPECT_NE(what_of(error_of([&] {
              sdg::check_options(wide, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
            })).find("expected a whole number 0–10, got 11"),
            std::string::npos);
  sdg::Options dup(Value::map({{"file", Value::scalar("x.json")}, {"duplicates", Value::scalar("both")}}),
                   "plugin 'jsonstat'");
  EXPECT_NE(what_of(error_of([&] {
              sdg::check_options(dup, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
            })).find("expected one of first, last, error, got 'both'"),
            std::string::npos);
  EXPECT_EQ(error_of([&] { js::view_spec(dup, sdg::Language::En); }).code(), ErrorCode::Internal);
  // What the table cannot say stays the plugin's: table: false needs a chart.
  sdg::Options nothing(Value::map({{"file", Value::scalar("x.json")}, {"table", Value::scalar("false")}}),
                       "plugin 'jsonstat'");
  EXPECT_NO_THROW(sdg::check_options(nothing, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options));
  EXPECT_NE(what_of(error_of([&] { js::view_spec(nothing, sdg::Language::En); })).find("with 'table: false'"),
            std::string::npos);
}

// ---------------------------------------------------------------- malformed files

TEST(JsonStatMalformed, TruncatedJsonNamesLineAndColumn) {
  const std::string text = slurp(kData / "json-stat/galicia.json");
  sdg::Error e = error_of([&] { js::read_jsonstat(text.substr(0, 800), "galicia.json"); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(e.where().file, "galicia.json");
  EXPECT_EQ(e.where().line, 8);  // the "value" line
  EXPECT_GT(e.where().column, 0);
  EXPECT_NE(what_of(e).find("not valid JSON: "), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("unexpected end of input"), std::string::npos) << e.what();
}

TEST(JsonStatMalformed, ValueCountNamesPath) {
  std::string text = slurp(kData / "json-stat/galicia.json");
  text.replace(text.find("[2695880,"), 9, "[");  // drop the first value
  sdg::Error e = error_of([&] { js::read_jsonstat(text, "g.json"); });
  EXPECT_EQ(what_of(e), "g.json: JSON-stat: at $.value: has 3959 values but the dimension sizes make 3960 cells");
}

TEST(JsonStatMalformed, StructuralErrorsNamePaths) {
  auto err = [](const std::string& json) { return what_of(error_of([&] { js::read_jsonstat(json, "t.json"); })); };
  const std::string head = R"({"version":"2.0","class":"dataset","id":["a"],"size":[2],)";
  EXPECT_EQ(err(head + R"("dimension":{"a":{"category":{"index":{"x":0,"y":5}}}},"value":[1,2]})"),
            "t.json: JSON-stat: at $.dimension.a.category.index.y: expected a whole number from 0 to 1, got 5");
  EXPECT_EQ(err(head + R"("dimension":{"a":{"category":{"index":["x","y","z"]}}},"value":[1,2]})"),
            "t.json: JSON-stat: at $.dimension.a.category: 'size' says 2 categories but 'index' has 3");
  EXPECT_EQ(err(head + R"("dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,"zwei"]})"),
            "t.json: JSON-stat: at $.value[1]: 'zwei' is not a number");
  EXPECT_EQ(err(head + R"("dimension":{},"value":[1,2]})"),
            "t.json: JSON-stat: at $.dimension: no entry for dimension 'a' named in 'id'");
  EXPECT_EQ(err(head + R"("dimension":{"a":{"category":{"index":["x","y"]}}},"value":[1,2],"status":["e","p","b"]})"),
            "t.json: JSON-stat: at $.status: has 3 entries; expected 1 or one per cell (2)");
  EXPECT_EQ(err(R"({"version":"2.0","class":"dataset","id":["a"],"size":[-1],"dimension":{},"value":[]})"),
            "t.json: JSON-stat: at $.size[0]: expected a whole number from 1 to 2147483647, got -1");
  EXPECT_EQ(err(R"([1,2,3])"), "t.json: JSON-stat: at $: expected an object, got an array");
  EXPECT_NE(err(R"({"a":1})").find("no dataset found"), std::string::npos);
}

TEST(JsonStatMalformed, SparseValuesAndStringMarkers) {
  const std::string head = R"({"version":"2.0","class":"dataset","id":["a"],"size":[3],)"
                           R"("dimension":{"a":{"category":{"index":["x","y","z"]}}},)";
  auto sets = js::read_jsonstat(head + R"("value":{"0":1.5,"2":"..",
  "1":"2.25"}})", "t.json");
  EXPECT_EQ(sets[0].at({1}).value, 2.25);
  EXPECT_EQ(sets[0].at({0}).value, 1.5);
  EXPECT_FALSE(sets[0].at({2}).value);
  EXPECT_EQ(sets[0].at({2}).status, "..");
  EXPECT_EQ(what_of(error_of([&] { js::read_jsonstat(head + R"("value":{"7":1}})", "t.json"); })),
            "t.json: JSON-stat: at $.value.7: cell 7 is past the end of the cube (3 cells)");
}

TEST(JsonStatMalformed, InvalidUtf8AndDeepNestingAreErrorsNotCrashes) {
  sdg::Error e = error_of([&] { js::read_jsonstat("{\"label\":\"Tr\xF8ndelag\"}", "t.json"); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(e.where().line, 1);
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_EQ(error_of([&] { js::read_jsonstat(deep, "deep.json"); }).code(), ErrorCode::Input);
  EXPECT_EQ(error_of([&] { js::read_jsonstat("", "empty.json"); }).code(), ErrorCode::Input);
}

TEST(JsonStatDecimals, ShortestForm) {  // the toolkit's rule (sdg::decimals_needed)
  EXPECT_EQ(sdg::decimals_needed(5.5), 1);
  EXPECT_EQ(sdg::decimals_needed(100.0), 0);
  EXPECT_EQ(sdg::decimals_needed(4.391591645), 9);
  EXPECT_EQ(sdg::decimals_needed(0.00001), 5);
  EXPECT_EQ(sdg::decimals_needed(1e21), 0);
}

// ---------------------------------------------------------------- fill() through a Context

TEST(JsonStatSource, FillAddsTableAndChartWithSource) {
  const auto dir = std::filesystem::temp_directory_path() / "sdgreport-jsonstat-test";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kData / "json-stat/oecd-canada.json", dir / "oc.json",
                             std::filesystem::copy_options::overwrite_existing);
  using sdg::Value;
  sdg::Options opts(Value::map({{"plugin", Value::scalar("jsonstat")},
                                {"file", Value::scalar("oc.json")},
                                {"dataset", Value::scalar("oecd")},
                                {"select", Value::map({{"area", Value::list({Value::scalar("NO"), Value::scalar("SE"),
                                                                             Value::scalar("DK")})},
                                                       {"year", Value::scalar("last 4")}})},
                                {"rows", Value::scalar("area")},
                                {"columns", Value::scalar("year")},
                                {"decimals", Value::scalar("1")},
                                {"chart", Value::scalar("line")},
                                {"colour", Value::scalar("red")}}),
                    "plugin 'jsonstat'");
  sdg::Context ctx(dir, sdg::Language::En, 0);
  sdg::Section target("Goal 8");
  js::JsonStatSource source;
  source.fill(sdg::SourceRequest{opts, 8}, target, ctx);
  ASSERT_EQ(target.blocks().size(), 2u);
  const auto& t = target.blocks()[0].as<sdg::Table>();
  EXPECT_EQ(t.source, "Economic Outlook No 92 - December 2012 - OECD Annual Projections");
  EXPECT_EQ(t.data.cell(0, 0), Cell::of("Norway"));
  EXPECT_EQ(t.columns[1].label, "2011");
  EXPECT_EQ(t.columns[1].decimals, 1);
  const auto& c = target.blocks()[1].as<sdg::Chart>();
  EXPECT_EQ(c.source, t.source);
  EXPECT_EQ(c.series.size(), 3u);
  EXPECT_EQ(c.categories.size(), 4u);
  EXPECT_TRUE(ctx.warnings().empty());  // unknown options are the host's to refuse (option_check.hpp)

  sdg::Options missing(Value::map({{"file", Value::scalar("nope.json")}}), "plugin 'jsonstat'");
  EXPECT_NE(what_of(error_of([&] { source.fill(sdg::SourceRequest{missing, 8}, target, ctx); }))
                .find("cannot read JSON-stat file '" + (dir / "nope.json").string() + "': file not found"),
            std::string::npos);
  EXPECT_EQ(target.blocks().size(), 2u);  // unchanged on error
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------- issue 10: duplicates, metadata, ids

namespace {

const char* kTwoOslos =
    R"({"version":"2.0","class":"dataset","label":"Folkemengde","source":"<a href=\"https://www.ssb.no\">SSB</a>",)"
    R"("updated":"2024-02-21","note":["Tall per 1.&nbsp;januar.<br>Kilde: SSB."],)"
    R"("id":["Region","Tid"],"size":[3,2],"dimension":{)"
    R"("Region":{"label":"region","category":{"index":["0301","K-0301","4601"],)"
    R"("label":{"0301":"Oslo","K-0301":"Oslo","4601":"Bergen"}}},)"
    R"("Tid":{"label":"år","role":"time","category":{"index":["2022","2023"]}}},)"
    R"("value":[1,2,3,4,5,6]})";

}  // namespace

TEST(JsonStatDuplicates, TwoCategoriesWithOneLabelAreBothKeptWithTheirIds) {
  // Issue 22: two categories are two rows, not two values for one cell; nothing is left out.
  const auto sets = js::read_jsonstat(kTwoOslos, "folkemengde.json");
  js::ViewSpec spec;
  spec.rows = "Region";
  spec.columns = "Tid";
  spec.chart = sdg::Chart::Kind::Line;
  js::View v = js::make_view(sets[0], spec);
  ASSERT_EQ(v.table->data.rows(), 3u);
  EXPECT_EQ(v.table->data.cell(0, 0).text, "Oslo (0301)");
  EXPECT_EQ(v.table->data.cell(1, 0).text, "Oslo (K-0301)");
  EXPECT_EQ(v.table->data.cell(2, 0).text, "Bergen");
  EXPECT_DOUBLE_EQ(v.table->data.cell(0, 1).number, 1);
  EXPECT_DOUBLE_EQ(v.table->data.cell(1, 1).number, 3);
  ASSERT_EQ(v.chart->series.size(), 3u);
  EXPECT_EQ(v.chart->series[1].name, "Oslo (K-0301)");
  ASSERT_EQ(v.duplicates.size(), 1u);
  EXPECT_NE(v.duplicates[0].find("categories '0301' (position 0) and 'K-0301' (position 1)"), std::string::npos)
      << v.duplicates[0];
  EXPECT_NE(v.duplicates[0].find("both are kept, shown with their ids"), std::string::npos);

  spec.duplicates = sdg::plugins::DuplicatePolicy::Error;
  const sdg::Error e = error_of([&] { js::make_view(sets[0], spec); });
  EXPECT_NE(what_of(e).find("'0301' (position 0) and 'K-0301' (position 1)"), std::string::npos) << e.what();

  // Selecting one of them leaves nothing to report.
  spec.select = {sel("Region", {"K-0301", "4601"})};
  EXPECT_TRUE(js::make_view(sets[0], spec).duplicates.empty());
}

TEST(JsonStatMetadata, NotesUpdatedSourceLinkIdsAndDataTable) {
  const auto sets = js::read_jsonstat(kTwoOslos, "folkemengde.json");
  js::ViewSpec spec;
  spec.file = "folkemengde.json";
  spec.select = {sel("Region", {"K-0301", "4601"})};
  spec.chart = sdg::Chart::Kind::Line;
  const js::View v = js::make_view(sets[0], spec);
  ASSERT_TRUE(v.table && v.chart);
  EXPECT_EQ(v.table->source, "SSB");
  EXPECT_EQ(v.table->source_url, "https://www.ssb.no");
  EXPECT_EQ(v.table->metadata.at("title"), "Folkemengde");
  EXPECT_EQ(v.table->metadata.at("updated"), "2024-02-21");
  EXPECT_EQ(v.table->metadata.at("definition"), "Tall per 1.\u00A0januar. Kilde: SSB.");
  EXPECT_EQ(v.table->metadata.at("organisation"), "SSB");
  EXPECT_TRUE(v.table->id.starts_with("jsonstat-folkemengde-")) << v.table->id;
  EXPECT_EQ(v.chart->data_table, v.table->id);
  EXPECT_EQ(v.chart->id, v.table->id + "-chart");
  EXPECT_EQ(js::make_view(sets[0], spec).table->id, v.table->id);  // stable
  js::ViewSpec other = spec;
  other.select = {sel("Region", {"4601"})};
  EXPECT_NE(js::make_view(sets[0], other).table->id, v.table->id);
}

TEST(JsonStatView, DefaultSourceNoteIsInTheReportLanguage) {
  const std::string text =
      R"({"version":"2.0","class":"dataset","label":"Folkemengde","id":["år"],"size":[2],)"
      R"("dimension":{"år":{"category":{"index":["2023","2024"]}}},"value":[1,2]})";
  const auto sets = js::read_jsonstat(text, "folk.json");
  js::ViewSpec spec;
  spec.file = "folk.json";
  spec.language = sdg::Language::Nb;
  js::View v = js::make_view(sets[0], spec);
  ASSERT_TRUE(v.table);
  EXPECT_EQ(v.table->source, "JSON-stat-fil folk.json");
  spec.language = sdg::Language::En;
  EXPECT_EQ(js::make_view(sets[0], spec).table->source, "JSON-stat file folk.json");
}

// Language of parts: what the file says of its labels' language.
TEST(JsonStatLanguage, FromPxWebExtensionElseFromStatisticsNorwaysName) {
  auto lang_of = [](const std::string& extra) {
    const std::string text = R"({"version": "2.0", "class": "dataset", "id": ["Tid"], "size": [1],)" + extra +
                             R"("dimension": {"Tid": {"category": {"index": {"2023": 0}}}}, "value": [1]})";
    return js::read_jsonstat(text, "t.json").front().language;
  };
  EXPECT_EQ(lang_of(R"("extension": {"px": {"language": "no"}},)"), "nb") << "Statistics Norway's 'no' is Bokmål";
  EXPECT_EQ(lang_of(R"("extension": {"px": {"language": "kl"}},)"), "kl");
  EXPECT_EQ(lang_of(R"("source": "Statistisk sentralbyrå",)"), "nb");
  EXPECT_EQ(lang_of(R"("source": "Statistics Norway",)"), "") << "the English edition: nothing to mark";
  EXPECT_EQ(lang_of(R"("extension": {"px": {"language": "not a tag"}},)"), "") << "ignored, never an error";
  EXPECT_EQ(lang_of(R"("extension": {"px": {"language": 7}},)"), "");
  EXPECT_EQ(lang_of(""), "");
}
