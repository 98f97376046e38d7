// Tests of the sdmx plugin's reader and shaping (issue 22), over the real files
// in tests/data/sdmx and small messages written here. The value-by-value check of
// every real file against an independent parse is tests/e2e/sdmx.sh.
#include <gtest/gtest.h>

#include <string>

#include "errors.hpp"
#include "obs_status.hpp"
#include "sdmx_source.hpp"
#include "sdmx_table.hpp"

namespace sx = sdg::sdmx;
using sdg::ErrorCode;
using sdg::ValueStatus;
using sdg::test::error_of;

namespace {

const std::string kData = SDGREPORT_SDMX_DATA;
const std::string kGeneric = kData + "/open-sdg-sdg-build/structure/1-1-1--structure.xml";
const std::string kSpecific = kData + "/open-sdg-sdg-build/structure-specific/1-1-1--structure-specific.xml";
const std::string kCsv1 = kData + "/bis-pysdmx/sdmx10/data_v1.csv";
const std::string kCsv2 = kData + "/bis-pysdmx/sdmx20/data_v2.csv";
const std::string kLabels = kData + "/bis-pysdmx/sdmx20/csv_labels_both.csv";
const std::string kEstat = kData + "/bis-pysdmx/sdmx21-xml/estat_data.xml";
const std::string kStructure = kData + "/hand-written/sdg-structure-extract.xml";

std::vector<std::string> labels(const sdg::Table& t) {
  std::vector<std::string> out;
  for (const auto& c : t.columns) out.push_back(c.label);
  return out;
}

}  // namespace

TEST(SdmxRead, FormatsAreToldByTheirFirstBytes) {
  for (const auto& [file, format, n] :
       {std::tuple{kGeneric, sx::Format::GenericXml, 6}, std::tuple{kSpecific, sx::Format::StructureSpecificXml, 6},
        std::tuple{kCsv1, sx::Format::Csv1, 1000}, std::tuple{kCsv2, sx::Format::Csv2, 20},
        std::tuple{kLabels, sx::Format::Csv2, 1}, std::tuple{kEstat, sx::Format::StructureSpecificXml, 33}}) {
    const sx::Result r = sx::read_sdmx(file, sx::Spec{});
    EXPECT_EQ(r.format, format) << file;
    EXPECT_EQ(r.observations, static_cast<std::size_t>(n)) << file;
    EXPECT_EQ(r.kept, static_cast<std::size_t>(n)) << file;
    ASSERT_TRUE(r.table) << file;
    EXPECT_EQ(r.table->data.rows(), static_cast<std::size_t>(n)) << file;
  }
}

TEST(SdmxRead, GenericAndStructureSpecificGiveTheSameTable) {
  sx::Spec spec;
  spec.id = "t";
  spec.source = "s";
  const sx::Result a = sx::read_sdmx(kGeneric, spec), b = sx::read_sdmx(kSpecific, spec);
  EXPECT_EQ(a.table->data, b.table->data);
  EXPECT_EQ(a.table->columns, b.table->columns);
  EXPECT_EQ(labels(*a.table), (std::vector<std::string>{"SEX", "Period", "Value"}));
  // _T as the total, M49 826 by name, PT as %.
  EXPECT_EQ(a.table->data.cell(0, 0).text, "Total");
  EXPECT_EQ(a.table->data.cell(2, 0).text, "M");
  EXPECT_EQ(a.table->columns[2].unit, "%");
  EXPECT_NE(a.table->caption.find("United Kingdom of Great Britain and Northern Ireland"), std::string::npos)
      << a.table->caption;
  EXPECT_EQ(sx::read_sdmx(kGeneric, sx::Spec{}).table->source, "IAEG-SDGs:SDG(1.8) (SDMX, 1-1-1--structure.xml)");
}

