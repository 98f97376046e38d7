// Unit tests of the markdown data-source plugin: the pure reader
// (plugins/markdown/markdown_reader.hpp) and the plugin's option handling
// (markdown_source.hpp), compiled in directly, without the plugin loader.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "markdown_reader.hpp"
#include "markdown_source.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/option_check.hpp"

// The plugin's option table, as the host reads it (plugin.cpp is compiled in).
extern "C" const sdg::PluginInfo* sdgreport_plugin_info();

namespace md = sdg::markdown;
using sdg::Block;
using sdg::Cell;
using sdg::Column;
using sdg::Inline;
using sdg::Section;
using sdg::ValueStatus;

namespace {

Section read(const std::string& text, md::HeadingMode mode = md::HeadingMode::Sections) {
  Section s("Goal 7");
  s.set_id("goal-7");
  md::ReadOptions opts;
  opts.headings = mode;
  md::read_markdown(text, "goal-07.md", s, opts);
  return s;
}

/// The error read_markdown() throws for `text`.
sdg::Error error_of(const std::string& text) {
  try {
    read(text);
  } catch (const sdg::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text;
  return sdg::Error(sdg::ErrorCode::Internal, "none");
}

const sdg::Paragraph& para(const Section& s, std::size_t i) {
  return s.blocks().at(i).as<sdg::Paragraph>();
}

}  // namespace

// ---------------------------------------------------------------- inlines

TEST(MarkdownInlines, StylesCodeAndLinks) {
  Section s = read("Plain *em* **strong** `x = 1` [SSB](https://www.ssb.no) end.\n");
  ASSERT_EQ(s.blocks().size(), 1u);
  const sdg::Inlines expected{
      Inline::plain("Plain "),
      Inline::emphasis({Inline::plain("em")}),
      Inline::plain(" "),
      Inline::strong({Inline::plain("strong")}),
      Inline::plain(" "),
      Inline::code("x = 1"),
      Inline::plain(" "),
      Inline::link("https://www.ssb.no", {Inline::plain("SSB")}),
      Inline::plain(" end."),
  };
  EXPECT_EQ(para(s, 0).content, expected);
}

TEST(MarkdownInlines, BreaksStrikethroughHtmlAndAutolinks) {
  Section s = read("one\ntwo  \nthree ~~gone~~ <b>html</b><!-- note --> www.ssb.no\n");
  const sdg::Inlines expected{
      Inline::plain("one two"),
      Inline::line_break(),
      Inline::plain("three gone <b>html</b> "),
      Inline::link("http://www.ssb.no", {Inline::plain("www.ssb.no")}),
  };
  EXPECT_EQ(para(s, 0).content, expected);
}

TEST(MarkdownInlines, NorwegianLettersQuotesAndDashesKeptAsWritten) {
  const std::string text = "Blåbærsyltetøy – «sitat» og “quote” -- 'ascii' ... ÆØÅ\n";
  Section s = read(text);
  ASSERT_EQ(s.blocks().size(), 1u);
  EXPECT_EQ(sdg::plain_text(para(s, 0).content),
            "Blåbærsyltetøy – «sitat» og “quote” -- 'ascii' ... ÆØÅ");
}

// ---------------------------------------------------------------- blocks

TEST(MarkdownBlocks, NestedListsWithStartNumber) {
  Section s = read("3. first\n   - a\n   - b\n     1. deep\n4. second\n");
  ASSERT_EQ(s.blocks().size(), 1u);
  const auto& list = s.blocks()[0].as<sdg::List>();
  EXPECT_TRUE(list.ordered);
  EXPECT_EQ(list.start, 3);
  ASSERT_EQ(list.items.size(), 2u);
  ASSERT_EQ(list.items[0].size(), 2u);  // paragraph + nested list
  EXPECT_EQ(list.items[0][0].as<sdg::Paragraph>().content, sdg::Inlines{Inline::plain("first")});
  const auto& inner = list.items[0][1].as<sdg::List>();
  EXPECT_FALSE(inner.ordered);
  ASSERT_EQ(inner.items.size(), 2u);
  const auto& deepest = inner.items[1][1].as<sdg::List>();
  EXPECT_TRUE(deepest.ordered);
  EXPECT_EQ(deepest.start, 1);
  EXPECT_EQ(deepest.items[0][0].as<sdg::Paragraph>().content, sdg::Inlines{Inline::plain("deep")});
}

TEST(MarkdownBlocks, Quote) {
  Section s = read("> Vi skal *ikke* etterlate noen.\n>\n> - punkt\n");
  ASSERT_EQ(s.blocks().size(), 1u);
  const auto& q = s.blocks()[0].as<sdg::Quote>();
  ASSERT_EQ(q.blocks.size(), 2u);
  EXPECT_TRUE(q.blocks[0].is<sdg::Paragraph>());
  EXPECT_TRUE(q.blocks[1].is<sdg::List>());
}

TEST(MarkdownBlocks, CodeBlockIsACodeContainer) {
  Section s = read("```python\nx = 1\n\n  y = 2\n```\n\n---\n\nafter\n");
  ASSERT_EQ(s.blocks().size(), 2u);  // the thematic break is dropped
  const auto& c = s.blocks()[0].as<sdg::Container>();
  EXPECT_EQ(c.name, "code");
  EXPECT_EQ(c.attributes.at("language"), "python");
  ASSERT_EQ(c.blocks.size(), 1u);
  const sdg::Inlines expected{Inline::code("x = 1"), Inline::line_break(), Inline::line_break(),
                              Inline::code("  y = 2")};
  EXPECT_EQ(c.blocks[0].as<sdg::Paragraph>().content, expected);
}

TEST(MarkdownBlocks, ImageBecomesFigureAfterParagraph) {
  Section s("Intro");
  md::ReadOptions opts;
  opts.image_dir = "/report/text";
  md::read_markdown("See the map ![Kart over Norge](img/kart%20ø.png \"Figur 1\")\n", "x.md", s,
                    opts);
  ASSERT_EQ(s.blocks().size(), 2u);
  EXPECT_EQ(para(s, 0).content, sdg::Inlines{Inline::plain("See the map")});
  const auto& f = s.blocks()[1].as<sdg::Figure>();
  EXPECT_EQ(f.path, "/report/text/img/kart ø.png");
  EXPECT_EQ(f.alt, "Kart over Norge");
  EXPECT_EQ(f.caption, "Figur 1");
}

TEST(MarkdownBlocks, ImageWithoutAltIsAnInputErrorWithLine) {
  sdg::Error e = error_of("Intro.\n\nText ![](map.png)\n");
  EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
  EXPECT_EQ(e.where().file, "goal-07.md");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_NE(e.message().find("alt text"), std::string::npos) << e.what();
}

TEST(MarkdownBlocks, RemoteImageIsAWarning) {
  Section s("Intro");
  std::vector<sdg::Warning> warnings;
  md::ReadOptions opts;
  opts.warn = [&](const sdg::Warning& w) { warnings.push_back(w); };
  md::read_markdown("![Logo](https://example.org/logo.png)\n", "x.md", s, opts);
  EXPECT_TRUE(s.blocks().empty());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "markdown-image-remote");
  EXPECT_EQ(warnings[0].where, "x.md:1:1");
}

