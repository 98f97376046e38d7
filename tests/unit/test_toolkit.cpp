// The toolkit (issue 25 item 4): one rule each for UTF-8, periods, ticks,
// decimals, CSV tokenizing and delimiters, trimming, lower-casing and reading
// files. Each test pins the decision where two copies used to disagree.
#include <clocale>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <limits>

#include "errors.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/numbers.hpp"
#include "sdgreport/options.hpp"
#include "sdgreport/periods.hpp"
#include "sdgreport/text.hpp"

using namespace sdg;
using sdg::test::error_of;

// ---------------------------------------------------------------- UTF-8

TEST(ToolkitUtf8, OneDecoderForValidatingCountingAndStreaming) {
  char32_t cp = 0;
  EXPECT_EQ(utf8_decode("\xC3\xB8", 0, &cp), 2);
  EXPECT_EQ(cp, U'\u00F8');
  EXPECT_EQ(utf8_decode("\xF0\x9F\x98\x80", 0, &cp), 4);
  EXPECT_EQ(cp, U'\U0001F600');
  EXPECT_EQ(utf8_decode("\xC0\xAF", 0), 0);      // overlong
  EXPECT_EQ(utf8_decode("\xED\xA0\x80", 0), 0);  // surrogate
  EXPECT_EQ(utf8_decode("\xF4\x90\x80\x80", 0), 0);  // past U+10FFFF
  EXPECT_EQ(utf8_decode("\x80", 0), 0);          // a stray continuation byte
  EXPECT_EQ(utf8_decode("\xE2\x80", 0), -1);     // cut off: a chunked reader waits
  EXPECT_TRUE(is_valid_utf8("Østfold – Sápmi"));
  EXPECT_FALSE(is_valid_utf8("\xD8stfold"));
  EXPECT_EQ(utf8_invalid_at("ab\xE6"), 2u);
  EXPECT_EQ(utf8_invalid_at("æøå"), std::string_view::npos);
  EXPECT_EQ(valid_utf8("\xD8stfold"), "\xEF\xBF\xBDstfold");
}

TEST(ToolkitUtf8, CharactersCountedAndCutOneWay) {
  EXPECT_EQ(utf8_length("Østfold"), 7u);
  EXPECT_EQ(utf8_length("\xFF" "a"), 2u);  // a bad byte is one character, not none
  EXPECT_EQ(utf8_shorten("Nordland fylke", 8), "Nordland\u2026");
  EXPECT_EQ(utf8_shorten("æøå", 3), "æøå");
  EXPECT_EQ(utf8_shorten("æøåæ", 2), "æø\u2026");  // never inside a sequence
}

TEST(ToolkitText, TrimStripsSpacesAndLineBreaksOnly) {
  // Markdown trimmed line breaks but not no-break spaces, the readers' trim_spaces
  // the reverse; one trim now strips both kinds of white space.
  EXPECT_EQ(trim_spaces("\u00A0 12,5\u202F\r\n"), "12,5");
  EXPECT_EQ(trim_spaces("\n Title \t"), "Title");
  EXPECT_EQ(trim_spaces("a b"), "a b");
  EXPECT_EQ(space_length("\u2009x"), 3u);
  EXPECT_EQ(space_length("\nx"), 0u);  // a line break never separates digit groups
  EXPECT_FALSE(parse_number("1\n234"));
}

TEST(ToolkitText, LowerFoldsLatin1CapitalsAndIgnoresTheLocale) {
  EXPECT_EQ(lower("ÅRSTALL Year ÆØ"), "årstall year æø");
  EXPECT_EQ(lower("×"), "×");  // the multiplication sign has no lower case
  // std::tolower under a Latin-1 locale would turn the lead byte 0xC3 into 0xE3.
  const char* old = std::setlocale(LC_CTYPE, nullptr);
  const std::string saved = old ? old : "C";
  if (std::setlocale(LC_CTYPE, "en_US.ISO-8859-1") || std::setlocale(LC_CTYPE, "C.UTF-8")) {
    EXPECT_EQ(lower("Ø"), "ø");
  }
  std::setlocale(LC_CTYPE, saved.c_str());
}