TEST(SdmxRead, EmptyValuesCarryTheirObsStatus) {
  const sx::Result r = sx::read_sdmx(kCsv1, sx::Spec{});
  std::size_t empty = 0, na = 0;
  const std::size_t value_col = r.table->columns.size() - 1;
  for (std::size_t i = 0; i < r.table->data.rows(); ++i) {
    const sdg::CellView c = r.table->data.cell(i, value_col);
    if (c.kind == sdg::Cell::Kind::Empty) {
      ++empty;
      na += c.status == ValueStatus::NotApplicable;  // M: data cannot exist
    }
  }
  EXPECT_EQ(empty, 640u);
  EXPECT_EQ(na, 640u);
  EXPECT_TRUE(r.warnings.empty());
}

TEST(SdmxRead, LabelsBothGivesCodesAndNames) {
  const sx::Result r = sx::read_sdmx(kLabels, sx::Spec{});
  // One observation: every component constant, so no dimension column; the value is 1.
  EXPECT_EQ(labels(*r.table), (std::vector<std::string>{"Period", "Value"}));
  EXPECT_EQ(r.table->data.cell(0, 0).text, "2020");
  EXPECT_EQ(r.table->data.cell(0, 1).number, 1);
  EXPECT_NE(r.table->caption.find("A"), std::string::npos);
  EXPECT_EQ(r.table->source, "MD:MD_TEST(1.0) (SDMX, csv_labels_both.csv)");
}

