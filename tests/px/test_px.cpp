// Tests of the px plugin's pure layer (read_px, the shared view with format_of,
// blocks_of) over the real files in tests/data/px/, small PC-Axis texts for
// each rule (symbols, encodings, continued strings, notes, errors with lines),
// and fill() through a Context. The value-by-value check of every cell against
// an independent parse is tests/px/check_values.py (ctest px.values).
#include <gtest/gtest.h>

#include "errors.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "px.hpp"
#include "px_source.hpp"
#include "sdgreport/files.hpp"

using sdg::Cell;
using sdg::ErrorCode;
using sdg::ValueStatus;
using sdg::plugins::cube::View;
using sdg::plugins::cube::ViewSpec;
using sdg::test::error_of;

namespace {

const std::filesystem::path kData = SDGREPORT_TEST_DATA;

/// The file's bytes ("" when it cannot be read), by the SDK's one reading of files.
std::string slurp(const std::filesystem::path& p) { return sdg::try_read_file(p).value_or(std::string()); }

sdg::px::PxFile read(const std::string& name, const std::string& language = "",
                     sdg::Language report = sdg::Language::En) {
  sdg::px::ReadOptions ro;
  ro.language = language;
  ro.report_language = report;
  return sdg::px::read_px(slurp(kData / "px" / name), name, ro);
}

sdg::px::PxFile parse(const std::string& text, const std::string& language = "") {
  sdg::px::ReadOptions ro;
  ro.language = language;
  return sdg::px::read_px(text, "t.px", ro);
}

View view(const sdg::px::PxFile& f, ViewSpec spec) {
  return make_view(f.cube, spec, sdg::px::format_of(f));
}

bool has_warning(const sdg::px::PxFile& f, sdg::Code code, const std::string& part = "") {
  for (const auto& w : f.warnings)
    if (w.code == code && w.text.find(part) != std::string::npos) return true;
  return false;
}

std::string what_of(const sdg::Error& e) {
  return e.what();
}

// A small table: 2 regions × 3 years, with every dot code.
const char* kSmall =
    "CHARSET=\"ANSI\";\n"
    "CODEPAGE=\"iso-8859-1\";\n"
    "LANGUAGE=\"en\";\n"
    "DECIMALS=1;\n"
    "SHOWDECIMALS=1;\n"
    "MATRIX=\"SMALL\";\n"
    "TITLE=\"Small table by region \"\n"
    "\"and year\";\n"
    "STUB=\"region\";\n"
    "HEADING=\"year\";\n"
    "VALUES(\"region\")=\"North\",\n"
    "\"South\";\n"
    "VALUES(\"year\")=\"2021\",\"2022\",\"2023\",\"2024\";\n"
    "TIMEVAL(\"year\")=TLIST(A1,\"2021\"-\"2024\");\n"
    "CODES(\"region\")=\"N\",\"S\";\n"
    "UNITS=\"tonnes\";\n"
    "SOURCE=\"Statistics Somewhere\";\n"
    "DATASYMBOL2=\"..\";\n"
    "DATASYMBOL3=\":\";\n"
    "DATA=\n"
    "1.5 \"-\" \".\" \"..\"\n"
    "\"...\" 2 -3.25 \"....\";\n";

}  // namespace

// ---------------------------------------------------------------- real files

