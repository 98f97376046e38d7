// Tests of the opensdg data-source plugin, compiled in directly (no plugin
// loader): the data-file reader over the real files in tests/data/open-sdg/,
// metadata, the progress methodology with worked numbers, the blocks an
// indicator becomes, the data source over a folder, and the documented errors.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "html_text.hpp"
#include "sdgreport/option_check.hpp"

// The plugin's option table, as the host reads it (plugin.cpp is compiled in).
extern "C" const sdg::PluginInfo* sdgreport_plugin_info();
#include "indicator_blocks.hpp"
#include "indicator_csv.hpp"
#include "metadata.hpp"
#include "opensdg_source.hpp"
#include "progress.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"

namespace os = sdg::opensdg;
namespace fs = std::filesystem;
using sdg::Block;
using sdg::Cell;
using sdg::Chart;
using sdg::IndicatorSummary;
using sdg::ProgressStatus;
using sdg::Section;
using sdg::Table;
using sdg::ValueStatus;

namespace {

const fs::path kData = SDGREPORT_OPENSDG_DATA;

os::CsvOptions csv_options(std::vector<std::string> keep,
                           sdg::plugins::DuplicatePolicy dup = sdg::plugins::DuplicatePolicy::First,
                           std::map<std::string, ValueStatus> status_map = {},
                           std::vector<std::string> non_disaggregation = {}) {
  os::CsvOptions o;
  o.keep = std::move(keep);
  o.duplicates = dup;
  o.status_map = std::move(status_map);
  o.non_disaggregation = std::move(non_disaggregation);
  return o;
}

os::IndicatorData read_file(const fs::path& p, std::vector<std::string> keep = {}) {
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in) << p;
  return os::read_indicator_csv(in, p.filename().string(), csv_options(std::move(keep)));
}

os::IndicatorData read_text(const std::string& text, std::vector<std::string> keep = {}) {
  std::istringstream in(text);
  return os::read_indicator_csv(in, "indicator_7-2-1.csv", csv_options(std::move(keep)));
}

/// The error read_text() throws for `text`.
sdg::Error csv_error(const std::string& text) {
  try {
    read_text(text);
  } catch (const sdg::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return sdg::Error(sdg::ErrorCode::Internal, "none");
}

std::vector<const os::Observation*> headline(const os::IndicatorData& d) {
  std::vector<const os::Observation*> out;
  for (const auto& r : d.rows)
    if (r.disaggregation < 0) out.push_back(&r);
  return out;
}

template <typename T>
std::vector<const T*> blocks_of(const std::vector<Block>& blocks) {
  std::vector<const T*> out;
  for (const Block& b : blocks)
    if (b.is<T>()) out.push_back(&b.as<T>());
  return out;
}

double number(const sdg::CellView& c) {
  EXPECT_EQ(c.kind, Cell::Kind::Number);
  return c.number;
}

}  // namespace

// ---------------------------------------------------------------- real files

TEST(OpenSdgRealFiles, UsaBomCrlfAndAnEmptyValue) {
  const auto d = read_file(kData / "usa/data/indicator_16-1-3.csv");
  EXPECT_EQ(d.header, (std::vector<std::string>{"Year", "Value"}));  // BOM gone
  EXPECT_TRUE(d.disaggregation_columns.empty());
  EXPECT_EQ(d.records, 23u);
  ASSERT_EQ(d.rows.size(), 23u);
  EXPECT_EQ(d.rows[0].year, "2000");
  EXPECT_DOUBLE_EQ(*d.rows[0].value, 1.88);
  EXPECT_EQ(d.rows[0].line, 2);
  EXPECT_EQ(d.rows[6].year, "2006");
  EXPECT_FALSE(d.rows[6].value);  // "2006,\r\n"
  EXPECT_EQ(d.rows[6].status, ValueStatus::NotAvailable);
  EXPECT_EQ(d.rows[22].year, "2022");
  EXPECT_DOUBLE_EQ(*d.rows[22].value, 1.24);
  EXPECT_EQ(d.rows[22].decimals, 2);

  os::BuildOptions o;
  o.title = "Violence";
  o.source = "FBI";
  const auto built = os::build_indicator_blocks("16.1.3", d, o);
  const auto sums = blocks_of<IndicatorSummary>(built.blocks);
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_DOUBLE_EQ(*sums[0]->value, 1.24);
  EXPECT_EQ(sums[0]->year, "2022");
  EXPECT_EQ(sums[0]->decimals, 2);
  const auto tables = blocks_of<Table>(built.blocks);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->columns.size(), 2u);
  EXPECT_EQ(tables[0]->columns[0].label, "Year");
  EXPECT_EQ(tables[0]->columns[1].label, "Value");
  ASSERT_EQ(tables[0]->data.rows(), 23u);
  EXPECT_EQ(tables[0]->data.cell(6, 1), Cell::missing(ValueStatus::NotAvailable));
  EXPECT_EQ(tables[0]->source, "FBI");
  EXPECT_EQ(tables[0]->indicator, "16.1.3");
}

TEST(OpenSdgRealFiles, CanadaQuotedNonAsciiHeaderAndSeries) {
  const auto d = read_file(kData / "canada/data/indicator_16-1-3.csv", {"Gender", "Marital status"});
  ASSERT_EQ(d.header.size(), 12u);
  EXPECT_EQ(d.header[5], "First Nations, Métis, or Inuit identity");
  EXPECT_TRUE(d.has_series);
  EXPECT_FALSE(d.has_units);
  EXPECT_EQ(d.disaggregation_columns.size(), 9u);  // Gender … Type of crime
  EXPECT_EQ(d.records, 59u);
  const auto head = headline(d);
  ASSERT_EQ(head.size(), 10u);  // 2 series × 5 years; the two rows with only "Type of crime" are not
  EXPECT_EQ(head[0]->series, "Physical violence");
  EXPECT_EQ(head[0]->year, "1999");
  EXPECT_DOUBLE_EQ(*head[0]->value, 80);
  EXPECT_EQ(head[9]->series, "Sexual violence");
  EXPECT_DOUBLE_EQ(*head[9]->value, 30);
  // Kept breakdowns: 4 rows by Gender, 6 by Marital status (quoted values with commas).
  int gender = 0, marital = 0;
  for (const auto& r : d.rows) {
    gender += r.disaggregation == 0;
    marital += r.disaggregation == 1;
  }
  EXPECT_EQ(gender, 4);
  EXPECT_EQ(marital, 6);
  EXPECT_EQ(d.rows.back().category, "Single, never married");
  EXPECT_DOUBLE_EQ(*d.rows.back().value, 81);

  os::BuildOptions o;
  o.title = "Violence";
  const auto built = os::build_indicator_blocks("16.1.3", d, o);
  const auto tables = blocks_of<Table>(built.blocks);
  ASSERT_EQ(tables.size(), 3u);  // headline, by Gender, by Marital status
  const Table& t = *tables[0];
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].label, "Physical violence");
  EXPECT_EQ(t.columns[2].label, "Sexual violence");
  ASSERT_EQ(t.data.rows(), 5u);
  EXPECT_EQ(t.data.cell(4, 0), Cell::of(std::string("2019")));
  EXPECT_DOUBLE_EQ(number(t.data.cell(4, 1)), 46);
  EXPECT_DOUBLE_EQ(number(t.data.cell(4, 2)), 30);
  EXPECT_EQ(tables[1]->caption, "Violence by Gender");
  ASSERT_EQ(tables[1]->columns.size(), 5u);
  EXPECT_EQ(tables[1]->columns[1].label, "Physical violence, Men");
  EXPECT_DOUBLE_EQ(number(tables[1]->data.cell(0, 4)), 50);  // Sexual violence, Women
  EXPECT_EQ(tables[2]->columns[2].label, "Physical violence, Separated, divorced, or widowed");
  // Summary: latest value of the first series.
  const auto sum = blocks_of<IndicatorSummary>(built.blocks).front();
  EXPECT_DOUBLE_EQ(*sum->value, 46);
  EXPECT_EQ(sum->year, "2019");
  // Chart: line, categories are the years, one series per Series value.
  const auto charts = blocks_of<Chart>(built.blocks);
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0]->categories, (std::vector<std::string>{"1999", "2004", "2009", "2014", "2019"}));
  ASSERT_EQ(charts[0]->series.size(), 2u);
  EXPECT_DOUBLE_EQ(*charts[0]->series[1].values[2], 24);
  EXPECT_FALSE(charts[0]->alt.empty());
}