TEST(ToolkitText, EqualsIgnoringCaseIsLowerOnBothSides) {
  EXPECT_TRUE(equals_ignoring_case("TIME_PERIOD", "time_period"));
  EXPECT_TRUE(equals_ignoring_case("ÅR", "år"));
  EXPECT_FALSE(equals_ignoring_case("OBS_VALUE", "OBS_VALUES"));
  EXPECT_FALSE(equals_ignoring_case("a", "b"));
  EXPECT_TRUE(equals_ignoring_case("", ""));
}

// ---------------------------------------------------------------- periods

TEST(ToolkitPeriods, OneYearRange) {
  // Markdown took 1800–2199 as years, csv 1900–2100, the workbook 1000–2999, the
  // time axis any four digits: one range now, 1700–2199.
  EXPECT_FALSE(is_year("1699"));
  EXPECT_TRUE(is_year("1749"));
  EXPECT_TRUE(is_year("1850"));
  EXPECT_TRUE(is_year("2150"));
  EXPECT_FALSE(is_year("2200"));
  EXPECT_FALSE(is_year(" 2015"));
  EXPECT_FALSE(is_year("2 015"));
  EXPECT_FALSE(is_period("1234"));
  EXPECT_FALSE(is_period("3021Q1"));
}

TEST(ToolkitPeriods, OneSetOfForms) {
  // "2021M07" was a period to the time axis and not to the workbook planner;
  // "2021 Q1" and "2021-03-15" the reverse.
  using K = Period::Kind;
  EXPECT_EQ(parse_period("2021M07")->kind, K::Month);
  EXPECT_DOUBLE_EQ(parse_period("2021M07")->time, 2021 + 6.5 / 12);
  EXPECT_EQ(parse_period("2021 Q1")->kind, K::Quarter);
  EXPECT_DOUBLE_EQ(parse_period("2021-K3")->time, 2021.625);
  EXPECT_EQ(parse_period("2021-03-15")->kind, K::Day);
  EXPECT_EQ(parse_period(" 2015 ")->kind, K::Year);
  EXPECT_EQ(parse_period("2004/05")->kind, K::SplitYear);
  EXPECT_EQ(parse_period("2004\u201305")->year, 2004);
  EXPECT_EQ(parse_period("2011-12")->kind, K::SplitYear);  // the next year's digits: 2011/12
  EXPECT_EQ(parse_period("2021-03")->kind, K::Month);      // any other month: March 2021
  EXPECT_EQ(parse_period("2019\u20132021")->kind, K::Range);
  EXPECT_FALSE(parse_period("2021M13"));
  EXPECT_FALSE(parse_period("2021Q5"));
  EXPECT_FALSE(parse_period("2021-13-01"));
  EXPECT_FALSE(parse_period("20x1"));
}

TEST(ToolkitPeriods, OneOrder) {
  std::vector<std::string> v{"2021Q1", "Total", "2004/05", "2021", "2004", "2021M07", "1999 (revised)", "2021-03-15"};
  std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) { return period_before(a, b); });
  EXPECT_EQ(v, (std::vector<std::string>{"1999 (revised)", "2004", "2004/05", "2021", "2021Q1", "2021-03-15",
                                         "2021M07", "Total"}));
  EXPECT_EQ(leading_year("2015 (provisional)"), 2015);
  EXPECT_FALSE(leading_year("20151"));
}