TEST(PxTux01, Utf8UnderIso885915IsReadAsUtf8AndSaidSo) {
  const auto f = read("TUX01.px");
  EXPECT_EQ(f.encoding, "utf-8");
  EXPECT_TRUE(has_warning(f, sdg::Code::PxCodepageMismatch, "CODEPAGE=\"iso-8859-15\""));
  EXPECT_EQ(f.language, "en");
  EXPECT_EQ((std::vector<std::string>{"en", "da", "kl"}), f.languages);
  ASSERT_EQ(f.cube.dimensions.size(), 2u);
  EXPECT_EQ(f.cube.dimensions[1].role, "time");
  EXPECT_EQ(f.cube.label, "Number of sled dogs by district and time");
  EXPECT_EQ(f.cube.size(), 396u);
  const auto da = read("TUX01.px", "da");
  EXPECT_EQ(da.language, "da");
  EXPECT_EQ(da.cube.label, "Antal slædehunde efter distrikt og tid");  // never "slÃ¦dehunde"
  EXPECT_EQ(da.cube.dimensions[0].id, "district");                     // ids from the main language
  EXPECT_EQ(da.cube.dimensions[0].label, "distrikt");
  EXPECT_EQ(da.cube.dimensions[0].categories[0].label, "I alt");
  EXPECT_EQ(da.cube.dimensions[0].categories[0].id, "0");  // CODES
  const auto kl = read("TUX01.px", "kl");
  EXPECT_EQ(kl.cube.dimensions[0].categories[0].label, "Katillugit");
  // The first and last cells of the file.
  EXPECT_EQ(f.cube.at({0, 0}).value, 28449.0);
  EXPECT_EQ(f.cube.at({11, 32}).value, 180.0);
}

TEST(PxTux01, CellNotesOfTheShownCellsGoUnderTheTable) {
  const auto f = read("TUX01.px");
  ViewSpec spec;
  spec.select.push_back({"time", {"2019..2022"}, {}});
  spec.rows = "district";
  spec.columns = "time";
  const sdg::Blocks blocks =
      sdg::px::blocks_of(f, view(f, spec), sdg::px::NotesPolicy::Mandatory, "TUX01.px / TUX01", sdg::Language::En);
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_TRUE(blocks[1].is<sdg::Paragraph>());
  const std::string text = sdg::plain_text(blocks[1].as<sdg::Paragraph>().content);
  EXPECT_NE(text.find("Kangaatsiaq, 2019: figures are from 2018"), std::string::npos) << text;
  EXPECT_NE(text.find("Ittoqqortoormiit, 2022: figures are from 2020"), std::string::npos) << text;
  EXPECT_EQ(text.find("Towns and settlemeents"), std::string::npos) << text;  // NOTE: not mandatory
  // Only 1990–2000: no cell note concerns them.
  ViewSpec early = spec;
  early.select = {{"time", {"1990..2000"}, {}}};
  EXPECT_EQ(sdg::px::blocks_of(f, view(f, early), sdg::px::NotesPolicy::Mandatory, "o", sdg::Language::En).size(), 1u);
  // notes: all adds the table's and the variables' NOTEs.
  const auto all = sdg::px::blocks_of(f, view(f, early), sdg::px::NotesPolicy::All, "o", sdg::Language::En);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_NE(sdg::plain_text(all[1].as<sdg::Paragraph>().content).find("Towns and settlemeents"),
            std::string::npos);
}

TEST(PxBexsta, Windows1252AndNilCells) {
  const auto f = read("BEXSTA_windows_1252.px", "kl");
  EXPECT_EQ(f.encoding, "windows-1252");
  EXPECT_TRUE(f.warnings.empty());
  bool quote = false;
  for (const std::string& n : f.cube.notes)
    quote = quote || n.find("atugassat ingerlateqqinneqarsinnaapput.\u201D") != std::string::npos;
  EXPECT_TRUE(quote) << "0x94 is \u201D in Windows-1252";
  const auto en = read("BEXSTA_windows_1252.px");
  EXPECT_EQ(en.cube.size(), 7200u);
  // "-" is nil: the number 0 with the nil mark, never a missing cell.
  ViewSpec spec;
  spec.rows = "age";
  spec.columns = "residence type";
  spec.select = {{"place of birth", {"S"}, {}}, {"gender", {"K"}, {}}};
  const View v = view(en, spec);
  ASSERT_TRUE(v.table);
  std::size_t nil = 0;
  for (std::size_t r = 0; r < v.table->data.rows(); ++r)
    for (std::size_t c = 1; c < v.table->columns.size(); ++c) {
      const sdg::CellView cell = v.table->data.cell(r, c);
      if (cell.status == ValueStatus::Nil) {
        EXPECT_EQ(cell.kind, Cell::Kind::Number);
        EXPECT_EQ(cell.number, 0.0);
        ++nil;
      }
    }
  EXPECT_GT(nil, 100u);
}