TEST(OpenSdgRealFiles, CanadaMetadata) {
  const fs::path p = kData / "canada/meta/16-1-3.yml";
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  const auto m = os::parse_metadata(s.str(), p.string(), false);
  EXPECT_EQ(m.sources(), (std::vector<std::string>{"Statistics Canada"}));
  EXPECT_EQ(m.get("source_url_text_2"),
            "Table 1: Victimization incidents reported by Canadians, by type of offence, 1999, "
            "2004, 2009 and 2014");
  EXPECT_EQ(m.get("un_designated_tier"), "Tier II");
  EXPECT_EQ(m.get("REC_USE_LIM"), "Rates are calculated per 1,000 population aged 15 years and older.");
  EXPECT_EQ(m.get("graph_type"), "");
  EXPECT_FALSE(m.auto_progress);
}

TEST(OpenSdgRealFiles, UkEmptyFirstLineNoFinalNewlineGeoCodes) {
  const auto d = read_file(kData / "uk-ons/data/indicator_3-3-5.csv");
  ASSERT_EQ(d.header.size(), 9u);
  EXPECT_EQ(d.header[2], "Type of Neglected Tropical Disease (NTD)");
  EXPECT_EQ(d.disaggregation_columns,
            (std::vector<std::string>{"Type of Neglected Tropical Disease (NTD)", "Region of travel"}));
  EXPECT_EQ(d.records, 246u);
  const auto head = headline(d);
  ASSERT_EQ(head.size(), 28u);
  EXPECT_EQ(head[0]->series, "England, Wales and Northern Ireland");
  EXPECT_EQ(head[0]->line, 3);  // header on line 2
  EXPECT_DOUBLE_EQ(*head[0]->value, 223.0);
  EXPECT_EQ(head[0]->units, "Number");
  EXPECT_EQ(head.back()->geocode, "K02000002");
  EXPECT_EQ(head.back()->line, 248);  // the last line, without a final newline

  os::BuildOptions o;
  o.title = "Neglected tropical diseases";
  const auto built = os::build_indicator_blocks("3.3.5", d, o);
  const auto tables = blocks_of<Table>(built.blocks);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = *tables[0];
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[1].label, "England, Wales and Northern Ireland");
  EXPECT_EQ(t.columns[2].label, "United Kingdom (UK) – K02000001");
  EXPECT_EQ(t.columns[3].label, "United Kingdom (UK) – K02000002");
  EXPECT_EQ(t.columns[1].unit, "Number");
  EXPECT_EQ(t.columns[1].decimals, 1);
  ASSERT_EQ(t.data.rows(), 21u);  // 2000–2020
  EXPECT_EQ(t.data.cell(9, 0), Cell::of(std::string("2009")));
  EXPECT_DOUBLE_EQ(number(t.data.cell(9, 1)), 223.0);
  EXPECT_DOUBLE_EQ(number(t.data.cell(1, 2)), 2.0);                        // UK 2001
  EXPECT_EQ(t.data.cell(0, 1), Cell::missing(ValueStatus::NotAvailable));  // EWNI has no 2000
  const auto sum = blocks_of<IndicatorSummary>(built.blocks).front();
  EXPECT_EQ(sum->year, "2014");  // the first series (EWNI) ends in 2014
  EXPECT_DOUBLE_EQ(*sum->value, 642.0);
  EXPECT_EQ(sum->unit, "Number");
}

TEST(OpenSdgRealFiles, SchleswigHolsteinGermanLabelsTrailingSpaces) {
  const auto d = read_file(kData / "schleswig-holstein/data/indicator_1-2-1.csv", {"Gruppe"});
  EXPECT_EQ(d.records, 70u);
  const auto head = headline(d);
  ASSERT_EQ(head.size(), 14u);
  EXPECT_DOUBLE_EQ(*head[0]->value, 11.6);  // "11.6  "
  EXPECT_EQ(head[0]->decimals, 1);
  EXPECT_DOUBLE_EQ(*head[13]->value, 5.5);
  os::BuildOptions o;
  o.title = "Armut";
  o.language = sdg::Language::Nb;
  const auto built = os::build_indicator_blocks("1.2.1", d, o);
  const auto tables = blocks_of<Table>(built.blocks);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->columns[0].label, "År");
  EXPECT_EQ(tables[1]->caption, "Armut etter Gruppe");
  ASSERT_EQ(tables[1]->columns.size(), 5u);
  EXPECT_EQ(tables[1]->columns[1].label, "Männer");
  EXPECT_EQ(tables[1]->columns[3].label, "Ausländer");
  EXPECT_EQ(tables[1]->data.cell(0, 3), Cell::missing(ValueStatus::NotAvailable));  // empty values
  EXPECT_DOUBLE_EQ(number(tables[1]->data.cell(0, 1)), 11.9);                       // Männer 2005
}

// ---------------------------------------------------------------- quirks written inline

TEST(OpenSdgCsv, NonIntegerYearsSortByTheirFirstYear) {
  const auto d = read_text("Year,Value\n2005/06,1.7\n2004/05,1.5\n2019,2\n");
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[0].year_start, 2005);
  os::BuildOptions o;
  o.title = "T";
  const auto built = os::build_indicator_blocks("7.2.1", d, o);
  const auto t = blocks_of<Table>(built.blocks).front();
  EXPECT_EQ(t->data.cell(0, 0), Cell::of(std::string("2004/05")));
  EXPECT_EQ(t->data.cell(1, 0), Cell::of(std::string("2005/06")));
  const auto sum = blocks_of<IndicatorSummary>(built.blocks).front();
  EXPECT_EQ(sum->year, "2019");
}

TEST(OpenSdgCsv, MixedUnitsAreSplit) {
  const auto d = read_text(
      "Year,Units,Sex,Value\n2015,Percent,,50\n2016,Percent,,55.5\n2015,Number,,1000\n"
      "2016,Number,,1100\n2016,Number,Female,600\n");
  os::BuildOptions o;
  o.title = "Share";
  const auto built = os::build_indicator_blocks("7.2.1", d, o);
  const auto tables = blocks_of<Table>(built.blocks);
  const auto charts = blocks_of<Chart>(built.blocks);
  ASSERT_EQ(tables.size(), 2u);
  ASSERT_EQ(charts.size(), 2u);
  EXPECT_EQ(tables[0]->caption, "Share (Percent)");
  EXPECT_EQ(tables[0]->columns[1].unit, "Percent");
  EXPECT_EQ(tables[0]->columns[1].decimals, 1);
  EXPECT_EQ(tables[1]->caption, "Share (Number)");
  EXPECT_EQ(charts[1]->series[0].unit, "Number");
  EXPECT_NE(tables[0]->id, tables[1]->id);
  const auto sum = blocks_of<IndicatorSummary>(built.blocks).front();
  EXPECT_DOUBLE_EQ(*sum->value, 55.5);
  EXPECT_EQ(sum->unit, "Percent");
}