TEST(ToolkitPeriods, OneSetOfHeaderWords) {
  // csv and the workbook had different lists, and csv also took any header
  // containing "år" ("Gårdsbruk"): one list, whole headers.
  for (const char* h : {"Year", "år", "ÅRSTALL", "Periode", "tid", "Tidspunkt", "date", "Dato", "jahr", "aar",
                        "TIME_PERIOD", " year "})
    EXPECT_TRUE(is_period_header(h)) << h;
  for (const char* h : {"Gårdsbruk", "Time spent (hours)", "Region", "Value"}) EXPECT_FALSE(is_period_header(h)) << h;
}

// ---------------------------------------------------------------- decimals

TEST(ToolkitDecimals, WhatAValueNeedsToShowAsItIs) {
  // The HTML's chart data capped this at 4, the workbook's at 3, JSON-stat at 17:
  // one rule now, capped at the model's 10 (charts: tests/formats-common/test_axis.cpp).
  EXPECT_EQ(decimals_needed(12.0), 0);
  EXPECT_EQ(decimals_needed(12.25), 2);
  EXPECT_EQ(decimals_needed(0.1 + 0.2), 1);
  EXPECT_EQ(decimals_needed(12.34567), 5);
  EXPECT_EQ(decimals_needed(1e-5), 5);
  EXPECT_EQ(decimals_needed(-2.5), 1);
  EXPECT_EQ(decimals_needed(1.0 / 3), 10);
  EXPECT_EQ(decimals_needed(1e21), 0);
}

TEST(ToolkitDecimals, WhatTheValuesOfASeriesNeedWithACap) {
  // The chart description's own rule (0–3 with a tolerance) is this one, capped at 3.
  const std::vector<std::optional<double>> v{12.5, std::nullopt, 3.0, 4.25,
                                             std::numeric_limits<double>::infinity()};
  EXPECT_EQ(decimals_needed(v), 2);
  const std::vector<std::optional<double>> third{1.0 / 3, 2.0};
  EXPECT_EQ(decimals_needed(third), 10);
  EXPECT_EQ(decimals_needed(third, 3), 3);
  EXPECT_EQ(decimals_needed(std::vector<std::optional<double>>{std::nullopt}), 0);
}

// ---------------------------------------------------------------- CSV

namespace {
std::vector<std::vector<std::string>> records(std::string_view text, char delim = ',') {
  CsvReader r(text, "t.csv", delim);
  std::vector<std::vector<std::string>> out;
  while (auto rec = r.next()) out.push_back(rec->fields);
  return out;
}
}  // namespace

TEST(ToolkitCsv, OneTokenizer) {
  using R = std::vector<std::vector<std::string>>;
  // A quote inside an unquoted field is text (the opensdg framer joined lines at it).
  EXPECT_EQ(records("a,b\n1,Fem\"ale\n2,x\n"), (R{{"a", "b"}, {"1", "Fem\"ale"}, {"2", "x"}}));
  // Blank lines are no records (the core reader gave a record of one empty field).
  EXPECT_EQ(records("a\n\n1\n\r\n"), (R{{"a"}, {"1"}}));
  // A lone CR ends a line (the core reader kept it as text); CRLF and CR inside a
  // quoted field are one LF (the csv plugin dropped a lone CR there).
  EXPECT_EQ(records("a,b\r1,\"x\r\ny\rz\"\r"), (R{{"a", "b"}, {"1", "x\ny\nz"}}));
  // Spaces after a closing quote are allowed; other text is an error at the quote's line
  // (the core reader appended it silently).
  EXPECT_EQ(records("\"a\"  ,b\n"), (R{{"a", "b"}}));
  const Error e = error_of([] { records("a,b\n1,\"x\ny\"z\n"); });
  EXPECT_EQ(e.where().line, 2);
  EXPECT_NE(std::string(e.what()).find("runs to line 3"), std::string::npos) << e.what();
  EXPECT_EQ(std::string(error_of([] { records("a\n\"open\n"); }).what()),
            "t.csv:2: unterminated quote: a quoted field opened on line 2 is never closed (the file ends inside it)");
}