// ---------------------------------------------------------------- tables

TEST(MarkdownTables, NorwegianNumbersMissingCellsCaptionAndSource) {
  const std::string text =
      "Table: Fornybar energi i Norge\n"
      "\n"
      "| Fylke | Produksjon (GWh) | Andel | Merknad |\n"
      "|---|--:|--:|---|\n"
      "| Viken | 1 234,5 | 12 % | foreløpig |\n"
      "| Nordland | 98\xC2\xA0" "765 | 7,25 % | |\n"
      "| Troms | .. | - | x |\n"
      "| Agder | -3 | |\n"
      "\n"
      "Kilde: SSB, tabell 09817\n";
  Section s = read(text);
  ASSERT_EQ(s.blocks().size(), 1u) << "caption and source paragraphs are taken into the table";
  const auto& t = s.blocks()[0].as<sdg::Table>();
  EXPECT_EQ(t.caption, "Fornybar energi i Norge");
  EXPECT_EQ(t.source, "SSB, tabell 09817");
  ASSERT_EQ(t.columns.size(), 4u);
  EXPECT_EQ(t.columns[0].label, "Fylke");
  EXPECT_EQ(t.columns[0].type, Column::Type::Text);
  EXPECT_EQ(t.columns[1].type, Column::Type::Number);
  EXPECT_EQ(t.columns[1].decimals, 1);
  EXPECT_EQ(t.columns[1].unit, "");
  EXPECT_EQ(t.columns[2].type, Column::Type::Number);
  EXPECT_EQ(t.columns[2].unit, "%");
  EXPECT_EQ(t.columns[2].decimals, 2);
  EXPECT_EQ(t.columns[3].type, Column::Type::Text);

  ASSERT_EQ(t.data.rows(), 4u);
  EXPECT_EQ(t.data.cell(0, 0), Cell::of(std::string("Viken")));
  EXPECT_EQ(t.data.cell(0, 1), Cell::of(1234.5));
  EXPECT_EQ(t.data.cell(0, 2), Cell::of(12.0));
  EXPECT_EQ(t.data.cell(0, 3), Cell::of(std::string("foreløpig")));
  EXPECT_EQ(t.data.cell(1, 1), Cell::of(98765.0));
  EXPECT_EQ(t.data.cell(1, 2), Cell::of(7.25));
  EXPECT_EQ(t.data.cell(1, 3), Cell::missing(ValueStatus::NotAvailable));
  EXPECT_EQ(t.data.cell(2, 1), Cell::missing(ValueStatus::NotAvailable));
  EXPECT_EQ(t.data.cell(2, 2), Cell::of(0.0, ValueStatus::Nil));  // "-": nil, the number 0
  EXPECT_EQ(t.data.cell(3, 1), Cell::of(-3.0));
  EXPECT_EQ(t.data.cell(3, 2), Cell::missing(ValueStatus::NotAvailable));  // short row
  EXPECT_EQ(t.data.cell(3, 3), Cell::missing(ValueStatus::NotAvailable));
}