TEST(OpenSdgCsv, QuotesBlankLinesAndDoubledQuotes) {
  const auto d = read_text(
      "\n\n\"Year\",\"Region, part\",\"Value\"\r\n2015,\"Agder, \"\"south\"\"\",3\r\n\r\n"
      "2016,,\"1.5\"\r\n2017,,\r\n",
      {"Region, part"});
  EXPECT_EQ(d.header[1], "Region, part");
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[0].category, "Agder, \"south\"");
  EXPECT_EQ(d.rows[0].line, 4);
  EXPECT_EQ(d.rows[1].line, 6);  // after a blank line
  EXPECT_DOUBLE_EQ(*d.rows[1].value, 1.5);
  EXPECT_FALSE(d.rows[2].value);
}

TEST(OpenSdgCsv, QuotedLineBreakAndScientificValues) {
  const auto d =
      read_text("Year,\"Region\nname\",Value\n2015,,1e-05\n2016,\"A\nB\",2\n2017,,2.5E3\n", {"Region\nname"});
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_DOUBLE_EQ(*d.rows[0].value, 1e-05);
  EXPECT_EQ(d.rows[0].decimals, 5);
  EXPECT_EQ(d.rows[0].line, 3);
  EXPECT_EQ(d.rows[1].category, "A\nB");
  EXPECT_EQ(d.rows[2].line, 6);
  EXPECT_DOUBLE_EQ(*d.rows[2].value, 2500);
}

TEST(OpenSdgCsv, MissingMarkersAndObservationStatus) {
  const auto d =
      read_text("Year,Observation status,Value\n2015,Provisional,3\n2016,,..\n2017,Estimated value,4\n");
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[0].status, ValueStatus::Provisional);
  EXPECT_FALSE(d.rows[1].value);
  EXPECT_EQ(d.rows[1].status, ValueStatus::NotAvailable);
  EXPECT_EQ(d.rows[2].status, ValueStatus::Estimated);
}

// ---------------------------------------------------------------- malformed files

TEST(OpenSdgErrors, RaggedRowNamesFileAndLine) {
  const auto e = csv_error("Year,Sex,Value\n2015,,3\n2016,4\n");
  EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
  EXPECT_EQ(e.where().str(), "indicator_7-2-1.csv:3");
  EXPECT_EQ(e.message(), "row has 2 fields, the header (line 1) has 3");
}

TEST(OpenSdgErrors, BadNumberNamesFileAndLine) {
  const auto e = csv_error("\nYear,Value\n2015,3\n2016,1,5\n");  // ragged first
  EXPECT_EQ(e.where().str(), "indicator_7-2-1.csv:4");
  const auto b = csv_error("Year,Value\r\n2015,3\r\n2016,abc\r\n");
  EXPECT_EQ(b.code(), sdg::ErrorCode::Input);
  EXPECT_EQ(b.where().str(), "indicator_7-2-1.csv:3");
  EXPECT_EQ(b.message(), "bad number in column Value: 'abc' is not a number");
  EXPECT_EQ(csv_error("Year,Value\n2015,12 %\n").where().line, 2);
  EXPECT_EQ(csv_error("Year,Value\n2015,\"multi\nline\"\n").where().line, 2);
}

TEST(OpenSdgErrors, HeaderAndYearProblems) {
  EXPECT_EQ(csv_error("").message(), "the file is empty: no header row with Year and Value");
  const auto no_value = csv_error("Year,Amount\n2015,3\n");
  EXPECT_EQ(no_value.where().line, 1);
  EXPECT_NE(no_value.message().find("needs the columns Year and Value"), std::string::npos);
  EXPECT_NE(csv_error("Year,Sex,Sex,Value\n").message().find("'Sex' appears twice"), std::string::npos);
  const auto year = csv_error("Year,Value\n2015,1\nlast year,2\n");
  EXPECT_EQ(year.where().str(), "indicator_7-2-1.csv:3");
  EXPECT_NE(year.message().find("four-digit year"), std::string::npos);
  EXPECT_EQ(csv_error("Year,Value\n,2\n").message(), "empty Year");
}

TEST(OpenSdgErrors, UnterminatedQuote) {
  const auto e = csv_error("Year,Sex,Value\n2015,,1\n2016,\"Female,2\n2017,,3\n");
  EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
  EXPECT_EQ(e.where().str(), "indicator_7-2-1.csv:3");
  EXPECT_NE(e.message().find("unterminated"), std::string::npos);
}

TEST(OpenSdgErrors, MalformedMetadata) {
  try {
    os::parse_metadata("indicator_name: Share\ngraph_type: [line\n", "meta/7-2-1.yml", false);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
    EXPECT_EQ(e.where().file, "meta/7-2-1.yml");
    EXPECT_GE(e.where().line, 2);
    EXPECT_NE(e.message().find("malformed YAML"), std::string::npos);
  }
  try {
    os::parse_metadata("---\nprogress_calculation_options:\n  - direction: up\n---\nText\n", "meta/7-2-1.md",
                       true);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.where().str(), "meta/7-2-1.md:3:16");  // line in the .md file
    EXPECT_NE(e.message().find("'positive' or 'negative'"), std::string::npos);
  }
  EXPECT_THROW(os::parse_metadata("---\ntitle: x\n", "m.md", true), sdg::Error);
}

TEST(OpenSdgMetadata, FrontMatterAndSources) {
  const auto m = os::parse_metadata(
      "---\r\nindicator_name: Andel fornybar energi\r\ngraph_type: bar\r\n"
      "source_active_1: false\r\nsource_organisation_1: Old\r\n"
      "source_organisation_10: Ten\r\nsource_organisation_2: SSB\r\n"
      "auto_progress_calculation: true\r\nprogress_calculation_options:\r\n"
      "  - direction: positive\r\n    target: 80\r\n    series: Total\r\n---\r\n# Body\r\n",
      "meta/7-2-1.md", true);
  EXPECT_EQ(m.get("indicator_name"), "Andel fornybar energi");
  EXPECT_EQ(m.sources(), (std::vector<std::string>{"SSB", "Ten"}));
  EXPECT_TRUE(m.auto_progress.value_or(false));
  ASSERT_EQ(m.progress.size(), 1u);
  EXPECT_EQ(m.progress[0].direction, os::Direction::Positive);
  EXPECT_DOUBLE_EQ(*m.progress[0].target, 80);
  EXPECT_EQ(m.progress[0].series, "Total");
  EXPECT_EQ(os::chart_kind_from_graph_type(m.get("graph_type")), Chart::Kind::Column);
  EXPECT_EQ(os::parse_metadata("Just text\n", "m.md", true).fields.size(), 0u);
}

// ---------------------------------------------------------------- progress, worked numbers

namespace {
os::ProgressConfig cfg(os::Direction d, std::optional<double> target = std::nullopt) {
  os::ProgressConfig c;
  c.direction = d;
  c.target = target;
  return c;
}
constexpr auto kUp = os::Direction::Positive;
constexpr auto kDown = os::Direction::Negative;
}  // namespace

