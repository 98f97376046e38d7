// Tests of the csv plugin's pure layer (read_csv, shape) over the real
// Stavanger file in tests/data/csv-nordic/ and small files in other
// conventions; the options (read_spec); fill() with a Context; and malformed
// input, each with its documented error.
#include <gtest/gtest.h>

#include "errors.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "csv_source.hpp"
#include "csv_table.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/option_check.hpp"

// The plugin's option table, as the host reads it (plugin.cpp is compiled in).
extern "C" const sdg::PluginInfo* sdgreport_plugin_info();

namespace ct = sdg::csvtable;
using sdg::Cell;
using sdg::Code;
using sdg::ErrorCode;
using sdg::ValueStatus;

namespace {

const std::filesystem::path kStavanger =
    std::filesystem::path(SDGREPORT_TEST_DATA) / "csv-nordic/stavanger-nasjonale-prover.csv";

ct::RawTable read_file(const std::filesystem::path& p, const ct::ReadSpec& spec) {
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in) << p;
  return ct::read_csv(in, p.filename().string(), spec);
}

ct::RawTable read_text(const std::string& text, const ct::ReadSpec& spec, const std::string& name = "t.csv") {
  std::istringstream in(text);
  return ct::read_csv(in, name, spec);
}

sdg::Table table_of(const std::string& text, const ct::ReadSpec& spec) {
  ct::Shaped s = ct::shape(read_text(text, spec), spec);
  EXPECT_TRUE(s.table);
  EXPECT_NO_THROW(sdg::check_block(*s.table));
  return *s.table;
}

using sdg::test::error_of;

std::string what_of(const sdg::Error& e) { return e.what(); }

ct::ReadSpec auglend_numeracy() {
  ct::ReadSpec spec;
  spec.filters = {{"Enhetsnavn", {"Auglend skole"}},
                  {"Indikator/delskår", {"Regning"}},
                  {"Kjønn", {"Begge kjønn"}},
                  {"Statistikk", {"Nasjonale prøver 5. trinn"}}};
  spec.pivot = ct::Pivot{"Enhetsnavn", "Periode", "Verdi"};
  spec.unit_column = "Måleenhet";
  spec.source = "Stavanger kommune (jornix/stavangerskolen)";
  return spec;
}

}  // namespace

// ---------------------------------------------------------------- the real Stavanger file

TEST(CsvStavanger, HeaderWithNordicLettersAndEveryRow) {
  ct::ReadSpec spec;
  ct::RawTable raw = read_file(kStavanger, spec);
  EXPECT_EQ(raw.delimiter, ';');  // detected
  EXPECT_EQ(raw.header,
            (std::vector<std::string>{"Enhetsnavn", "Skoletype", "Vurderingsområde", "Statistikk",
                                      "Indikator/delskår", "Periode", "Eierform", "Trinn", "Kjønn",
                                      "Verdi", "Måleenhet"}));  // BOM gone from "Enhetsnavn"
  EXPECT_EQ(raw.records_read, 6233u);
  ASSERT_EQ(raw.rows(), 6233u);
  EXPECT_EQ(raw.line(0), 2);
  EXPECT_EQ(raw.line(raw.rows() - 1), 6234);
  EXPECT_EQ(raw.at(0, 0), "Auglend skole");
  EXPECT_EQ(raw.at(0, 3), "Nasjonale prøver 5. trinn");
  EXPECT_EQ(raw.at(0, 9), "53");
  EXPECT_EQ(raw.at(6232, 0), "Åmøy skole (utgått)");   // last row, CR of CRLF not kept
  EXPECT_EQ(raw.at(6232, 10), "Gjennomsnittspoeng med én desimal (1-3)");
}

TEST(CsvStavanger, PivotSchoolByPeriod) {
  const ct::ReadSpec spec = auglend_numeracy();
  ct::RawTable raw = read_file(kStavanger, spec);
  EXPECT_EQ(raw.rows(), 7u);
  ct::Shaped s = ct::shape(raw, spec);
  ASSERT_TRUE(s.table);
  const sdg::Table& t = *s.table;
  ASSERT_EQ(t.columns.size(), 8u);
  EXPECT_EQ(t.columns[0].label, "Enhetsnavn");
  EXPECT_EQ(t.columns[1].label, "2014-2015");  // periods sorted
  EXPECT_EQ(t.columns[7].label, "2020-2021");
  EXPECT_EQ(t.columns[1].unit, "Skalapoeng");  // from the Måleenhet column
  EXPECT_EQ(t.columns[1].decimals, 0);
  ASSERT_EQ(t.data.rows(), 1u);
  std::vector<Cell> expect{Cell::of("Auglend skole"), Cell::of(53.0), Cell::of(46.0), Cell::of(50.0),
                           Cell::of(49.0), Cell::of(49.0), Cell::of(52.0), Cell::of(50.0)};
  for (std::size_t c = 0; c < expect.size(); ++c) EXPECT_EQ(t.data.cell(0, c), expect[c]) << c;
  EXPECT_EQ(t.source, "Stavanger kommune (jornix/stavangerskolen)");
  EXPECT_TRUE(s.warnings.empty());
}