TEST(MarkdownTables, SourceLineRightUnderTheTable) {
  Section s = read("| År | Verdi |\n|---|---|\n| 2020 | 1,5 |\nSource: Eurostat\n");
  const auto& t = s.blocks().at(0).as<sdg::Table>();
  EXPECT_EQ(t.source, "Eurostat");
  EXPECT_EQ(t.data.rows(), 1u);
}

TEST(MarkdownTables, YearColumnStaysText) {
  Section s = read("| År | Verdi | Mengde |\n|---|--:|--:|\n| 2020 | 1,5 | 2020 |\n| 2024 | 2 | 1 950,5 |\n");
  const auto& t = s.blocks().at(0).as<sdg::Table>();
  EXPECT_EQ(t.columns[0].type, Column::Type::Text);
  EXPECT_EQ(t.data.cell(1, 0), Cell::of(std::string("2024")));
  EXPECT_EQ(t.columns[1].type, Column::Type::Number);
  EXPECT_EQ(t.columns[2].type, Column::Type::Number);  // not all years
  EXPECT_EQ(t.data.cell(0, 2), Cell::of(2020.0));
}

TEST(MarkdownTables, MixedColumnIsText) {
  Section s = read("| A |\n|---|\n| 1 |\n| 1,234,567 |\n");
  const auto& t = s.blocks().at(0).as<sdg::Table>();
  EXPECT_EQ(t.columns[0].type, Column::Type::Text);
  EXPECT_EQ(t.data.cell(1, 0), Cell::of(std::string("1,234,567")));
}

// ---------------------------------------------------------------- headings

TEST(MarkdownHeadings, SectionsNestFromTheShallowestLevel) {
  Section s = read(
      "Intro before any heading.\n\n"
      "## Status\n\nStatus text.\n\n"
      "### Indicator 7.1.1\n\nDetail.\n\n"
      "### Indicator 7.2.1\n\n"
      "## Tiltak\n\nMeasures.\n");
  ASSERT_EQ(s.blocks().size(), 1u);
  ASSERT_EQ(s.sections().size(), 2u);
  const Section& status = s.sections()[0];
  EXPECT_EQ(status.title(), "Status");
  EXPECT_EQ(status.id(), "goal-7-status");
  ASSERT_EQ(status.blocks().size(), 1u);
  ASSERT_EQ(status.sections().size(), 2u);
  EXPECT_EQ(status.sections()[0].title(), "Indicator 7.1.1");
  EXPECT_EQ(status.sections()[0].blocks().size(), 1u);
  EXPECT_EQ(status.sections()[1].title(), "Indicator 7.2.1");
  EXPECT_TRUE(status.sections()[1].blocks().empty());
  EXPECT_EQ(s.sections()[1].title(), "Tiltak");
  EXPECT_EQ(s.sections()[1].blocks().size(), 1u);
}