TEST(OpenSdgProgress, NoTargetThresholds) {
  // CAGR 2015→2020: (110/100)^(1/5) − 1 = 1.9245 % ≥ 1.5 % → substantial (score 4.62)
  auto r = os::measure_progress({{2015, 100}, {2020, 110}}, cfg(kUp));
  EXPECT_EQ(r.status, ProgressStatus::Substantial);
  EXPECT_NEAR(*r.value, 0.0192449, 1e-6);
  EXPECT_NEAR(*r.score, 4.6224, 1e-3);
  // (103/100)^(1/5) − 1 = 0.5929 % → moderate
  EXPECT_EQ(os::measure_progress({{2015, 100}, {2020, 103}}, cfg(kUp)).status, ProgressStatus::Moderate);
  // (101/100)^(1/5) − 1 = 0.1992 % → limited
  EXPECT_EQ(os::measure_progress({{2015, 100}, {2020, 101}}, cfg(kUp)).status, ProgressStatus::Limited);
  // (95/100)^(1/5) − 1 = −1.0206 % → deterioration (score −3.78)
  r = os::measure_progress({{2015, 100}, {2020, 95}}, cfg(kUp));
  EXPECT_EQ(r.status, ProgressStatus::Deterioration);
  EXPECT_NEAR(*r.score, -3.7758, 1e-3);
  // Lower is better: 100 → 90 is CAGR −2.0852 %, P = +2.0852 % → substantial
  r = os::measure_progress({{2015, 100}, {2020, 90}}, cfg(kDown));
  EXPECT_EQ(r.status, ProgressStatus::Substantial);
  EXPECT_NEAR(*r.value, 0.0208516, 1e-6);
  // Open SDG's default direction is negative
  EXPECT_EQ(os::measure_progress({{2015, 100}, {2020, 110}}, os::ProgressConfig{}).status,
            ProgressStatus::Deterioration);
}

TEST(OpenSdgProgress, WithTarget) {
  // 60 (2015) → 70 (2020), target 100 in 2030:
  // CAGR_o = (70/60)^(1/5) − 1 = 3.1310 %, CAGR_T = (100/60)^(1/15) − 1 = 3.4642 %,
  // R = 0.9038: 60 % ≤ R < 95 % → moderate
  auto r = os::measure_progress({{2015, 60}, {2018, 64}, {2020, 70}}, cfg(kUp, 100));
  EXPECT_EQ(r.status, ProgressStatus::Moderate);
  EXPECT_NEAR(*r.value, 0.903837, 1e-5);
  EXPECT_NEAR(*r.score, 2.1703, 1e-3);
  // 60 → 75: R = ((75/60)^(1/5) − 1) / 3.4642 % = 1.3201 → substantial
  EXPECT_EQ(os::measure_progress({{2015, 60}, {2020, 75}}, cfg(kUp, 100)).status,
            ProgressStatus::Substantial);
  // 60 → 62: R = 0.6581 % / 3.4642 % = 0.19 → limited; 60 → 58: R < 0 → deterioration
  EXPECT_EQ(os::measure_progress({{2015, 60}, {2020, 62}}, cfg(kUp, 100)).status, ProgressStatus::Limited);
  EXPECT_EQ(os::measure_progress({{2015, 60}, {2020, 58}}, cfg(kUp, 100)).status,
            ProgressStatus::Deterioration);
  // Already there: the latest value reaches the target (lower is better, 4.8 ≤ 5)
  EXPECT_EQ(os::measure_progress({{2015, 9}, {2022, 4.8}}, cfg(kDown, 5)).status,
            ProgressStatus::TargetAchieved);
}

TEST(OpenSdgProgress, BaseYearAndEdgeCases) {
  // No 2015 value: the base is the next year with a value (2016): 10 → 8 over 3 years
  auto r = os::measure_progress({{2014, 50}, {2019, 8}, {2016, 10}}, cfg(kDown));
  EXPECT_EQ(r.base_year, 2016);
  EXPECT_EQ(r.current_year, 2019);
  EXPECT_NEAR(*r.value, 0.0716822, 1e-6);
  EXPECT_EQ(r.status, ProgressStatus::Substantial);
  // Only one year from the base year on
  r = os::measure_progress({{2012, 1}, {2020, 2}}, cfg(kUp));
  EXPECT_EQ(r.status, ProgressStatus::NotAvailable);
  EXPECT_FALSE(r.note.empty());
  // Everything before the base year; no data; a repeated year; a change of sign
  EXPECT_EQ(os::measure_progress({{2010, 1}, {2012, 2}}, cfg(kUp)).status, ProgressStatus::NotAvailable);
  EXPECT_EQ(os::measure_progress({}, cfg(kUp)).status, ProgressStatus::NotAvailable);
  EXPECT_EQ(os::measure_progress({{2015, 1}, {2016, 2}, {2016, 3}}, cfg(kUp)).status,
            ProgressStatus::NotAvailable);
  EXPECT_EQ(os::measure_progress({{2015, -1}, {2020, 2}}, cfg(kUp)).status, ProgressStatus::NotAvailable);
  // Negative values: s = −1, so a rise from −10 to −5 with "positive" is progress
  EXPECT_EQ(os::measure_progress({{2015, -10}, {2020, -5}}, cfg(kUp)).status, ProgressStatus::Substantial);
  // A base value of 0 is taken as 0.001, as Open SDG does
  r = os::measure_progress({{2015, 0}, {2020, 1}}, cfg(kUp));
  EXPECT_EQ(r.status, ProgressStatus::Substantial);
  EXPECT_NE(r.note.find("0.001"), std::string::npos);
}

TEST(OpenSdgProgress, NaturalLimitScalesThresholds) {
  // Base 95 near the limit 100: C = 1 − 0.95^4.44 = 0.20367, so the thresholds become
  // 0.3055 % / 0.1018 % / 0. 95 → 96 (0.2096 %) is moderate, not limited.
  EXPECT_NEAR(os::limit_coefficient(95, 100), 0.203670, 1e-5);
  EXPECT_DOUBLE_EQ(os::limit_coefficient(250, 100), 1.0);
  os::ProgressConfig c = cfg(kUp);
  EXPECT_EQ(os::measure_progress({{2015, 95}, {2020, 96}}, c).status, ProgressStatus::Limited);
  c.limit = 100;
  EXPECT_EQ(os::measure_progress({{2015, 95}, {2020, 96}}, c).status, ProgressStatus::Moderate);
}

TEST(OpenSdgProgress, CombiningSeriesAveragesScores) {
  const auto a = os::measure_progress({{2015, 100}, {2020, 110}}, cfg(kUp));  // 4.62
  const auto b = os::measure_progress({{2015, 100}, {2020, 95}}, cfg(kUp));   // −3.78
  EXPECT_EQ(os::combine_progress({a, b}), ProgressStatus::Moderate);          // mean 0.42
  const auto t = os::measure_progress({{2015, 9}, {2022, 4.8}}, cfg(kDown, 5));
  EXPECT_EQ(os::combine_progress({t, t}), ProgressStatus::TargetAchieved);
  EXPECT_EQ(os::combine_progress({}), ProgressStatus::NotAvailable);
  EXPECT_EQ(os::progress_status_from_open_sdg("substantial_progress"), ProgressStatus::Substantial);
  EXPECT_EQ(os::progress_status_from_open_sdg("target_achieved"), ProgressStatus::TargetAchieved);
  EXPECT_FALSE(os::progress_status_from_open_sdg("great"));
}

TEST(OpenSdgProgress, OnTheSummaryFromTheData) {
  const auto d = read_text("Year,Value\n2015,60\n2018,64\n2020,70\n");
  os::BuildOptions o;
  o.title = "T";
  o.assess = true;
  o.progress = {cfg(kUp, 100)};
  const auto built = os::build_indicator_blocks("7.2.1", d, o);
  EXPECT_EQ(blocks_of<IndicatorSummary>(built.blocks).front()->progress, ProgressStatus::Moderate);
  o.assess = false;
  o.manual = ProgressStatus::Limited;
  EXPECT_EQ(os::build_indicator_blocks("7.2.1", d, o).status, ProgressStatus::Limited);
  o.manual.reset();
  EXPECT_EQ(os::build_indicator_blocks("7.2.1", d, o).status, ProgressStatus::NotAssessed);
}

// ---------------------------------------------------------------- the data source