TEST(PxBexsta, EliminationNarrowsTheVariablesNotShown) {
  const auto f = read("BEXSTA_windows_1252.px");
  ViewSpec spec;
  spec.rows = "age";
  const View v = view(f, spec);  // place of birth, gender, residence type: ELIMINATION "Total"
  ASSERT_TRUE(v.table);
  EXPECT_EQ(v.table->data.rows(), 100u);
  EXPECT_EQ(v.table->columns.size(), 2u);  // one value column
  EXPECT_NE(v.table->caption.find("place of birth: Total"), std::string::npos) << v.table->caption;
  EXPECT_NE(v.table->caption.find("residence type: Total"), std::string::npos) << v.table->caption;
  EXPECT_EQ(v.table->data.cell(0, 1), Cell::of(f.cube.at({0, 0, 0, 0, 0}).value.value()));
}

TEST(PxContvariable, UnitsPerContentAndNegativeValues) {
  const auto f = read("CONTVARIABLE.px");
  EXPECT_EQ(f.encoding, "iso-8859-1");
  ASSERT_EQ(f.cube.dimensions.size(), 3u);
  EXPECT_EQ(f.cube.dimensions[0].id, "Region");
  EXPECT_EQ(f.cube.dimensions[1].id, "ContentsCode");
  EXPECT_EQ(f.cube.dimensions[1].role, "metric");
  EXPECT_EQ(f.cube.dimensions[2].role, "time");
  EXPECT_EQ(f.cube.dimensions[1].categories[0].unit->label, "persons");
  EXPECT_EQ(f.cube.updated, "2023-02-21");
  EXPECT_EQ(f.cube.source, "Statistics Norway");
  EXPECT_EQ(f.table_id, "06913");
  ViewSpec spec;
  spec.select = {{"ContentsCode", {"Fodselsoverskudd"}, {}}};
  const View v = view(f, spec);
  ASSERT_TRUE(v.table);
  EXPECT_EQ(v.table->columns[1].unit, "persons");
  EXPECT_EQ(v.table->columns[1].label, "2019");
  EXPECT_EQ(v.table->data.cell(0, 0), Cell::of("Halden"));
  EXPECT_EQ(v.table->data.cell(0, 1), Cell::of(-42.0));
  EXPECT_EQ(v.table->data.cell(1, 4), Cell::of(-49.0));
}

TEST(PxTransmengde, DataNoteCellStarIsProvisionalAndReadingIsFast) {
  const std::string bytes = slurp(kData / "px/Transmengde.px");
  const auto t0 = std::chrono::steady_clock::now();
  const auto f = sdg::px::read_px(bytes, "Transmengde.px", {});
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "Transmengde.px (27,300 cells, 6760 DATANOTECELL) read in " << ms << " ms\n";
  EXPECT_EQ(f.language, "no");
  EXPECT_EQ(f.encoding, "iso-8859-1");
  EXPECT_EQ(f.cube.size(), 27300u);
  EXPECT_EQ(f.cube.dimensions[1].categories[0].id, "-");
  EXPECT_EQ(f.cube.dimensions[2].label, "transportmåte");
  // DATANOTECELL("1","22","16","Transmengde","2015K4")="*": codes of each variable.
  const auto d = [&](std::size_t i, const std::string& id) { return *f.cube.dimensions[i].find(id); };
  const auto o = f.cube.at({d(0, "1"), d(1, "22"), d(2, "16"), 0, d(4, "2015K4")});
  EXPECT_EQ(o.status, "*");
  EXPECT_TRUE(o.value.has_value());
  const auto plain = f.cube.at({d(0, "1"), d(1, "22"), d(2, "16"), 0, d(4, "2016K1")});
  EXPECT_EQ(plain.status, "");
  ViewSpec spec;
  spec.select = {{"import/eksport", {"1"}, {}}, {"tosifret SITC", {"22"}, {}}};
  spec.rows = "transportmåte";
  spec.columns = "kvartal";
  const View v = view(f, spec);
  EXPECT_EQ(v.table->data.cell(*f.cube.dimensions[2].find("16"), 4).status, ValueStatus::Provisional);
  EXPECT_EQ(v.table->source, "Statistisk sentralbyrå");
  EXPECT_TRUE(v.warnings.empty());
}