TEST(MarkdownHeadings, RepeatedTitlesGetUniqueIds) {
  Section s = read("# Mål\n\n# Mål\n");
  ASSERT_EQ(s.sections().size(), 2u);
  EXPECT_EQ(s.sections()[0].id(), "goal-7-mal");
  EXPECT_EQ(s.sections()[1].id(), "goal-7-mal-2");
}

TEST(MarkdownHeadings, BlocksMode) {
  Section s = read("## Status\n\ntext\n\n### Detail\n", md::HeadingMode::Blocks);
  EXPECT_TRUE(s.sections().empty());
  ASSERT_EQ(s.blocks().size(), 3u);
  EXPECT_EQ(s.blocks()[0].as<sdg::Heading>().level, 1);
  EXPECT_EQ(s.blocks()[2].as<sdg::Heading>().level, 2);
  EXPECT_EQ(s.blocks()[2].as<sdg::Heading>().content, sdg::Inlines{Inline::plain("Detail")});
}

// ---------------------------------------------------------------- errors

TEST(MarkdownErrors, InvalidUtf8NamesLineAndOffset) {
  // "Bl\xE5b\xE6r" is Latin-1, not UTF-8.
  sdg::Error e = error_of("Første linje.\n\nBl\xE5" "b\xE6r\n");
  EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 3);
  EXPECT_NE(e.message().find("byte offset 18"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("goal-07.md:3:3"), std::string::npos) << e.what();
}

TEST(MarkdownErrors, Utf8Checks) {
  EXPECT_NO_THROW(md::check_utf8("æøå – “” 😀", "f"));
  EXPECT_THROW(md::check_utf8("\xC0\xAF", "f"), sdg::Error);          // overlong
  EXPECT_THROW(md::check_utf8("\xED\xA0\x80", "f"), sdg::Error);      // surrogate
  EXPECT_THROW(md::check_utf8("\xF4\x90\x80\x80", "f"), sdg::Error);  // above U+10FFFF
  EXPECT_THROW(md::check_utf8("abc\xE2\x80", "f"), sdg::Error);       // cut short
}

TEST(MarkdownErrors, TargetUnchangedOnError) {
  Section s("Goal 7");
  EXPECT_THROW(md::read_markdown("# A\n\ntext\n\n![](x.png)\n", "f.md", s), sdg::Error);
  EXPECT_TRUE(s.blocks().empty());
  EXPECT_TRUE(s.sections().empty());
}

// ---------------------------------------------------------------- the data source

TEST(MarkdownSource, ExpandPattern) {
  EXPECT_EQ(md::expand_pattern("goals/goal-{goal:02}.md", 7), "goals/goal-07.md");
  EXPECT_EQ(md::expand_pattern("goals/{goal}/text.md", 12), "goals/12/text.md");
  EXPECT_THROW(md::expand_pattern("goal-{nr}.md", 7), std::invalid_argument);
  EXPECT_THROW(md::expand_pattern("goal-{goal.md", 7), std::invalid_argument);
}