namespace {

sdg::Value scalar(const std::string& s) {
  return sdg::Value::scalar(s, {"report.yaml", 12, 20});
}

sdg::Options options(std::vector<std::pair<std::string, sdg::Value>> entries) {
  return sdg::Options(sdg::Value::map(std::move(entries), {"report.yaml", 12, 7}), "plugin 'opensdg'");
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("sdgreport-osdg-test-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(path);
    fs::create_directories(path / "data");
    fs::create_directories(path / "meta");
  }
  void write(const std::string& rel, const std::string& text) const {
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  ~TempDir() { fs::remove_all(path); }
};

}  // namespace

TEST(OpenSdgSource, FillsTheGoalSectionFromTheCanadaFolder) {
  sdg::Context ctx(kData, sdg::Language::En, 0);
  os::OpenSdgSource src;
  const auto opts = options({{"plugin", scalar("opensdg")},
                             {"folder", scalar("canada")},
                             {"disaggregations", sdg::Value::list({scalar("Gender"), scalar("Sexe")})}});
  Section g16("Peace");
  g16.set_goal(16);
  src.fill(sdg::SourceRequest{opts, 16}, g16, ctx);
  EXPECT_EQ(g16.targets(), (std::vector<std::string>{"16.1"}));
  const auto sums = blocks_of<IndicatorSummary>(g16.blocks());
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0]->indicator, "16.1.3");
  EXPECT_EQ(sums[0]->source, "Statistics Canada");
  EXPECT_NE(sums[0]->title.find("violence"), std::string::npos);  // catalogue title: no indicator_name
  const auto tables = blocks_of<Table>(g16.blocks());
  ASSERT_EQ(tables.size(), 2u);
  for (const auto* t : tables) EXPECT_EQ(t->source, "Statistics Canada");
  EXPECT_EQ(blocks_of<Chart>(g16.blocks()).front()->source, "Statistics Canada");
  ASSERT_EQ(ctx.warnings().size(), 1u);  // 'Sexe' is in no file of the folder; 'Gender' is
  EXPECT_EQ(ctx.warnings()[0].code, "opensdg-unknown-disaggregation");
  EXPECT_NE(ctx.warnings()[0].message.find("'Sexe'"), std::string::npos);

  // Another goal: nothing from this folder, and a warning saying so.
  Section g4("Education");
  g4.set_goal(4);
  src.fill(sdg::SourceRequest{opts, 4}, g4, ctx);
  EXPECT_TRUE(g4.blocks().empty());
  EXPECT_EQ(ctx.warnings().back().code, "opensdg-no-indicators");
}

TEST(OpenSdgSource, ListedIdsMetadataTitleChartAndProgressOption) {
  TempDir dir;
  dir.write("data/indicator_7-2-1.csv", "Year,Value\n2015,60\n2020,70\n");
  dir.write("data/indicator_7-1-1.csv", "Year,Value\n2015,100\n2020,100\n");
  dir.write("meta/7-2-1.md",
            "---\nindicator_name: Renewable share\ngraph_type: bar\nsource_organisation_1: SSB\n---\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  const auto progress = sdg::Value::map(
      {{"7.2.1", sdg::Value::map({{"direction", scalar("positive")}, {"target", scalar("100")}})}});
  const auto opts = options(
      {{"folder", scalar(".")}, {"indicators", sdg::Value::list({scalar("7-2-1")})}, {"progress", progress}});
  Section g7("Energy");
  g7.set_goal(7);
  src.fill(sdg::SourceRequest{opts, 7}, g7, ctx);
  const auto sums = blocks_of<IndicatorSummary>(g7.blocks());
  ASSERT_EQ(sums.size(), 1u);  // 7.1.1 is not listed
  EXPECT_EQ(sums[0]->title, "Renewable share");
  EXPECT_EQ(sums[0]->source, "SSB");
  EXPECT_EQ(sums[0]->progress, ProgressStatus::Moderate);
  EXPECT_EQ(blocks_of<Chart>(g7.blocks()).front()->kind, Chart::Kind::Column);
  EXPECT_EQ(g7.targets(), (std::vector<std::string>{"7.2"}));

  // Every file of the goal, in catalogue order; 7.1.1 has no metadata: cited by file name.
  Section all("Energy");
  all.set_goal(7);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"chart", scalar("none")}}), 7}, all, ctx);
  const auto both = blocks_of<IndicatorSummary>(all.blocks());
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0]->indicator, "7.1.1");
  EXPECT_EQ(both[0]->source, "Open SDG data, indicator_7-1-1.csv");
  EXPECT_TRUE(blocks_of<Chart>(all.blocks()).empty());
  EXPECT_EQ(all.targets(), (std::vector<std::string>{"7.1", "7.2"}));
}

TEST(OpenSdgSource, DefaultSourceNoteIsInTheReportLanguage) {
  TempDir dir;
  dir.write("data/indicator_7-1-1.csv", "Year,Value\n2015,100\n2020,100\n");
  sdg::Context ctx(dir.path, sdg::Language::Nb, 0);
  os::OpenSdgSource src;
  Section g7("Energi");
  g7.set_goal(7);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"chart", scalar("none")}}), 7}, g7, ctx);
  const auto sums = blocks_of<IndicatorSummary>(g7.blocks());
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0]->source, "Open SDG-data, indicator_7-1-1.csv");
}

TEST(OpenSdgSource, UnknownIndicatorIdNamesTheFile) {
  TempDir dir;
  dir.write("data/indicator_4-1-1.csv", "Year,Value\n2015,1\n");
  dir.write("data/indicator_4-99-9.csv", "Year,Value\n2015,1\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  Section g4("Education");
  g4.set_goal(4);
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 4}, g4, ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
    EXPECT_NE(e.where().file.find("indicator_4-99-9.csv"), std::string::npos) << e.what();
    EXPECT_NE(e.message().find("4.99.9 is not an SDG indicator"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(g4.blocks().empty());  // nothing added when the fill fails
  // Listed, the error points at the option and names the file too.
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"indicators", scalar("4.99.9")}}), 4}, g4,
             ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Definition);
    EXPECT_EQ(e.where().str(), "report.yaml:12:20");
    EXPECT_NE(e.message().find("indicator_4-99-9.csv"), std::string::npos) << e.what();
  }
  // With unknown_indicators: skip, the file is left out with a warning.
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"unknown_indicators", scalar("skip")}}), 4},
           g4, ctx);
  EXPECT_EQ(blocks_of<IndicatorSummary>(g4.blocks()).size(), 1u);
}