TEST(SdmxFilter, KeepsTheCodesAskedForAndNamesWhatThereIs) {
  sx::Spec spec;
  spec.filters = {{"sex", {"F", "M"}}};  // case ignored when no id matches exactly
  sx::Result r = sx::read_sdmx(kSpecific, spec);
  EXPECT_EQ(r.kept, 4u);
  spec.filters = {{"geo", {"NO", "SE"}}};
  sdg::Error e = error_of([&] { sx::read_sdmx(kEstat, spec); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_NE(std::string(e.what()).find("no observation of 33 matches the filters; geo has AL"), std::string::npos) << e.what();
  spec.filters = {{"COUNTRY", {"NO"}}};
  e = error_of([&] { sx::read_sdmx(kEstat, spec); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(std::string(e.what()).find("no component 'COUNTRY'"), std::string::npos) << e.what();
}

TEST(SdmxStructure, NamesCodesAndComponentsInTheReportLanguage) {
  sx::Structure st;
  st.read_file(kStructure, "nb");
  EXPECT_EQ(st.code_name("SEX", "F"), "Kvinner");
  EXPECT_EQ(st.code_name("REF_AREA", "826"), "United Kingdom");  // via the DSD: CL_AREA
  EXPECT_EQ(st.code_name("SERIES", "SI_POV_DAY1"), "Proportion of population below international poverty line (%)");
  EXPECT_FALSE(st.code_name("SEX", "X"));
  EXPECT_EQ(st.component_name("SEX"), "Kjønn");
  EXPECT_EQ(st.role("UNIT_MEASURE"), sx::Role::Attribute);
  EXPECT_EQ(st.role("TIME_PERIOD"), sx::Role::Time);

  sx::Spec spec;
  spec.language = "nb";
  spec.structure = &st;
  spec.layout = sx::Layout::Wide;
  const sx::Result r = sx::read_sdmx(kGeneric, spec);
  EXPECT_EQ(labels(*r.table), (std::vector<std::string>{"Kjønn", "2020", "2021"}));
  EXPECT_EQ(r.table->data.cell(2, 0).text, "Kvinner");
  EXPECT_EQ(r.table->data.cell(2, 2).number, 80);
  EXPECT_EQ(r.table->columns[1].unit, "Prosent");

  spec.labels = sx::Labels::Both;
  EXPECT_EQ(sx::read_sdmx(kGeneric, spec).table->data.cell(2, 0).text, "F: Kvinner");
}

TEST(SdmxStatus, ObsStatusAndNature) {
  const std::string msg =
      "STRUCTURE,STRUCTURE_ID,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,NATURE,UNIT_MULT,LOWER_BOUND,UPPER_BOUND\n"
      "dataflow,X:Y(1.0),578,F,2020,1.5,E,,3,1.0,2.0\n"
      "dataflow,X:Y(1.0),578,F,2021,,Q,,3,,\n"
      "dataflow,X:Y(1.0),578,F,2022,2,A,M,3,,\n"
      "dataflow,X:Y(1.0),578,F,2023,NaN,,N,3,,\n"
      "dataflow,X:Y(1.0),578,F,2024,3,Z,,3,,\n";
  const sx::Result r = sx::read_sdmx_bytes(msg, "mem.csv", sx::Spec{});
  const auto& d = r.table->data;
  EXPECT_EQ(labels(*r.table), (std::vector<std::string>{"Period", "Value", "Lower bound", "Upper bound"}));
  EXPECT_EQ(d.cell(0, 1).status, ValueStatus::Estimated);
  EXPECT_EQ(d.cell(0, 2).number, 1.0);
  EXPECT_EQ(d.cell(0, 3).number, 2.0);
  EXPECT_EQ(d.cell(1, 1).kind, sdg::Cell::Kind::Empty);
  EXPECT_EQ(d.cell(1, 1).status, ValueStatus::Confidential);
  EXPECT_EQ(d.cell(2, 1).status, ValueStatus::Estimated);  // NATURE M: modelled
  EXPECT_EQ(d.cell(3, 1).status, ValueStatus::NotApplicable);  // NATURE N: non-relevant
  EXPECT_EQ(d.cell(4, 1).status, ValueStatus::None);
  EXPECT_EQ(r.table->columns[1].unit, "thousands");
  EXPECT_EQ(r.table->columns[1].decimals, 1);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "sdmx-observation-status");
  EXPECT_EQ(r.warnings[0].line, 6);
  EXPECT_NE(r.table->caption.find("Norway"), std::string::npos) << r.table->caption;

  sx::Spec charted;
  charted.chart = sdg::Chart::Kind::Line;
  const sx::Result c = sx::read_sdmx_bytes(msg, "mem.csv", charted);
  ASSERT_EQ(c.chart->series.size(), 1u);
  ASSERT_EQ(c.chart->series[0].lower.size(), 5u);
  EXPECT_EQ(c.chart->series[0].lower[0], 1.0);
  EXPECT_EQ(c.chart->series[0].upper[0], 2.0);
  EXPECT_FALSE(c.chart->series[0].lower[1]);
  sdg::check_block(*c.chart);

  sx::Spec mapped;
  mapped.status_map["Z"] = ValueStatus::Provisional;
  EXPECT_EQ(sx::read_sdmx_bytes(msg, "mem.csv", mapped).table->data.cell(4, 1).status, ValueStatus::Provisional);
}

TEST(SdmxDuplicates, TwoValuesForOneObservation) {
  const std::string msg =
      "DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE\n"
      "A:B(1.0),578,2020,1\n"
      "A:B(1.0),752,2020,2\n"
      "A:B(1.0),578,2020,3\n";
  sx::Spec spec;
  sx::Result r = sx::read_sdmx_bytes(msg, "d.csv", spec);
  ASSERT_EQ(r.table->data.rows(), 2u);
  EXPECT_EQ(r.table->data.cell(0, 2).number, 1);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "duplicate-observation");
  EXPECT_NE(r.warnings[0].message.find("lines 2 and 4 are two observations for REF_AREA=578, TIME_PERIOD=2020"),
            std::string::npos)
      << r.warnings[0].message;
  spec.duplicates = sdg::plugins::DuplicatePolicy::Last;
  EXPECT_EQ(sx::read_sdmx_bytes(msg, "d.csv", spec).table->data.cell(1, 2).number, 3);
  spec.duplicates = sdg::plugins::DuplicatePolicy::Error;
  const sdg::Error e = error_of([&] { sx::read_sdmx_bytes(msg, "d.csv", spec); });
  EXPECT_EQ(e.where().line, 4);
}

TEST(SdmxMalformed, ClearErrorsWithFileAndLine) {
  auto what = [](const std::string& bytes) {
    const sdg::Error e = error_of([&] { sx::read_sdmx_bytes(bytes, "x", sx::Spec{}); });
    EXPECT_EQ(e.code(), ErrorCode::Input);
    return std::string(e.what());
  };
  EXPECT_NE(what("").find("empty"), std::string::npos);
  EXPECT_NE(what("a,b\n1,2\n").find("not SDMX-CSV"), std::string::npos);
  EXPECT_NE(what("DATAFLOW,X,OBS_VALUE\nA,1\n").find("x:2: a record of 2 fields; the header has 3"), std::string::npos);
  EXPECT_NE(what("DATAFLOW,X,OBS_VALUE\nA,1,abc\n").find("OBS_VALUE 'abc' is not a number"), std::string::npos);
  EXPECT_NE(what("DATAFLOW,X,OBS_VALUE\nA,\"1,2\n").find("unterminated"), std::string::npos);
  EXPECT_NE(what("<a><b></a>").find("x:1"), std::string::npos);
  EXPECT_NE(what("<Structure/>").find("not an SDMX-ML 2.1 data message"), std::string::npos);
  EXPECT_NE(what("<GenericData><DataSet></DataSet></GenericData>").find("no observations"), std::string::npos);
  std::string deep = "<GenericData>";
  for (int i = 0; i < 100; ++i) deep += "<a>";
  for (int i = 0; i < 100; ++i) deep += "</a>";
  EXPECT_NE(what(deep + "</GenericData>").find("nested more than 64 deep"), std::string::npos);
}

TEST(SdmxM49, CodesWithAndWithoutLeadingZeros) {
  EXPECT_STREQ(sx::m49_name("578"), "Norway");
  EXPECT_STREQ(sx::m49_name("8"), "Albania");
  EXPECT_STREQ(sx::m49_name("008"), "Albania");
  EXPECT_STREQ(sx::m49_name("001"), "World");
  EXPECT_STREQ(sx::m49_name("410"), "Republic of Korea");
  EXPECT_EQ(sx::m49_name("999"), nullptr);
  EXPECT_EQ(sx::m49_name("NO"), nullptr);
}

TEST(SdmxSeries, IndicatorFromTheSeriesTable) {
  const auto table = sx::read_series_table(kData + "/hand-written/series-indicators.csv");
  EXPECT_EQ(table.at("SI_POV_DAY1"), "1.1.1");
  sx::Spec spec;
  spec.series_indicators = table;
  EXPECT_EQ(sx::read_sdmx(kGeneric, spec).table->indicator, "1.1.1");
}

TEST(ObsStatus, SdmxCodesAndTheirNames) {
  using sdg::plugins::sdmx_obs_status;
  EXPECT_EQ(sdmx_obs_status("Q")->status, ValueStatus::Confidential);
  EXPECT_EQ(sdmx_obs_status(" Missing value; suppressed ")->status, ValueStatus::Confidential);
  EXPECT_TRUE(sdmx_obs_status("missing value; suppressed")->missing);
  EXPECT_EQ(sdmx_obs_status("M")->status, ValueStatus::NotApplicable);
  EXPECT_EQ(sdmx_obs_status("L")->status, ValueStatus::NotAvailable);
  EXPECT_EQ(sdmx_obs_status("P")->status, ValueStatus::Provisional);
  EXPECT_FALSE(sdmx_obs_status("P")->missing);
  EXPECT_EQ(sdmx_obs_status("A")->status, ValueStatus::None);
  EXPECT_FALSE(sdmx_obs_status("U"));
}