namespace {

sdg::Options options(std::vector<std::pair<std::string, std::string>> entries) {
  std::vector<std::pair<std::string, sdg::Value>> map;
  for (auto& [k, v] : entries) map.emplace_back(k, sdg::Value::scalar(v, {"report.yaml", 9, 5}));
  return sdg::Options(sdg::Value::map(std::move(map), {"report.yaml", 9, 3}), "plugin 'markdown'");
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("sdgreport-md-test-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(path / "goals");
    std::ofstream(path / "goals" / "goal-07.md") << "## Status\n\nFornybar.\n";
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST(MarkdownSource, PatternOptionalAndUnknownOptions) {
  TempDir dir;
  sdg::Context ctx(dir.path, sdg::Language::Nb, 0);
  md::MarkdownSource src;

  sdg::Options opts = options({{"plugin", "markdown"},
                               {"pattern", "goals/goal-{goal:02}.md"},
                               {"optional", "true"},
                               {"colour", "red"}});
  Section g7("Rent vann");
  src.fill(sdg::SourceRequest{opts, 7}, g7, ctx);
  ASSERT_EQ(g7.sections().size(), 1u);
  EXPECT_EQ(g7.sections()[0].title(), "Status");

  Section g8("Arbeid");
  src.fill(sdg::SourceRequest{opts, 8}, g8, ctx);  // goal-08.md is missing, but optional
  EXPECT_TRUE(g8.sections().empty());

  // The unknown option is the host's to refuse (option_check.hpp); the plugin only
  // warns about the missing file.
  ASSERT_EQ(ctx.warnings().size(), 1u);
  EXPECT_EQ(ctx.warnings()[0].code, "source-missing");
}

TEST(MarkdownSource, MissingFileIsAnInputError) {
  TempDir dir;
  sdg::Context ctx(dir.path, sdg::Language::Nb, 0);
  md::MarkdownSource src;
  sdg::Options opts = options({{"plugin", "markdown"}, {"file", "nope.md"}});
  Section s("Intro");
  try {
    src.fill(sdg::SourceRequest{opts, std::nullopt}, s, ctx);
    FAIL() << "no error";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), sdg::ErrorCode::Input);
    EXPECT_NE(e.message().find("nope.md"), std::string::npos) << e.what();
    EXPECT_EQ(e.where().str(), "report.yaml:9:3");
  }
}

TEST(MarkdownSource, OptionErrors) {
  sdg::Context ctx(".", sdg::Language::En, 0);
  md::MarkdownSource src;
  Section s("Intro");
  auto code_of = [&](const sdg::Options& o, std::optional<int> goal) {
    try {
      src.fill(sdg::SourceRequest{o, goal}, s, ctx);
    } catch (const sdg::Error& e) {
      return e.code();
    }
    return sdg::ErrorCode::Internal;
  };
  using sdg::ErrorCode;
  EXPECT_EQ(code_of(options({{"plugin", "markdown"}}), std::nullopt), ErrorCode::Definition);
  EXPECT_EQ(code_of(options({{"file", "a.md"}, {"pattern", "b.md"}}), 7), ErrorCode::Definition);
  EXPECT_EQ(code_of(options({{"pattern", "g-{goal}.md"}}), std::nullopt), ErrorCode::Definition);
  // headings is an enum of the option table (plugin.cpp): the host's check refuses
  // 'chapters', the only check of it; the plugin, called without that check, stops
  // with an internal error instead of a second message for the same rule.
  const sdg::Options chapters = options({{"file", "a.md"}, {"headings", "chapters"}});
  try {
    sdg::check_options(chapters, sdg::PluginKind::DataSource, sdgreport_plugin_info()->options);
    ADD_FAILURE() << "headings: chapters passed the option check";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Definition);
    EXPECT_NE(std::string(e.what()).find("expected one of sections, blocks, got 'chapters'"), std::string::npos)
        << e.what();
  }
  try {
    src.fill(sdg::SourceRequest{chapters, std::nullopt}, s, ctx);
    ADD_FAILURE() << "headings: chapters read";
  } catch (const sdg::Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Internal);
  }
  EXPECT_EQ(code_of(options({{"file", "a.md"}, {"optional", "maybe"}}), std::nullopt),
            ErrorCode::Definition);
}

// ---------------------------------------------------------------- front matter