TEST(OpenSdgSource, BadDataFileAndOptionErrors) {
  TempDir dir;
  dir.write("data/indicator_13-2-2.csv", "Year,Value\n2015,1\n2016,x\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  Section g13("Climate");
  g13.set_goal(13);
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 13}, g13, ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
    EXPECT_EQ(e.where().line, 3);
    EXPECT_NE(e.where().file.find("indicator_13-2-2.csv"), std::string::npos);
  }
  auto code_of = [&](const sdg::Options& o) {
    try {
      src.fill(sdg::SourceRequest{o, 13}, g13, ctx);
    } catch (const sdg::Error& e) {
      return e.code();
    }
    return sdg::ErrorCode::Internal;
  };
  EXPECT_EQ(code_of(options({})), sdg::ErrorCode::Definition);  // no folder
  EXPECT_EQ(code_of(options({{"folder", scalar("nowhere")}})), sdg::ErrorCode::Input);
  // chart is an enum of the option table (plugin.cpp): the host's check refuses
  // 'pie', the only check of it; unchecked, the plugin stops with an internal error.
  const sdg::Options pie = options({{"folder", scalar(".")}, {"chart", scalar("pie")}});
  try {
    sdg::check_options(pie, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
    ADD_FAILURE() << "chart: pie passed the option check";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Definition);
    EXPECT_NE(std::string(e.what()).find("expected one of auto, line, column, bar, none, got 'pie'"),
              std::string::npos)
        << e.what();
  }
  try {
    src.fill(sdg::SourceRequest{pie, 13}, g13, ctx);
    ADD_FAILURE() << "chart: pie read";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Internal);
  }
  EXPECT_EQ(code_of(options(
                {{"folder", scalar(".")}, {"progress", sdg::Value::map({{"13.9.9", sdg::Value::map({})}})}})),
            sdg::ErrorCode::Definition);
  EXPECT_EQ(
      code_of(options(
          {{"folder", scalar(".")},
           {"progress", sdg::Value::map({{"13.2.2", sdg::Value::map({{"direction", scalar("up")}})}})}})),
      sdg::ErrorCode::Definition);
  // status_map: an unknown status name is an error naming the choices, nil among them
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")},
                                         {"status_map", sdg::Value::map({{"Suppressed", scalar("secret")}})}}),
                                13},
             g13, ctx);
    ADD_FAILURE() << "status_map: secret read";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Definition);
    EXPECT_NE(std::string(e.what()).find("unknown status 'secret'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nil"), std::string::npos) << e.what();
  }
}

TEST(OpenSdgSource, IdsAndFileNames) {
  EXPECT_EQ(os::normalise_indicator_id("7-2-1"), "7.2.1");
  EXPECT_EQ(os::normalise_indicator_id("17.19.2"), "17.19.2");
  EXPECT_EQ(os::normalise_indicator_id("14.b.1"), "14.b.1");
  EXPECT_FALSE(os::normalise_indicator_id("seven"));
  EXPECT_FALSE(os::normalise_indicator_id("7..1"));
  EXPECT_EQ(os::indicator_id_of_file("indicator_16-1-3.csv"), "16.1.3");
  EXPECT_FALSE(os::indicator_id_of_file("indicator_.csv"));
  EXPECT_FALSE(os::indicator_id_of_file("notes.csv"));
}

// ---------------------------------------------------------------- cost

TEST(OpenSdgCost, LargeFileKeepsOnlyWhatItNeeds) {
  // 300,000 rows, of which 30 are the headline: read in one pass, 30 rows kept.
  std::string text = "Year,Sex,Age,Region,Value\n";
  text.reserve(300000 * 32);
  for (int i = 0; i < 300000; ++i) {
    const int year = 1990 + i % 30;
    if (i < 30)
      text += std::to_string(year) + ",,,," + std::to_string(i) + ".5\n";
    else
      text += std::to_string(year) + ",Female,15-24,\"Region " + std::to_string(i % 97) + ", north\"," +
              std::to_string(i % 1000) + ".25\n";
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto d = read_text(text);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(d.records, 300000u);
  EXPECT_EQ(d.rows.size(), 30u);
  EXPECT_LT(secs, 20.0) << "read " << text.size() << " bytes in " << secs << " s";
  RecordProperty("seconds", std::to_string(secs));
}

// ---------------------------------------------------------------- issue 10: fidelity

namespace {

os::IndicatorData read_with(const std::string& text, os::CsvOptions o) {
  std::istringstream in(text);
  return os::read_indicator_csv(in, "indicator_5-4-1.csv", o);
}

sdg::Error read_error(const std::string& text, os::CsvOptions o = os::CsvOptions()) {
  try {
    read_with(text, std::move(o));
  } catch (const sdg::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return sdg::Error(sdg::ErrorCode::Internal, "none");
}

}  // namespace

TEST(OpenSdgDuplicates, HeadlineAndDisaggregatedRowsAreReportedWithBothLines) {
  const std::string text =
      "Year,Sex,Age,Value\n"
      "2019,,,10\n"         // 2
      "2019,Female,,11\n"   // 3
      "2019,,15-24,12\n"    // 4  (Age is not kept)
      "2019,,15-24,13\n"    // 5  duplicate of 4, a breakdown that is not kept
      "2019,Female,,14\n"   // 6  duplicate of 3, kept breakdown
      "2019,,,15\n";        // 7  duplicate of 2, headline
  const auto d = read_with(text, csv_options({"Sex"}));
  ASSERT_EQ(d.duplicates.size(), 3u);
  EXPECT_EQ(d.duplicates[0].first_line, 4);
  EXPECT_EQ(d.duplicates[0].second_line, 5);
  EXPECT_EQ(d.duplicates[0].key, "Year 2019, Age '15-24'");
  EXPECT_EQ(d.duplicates[1].first_line, 3);
  EXPECT_EQ(d.duplicates[1].second_line, 6);
  EXPECT_EQ(d.duplicates[1].first_value, "11");
  EXPECT_EQ(d.duplicates[1].second_value, "14");
  EXPECT_EQ(d.duplicates[2].first_line, 2);
  EXPECT_EQ(d.duplicates[2].second_line, 7);
  // Default: the first value of each is kept.
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(*d.rows[0].value, 10);
  EXPECT_EQ(*d.rows[1].value, 11);

  // last: the later value replaces the earlier, in the earlier's place.
  const auto l = read_with(text, csv_options({"Sex"}, sdg::plugins::DuplicatePolicy::Last));
  ASSERT_EQ(l.rows.size(), 2u);
  EXPECT_EQ(*l.rows[0].value, 15);
  EXPECT_EQ(l.rows[0].line, 7);
  EXPECT_EQ(*l.rows[1].value, 14);

  // error: the first duplicate stops the read, naming both lines.
  const auto e = read_error(text, csv_options({"Sex"}, sdg::plugins::DuplicatePolicy::Error));
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("line 4"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("Age '15-24'"), std::string::npos) << e.what();

  // Different Series or Units are different keys, not duplicates.
  const auto s = read_with("Year,Series,Units,Value\n2019,A,%,1\n2019,B,%,2\n2019,A,t,3\n", csv_options({}));
  EXPECT_TRUE(s.duplicates.empty());
  EXPECT_EQ(s.rows.size(), 3u);
}

TEST(OpenSdgDuplicates, TheSourceWarnsByDefaultAndStopsWithDuplicatesError) {
  TempDir dir;
  dir.write("data/indicator_5-4-1.csv", "Year,Age,Value\n2019,,1\n2019,15-24,2\n2020,,3\n2019,15-24,4\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  Section g5("Gender");
  g5.set_goal(5);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 5}, g5, ctx);
  const sdg::Warning* w = nullptr;
  for (const auto& x : ctx.warnings())
    if (x.code == "duplicate-observation") w = &x;
  ASSERT_TRUE(w);
  EXPECT_NE(w->message.find("lines 3 and 5"), std::string::npos) << w->message;
  EXPECT_NE(w->message.find("the first value was kept"), std::string::npos) << w->message;
  EXPECT_NE(w->where.find("indicator_5-4-1.csv:5"), std::string::npos) << w->where;

  Section again("Gender");
  again.set_goal(5);
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"duplicates", scalar("error")}}), 5}, again,
             ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.where().line, 5);
    EXPECT_NE(e.where().file.find("indicator_5-4-1.csv"), std::string::npos);
    EXPECT_NE(e.message().find("line 3"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(again.blocks().empty());
  // duplicates is an enum of the option table: the host's check refuses 'newest';
  // unchecked, the plugin stops with an internal error, not a second message.
  const sdg::Options newest = options({{"folder", scalar(".")}, {"duplicates", scalar("newest")}});
  try {
    sdg::check_options(newest, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
    ADD_FAILURE() << "duplicates: newest passed the option check";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Definition);
    EXPECT_NE(std::string(e.what()).find("expected one of first, last, error, got 'newest'"), std::string::npos)
        << e.what();
  }
  try {
    src.fill(sdg::SourceRequest{newest, 5}, again, ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Internal);
  }
}

TEST(OpenSdgStrayQuote, AQuoteInsideAnUnquotedFieldIsText) {
  // The core's one CSV tokenizer (as the csv plugin, Python's csv and pandas): a
  // quote that does not open a field is text, so no line is joined to another
  // and every row is read. (The old quote-counting framer joined lines 3–5 and
  // refused the file.)
  const auto d = read_with("Year,Sex,Value\n2018,,1\n2019,Fem\"ale,2\n2020,,3\n2021,Male\",4\n2022,,5\n",
                           csv_options({"Sex"}));
  ASSERT_EQ(d.rows.size(), 5u);
  EXPECT_EQ(d.rows[1].category, "Fem\"ale");
  EXPECT_EQ(d.rows[1].line, 3);
  EXPECT_EQ(d.rows[3].category, "Male\"");
  EXPECT_EQ(*d.rows[4].value, 5);
  // A quote opening a field that then swallows records: wrong field count, named.
  const auto e3 = read_error("Year,Sex,Value\n2018,\"x,1\n2019,,2\n2020,\"y,3\n");
  EXPECT_EQ(e3.where().line, 2);
  EXPECT_NE(e3.message().find("runs to line 4"), std::string::npos) << e3.what();
  // ... or a line break inside Year.
  const auto e4 = read_error("Year,Sex,Value\n\"2018\n2019\",a,1\n");
  EXPECT_NE(e4.message().find("Year"), std::string::npos) << e4.what();
}

TEST(OpenSdgStrayQuote, LegitimateMultiLineTextIsAccepted) {
  const auto d = read_with("Year,Comment,Value\n2018,,1\n2019,\"first line\nsecond, \"\"quoted\"\" line\",2\n2020,,3\n",
                           csv_options({}, sdg::plugins::DuplicatePolicy::First, {}, {"Comment"}));
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[2].line, 5);
  EXPECT_EQ(*d.rows[1].value, 2);
}

