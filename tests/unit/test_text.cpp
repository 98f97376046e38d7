#include <set>
#include <gtest/gtest.h>

#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/numbers.hpp"

using namespace sdg;

TEST(Csv, QuotesDelimitersLineBreaksBomAndCrlf) {
  CsvReader r("\xEF\xBB\xBFid,title\r\n1,\"Kommune, \"\"Oslo\"\"\"\r\n2,\"to\nlinjer\"\r\n3,siste", "t.csv");
  auto h = r.next();
  ASSERT_TRUE(h);
  EXPECT_EQ(h->fields, (std::vector<std::string>{"id", "title"}));
  auto a = r.next();
  EXPECT_EQ(a->fields, (std::vector<std::string>{"1", "Kommune, \"Oslo\""}));
  EXPECT_EQ(a->line, 2);
  auto b = r.next();
  EXPECT_EQ(b->fields, (std::vector<std::string>{"2", "to\nlinjer"}));
  auto c = r.next();
  EXPECT_EQ(c->line, 5);
  EXPECT_EQ(c->fields, (std::vector<std::string>{"3", "siste"}));
  EXPECT_FALSE(r.next());
}

TEST(Csv, UnterminatedQuoteNamesTheLine) {
  CsvReader r("a;b\n1;\"open\n", "x.csv", ';');
  r.next();
  try {
    r.next();
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "x.csv:2: unterminated quote: a quoted field opened on line 2 is never closed (the file ends inside it)");
  }
}

TEST(I18n, NumbersFollowTheLanguage) {
  EXPECT_EQ(format_number(1234.5, 1, sdg::Language::En), "1,234.5");
  EXPECT_EQ(format_number(1234.5, 1, sdg::Language::Nb), "1\u00A0234,5");
  EXPECT_EQ(format_number(-2000000, 2, sdg::Language::Nn), "-2\u00A0000\u00A0000,00");
  EXPECT_EQ(format_number(999.96, 1, sdg::Language::En), "1,000.0");
  EXPECT_EQ(format_number(-0.04, 1, sdg::Language::En), "0.0");
  EXPECT_EQ(format_number(12, 0, sdg::Language::En), "12");
}

TEST(I18n, LabelsDatesAndTags) {
  EXPECT_EQ(label(Label::Contents, sdg::Language::Nb), "Innhold");
  EXPECT_EQ(label(Label::Contents, sdg::Language::Nn), "Innhald");
  EXPECT_EQ(label(Label::Contents, sdg::Language::En), "Contents");
  EXPECT_EQ(goal_label(7, sdg::Language::Nb), "Mål 7");
  EXPECT_EQ(progress_label(ProgressStatus::Substantial, sdg::Language::En), "Substantial progress");
  EXPECT_EQ(format_date("2026-06-15", sdg::Language::Nb), "15. juni 2026");
  EXPECT_EQ(format_date("2026-06-15", sdg::Language::En), "15 June 2026");
  EXPECT_EQ(format_date("2026-06", sdg::Language::Nb), "Juni 2026");
  EXPECT_EQ(format_date("våren 2026", sdg::Language::Nb), "våren 2026");
  EXPECT_STREQ(language_tag(sdg::Language::Nb), "nb-NO");
}

TEST(I18n, LanguageIsParsedOnceAndSpelledTwoWays) {
  using sdg::Language;
  EXPECT_EQ(sdg::parse_language("nb"), Language::Nb);
  EXPECT_EQ(sdg::parse_language("nn"), Language::Nn);
  EXPECT_EQ(sdg::parse_language("en"), Language::En);
  for (const char* other : {"", "NB", "no", "nb-NO", "se", "de"}) EXPECT_FALSE(sdg::parse_language(other)) << other;
  for (Language l : sdg::kLanguages) EXPECT_EQ(sdg::parse_language(sdg::language_code(l)), l);
  EXPECT_STREQ(sdg::language_tag(Language::En), "en-GB");
  EXPECT_STREQ(sdg::language_tag(Language::Nn), "nn-NO");
  EXPECT_TRUE(sdg::is_norwegian(Language::Nb));
  EXPECT_TRUE(sdg::is_norwegian(Language::Nn));
  EXPECT_FALSE(sdg::is_norwegian(Language::En));
  // A block's free BCP 47 tag against the report's language (language of parts).
  EXPECT_TRUE(sdg::same_language("", Language::Nb));
  EXPECT_TRUE(sdg::same_language("nb-NO", Language::Nb));
  EXPECT_TRUE(sdg::same_language("NB", Language::Nb));
  EXPECT_FALSE(sdg::same_language("nb", Language::Nn));
  EXPECT_FALSE(sdg::same_language("se", Language::Nb));
}