TEST(MarkdownFrontMatter, TargetsGoToTheGoalSection) {
  Section s("Ren energi");
  s.set_goal(7);
  std::vector<sdg::Warning> warnings;
  md::ReadOptions opts;
  opts.warn = [&](const sdg::Warning& w) { warnings.push_back(w); };
  md::read_markdown("---\ntargets: [7.2, \"7.a\"]\nauthor: Kari\n---\nFornybar energi – økende.\n", "goal-07.md", s, opts);
  EXPECT_EQ(s.targets(), (std::vector<std::string>{"7.2", "7.a"}));
  ASSERT_EQ(s.blocks().size(), 1u) << "the front matter is not text";
  EXPECT_EQ(sdg::plain_text(s.blocks()[0].as<sdg::Paragraph>().content), "Fornybar energi – økende.");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].code, "front-matter-key-ignored");
  EXPECT_EQ(warnings[0].where, "goal-07.md:3");
}

TEST(MarkdownFrontMatter, ErrorsNameTheLineAndLeaveTheSectionUnchanged) {
  auto err = [](const std::string& text, int goal) {
    Section s("x");
    if (goal) s.set_goal(goal);
    try {
      md::read_markdown(text, "goal.md", s, {});
    } catch (const sdg::Error& e) {
      EXPECT_TRUE(s.targets().empty() && s.blocks().empty());
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(err("---\ntargets:\n  - 7.1\n  - 13.2\n---\nText\n", 7), "goal.md:4: target 13.2 belongs to goal 13, not goal 7");
  EXPECT_EQ(err("---\ntargets: [18.1]\n---\n", 7), "goal.md:2: '18.1' is not an SDG target");
  EXPECT_EQ(err("---\ntargets: [7.1]\n---\n", 0),
            "goal.md:2: 'targets' in front matter needs a goal section (use the file in goal_sources)");
  EXPECT_EQ(err("---\ntargets: [7.1\n", 7), "goal.md:1:1: front matter opened on line 1 is not closed with a '---' line");
  EXPECT_NE(err("---\ntargets: [7.1\n---\n", 7).find("goal.md:2:1: front matter is not valid YAML"), std::string::npos);
  // Lines after the front matter keep their numbers: the image is on line 5.
  EXPECT_NE(err("---\ntargets: [7.1]\n---\n\nSe ![](kart.png)\n", 7).find("goal.md:5:"), std::string::npos);
}

// ---------------------------------------------------------------- footnotes, cross-references, placement

TEST(MarkdownNotes, FootnotesBecomeRunsWithTheirText) {
  Section s = read("Hydro[^h] and wind[^w].\n\n[^w]: Onshore.\n\n[^h]: Mostly *hydro*.\n\n    Second paragraph.\n");
  ASSERT_EQ(s.blocks().size(), 1u);  // the definitions are not blocks of their own
  const sdg::Inlines& c = para(s, 0).content;
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[1], Inline::footnote({Inline::plain("Mostly "), Inline::emphasis({Inline::plain("hydro")}),
                                    Inline::plain("."), Inline::line_break(), Inline::plain("Second paragraph.")}));
  EXPECT_EQ(c[3], Inline::footnote({Inline::plain("Onshore.")}));
  EXPECT_EQ(sdg::plain_text(c), "Hydro and wind.");
}

TEST(MarkdownNotes, CrossReferencesKeepTargetFormAndLine) {
  Section s = read("Intro.\n\nSee [](#goal-13), [the table](#tbl:energy) on [](#energy \"page\").\n");
  const sdg::Inlines& c = para(s, 1).content;
  ASSERT_EQ(c.size(), 7u);  // "See ", ref, ", ", ref, " on ", ref, "."
  EXPECT_EQ(c[1], Inline::cross_ref("goal-13", {}, "", "goal-07.md:3:5"));
  EXPECT_EQ(c[3].kind, Inline::Kind::CrossRef);
  EXPECT_EQ(c[3].url, "tbl:energy");
  EXPECT_EQ(c[3].children, (sdg::Inlines{Inline::plain("the table")}));
  EXPECT_EQ(c[5].text, "page");
  EXPECT_NE(error_of("[](#x \"pages\")\n").message().find("not known"), std::string::npos);
}

TEST(MarkdownNotes, HeadingIdsAndFigureIds) {
  Section s = read("## Energy use {#energy-use}\n\nText ![Map](map.png \"Map\"){#fig:map} end.\n");
  ASSERT_EQ(s.sections().size(), 1u);
  EXPECT_EQ(s.sections()[0].title(), "Energy use");
  EXPECT_EQ(s.sections()[0].id(), "energy-use");
  const auto& blocks = s.sections()[0].blocks();
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].as<sdg::Figure>().id, "fig:map");
  EXPECT_EQ(sdg::plain_text(blocks[0].as<sdg::Paragraph>().content), "Text  end.");
  const sdg::Error dup = error_of("## A {#x}\n\n## B {#x}\n");
  EXPECT_EQ(dup.where().line, 3);
}