TEST(OpenSdgStatus, ObservationStatusTableAndOption) {
  EXPECT_EQ(os::observation_status("Normal value"), ValueStatus::None);
  EXPECT_EQ(os::observation_status(" Estimated value "), ValueStatus::Estimated);
  EXPECT_EQ(os::observation_status("Provisional figure"), ValueStatus::Provisional);
  EXPECT_EQ(os::observation_status("Break in series"), ValueStatus::BreakInSeries);
  EXPECT_FALSE(os::observation_status("Schätzung"));
  EXPECT_EQ(os::observation_status("Schätzung", {{"schätzung", ValueStatus::Estimated}}), ValueStatus::Estimated);

  const std::string text = "Year,Observation status,Value\n2018,Schätzung,1\n2019,Geheim,2\n2020,Estimated value,3\n";
  const auto d = read_with(text, csv_options({}, sdg::plugins::DuplicatePolicy::First, {{"Schätzung", ValueStatus::Estimated}}));
  EXPECT_EQ(d.rows[0].status, ValueStatus::Estimated);
  EXPECT_EQ(d.rows[1].status, ValueStatus::None);
  EXPECT_EQ(d.rows[2].status, ValueStatus::Estimated);
  EXPECT_EQ(d.unknown_statuses, (std::set<std::string>{"Geheim"}));
}

TEST(OpenSdgStatus, AnEmptyValueKeepsWhyItIsMissing) {
  // Issue 22: "Missing value; suppressed" on an empty value is confidential, not "not available".
  const std::string text =
      "Year,Observation status,Value\n2018,Missing value; suppressed,\n2019,Missing value; data cannot exist,\n"
      "2020,Missing value,\n2021,,\n2022,Geheim,\n2023,Normal value,\n2024,Missing value; suppressed,5\n";
  const auto d = read_with(text, csv_options({}, sdg::plugins::DuplicatePolicy::First, {{"geheim", ValueStatus::Confidential}}));
  ASSERT_EQ(d.rows.size(), 7u);
  EXPECT_FALSE(d.rows[0].value);
  EXPECT_EQ(d.rows[0].status, ValueStatus::Confidential);
  EXPECT_EQ(d.rows[1].status, ValueStatus::NotApplicable);
  EXPECT_EQ(d.rows[2].status, ValueStatus::NotAvailable);
  EXPECT_EQ(d.rows[3].status, ValueStatus::NotAvailable);
  EXPECT_EQ(d.rows[4].status, ValueStatus::Confidential);  // status_map
  EXPECT_EQ(d.rows[5].status, ValueStatus::NotAvailable);
  EXPECT_EQ(*d.rows[6].value, 5);  // a value is kept whatever the status says
  EXPECT_TRUE(d.unknown_statuses.count("Missing value; suppressed"));
  EXPECT_EQ(os::missing_value_status("MISSING VALUE; SUPPRESSED"), ValueStatus::Confidential);
}

TEST(OpenSdgMetadataText, TranslationKeysResolveToTheCatalogue) {
  const auto& cat = sdg::Catalogue::get();
  EXPECT_EQ(os::resolve_translation_key("global_indicators.5-4-1-title", sdg::Language::En), cat.indicator("5.4.1").title(sdg::Language::En));
  EXPECT_EQ(os::resolve_translation_key("global_indicators.5-4-1-title", sdg::Language::Nb), cat.indicator("5.4.1").title(sdg::Language::Nb));
  EXPECT_EQ(os::resolve_translation_key("global_goals.5-title", sdg::Language::En), cat.goal(5).title(sdg::Language::En));
  EXPECT_EQ(os::resolve_translation_key("global_goals.5-short", sdg::Language::En), cat.goal(5).short_title(sdg::Language::En));
  EXPECT_EQ(os::resolve_translation_key("global_targets.5-4-title", sdg::Language::En), cat.target("5.4").title(sdg::Language::En));
  EXPECT_FALSE(os::resolve_translation_key("global_indicators.5-99-1-title", sdg::Language::En));
  EXPECT_FALSE(os::resolve_translation_key("my_site.custom-title", sdg::Language::En));
  EXPECT_TRUE(os::is_translation_key("my_site.custom-title"));
  EXPECT_FALSE(os::is_translation_key("Unpaid care work"));
  EXPECT_FALSE(os::is_translation_key("1.5"));
}