TEST(CsvStavanger, DotIsMissingWithStatus) {
  ct::ReadSpec spec = auglend_numeracy();
  spec.filters[3] = {"Statistikk", {"Nasjonale prøver 5. trinn 2009-2013"}};
  ct::Shaped s = ct::shape(read_file(kStavanger, spec), spec);
  ASSERT_TRUE(s.table);
  EXPECT_EQ(s.table->columns[1].label, "2007-2008");
  EXPECT_EQ(s.table->columns[1].unit, "Gjennomsnittspoeng med én desimal (1-3)");
  for (std::size_t c = 1; c < s.table->columns.size(); ++c)
    EXPECT_EQ(s.table->data.cell(0, c), Cell::missing(ValueStatus::NotApplicable));  // '.' by default
  spec.missing["."] = ValueStatus::NotAvailable;
  ct::Shaped s2 = ct::shape(read_file(kStavanger, spec), spec);
  EXPECT_EQ(s2.table->data.cell(0, 1), Cell::missing(ValueStatus::NotAvailable));
}

TEST(CsvStavanger, ColumnsRenameAndChart) {
  ct::ReadSpec spec;
  spec.filters = {{"Enhetsnavn", {"Auglend skole", "Buøy skole"}},
                  {"Indikator/delskår", {"Lesing"}},
                  {"Kjønn", {"Jenter"}},
                  {"Statistikk", {"Nasjonale prøver 5. trinn"}},
                  {"Periode", {"2018-2019", "2019-2020"}}};
  spec.columns = {"Enhetsnavn", "Periode", "Verdi"};
  spec.rename = {{"Enhetsnavn", "Skole"}, {"Verdi", "Skalapoeng"}};
  spec.chart = sdg::Chart::Kind::Column;
  spec.chart_series_are_columns = true;
  ct::Shaped s = ct::shape(read_file(kStavanger, spec), spec);
  ASSERT_TRUE(s.table);
  const sdg::Table& t = *s.table;
  EXPECT_EQ(t.columns[0].label, "Skole");
  EXPECT_EQ(t.columns[1].type, sdg::Column::Type::Text);   // periods are text
  EXPECT_EQ(t.columns[2].label, "Skalapoeng");
  EXPECT_EQ(t.columns[2].type, sdg::Column::Type::Number);
  ASSERT_EQ(t.data.rows(), 4u);
  EXPECT_EQ(t.data.cell(0, 0), Cell::of("Auglend skole"));
  ASSERT_TRUE(s.chart);
  EXPECT_EQ(s.chart->series.size(), 1u);
  EXPECT_EQ(s.chart->categories[0], "Auglend skole – " + std::string(t.data.cell(0, 1).text));
  EXPECT_EQ(s.chart->source, "CSV file stavanger-nasjonale-prover.csv");  // no source given
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].message.find("no 'source' given"), std::string::npos);
  EXPECT_NO_THROW(sdg::check_block(*s.chart));
}

// ---------------------------------------------------------------- conventions

TEST(CsvConventions, DecimalCommaAndSpaceThousands) {
  ct::ReadSpec spec;
  sdg::Table t = table_of("Kommune;Inntekt;Andel\r\nOslo;-2 000 000,00;12,5\r\nBodø;1\xC2\xA0"
                          "234,50;..\r\nRøst;0;:\r\n",
                          spec);
  EXPECT_EQ(t.columns[1].decimals, 2);
  EXPECT_EQ(t.columns[2].decimals, 1);
  EXPECT_EQ(t.data.cell(0, 1), Cell::of(-2000000.0));
  EXPECT_EQ(t.data.cell(1, 1), Cell::of(1234.5));
  EXPECT_EQ(t.data.cell(1, 2), Cell::missing(ValueStatus::NotAvailable));
  EXPECT_EQ(t.data.cell(2, 2), Cell::missing(ValueStatus::Confidential));
  EXPECT_EQ(t.data.cell(2, 0), Cell::of("Røst"));
}

TEST(CsvConventions, CommaDelimitedWithDotDecimalsAndGroups) {
  ct::ReadSpec spec;
  spec.number.group = ',';
  spec.number.decimal = '.';
  spec.decimal_auto = false;
  sdg::Table t = table_of("Region,Value\n\"Agder, Vest\",\"1,234.5\"\n", spec);
  EXPECT_EQ(t.data.cell(0, 0), Cell::of("Agder, Vest"));
  EXPECT_EQ(t.data.cell(0, 1), Cell::of(1234.5));
}