TEST(MarkdownBlocks, ImageWidthAndSvg) {
  Section s = read("Text ![Map of Norway](map.png){#fig:map width=40%} and ![Logo](logo.png){width=6cm}.\n");
  ASSERT_EQ(s.blocks().size(), 3u);
  EXPECT_EQ(s.blocks()[1].as<sdg::Figure>().id, "fig:map");
  EXPECT_EQ(s.blocks()[1].as<sdg::Figure>().width, "40%");
  EXPECT_EQ(s.blocks()[2].as<sdg::Figure>().width, "6cm");
  const sdg::Error bad = error_of("One.\n\nTwo ![Map](map.png){width=wide}\n");
  EXPECT_EQ(bad.where().line, 3);
  EXPECT_NE(bad.message().find("image width 'wide'"), std::string::npos);
  EXPECT_NE(error_of("![Map](map.png){height=3cm}\n").message().find("'height=3cm'"), std::string::npos);
  const sdg::Error svg = error_of("Intro.\n\n![A chart of energy use](chart.svg)\n");
  EXPECT_EQ(svg.where().line, 3);
  EXPECT_NE(
      svg.message().find(
          "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600 chart.svg -o chart.png)"),
      std::string::npos);
}

TEST(MarkdownNotes, PlacementDirectives) {
  Section s = read("Before.\n\n::: data energy\n\nMiddle.\n\n```sdgreport-data water\n```\n\nAfter.\n");
  ASSERT_EQ(s.blocks().size(), 5u);
  const auto& c = s.blocks()[1].as<sdg::Container>();
  EXPECT_EQ(c.name, "placement");
  EXPECT_EQ(c.attributes.at("ref"), "energy");
  EXPECT_EQ(c.attributes.at("at"), "goal-07.md:3:1");
  EXPECT_EQ(s.blocks()[3].as<sdg::Container>().attributes.at("ref"), "water");
  EXPECT_EQ(error_of("::: data two words\n").where().line, 1);
}

TEST(MarkdownNotes, FootnoteInsideAFootnoteIsRefused) {
  const sdg::Error e = error_of("A[^a].\n\n[^a]: B[^b].\n\n[^b]: C.\n");
  EXPECT_NE(e.message().find("another footnote"), std::string::npos);
  EXPECT_EQ(e.where().line, 3);
}

// Issue 21: every block knows the file (as the definition names it) and line it starts on.
TEST(MarkdownReader, BlocksRecordTheirOrigin) {
  sdg::Section s("Goal 7");
  sdg::markdown::ReadOptions opts;
  opts.headings = sdg::markdown::HeadingMode::Blocks;
  opts.origin_file = "text/goals/goal-07.md";
  sdg::markdown::read_markdown("# Status\n\nFornybar energi\nøker.\n\n- one\n- two\n\n  more\n\n> quoted\n\n| A | B |\n|---|--:|\n| x | 1 |\n",
                               "/abs/text/goals/goal-07.md", s, opts);
  const sdg::Blocks& b = s.blocks();
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[0].origin, "text/goals/goal-07.md:1");  // heading
  EXPECT_EQ(b[1].origin, "text/goals/goal-07.md:3");  // paragraph over two lines: its first
  EXPECT_EQ(b[2].origin, "text/goals/goal-07.md:6");  // list
  const sdg::List& l = b[2].as<sdg::List>();
  EXPECT_EQ(l.items[0][0].origin, "text/goals/goal-07.md:6");
  EXPECT_EQ(l.items[1][1].origin, "text/goals/goal-07.md:9");  // second paragraph of the second item
  EXPECT_EQ(b[3].as<sdg::Quote>().blocks[0].origin, "text/goals/goal-07.md:11");
  EXPECT_EQ(b[4].origin, "text/goals/goal-07.md:13");  // table: its header row
}