TEST(OpenSdgMetadataText, KeyTitleHtmlSourceMetadataDataTableAndSeries) {
  TempDir dir;
  dir.write("data/indicator_5-4-1.csv",
            "Year,Series,Sex,Observation status,Value\n2019,Total,,Estimated value,18.1\n2020,Total,,,18.4\n"
            "2020,Total,Female,,20.5\n");
  dir.write("meta/5-4-1.yml",
            "indicator_name: global_indicators.5-4-1-title\n"
            "graph_title: global_indicators.5-99-9-title\n"
            "source_organisation_1: '<a href=\"https://www.destatis.de\" target=\"_blank\">Statistisches "
            "Bundesamt</a>&nbsp;(Destatis)'\n"
            "indicator_definition: '<p>Time spent on unpaid work,<br>in per cent &amp; hours.</p>'\n"
            "computation_units: Prozent\n"
            "national_data_update_date: 2024-03-01\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  Section g5("Gender");
  g5.set_goal(5);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"disaggregations", scalar("Sex")}}), 5}, g5, ctx);
  const auto sums = blocks_of<IndicatorSummary>(g5.blocks());
  ASSERT_EQ(sums.size(), 1u);
  const std::string title = sdg::Catalogue::get().indicator("5.4.1").title(sdg::Language::En);
  EXPECT_EQ(sums[0]->title, title);
  EXPECT_EQ(sums[0]->source, "Statistisches Bundesamt\u00A0(Destatis)");
  EXPECT_EQ(sums[0]->source_url, "https://www.destatis.de");
  EXPECT_EQ(sums[0]->series, "Total");
  const auto tables = blocks_of<Table>(g5.blocks());
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0]->id, "opensdg-5-4-1");
  EXPECT_EQ(tables[0]->source_url, "https://www.destatis.de");
  EXPECT_EQ(tables[0]->metadata.at("title"), title);
  EXPECT_EQ(tables[0]->metadata.at("definition"), "Time spent on unpaid work, in per cent & hours.");
  EXPECT_EQ(tables[0]->metadata.at("unit"), "Prozent");
  EXPECT_EQ(tables[0]->metadata.at("updated"), "2024-03-01");
  EXPECT_EQ(tables[0]->metadata.at("url"), "https://www.destatis.de");
  EXPECT_EQ(tables[0]->data.cell(0, 1).status, ValueStatus::Estimated);
  const auto charts = blocks_of<Chart>(g5.blocks());
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0]->data_table, "opensdg-5-4-1");
  EXPECT_EQ(charts[0]->title, title);  // the graph_title key names nothing: the title is used
  bool warned = false;
  for (const auto& w : ctx.warnings())
    if (w.code == "opensdg-translation-key" && w.message.find("5-99-9") != std::string::npos) warned = true;
  EXPECT_TRUE(warned);
}

TEST(OpenSdgNational, NationalIdsAreAcceptedAndGlobalClaimsChecked) {
  TempDir dir;
  dir.write("data/indicator_10-1.csv", "Year,Value\n2019,1\n2020,2\n");
  dir.write("data/indicator_3-1-f.csv", "Year,Value\n2019,3\n");
  dir.write("data/indicator_x-1.csv", "Year,Value\n2019,3\n");  // not an id: ignored with a warning
  dir.write("data/indicator_21-1.csv", "Year,Value\n2019,4\n");
  dir.write("meta/21-1.yml", "indicator_name: Bürgerbeteiligung\nsdg_goal: 16\n");
  dir.write("meta/10-1.yml", "indicator_name: Ungleichheit der Einkommen\n");
  sdg::Context ctx(dir.path, sdg::Language::En, 0);
  os::OpenSdgSource src;
  Section g10("Inequality");
  g10.set_goal(10);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 10}, g10, ctx);
  const auto sums = blocks_of<IndicatorSummary>(g10.blocks());
  ASSERT_EQ(sums.size(), 1u);
  EXPECT_EQ(sums[0]->indicator, "10-1");
  EXPECT_TRUE(sums[0]->national);
  EXPECT_EQ(sums[0]->title, "Ungleichheit der Einkommen");
  for (const auto* t : blocks_of<Table>(g10.blocks())) EXPECT_TRUE(t->national);
  for (const auto* c : blocks_of<Chart>(g10.blocks())) EXPECT_TRUE(c->national);
  EXPECT_TRUE(g10.targets().empty());  // 10-1 is not target 10.1

  Section g3("Health");
  g3.set_goal(3);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 3}, g3, ctx);
  ASSERT_EQ(blocks_of<IndicatorSummary>(g3.blocks()).size(), 1u);
  EXPECT_EQ(blocks_of<IndicatorSummary>(g3.blocks())[0]->indicator, "3-1-f");
  EXPECT_EQ(g3.targets(), (std::vector<std::string>{"3.1"}));

  // The goal from metadata sdg_goal when the id does not name one.
  Section g16("Peace");
  g16.set_goal(16);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 16}, g16, ctx);
  ASSERT_EQ(blocks_of<IndicatorSummary>(g16.blocks()).size(), 1u);
  EXPECT_EQ(blocks_of<IndicatorSummary>(g16.blocks())[0]->indicator, "21-1");

  // Listed national ids work too; an id shaped like a global one must exist.
  Section listed("Health");
  listed.set_goal(3);
  src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}, {"indicators", scalar("3.1.f")}}), 3}, listed,
           ctx);
  EXPECT_EQ(blocks_of<IndicatorSummary>(listed.blocks()).size(), 1u);
  dir.write("data/indicator_1-1-9.csv", "Year,Value\n2019,3\n");
  Section g1("Poverty");
  g1.set_goal(1);
  try {
    src.fill(sdg::SourceRequest{options({{"folder", scalar(".")}}), 1}, g1, ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_NE(e.message().find("1.1.9 is not an SDG indicator"), std::string::npos) << e.what();
  }
}

// ---------------------------------------------------------------- plugins/common/html_text

TEST(HtmlText, MarkupBecomesPlainTextWithItsLinks) {
  using sdg::plugins::html_to_text;
  const auto a = html_to_text(
      R"(<a href="https://www.destatis.de" target="_blank">Statistisches Bundesamt</a>)");
  EXPECT_EQ(a.text, "Statistisches Bundesamt");
  EXPECT_EQ(a.url, "https://www.destatis.de");
  const auto p = html_to_text("<p>Første&nbsp;ledd,<br>andre &amp; tredje &#248; &lt;4&gt; “sitat” – slutt</p>"
                              "<p>Ny <b>del</b> <a href='mailto:x@y.no'>e-post</a> "
                              "<a href=\"http://a.no/b?c=1&amp;d=2\">lenke</a></p>");
  EXPECT_EQ(p.text, "Første\u00A0ledd, andre & tredje ø <4> “sitat” – slutt Ny del e-post lenke");
  EXPECT_EQ(p.url, "http://a.no/b?c=1&d=2");  // mailto: is no web link
  EXPECT_EQ(p.urls.size(), 1u);
  EXPECT_EQ(html_to_text("  plain text, no markup  ").text, "plain text, no markup");
  EXPECT_EQ(html_to_text("<script>alert(1)</script>Text<style>p{}</style>").text, "Text");
  EXPECT_EQ(html_to_text("<b>unclosed <i>tags").text, "unclosed tags");
  EXPECT_EQ(html_to_text("&nbsp;").text, "");
  std::string deep;
  for (int i = 0; i < 200; ++i) deep += "<span>";
  EXPECT_EQ(html_to_text(deep + "deep").text, "deep");  // walked without recursion
  for (int i = 0; i < 20000; ++i) deep += "<span>";
  // Deeper than libxml2 reads: an error, not a crash and not a silent cut.
  EXPECT_THROW(html_to_text(deep + "deep"), sdg::Error);
}

// A headline without Series, GeoCode or breakdown: the table's column is "Value",
// but the chart's series is named after what the chart shows, and its alt text
// describes the data (first and last year with their values), never "Value".
TEST(OpenSdgCharts, HeadlineSeriesIsNamedAfterTheChartNotAPlaceholder) {
  const auto d = read_text("Year,Value\n2015,12.5\n2016,14\n2017,11\n2018,13.5\n");
  os::BuildOptions o;
  o.title = "Share of renewable energy";
  o.chart = Chart::Kind::Line;
  const auto built = os::build_indicator_blocks("7.2.1", d, o);
  const auto tables = blocks_of<Table>(built.blocks);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->columns[1].label, "Value") << "the table keeps its column label";
  const auto charts = blocks_of<Chart>(built.blocks);
  ASSERT_EQ(charts.size(), 1u);
  ASSERT_EQ(charts[0]->series.size(), 1u);
  EXPECT_EQ(charts[0]->series[0].name, "Share of renewable energy");
  EXPECT_EQ(charts[0]->alt,
            "Line chart: Share of renewable energy. Rose from 12.5 in 2015 to 13.5 in 2018 (up 1.0); highest 14.0 in "
            "2016, lowest 11.0 in 2017.");
}