TEST(I18n, StatusSymbolsPerLanguage) {
  // Statistics Norway: "." cannot occur, "*" provisional, "|" break; "-" (nil) is never a missing marker.
  EXPECT_EQ(status_symbol(ValueStatus::Confidential, sdg::Language::En), ":");
  EXPECT_EQ(status_symbol(ValueStatus::NotApplicable, sdg::Language::Nb), ".");
  EXPECT_EQ(status_symbol(ValueStatus::NotApplicable, sdg::Language::En), "-");
  EXPECT_EQ(status_symbol(ValueStatus::Provisional, sdg::Language::Nn), "*");
  EXPECT_EQ(status_symbol(ValueStatus::Estimated, sdg::Language::En), "e");
  EXPECT_EQ(status_symbol(ValueStatus::BreakInSeries, sdg::Language::Nb), "|");
  EXPECT_EQ(status_symbol(ValueStatus::None, sdg::Language::Nb), "");
  EXPECT_EQ(status_symbol(ValueStatus::Nil, sdg::Language::Nb), "-");
  EXPECT_FALSE(status_is_flag(ValueStatus::Nil)) << "a nil replaces the 0; it is not printed beside it";
  EXPECT_EQ(status_key_entry(ValueStatus::Provisional, sdg::Language::Nb), "* = Foreløpige tall");
  for (sdg::Language lang : sdg::kLanguages) {
    std::set<std::string> seen;
    for (ValueStatus s : all_value_statuses()) {
      const std::string& sym = status_symbol(s, lang);
      EXPECT_FALSE(sym.empty()) << language_code(lang) << " " << value_status_name(s);
      EXPECT_TRUE(seen.insert(sym).second) << language_code(lang) << ": symbol '" << sym << "' used twice";
      if (is_norwegian(lang) && s != ValueStatus::Nil) {
        EXPECT_NE(sym, "-") << "'-' means nil in Norwegian statistics";
      }
    }
    EXPECT_EQ(seen.size(), 7u);
  }
  EXPECT_TRUE(status_is_flag(ValueStatus::Estimated));
  EXPECT_FALSE(status_is_flag(ValueStatus::NotAvailable));
}

TEST(Numbers, NordicAndEnglishSpellings) {
  auto n = parse_number("1 234 567,89");
  ASSERT_TRUE(n);
  EXPECT_DOUBLE_EQ(n->value, 1234567.89);
  EXPECT_EQ(n->decimals, 2);
  EXPECT_DOUBLE_EQ(parse_number("-2\u00A0000\u00A0000,00")->value, -2000000);
  EXPECT_DOUBLE_EQ(parse_number("\xE2\x88\x92" "0.5")->value, -0.5);       // U+2212 minus
  EXPECT_DOUBLE_EQ(parse_number("12\xE2\x80\xAF" "345")->value, 12345);    // U+202F
  EXPECT_EQ(parse_number("12 %")->unit, "%");
  EXPECT_DOUBLE_EQ(parse_number("1,234.5", {'.', ','})->value, 1234.5);
  EXPECT_DOUBLE_EQ(parse_number("1.234,5", {',', '.'})->value, 1234.5);
  EXPECT_DOUBLE_EQ(parse_number("1,5", {',', 0})->value, 1.5);
  EXPECT_FALSE(parse_number("1.5", {',', 0})) << "a point is not a decimal comma";
  EXPECT_FALSE(parse_number("1,234.5"));  // without a declared group character, ambiguous
  EXPECT_FALSE(parse_number("12 34"));
  EXPECT_FALSE(parse_number("1234 567"));
  EXPECT_FALSE(parse_number("1,"));
  EXPECT_FALSE(parse_number("abc"));
  EXPECT_FALSE(parse_number("-"));
  EXPECT_FALSE(parse_number("2.5 GWh"));
  EXPECT_FALSE(parse_number("1.5", {'.', '.'}));
}