TEST(CsvConventions, Windows1252WithoutHeader) {
  // Statistics Denmark style: Latin-1/Windows-1252, ';', no header row.
  const std::string bytes = "B\xE6rum;2021;1,5\nTr\xF8ndelag;2021;2\n\x80 og \x96;2022;3\n";
  ct::ReadSpec spec;
  spec.encoding = ct::Encoding::Windows1252;
  spec.header = false;
  spec.rename = {{"1", "Område"}, {"2", "År"}, {"3", "Verdi"}};
  spec.text = {"2"};
  sdg::Table t = table_of(bytes, spec);
  ASSERT_EQ(t.data.rows(), 3u);
  EXPECT_EQ(t.columns[0].label, "Område");
  EXPECT_EQ(t.data.cell(0, 0), Cell::of("Bærum"));
  EXPECT_EQ(t.data.cell(1, 0), Cell::of("Trøndelag"));
  EXPECT_EQ(t.data.cell(2, 0), Cell::of("€ og –"));
  EXPECT_EQ(t.data.cell(2, 1), Cell::of("2022"));
  EXPECT_EQ(t.data.cell(0, 2), Cell::of(1.5));
}

TEST(CsvConventions, QuotingDoubledQuotesAndLineBreaks) {
  ct::ReadSpec spec;
  spec.delimiter = ';';
  ct::RawTable raw = read_text(
      "\"Navn\";\"Merknad\";\"Verdi\"\r\n\"Oslo\";\"Sa \"\"hei\"\"; da\";\"1\"\r\n"
      "\"Bergen\";\"to\r\nlinjer\";\"2\"\r\nTromsø;;3",  // no final newline
      spec);
  ASSERT_EQ(raw.rows(), 3u);
  EXPECT_EQ(raw.at(0, 1), "Sa \"hei\"; da");
  EXPECT_EQ(raw.at(1, 1), "to\nlinjer");
  EXPECT_EQ(raw.line(0), 2);
  EXPECT_EQ(raw.line(1), 3);
  EXPECT_EQ(raw.line(2), 5);
  EXPECT_EQ(raw.at(2, 1), "");
}

TEST(CsvConventions, WideToLong) {
  ct::ReadSpec spec;
  spec.wide_to_long = ct::WideToLong{{"Region"}, "År", "Andel"};
  spec.unit = "%";
  sdg::Table t = table_of("Region\t2021\t2022\nNord-Norge\t73,4\t74,1\nVestlandet\t81,0\t..\n", spec);
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].label, "År");
  EXPECT_EQ(t.columns[2].label, "Andel");
  EXPECT_EQ(t.columns[2].unit, "%");
  EXPECT_EQ(t.columns[2].decimals, 1);
  ASSERT_EQ(t.data.rows(), 4u);
  EXPECT_EQ(t.data.cell(1, 0), Cell::of("Nord-Norge"));
  EXPECT_EQ(t.data.cell(1, 1), Cell::of("2022"));
  EXPECT_EQ(t.data.cell(1, 2), Cell::of(74.1));
  EXPECT_EQ(t.data.cell(3, 2), Cell::missing(ValueStatus::NotAvailable));
}

TEST(CsvConventions, DelimiterDetection) {
  EXPECT_EQ(sdg::detect_csv_delimiter("a;b;c"), ';');
  EXPECT_EQ(sdg::detect_csv_delimiter("a\tb\tc,d"), '\t');
  EXPECT_EQ(sdg::detect_csv_delimiter("\"a;b\",c,d"), ',');
  EXPECT_EQ(sdg::detect_csv_delimiter("Year"), ',');
}

TEST(CsvConventions, ChunkBoundariesDoNotSplitCharactersOrLineEnds) {
  // > 3 MB: several 1 MiB chunks; 'ø' (2 bytes) and CRLF fall across boundaries.
  std::string text = "Sted;Verdi\r\n";
  const std::string line = "Trøndelag;1 234,5\r\n";
  for (int i = 0; i < 200000; ++i) text += line;
  ct::ReadSpec spec;
  ct::RawTable raw = read_text(text, spec);
  ASSERT_EQ(raw.rows(), 200000u);
  EXPECT_EQ(raw.line(raw.rows() - 1), 200001);
  for (std::size_t r = 0; r < raw.rows(); r += 997) {
    ASSERT_EQ(raw.at(r, 0), "Trøndelag");
    ASSERT_EQ(raw.at(r, 1), "1 234,5");
  }
}

// ---------------------------------------------------------------- malformed files

