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

namespace ct = sdg::csvtable;
using sdg::Cell;
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
  EXPECT_EQ(raw.lines.front(), 2);
  EXPECT_EQ(raw.lines.back(), 6234);
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
  ASSERT_EQ(t.rows.size(), 1u);
  std::vector<Cell> expect{Cell::of("Auglend skole"), Cell::of(53.0), Cell::of(46.0), Cell::of(50.0),
                           Cell::of(49.0), Cell::of(49.0), Cell::of(52.0), Cell::of(50.0)};
  EXPECT_EQ(t.rows[0], expect);
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
    EXPECT_EQ(s.table->rows[0][c], Cell::missing(ValueStatus::NotApplicable));  // '.' by default
  spec.missing["."] = ValueStatus::NotAvailable;
  ct::Shaped s2 = ct::shape(read_file(kStavanger, spec), spec);
  EXPECT_EQ(s2.table->rows[0][1], Cell::missing(ValueStatus::NotAvailable));
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
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[0][0], Cell::of("Auglend skole"));
  ASSERT_TRUE(s.chart);
  EXPECT_EQ(s.chart->series.size(), 1u);
  EXPECT_EQ(s.chart->categories[0], "Auglend skole – " + t.rows[0][1].text);
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
  EXPECT_EQ(t.rows[0][1], Cell::of(-2000000.0));
  EXPECT_EQ(t.rows[1][1], Cell::of(1234.5));
  EXPECT_EQ(t.rows[1][2], Cell::missing(ValueStatus::NotAvailable));
  EXPECT_EQ(t.rows[2][2], Cell::missing(ValueStatus::Confidential));
  EXPECT_EQ(t.rows[2][0], Cell::of("Røst"));
}

TEST(CsvConventions, CommaDelimitedWithDotDecimalsAndGroups) {
  ct::ReadSpec spec;
  spec.number.group = ',';
  spec.number.decimal = '.';
  spec.decimal_auto = false;
  sdg::Table t = table_of("Region,Value\n\"Agder, Vest\",\"1,234.5\"\n", spec);
  EXPECT_EQ(t.rows[0][0], Cell::of("Agder, Vest"));
  EXPECT_EQ(t.rows[0][1], Cell::of(1234.5));
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
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.columns[0].label, "Område");
  EXPECT_EQ(t.rows[0][0], Cell::of("Bærum"));
  EXPECT_EQ(t.rows[1][0], Cell::of("Trøndelag"));
  EXPECT_EQ(t.rows[2][0], Cell::of("€ og –"));
  EXPECT_EQ(t.rows[2][1], Cell::of("2022"));
  EXPECT_EQ(t.rows[0][2], Cell::of(1.5));
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
  EXPECT_EQ(raw.lines, (std::vector<int>{2, 3, 5}));
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
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.rows[1], (std::vector<Cell>{Cell::of("Nord-Norge"), Cell::of("2022"), Cell::of(74.1)}));
  EXPECT_EQ(t.rows[3][2], Cell::missing(ValueStatus::NotAvailable));
}

TEST(CsvConventions, DelimiterDetection) {
  EXPECT_EQ(ct::detect_delimiter("a;b;c"), ';');
  EXPECT_EQ(ct::detect_delimiter("a\tb\tc,d"), '\t');
  EXPECT_EQ(ct::detect_delimiter("\"a;b\",c,d"), ',');
  EXPECT_EQ(ct::detect_delimiter("Year"), ',');
}

TEST(CsvConventions, ChunkBoundariesDoNotSplitCharactersOrLineEnds) {
  // > 3 MB: several 1 MiB chunks; 'ø' (2 bytes) and CRLF fall across boundaries.
  std::string text = "Sted;Verdi\r\n";
  const std::string line = "Trøndelag;1 234,5\r\n";
  for (int i = 0; i < 200000; ++i) text += line;
  ct::ReadSpec spec;
  ct::RawTable raw = read_text(text, spec);
  ASSERT_EQ(raw.rows(), 200000u);
  EXPECT_EQ(raw.lines.back(), 200001);
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
            "q.csv:2: a quoted field opened on line 2 is never closed (the file ends inside it)");
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
    if (x.code == "duplicate-observation" && !w) w = &x;
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
  sdg::Context ctx(dir, "nb", 0);
  sdg::Section target("Mål 4");
  ct::CsvSource source;
  source.fill(sdg::SourceRequest{opts, 4}, target, ctx);
  ASSERT_EQ(target.blocks().size(), 2u);
  const auto& t = target.blocks()[0].as<sdg::Table>();
  EXPECT_EQ(t.caption, "Nasjonale prøver i regning, 5. trinn");
  EXPECT_EQ(t.columns[0].label, "Skole");
  EXPECT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.source, "Stavanger kommune");
  const auto& c = target.blocks()[1].as<sdg::Chart>();
  EXPECT_EQ(c.series[1].name, "Gautesete skole");
  EXPECT_EQ(c.categories.front(), "2014-2015");
  EXPECT_EQ(c.source, "Stavanger kommune");
  EXPECT_EQ(c.alt.substr(0, 14), "Linjediagram: ");
  EXPECT_TRUE(ctx.warnings().empty());

  sdg::Options bad(Value::map({{"file", Value::scalar("np.csv")}, {"delimiter", Value::scalar("#")}}),
                   "plugin 'csv'");
  EXPECT_EQ(error_of([&] { ct::read_spec(bad, "en"); }).code(), ErrorCode::Definition);
  sdg::Options badcol(Value::map({{"file", Value::scalar("np.csv")}, {"columns", Value::scalar("Skole")}}),
                      "plugin 'csv'");
  sdg::Error e = error_of([&] { source.fill(sdg::SourceRequest{badcol, 4}, target, ctx); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("option 'columns' of plugin 'csv': no column 'Skole'"), std::string::npos) << e.what();
  EXPECT_EQ(target.blocks().size(), 2u);
  std::filesystem::remove_all(dir);
}