TEST(Numbers, MissingValueMarkers) {
  EXPECT_EQ(parse_missing_marker(""), ValueStatus::NotAvailable);
  EXPECT_EQ(parse_missing_marker(" .. "), ValueStatus::NotAvailable);
  EXPECT_EQ(parse_missing_marker("."), ValueStatus::NotApplicable);
  // "-" is nil (a true zero, Statistics Norway and the UN): the reader makes it the number 0.
  EXPECT_EQ(parse_missing_marker("-"), ValueStatus::Nil);
  EXPECT_EQ(parse_missing_marker("\u2013"), ValueStatus::Nil);
  EXPECT_EQ(parse_missing_marker(":"), ValueStatus::Confidential);
  EXPECT_FALSE(parse_missing_marker("0"));
  EXPECT_FALSE(parse_missing_marker("n/a"));
}

TEST(I18n, ChartAltTextNamesKindTitleAndDescribesEverySeries) {
  Chart c;
  c.kind = Chart::Kind::Column;
  c.title = "Utslipp";
  c.categories = {"2015", "2020", "2023"};
  c.series = {{"Oslo", "kt", {1.0, 2.0, 3.0}, {}, {}}, {"Bergen", "kt", {4.5, 2.0, 3.0}, {}, {}}};
  EXPECT_EQ(chart_alt_text(c, sdg::Language::Nb),
            "Stolpediagram: Utslipp. Enhet: kt. 2 serier, 2015–2023. Oslo: økte fra 1 i 2015 til 3 i 2023 (opp 2). "
            "Bergen: falt fra 4,5 i 2015 til 3,0 i 2023 (ned 1,5); lavest 2,0 i 2020.");
  c.kind = Chart::Kind::Line;
  EXPECT_EQ(chart_alt_text(c, sdg::Language::En),
            "Line chart: Utslipp. Unit: kt. 2 series, 2015–2023. Oslo: rose from 1 in 2015 to 3 in 2023 (up 2). "
            "Bergen: fell from 4.5 in 2015 to 3.0 in 2023 (down 1.5); lowest 2.0 in 2020.");
  EXPECT_EQ(chart_kind_label(Chart::Kind::Bar, sdg::Language::Nn), "Liggjande stolpediagram");
}

TEST(I18n, DescribeChartSingleSeriesGapsAndEdgeCases) {
  Chart c;
  c.title = "Numeracy";
  c.categories = {"2015", "2016", "2017", "2018"};
  // One series named like the chart: no name repeated; a gap is skipped; the
  // extremes in the middle are named with their periods.
  c.series = {{"Numeracy", "", {std::nullopt, 50.0, 47.5, 49.0}, {}, {}}};
  EXPECT_EQ(describe_chart(c, sdg::Language::En), "Fell from 50.0 in 2016 to 49.0 in 2018 (down 1.0); lowest 47.5 in 2017.");
  c.series = {{"", "%", {3.0, 3.0, std::nullopt, 3.0}, {}, {}}};
  EXPECT_EQ(describe_chart(c, sdg::Language::Nn), "Eining: %. Var uendra frå 3 i 2015 til 3 i 2018.");
  c.series = {{"", "", {std::nullopt, 7.25, std::nullopt, std::nullopt}, {}, {}}};
  EXPECT_EQ(describe_chart(c, sdg::Language::Nb), "Bare én verdi: 7,25 i 2016.");
  c.series = {{"", "", {std::nullopt, std::nullopt, std::nullopt, std::nullopt}, {}, {}}};
  EXPECT_EQ(describe_chart(c, sdg::Language::En), "No values.");
  // Categories that are not periods: named in parentheses.
  c.categories = {"Oslo", "Bergen", "Tromsø"};
  c.series = {{"2023", "MWh", {7.5, 9.25, 6.0}, {}, {}}};
  EXPECT_EQ(describe_chart(c, sdg::Language::En),
            "Unit: MWh. 2023: Oslo 7.50, Bergen 9.25, Tromsø 6.00; highest 9.25 (Bergen), lowest 6.00 (Tromsø).");
  // More than eight series: the rest counted.
  c.categories = {"2020", "2021"};
  c.series.clear();
  for (int i = 0; i < 10; ++i) c.series.push_back({"S" + std::to_string(i), "", {1.0, 2.0}, {}, {}});
  const std::string d = describe_chart(c, sdg::Language::En);
  EXPECT_NE(d.find("S7: rose from 1 in 2020 to 2 in 2021 (up 1)."), std::string::npos) << d;
  EXPECT_EQ(d.find("S8:"), std::string::npos) << d;
  EXPECT_NE(d.find("And 2 more series."), std::string::npos) << d;
}