TEST(PxLanguage, BlocksAreMarkedWhenNotInTheReportLanguage) {
  const auto f = read("Transmengde.px", "", sdg::Language::Nb);
  ViewSpec spec;
  spec.select = {{"import/eksport", {"1"}, {}}, {"tosifret SITC", {"22"}, {}}};
  spec.rows = "transportmåte";
  const auto nb = sdg::px::blocks_of(f, view(f, spec), sdg::px::NotesPolicy::Mandatory, "t.px / 08811", sdg::Language::Nb);
  EXPECT_EQ(nb[0].lang, "");  // "no" is the report's Norwegian
  EXPECT_EQ(nb[0].origin, "t.px / 08811");
  const auto en = sdg::px::blocks_of(f, view(f, spec), sdg::px::NotesPolicy::Mandatory, "t.px / 08811", sdg::Language::En);
  EXPECT_EQ(en[0].lang, "nb");  // Statistics Norway's "no" is Bokmål
}

TEST(PxLanguage, ReportLanguageChosenWhenTheFileHasIt) {
  EXPECT_EQ(read("TUX01.px", "", sdg::Language::Nb).language, "en");  // no Norwegian in the file: its LANGUAGE
  EXPECT_EQ(read("Transmengde.px", "", sdg::Language::Nb).language, "no");
  const auto e = error_of([] { read("TUX01.px", "fr"); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_NE(what_of(e).find("no language 'fr' (its languages: en, da, kl)"), std::string::npos) << what_of(e);
}

// ---------------------------------------------------------------- rules, on small texts

TEST(PxSymbols, DotsAndDashAndDatasymbols) {
  const auto f = parse(kSmall);
  EXPECT_EQ(f.cube.label, "Small table by region and year");  // a string continued on the next line
  EXPECT_EQ(f.cube.dimensions[0].categories[1].label, "South");
  EXPECT_EQ(f.cube.dimensions[1].role, "time");
  ViewSpec spec;
  const View v = view(f, spec);
  ASSERT_TRUE(v.table);
  const auto& d = v.table->data;
  EXPECT_EQ(d.cell(0, 1), Cell::of(1.5));
  EXPECT_EQ(d.cell(0, 2), Cell::of(0.0, ValueStatus::Nil));            // "-"
  EXPECT_EQ(d.cell(0, 3), Cell::missing(ValueStatus::NotApplicable));  // "."
  EXPECT_EQ(d.cell(0, 4), Cell::missing(ValueStatus::NotAvailable));   // ".." shown as ".."
  EXPECT_EQ(d.cell(1, 1), Cell::missing(ValueStatus::Confidential));   // "..." shown as ":"
  EXPECT_EQ(d.cell(1, 2), Cell::of(2.0));
  EXPECT_EQ(d.cell(1, 3), Cell::of(-3.25));
  EXPECT_EQ(d.cell(1, 4), Cell::missing(ValueStatus::NotAvailable));  // "....": unknown
  EXPECT_EQ(v.table->columns[1].decimals, 1);                         // SHOWDECIMALS
  EXPECT_EQ(v.table->columns[1].unit, "tonnes");
  ASSERT_EQ(v.warnings.size(), 1u);
  EXPECT_EQ(v.warnings[0].code, sdg::Code::StatusUnmapped);  // one name for the event in every plugin
  EXPECT_NE(v.warnings[0].text.find("'....'"), std::string::npos);
  // The report's own mapping comes first.
  spec.status_map["...."] = ValueStatus::Confidential;
  const View mapped = view(f, spec);
  EXPECT_EQ(mapped.table->data.cell(1, 4), Cell::missing(ValueStatus::Confidential));
  EXPECT_TRUE(mapped.warnings.empty());
}

TEST(PxSymbols, ChartShowsNilAsZero) {
  const auto f = parse(kSmall);
  ViewSpec spec;
  spec.chart = sdg::Chart::Kind::Line;
  const View v = view(f, spec);
  ASSERT_TRUE(v.chart);
  EXPECT_EQ(v.chart->series[0].values[1], 0.0);
  EXPECT_FALSE(v.chart->series[0].values[2].has_value());
}

TEST(PxEncoding, C1BytesUnderIso88591AreWindows1252) {
  std::string t = kSmall;
  t.replace(t.find("Statistics Somewhere"), 20, "\x93Statistics\x94 \xD8stfold");
  const auto f = parse(t);
  EXPECT_EQ(f.encoding, "windows-1252");
  EXPECT_TRUE(has_warning(f, sdg::Code::PxCodepageC1, "byte 0x93 on line 17"));
  EXPECT_EQ(f.cube.source, "\u201CStatistics\u201D \u00D8stfold");
}

TEST(PxEncoding, Latin1UnderUtf8IsWindows1252AndSaidSo) {
  std::string t = kSmall;
  t.replace(t.find("iso-8859-1"), 10, "utf-8");
  t.replace(t.find("Statistics Somewhere"), 20, "\xD8stfold");
  const auto f = parse(t);
  EXPECT_EQ(f.encoding, "windows-1252");
  EXPECT_TRUE(has_warning(f, sdg::Code::PxCodepageMismatch, "byte 0xD8 on line 17 is not UTF-8"));
  EXPECT_EQ(f.cube.source, "\u00D8stfold");
}

TEST(PxEncoding, Iso885915EuroSign) {
  std::string t = kSmall;
  t.replace(t.find("iso-8859-1"), 10, "iso-8859-15");
  t.replace(t.find("tonnes"), 6, "\xA4 million");
  EXPECT_EQ(parse(t).cube.unit->label, "\u20AC million");
}

TEST(PxErrors, FileAndLine) {
  auto msg = [](const std::string& text) { return what_of(error_of([&] { parse(text); })); };
  std::string t = kSmall;
  EXPECT_NE(msg(std::string(kSmall).replace(std::string(kSmall).find("-3.25"), 5, "x3"))
                .find("t.px:22: PC-Axis: DATA: 'x3' is neither a number"),
            std::string::npos);
  t = kSmall;
  t.replace(t.find(" \"....\""), 7, "");
  EXPECT_NE(msg(t).find("DATA has 7 cells but the variables make 8"), std::string::npos) << msg(t);
  EXPECT_NE(msg("TITLE=\"x;\nDATA=\n1;\n").find("t.px:1: PC-Axis: a string opened"), std::string::npos);
  t = kSmall;
  t.replace(t.find("VALUES(\"year\")"), 14, "VALUES(\"yr\")");
  EXPECT_NE(msg(t).find("no VALUES(\"year\")"), std::string::npos) << msg(t);
  EXPECT_NE(msg("TITLE=\"x\";\n").find("no DATA="), std::string::npos);
  EXPECT_NE(msg("TITLE=\"x\";\n@\n").find("t.px:2: PC-Axis: expected a keyword"), std::string::npos);
  t = kSmall;
  t.insert(t.find("DATA="), "KEYS(\"region\")=CODES;\n");
  EXPECT_NE(msg(t).find("KEYS"), std::string::npos);
  t = kSmall;
  t.insert(t.find("DATA="), "SOURCE=\"again\";\n");
  EXPECT_NE(msg(t).find("t.px:20: PC-Axis: SOURCE is given twice (also on line 17)"), std::string::npos)
      << msg(t);
}

TEST(PxNotes, ValueNotesAndCellMarkersWithWildcards) {
  std::string t = kSmall;
  t.insert(t.find("DATA="),
           "VALUENOTEX(\"region\",\"South\")=\"South includes#the islands\";\n"
           "DATANOTECELL(\"*\",\"2021\")=\"*\";\n"
           "DATANOTECELL(\"N\",\"1999\")=\"*\";\n");
  const auto f = parse(t);
  EXPECT_EQ(f.cube.at({0, 0}).status, "*");
  EXPECT_EQ(f.cube.at({1, 0}).status, ":");  // a symbol cell keeps its symbol (DATASYMBOL3)
  EXPECT_TRUE(has_warning(f, sdg::Code::PxNoteCellUnknown, "'1999'"));
  ViewSpec spec;
  const auto blocks = sdg::px::blocks_of(f, view(f, spec), sdg::px::NotesPolicy::Mandatory, "o", sdg::Language::En);
  ASSERT_EQ(blocks.size(), 2u);
  const auto& p = blocks[1].as<sdg::Paragraph>().content;
  EXPECT_EQ(sdg::plain_text(p), "Notes: region: South: South includes the islands");
  EXPECT_EQ(blocks[0].as<sdg::Table>().data.cell(0, 1), Cell::of(1.5, ValueStatus::Provisional));
}

// ---------------------------------------------------------------- fill() through a Context

TEST(PxSource, FillAddsTableNotesAndChart) {
  const auto dir = std::filesystem::temp_directory_path() / "sdgreport-px-test";
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(kData / "px/TUX01.px", dir / "tux.px",
                             std::filesystem::copy_options::overwrite_existing);
  using sdg::Value;
  sdg::Options opts(Value::map({{"plugin", Value::scalar("px")},
                                {"file", Value::scalar("tux.px")},
                                {"file_language", Value::scalar("da")},
                                {"select", Value::map({{"time", Value::scalar("last 4")}})},
                                {"rows", Value::scalar("district")},
                                {"chart", Value::scalar("line")}}),
                    "plugin 'px'");
  sdg::Context ctx(dir, sdg::Language::En, 0);
  sdg::Section target("Goal 15");
  sdg::px::PxSource source;
  source.fill(sdg::SourceRequest{opts, 15}, target, ctx);
  // The table, "Notes:" (English, the report's word), the Danish notes, the chart.
  ASSERT_EQ(target.blocks().size(), 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(target.blocks()[k].lang, k == 1 ? "" : "da");  // Danish text in an English report
    EXPECT_EQ(target.blocks()[k].origin, "tux.px / TUX01");
  }
  EXPECT_EQ(sdg::plain_text(target.blocks()[1].as<sdg::Paragraph>().content), "Notes:");
  const auto& t = target.blocks()[0].as<sdg::Table>();
  EXPECT_EQ(t.columns[0].label, "distrikt");
  EXPECT_EQ(t.data.cell(0, 0), Cell::of("I alt"));
  EXPECT_TRUE(target.blocks()[2].is<sdg::Paragraph>());
  EXPECT_TRUE(target.blocks()[3].is<sdg::Chart>());
  ASSERT_EQ(ctx.warnings().size(), 1u);
  EXPECT_EQ(ctx.warnings()[0].code, "px-codepage-mismatch");

  sdg::Options bad(Value::map({{"file", Value::scalar("tux.px")}, {"file_language", Value::scalar("sv")}}),
                   "plugin 'px'");
  const auto e = error_of([&] { source.fill(sdg::SourceRequest{bad, 15}, target, ctx); });
  EXPECT_EQ(e.code(), ErrorCode::Definition);
  EXPECT_EQ(target.blocks().size(), 4u);  // unchanged on error
  std::filesystem::remove_all(dir);
}