TEST(ToolkitCsv, ChunksStreamsAndLines) {
  // Pieces of any size, a byte order mark split between them.
  std::vector<std::pair<std::vector<std::string>, int>> got;
  CsvTokenizer t(';', "t.csv", [&](const std::vector<std::string>& f, std::size_t n, int line) {
    got.emplace_back(std::vector<std::string>(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(n)), line);
  });
  const std::string text = "\xEF\xBB\xBFid;navn\n1;\"Ås\nveien\"\n2;Bø";
  for (char c : text) t.feed(std::string_view(&c, 1));
  t.finish();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first, (std::vector<std::string>{"id", "navn"}));
  EXPECT_EQ(got[1].first, (std::vector<std::string>{"1", "Ås\nveien"}));
  EXPECT_EQ(got[2].second, 4);
  // A stream gives the same records, with the line each ends on.
  std::istringstream in(text);
  CsvReader r(in, "t.csv", ';');
  r.next();
  const auto rec = r.next();
  EXPECT_EQ(rec->line, 2);
  EXPECT_EQ(rec->last_line, 3);
  EXPECT_EQ(r.next()->fields, (std::vector<std::string>{"2", "Bø"}));
  EXPECT_FALSE(r.next());
}

TEST(ToolkitCsv, OneDelimiterDetection) {
  // `--each` counted delimiters inside quotes and never chose '|'.
  EXPECT_EQ(detect_csv_delimiter("name,\"a;b;c\"\n"), ',');
  EXPECT_EQ(detect_csv_delimiter("a|b|c\n1,5|2|3\n"), '|');
  EXPECT_EQ(detect_csv_delimiter("a;b\n1,2,3,4\n"), ';');  // the first line only
  EXPECT_EQ(detect_csv_delimiter("a\tb;c\td\n"), '\t');
  EXPECT_EQ(detect_csv_delimiter("Year"), ',');
}

// ---------------------------------------------------------------- files

TEST(ToolkitFiles, OneReaderThatSaysWhy) {
  const auto dir = std::filesystem::temp_directory_path() / "sdgreport-toolkit-files";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.txt", std::ios::binary) << "æ\n";
  EXPECT_EQ(read_file(dir / "a.txt", ErrorCode::Input, "the file", {}), "æ\n");
  EXPECT_EQ(try_read_file(dir / "a.txt"), "æ\n");
  EXPECT_FALSE(try_read_file(dir / "none.txt"));
  EXPECT_FALSE(try_read_file(dir));  // a folder opened as a file read as empty before
  EXPECT_EQ(std::string(error_of([&] { read_file(dir / "none.txt", ErrorCode::Input, "the model", {"m.json"}); }).what()),
            "m.json: cannot read the model: file not found");
  const Error folder = error_of([&] { read_file(dir, ErrorCode::Definition, "the report definition", {}); });
  EXPECT_EQ(folder.code(), ErrorCode::Definition);
  EXPECT_NE(std::string(folder.what()).find("it is a folder, not a file"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------- options

TEST(ToolkitOptions, OneIntegerRuleForTheCheckAndTheGetter) {
  // The option check took "+5" (and "+-5" as -5); Options::integer() refused "+5".
  EXPECT_EQ(option_integer("+5"), 5);
  EXPECT_EQ(option_integer("-5"), -5);
  EXPECT_FALSE(option_integer("+-5"));
  EXPECT_FALSE(option_integer("5.0"));
  EXPECT_FALSE(option_integer(""));
  EXPECT_EQ(option_number("+2.5"), 2.5);
  EXPECT_FALSE(option_number("+-2.5"));
  const Options o(Value::map({{"n", Value::scalar("+5")}, {"x", Value::scalar("+-5")}}), "plugin 't'");
  EXPECT_EQ(o.integer("n"), 5);
  EXPECT_EQ(error_of([&] { o.integer("x"); }).code(), ErrorCode::Definition);
}