TEST(CsvMalformed, InvalidUtf8NamesLineAndByte) {
  ct::ReadSpec spec;
  sdg::Error e = error_of([&] { read_text("Kommune;Verdi\nOslo;1\nB\xE6rum;2\n", spec, "dst.csv"); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 2);
  EXPECT_EQ(what_of(e).substr(0, 80),
            "dst.csv:3:2: byte 0xE6 at byte offset 22 (line 3, byte 2 of the line) is not val");
  EXPECT_NE(what_of(e).find("encoding: windows-1252"), std::string::npos);
}

TEST(CsvMalformed, WrongEncodingOptionAndUtf16) {
  ct::ReadSpec spec;
  spec.encoding = ct::Encoding::Windows1252;
  EXPECT_NE(what_of(error_of([&] { read_text("\xEF\xBB\xBFKommune;Verdi\n", spec); }))
                .find("UTF-8 byte-order mark but the options say 'encoding: windows-1252'"),
            std::string::npos);
  EXPECT_NE(what_of(error_of([&] { read_text(std::string("\xFF\xFEK\0", 4), {}); })).find("UTF-16"),
            std::string::npos);
}

TEST(CsvMalformed, RaggedRow) {
  ct::ReadSpec spec;
  sdg::Error e = error_of([&] { read_text("Kommune;2021;2022\nOslo;1;2\nBergen;3\n", spec, "r.csv"); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(what_of(e),
            "r.csv:3: this row has 2 fields but the header (line 1) has 3 (delimiter ';'); check the "
            "delimiter and the quoting");
}

TEST(CsvMalformed, BadNumberInANumberColumn) {
  ct::ReadSpec spec;
  spec.numbers = {"Verdi"};
  const std::string text = "Kommune;Verdi\nOslo;12,5\nBergen;12x\n";
  sdg::Error e = error_of([&] { ct::shape(read_text(text, spec, "n.csv"), spec); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(what_of(e),
            "n.csv:3: column 'Verdi': '12x' is not a number (decimal mark '.' or ','; missing-value "
            "markers: empty, '.', '..', ':', '-')");
  // Not declared: the column is read as text, with a warning.
  ct::ReadSpec loose;
  ct::Shaped s = ct::shape(read_text(text, loose, "n.csv"), loose);
  EXPECT_EQ(s.table->columns[1].type, sdg::Column::Type::Text);
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings[0].message.find("'12x' on line 3 is not a number"), std::string::npos);
}

TEST(CsvMalformed, UnterminatedQuoteAndTextAfterQuote) {
  ct::ReadSpec spec;
  EXPECT_EQ(what_of(error_of([&] { read_text("A;B\n1;\"open\n2;3\n", spec, "q.csv"); })),
            "q.csv:2: unterminated quote: a quoted field opened on line 2 is never closed (the file ends inside it)");
  EXPECT_EQ(what_of(error_of([&] { read_text("A;B\n1;\"x\"y\n", spec, "q.csv"); })),
            "q.csv:2: text after the closing quote of field 2; inside a quoted field, write a quote "
            "as two quotes (\"\")");
}

TEST(CsvMalformed, UnknownColumnAndFiltersMatchingNothing) {
  ct::ReadSpec spec;
  spec.filters = {{"Kjonn", {"Jenter"}}};
  sdg::Error e = error_of([&] { read_file(kStavanger, spec); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("option 'filter': no column 'Kjonn' in stavanger-nasjonale-prover.csv "
                            "(columns: Enhetsnavn, Skoletype, Vurderingsområde"),
            std::string::npos)
      << e.what();
  spec.filters = {{"Kjønn", {"Jenter", "Begge kjonn"}}, {"Periode", {"2030-2031"}}};
  EXPECT_NE(what_of(error_of([&] { read_file(kStavanger, spec); }))
                .find("no row of 6233 matches the filters; values found in no row: "
                      "Kjønn: 'Begge kjonn'; Periode: '2030-2031'"),
            std::string::npos);
}

TEST(CsvMalformed, PivotWithTwoValuesForOneCell) {
  ct::ReadSpec spec = auglend_numeracy();
  spec.filters.erase(spec.filters.begin() + 2);  // no filter on Kjønn: three rows per period
  // Default (duplicates: first): a warning naming both lines, the first value kept.
  const ct::Shaped s = ct::shape(read_file(kStavanger, spec), spec);
  const ct::ShapeWarning* w = nullptr;
  for (const auto& x : s.warnings)
    if (x.code == Code::DuplicateObservation && !w) w = &x;
  ASSERT_TRUE(w);
  EXPECT_EQ(w->line, 76);
  EXPECT_NE(w->message.find("lines 75 and 76 are two rows for 'Auglend skole' / '2014-2015'"), std::string::npos)
      << w->message;
  EXPECT_NE(w->message.find("(they differ in: Kjønn)"), std::string::npos) << w->message;

  spec.duplicates = sdg::plugins::DuplicatePolicy::Error;
  sdg::Error e = error_of([&] { ct::shape(read_file(kStavanger, spec), spec); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_NE(what_of(e).find("stavanger-nasjonale-prover.csv:76: a second row for 'Auglend skole' / "
                            "'2014-2015' (the first is on line 75); filter the rows so that one is "
                            "left, or set 'duplicates: first' or 'last' (they differ in: Kjønn)"),
            std::string::npos)
      << e.what();
}

TEST(CsvMalformed, EmptyFile) {
  EXPECT_EQ(what_of(error_of([&] { read_text("", {}, "e.csv"); })), "e.csv:1: the file is empty");
}

// ---------------------------------------------------------------- options and fill()

TEST(CsvSource, OptionsAndFill) {
  using sdg::Value;
  const auto dir = std::filesystem::temp_directory_path() / "sdgreport-csv-test";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kStavanger, dir / "np.csv", std::filesystem::copy_options::overwrite_existing);
  sdg::Options opts(
      Value::map({{"plugin", Value::scalar("csv")},
                  {"file", Value::scalar("np.csv")},
                  {"filter", Value::map({{"Enhetsnavn", Value::list({Value::scalar("Auglend skole"),
                                                                      Value::scalar("Gautesete skole")})},
                                         {"Indikator/delskår", Value::scalar("Regning")},
                                         {"Kjønn", Value::scalar("Begge kjønn")},
                                         {"Statistikk", Value::scalar("Nasjonale prøver 5. trinn")}})},
                  {"pivot", Value::map({{"rows", Value::scalar("Enhetsnavn")},
                                        {"columns", Value::scalar("Periode")},
                                        {"values", Value::scalar("Verdi")}})},
                  {"rename", Value::map({{"Enhetsnavn", Value::scalar("Skole")}})},
                  {"unit_column", Value::scalar("Måleenhet")},
                  {"caption", Value::scalar("Nasjonale prøver i regning, 5. trinn")},
                  {"source", Value::scalar("Stavanger kommune")},
                  {"chart", Value::scalar("line")}}),
      "plugin 'csv'");
  sdg::Context ctx(dir, sdg::Language::Nb, 0);
  sdg::Section target("Mål 4");
  ct::CsvSource source;
  source.fill(sdg::SourceRequest{opts, 4}, target, ctx);
  ASSERT_EQ(target.blocks().size(), 2u);
  const auto& t = target.blocks()[0].as<sdg::Table>();
  EXPECT_EQ(t.caption, "Nasjonale prøver i regning, 5. trinn");
  EXPECT_EQ(t.columns[0].label, "Skole");
  EXPECT_EQ(t.data.rows(), 2u);
  EXPECT_EQ(t.source, "Stavanger kommune");
  const auto& c = target.blocks()[1].as<sdg::Chart>();
  EXPECT_EQ(c.series[1].name, "Gautesete skole");
  EXPECT_EQ(c.categories.front(), "2014-2015");
  EXPECT_EQ(c.source, "Stavanger kommune");
  EXPECT_EQ(c.alt.substr(0, 14), "Linjediagram: ");
  EXPECT_TRUE(ctx.warnings().empty());

  // A delimiter not in the option table (plugin.cpp) is refused by the host's
  // check, the only check of it: read_spec() never sees it (if it did, an
  // internal error, not a second message for the same rule).
  sdg::Options bad(Value::map({{"file", Value::scalar("np.csv")}, {"delimiter", Value::scalar("#")}}),
                   "plugin 'csv'");
  const sdg::Error schema =
      error_of([&] { sdg::check_options(bad, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options); });
  EXPECT_EQ(schema.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(schema).find("option 'delimiter' of plugin 'csv': expected one of"), std::string::npos)
      << schema.what();
  EXPECT_EQ(error_of([&] { ct::read_spec(bad, sdg::Language::En); }).code(), ErrorCode::Internal);
  // pivot and wide_to_long take their own keys only (a Map with values, ABI 4).
  sdg::Options typo(Value::map({{"file", Value::scalar("np.csv")},
                                {"pivot", Value::map({{"rows", Value::scalar("Skole")},
                                                      {"colums", Value::scalar("År")},
                                                      {"values", Value::scalar("Verdi")}})}}),
                    "plugin 'csv'");
  EXPECT_NE(what_of(error_of([&] {
              sdg::check_options(typo, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
            })).find("option 'pivot' of plugin 'csv': unknown key 'colums' (its keys: rows, columns, values)"),
            std::string::npos);
  sdg::Options wtl(Value::map({{"file", Value::scalar("np.csv")},
                               {"wide_to_long", Value::map({{"ids", Value::scalar("Skole")}})}}),
                   "plugin 'csv'");
  EXPECT_NE(what_of(error_of([&] {
              sdg::check_options(wtl, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
            })).find("unknown key 'ids' (its keys: id, name, value) (did you mean 'id'?)"),
            std::string::npos);
  // decimals: the table's range for one value; a column map's values stay the plugin's to check.
  sdg::Options dec(Value::map({{"file", Value::scalar("np.csv")}, {"decimals", Value::scalar("11")}}), "plugin 'csv'");
  EXPECT_NE(what_of(error_of([&] {
              sdg::check_options(dec, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
            })).find("option 'decimals' of plugin 'csv': expected a whole number 0–10, got 11"),
            std::string::npos);
  sdg::Options coldec(Value::map({{"file", Value::scalar("np.csv")},
                                  {"decimals", Value::map({{"Verdi", Value::scalar("11")}})}}),
                      "plugin 'csv'");
  EXPECT_NO_THROW(sdg::check_options(coldec, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options));
  EXPECT_NE(what_of(error_of([&] { ct::read_spec(coldec, sdg::Language::En); }))
                .find("option 'Verdi' of plugin 'csv': expected 0–10, got 11"),
            std::string::npos);
  sdg::Options badcol(Value::map({{"file", Value::scalar("np.csv")}, {"columns", Value::scalar("Skole")}}),
                      "plugin 'csv'");
  sdg::Error e = error_of([&] { source.fill(sdg::SourceRequest{badcol, 4}, target, ctx); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("option 'columns' of plugin 'csv': no column 'Skole'"), std::string::npos) << e.what();
  EXPECT_EQ(target.blocks().size(), 2u);
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------- issue 10 / 11: fidelity and limits

TEST(CsvEncoding, DeclaredSingleByteOnAUtf8FileIsAnError) {
  ct::ReadSpec spec;
  spec.encoding = ct::Encoding::Windows1252;
  const std::string utf8 = "Fylke;Verdi\nOslo;1\n\xC3\x98stfold;2\n";  // "Østfold" in UTF-8
  const sdg::Error e = error_of([&] { read_text(utf8, spec, "fylker.csv"); });
  EXPECT_EQ(e.code(), ErrorCode::Input);
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(what_of(e).find("the file is UTF-8"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("0xC3 0x98"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("'Ø'"), std::string::npos) << e.what();
  // A real Windows-1252 file (Ø is the single byte 0xD8) reads as declared.
  const ct::RawTable raw = read_text("Fylke;Verdi\n\xD8stfold;2\n", spec);
  EXPECT_EQ(raw.at(0, 0), "Østfold");
  // One byte that cannot be UTF-8 ("Ã" + a space) proves the file single-byte.
  EXPECT_EQ(read_text("Fylke;Verdi\n\xC3\x98stfold \xC3 x;2\n", spec).at(0, 0), "Ã˜stfold Ã x");
  // An ASCII file says nothing either way.
  EXPECT_EQ(read_text("Fylke;Verdi\nOslo;2\n", spec).at(0, 0), "Oslo");
}

TEST(CsvFidelity, UnitAlreadyInTheHeaderIsNotRepeated) {
  ct::ReadSpec spec;
  spec.unit = "1000 kr";
  spec.source = "SSB";
  const sdg::Table t = table_of("Kommune;Beløp (1000 kr)\nOslo;12\n", spec);
  EXPECT_EQ(t.columns[1].label, "Beløp");
  EXPECT_EQ(t.columns[1].unit, "1000 kr");
}

TEST(CsvFidelity, PivotColumnsKeepTheirOwnDecimals) {
  ct::ReadSpec spec;
  spec.pivot = ct::Pivot{"Skole", "År", "Verdi"};
  spec.source = "x";
  const sdg::Table t = table_of("Skole;År;Verdi\nA;2019;74,8\nA;2020;74,85\nB;2019;70\nB;2020;71,25\n", spec);
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[1].label, "2019");
  EXPECT_EQ(t.columns[1].decimals, 1);  // 74,8 and 70
  EXPECT_EQ(t.columns[2].decimals, 2);  // 74,85 and 71,25
}

TEST(CsvFidelity, YearColumnsAreTextNotNumbers) {
  ct::ReadSpec spec;
  spec.source = "x";
  const sdg::Table t = table_of("Kommune;År;Verdi\nOslo;2019;1,5\nOslo;2020;2,5\n", spec);
  EXPECT_EQ(t.columns[1].type, sdg::Column::Type::Text);
  EXPECT_EQ(t.data.cell(0, 1).kind, Cell::Kind::Text);
  EXPECT_EQ(t.data.cell(0, 1).text, "2019");
  EXPECT_EQ(t.columns[2].type, sdg::Column::Type::Number);
  // Named like a period, one row is enough; listed under numbers, it stays a number.
  EXPECT_EQ(table_of("Kommune;Periode;Verdi\nOslo;2020;2\n", spec).columns[1].type, sdg::Column::Type::Text);
  spec.numbers = {"År"};
  EXPECT_EQ(table_of("Kommune;År;Verdi\nOslo;2019;1\nOslo;2020;2\n", spec).columns[1].type,
            sdg::Column::Type::Number);
}

TEST(CsvFidelity, PrecisionLossIsWarnedAbout) {
  ct::ReadSpec spec;
  spec.source = "x";
  spec.text = {"Id"};
  const ct::Shaped s = ct::shape(
      read_text("Id;Liten;Stor\na;0,00000000001;12345678901234567\nb;1;2\n", spec), spec);
  std::vector<std::string> messages;
  for (const auto& w : s.warnings)
    if (w.code == Code::CsvPrecision) messages.push_back(w.message);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("'0,00000000001' (line 2) has 11 decimals"), std::string::npos) << messages[0];
  EXPECT_NE(messages[1].find("'12345678901234567' (line 2) has more than 15 significant digits"),
            std::string::npos)
      << messages[1];
  EXPECT_EQ(s.table->columns[1].decimals, 10);  // kept to the model's limit
  EXPECT_DOUBLE_EQ(s.table->data.cell(0, 1).number, 1e-11);
}

TEST(CsvDuplicates, AListingKeepsEveryRowAndWarnsAboutNothing) {
  // Issue 22: a listing whose rows share the text columns shown (they differ in
  // columns not shown) keeps every row; only a cell two values compete for is a
  // duplicate (a pivot's cell, a chart's series).
  ct::ReadSpec spec;
  spec.source = "x";
  std::string text = "Kommune;Post;Beløp\n";
  for (int i = 0; i < 95; ++i) text += (i % 3 == 0 ? "Oslo" : "Bergen") + std::string(";Drift;") + std::to_string(i) + "\n";
  ct::Shaped s = ct::shape(read_text(text, spec), spec);
  ASSERT_EQ(s.table->data.rows(), 95u);
  for (std::size_t r = 0; r < 95; ++r) EXPECT_DOUBLE_EQ(s.table->data.cell(r, 2).number, static_cast<double>(r));
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].message;

  ct::ReadSpec wl;
  wl.source = "x";
  wl.wide_to_long = ct::WideToLong{};
  std::string wide = "Kommune;2019;2020\n";
  for (int i = 0; i < 10; ++i) wide += (i % 2 ? "Oslo;" : "Bergen;") + std::to_string(i) + ";" + std::to_string(100 + i) + "\n";
  s = ct::shape(read_text(wide, wl), wl);
  ASSERT_EQ(s.table->data.rows(), 20u);  // every row × 2 years
  EXPECT_EQ(s.table->data.cell(2, 0).text, "Oslo");
  EXPECT_DOUBLE_EQ(s.table->data.cell(2, 2).number, 1);
  EXPECT_DOUBLE_EQ(s.table->data.cell(19, 2).number, 109);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings[0].message;
}

TEST(CsvDuplicates, TwoRowsForOneChartSeriesAreADuplicateOfTheChartOnly) {
  ct::ReadSpec spec;
  spec.source = "x";
  spec.chart = sdg::Chart::Kind::Column;
  const std::string text = "Kommune;År;Verdi\nOslo;2019;1\nBergen;2019;2\nOslo;2019;3\n";
  ct::Shaped s = ct::shape(read_text(text, spec), spec);
  ASSERT_EQ(s.table->data.rows(), 3u);  // the table lists every row
  ASSERT_EQ(s.chart->series.size(), 2u);
  EXPECT_EQ(s.chart->series[0].values[0], 1.0);
  EXPECT_TRUE(s.chart->data_table.empty());  // the chart draws fewer rows than the table has
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].code, Code::DuplicateObservation);
  EXPECT_EQ(s.warnings[0].line, 4);
  EXPECT_NE(s.warnings[0].message.find("lines 2 and 4 are two rows for 'Oslo – 2019'"), std::string::npos)
      << s.warnings[0].message;
  spec.duplicates = sdg::plugins::DuplicatePolicy::Last;
  s = ct::shape(read_text(text, spec), spec);
  ASSERT_EQ(s.chart->series.size(), 2u);
  EXPECT_EQ(s.chart->series[0].values[0], 3.0);
  spec.duplicates = sdg::plugins::DuplicatePolicy::Error;
  const sdg::Error e = error_of([&] { ct::shape(read_text(text, spec), spec); });
  EXPECT_EQ(e.where().line, 4);
  EXPECT_NE(what_of(e).find("the first is on line 2"), std::string::npos) << e.what();
}

TEST(CsvLines, KeptRowsKeepTheirLinesAcrossFiltersAndLineBreaks) {
  // Lines are stored as runs of consecutive lines; filtered-out rows and quoted
  // line breaks start new runs, and every row still names its own line.
  ct::ReadSpec spec;
  spec.filters.push_back({"Kjønn", {"Begge"}});
  const std::string text =
      "Kommune;Kjønn;Verdi\n"     // 1
      "Oslo;Begge;1\n"            // 2
      "Oslo;Menn;2\n"             // 3
      "Bergen;Begge;3\n"          // 4
      "\"Bodø\nBudeatje\";Begge;4\n"  // 5-6
      "Tromsø;Begge;5\n"          // 7
      "Alta;Kvinner;6\n"          // 8
      "Vadsø;Begge;7\n"           // 9
      "Hamar;Begge;x\n";          // 10
  const ct::RawTable raw = read_text(text, spec);
  ASSERT_EQ(raw.rows(), 6u);
  const int want[] = {2, 4, 5, 7, 9, 10};
  for (std::size_t r = 0; r < raw.rows(); ++r) EXPECT_EQ(raw.line(r), want[r]) << "row " << r;
  // The line of a bad number comes from the same runs.
  spec.numbers = {"Verdi"};
  const sdg::Error e = error_of([&] { ct::shape(read_text(text, spec), spec); });
  EXPECT_EQ(e.where().line, 10) << e.what();
}

TEST(CsvIds, StableTableIdAndChartDataTable) {
  ct::ReadSpec spec;
  spec.source = "x";
  spec.chart = sdg::Chart::Kind::Line;
  const std::string text = "Kommune;2019;2020\nOslo;1;2\n";
  const ct::Shaped a = ct::shape(read_text(text, spec, "befolkning.csv"), spec);
  const ct::Shaped b = ct::shape(read_text(text, spec, "befolkning.csv"), spec);
  ASSERT_TRUE(a.table && a.chart);
  EXPECT_TRUE(a.table->id.starts_with("csv-befolkning-")) << a.table->id;
  EXPECT_EQ(a.table->id, b.table->id);
  EXPECT_EQ(a.chart->data_table, a.table->id);
  spec.filters = {{"Kommune", {"Oslo"}}};
  EXPECT_NE(ct::shape(read_text(text, spec, "befolkning.csv"), spec).table->id, a.table->id);
}

TEST(CsvLimits, PivotAndWideToLongCheckTheirSizeBeforeAllocating) {
  // 3,000 distinct row keys × 3,000 distinct column keys: 9 million cells > the limit
  // set here, refused before anything that size exists.
  std::string text = "R;C;V\n";
  for (int i = 0; i < 3000; ++i) text += "r" + std::to_string(i) + ";c" + std::to_string(i) + ";1\n";
  ct::ReadSpec spec;
  spec.source = "x";
  spec.pivot = ct::Pivot{"R", "C", "V"};
  spec.max_cells = 1'000'000;
  sdg::Error e = error_of([&] { ct::shape(read_text(text, spec), spec); });
  EXPECT_NE(what_of(e).find("3000 rows × 3001 columns"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("over this source's 'max_cells' = 1000000"), std::string::npos) << e.what();
  // Columns past a spreadsheet's 16,384.
  std::string wide = "R;C;V\n";
  for (int i = 0; i < 17000; ++i) wide += "r;c" + std::to_string(i) + ";1\n";
  spec.max_cells = 0;  // the core's table_cells
  e = error_of([&] { ct::shape(read_text(wide, spec), spec); });
  EXPECT_NE(what_of(e).find("17001 columns"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("over the limit table_columns = 16384"), std::string::npos) << e.what();

  ct::ReadSpec wl;
  wl.source = "x";
  wl.wide_to_long = ct::WideToLong{};
  wl.max_cells = 5;
  e = error_of([&] { ct::shape(read_text("K;2019;2020;2021\nA;1;2;3\nB;1;2;3\n", wl), wl); });
  EXPECT_NE(what_of(e).find("2 rows × 3 columns"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("'max_cells' = 5"), std::string::npos) << e.what();
}

TEST(CsvLimits, ChartWithTooManySeriesIsRefused) {
  std::string text = "Navn;Verdi\n";
  const auto over = static_cast<int>(sdg::limits().chart_series) + 1;
  for (int i = 0; i < over; ++i) text += "n" + std::to_string(i) + ";" + std::to_string(i) + "\n";
  ct::ReadSpec spec;
  spec.source = "x";
  spec.chart = sdg::Chart::Kind::Line;
  const sdg::Error e = error_of([&] { ct::shape(read_text(text, spec), spec); });
  EXPECT_NE(what_of(e).find(std::to_string(over) + " series"), std::string::npos) << e.what();
  EXPECT_NE(what_of(e).find("over the limit chart_series = " + std::to_string(over - 1)), std::string::npos)
      << e.what();
}

TEST(CsvEncoding, TheUtf8CheckHoldsAcrossReadChunks) {
  // The reader decodes 1 MiB chunks; "Ø" (0xC3 0x98) split over the boundary (the last
  // row is one long name ending in it) is still seen.
  ct::ReadSpec spec;
  spec.encoding = ct::Encoding::Windows1252;
  std::string text = "Navn;Verdi\n";
  while (text.size() < (std::size_t{1} << 20) - 8) text += "Oslo;1\n";
  text += std::string((std::size_t{1} << 20) - 1 - text.size(), 'x') + "\xC3\x98;2\n";
  const sdg::Error e = error_of([&] { read_text(text, spec, "big.csv"); });
  EXPECT_NE(what_of(e).find("the file is UTF-8"), std::string::npos) << e.what();
}

// Issue 13: the default source note is in the report's language ("Kilde: CSV-fil …").
TEST(CsvShape, DefaultSourceNoteIsInTheReportLanguage) {
  ct::ReadSpec spec;
  spec.language = sdg::Language::Nb;
  spec.columns = {"Enhetsnavn", "Periode", "Verdi"};
  spec.filters = {{"Enhetsnavn", {"Auglend skole"}}, {"Indikator/delskår", {"Lesing"}}, {"Kjønn", {"Jenter"}},
                  {"Statistikk", {"Nasjonale prøver 5. trinn"}}, {"Periode", {"2018-2019"}}};
  ct::Shaped s = ct::shape(read_file(kStavanger, spec), spec);
  ASSERT_TRUE(s.table);
  EXPECT_EQ(s.table->source, "CSV-fil stavanger-nasjonale-prover.csv");
}
