#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fake_plugins.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/validate.hpp"
#include "sdgreport/files.hpp"

using namespace sdg;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) { return sdg::try_read_file(p).value_or(std::string()); }

struct PipelineTest : ::testing::Test {
  fs::path dir;
  test::FakeProvider plugins;
  void SetUp() override {
    dir = fs::temp_directory_path() / ("sdgreport-pipeline-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    plugins.sources["text"] = [](const SourceRequest& r, Section& s, Context&) {
      std::string t = r.options.string("text");
      if (r.goal) t += " (goal " + std::to_string(*r.goal) + ")";
      s.add_block(Paragraph{{Inline::plain(t)}});
    };
    plugins.writers["txt"] = [](const Document& d, const WriteRequest& r, Context&) {
      std::ofstream(r.path) << d.meta.title << "\n";
    };
  }
  void TearDown() override { fs::remove_all(dir); }
};

}  // namespace

TEST_F(PipelineTest, AssemblesChaptersGoalSectionsAndSources) {
  auto def = parse_definition(R"(
title: T
language: nb
chapters:
  - title: Intro
    source: { plugin: text, text: "Hei på deg" }
  - title: Mål
    goals: [7, { goal: 13, source: { plugin: text, text: "Bare klima" } }]
    goal_sources: { plugin: text, text: "Om målet" }
)",
                              dir / "report.yaml");
  Context ctx(dir, sdg::Language::Nb, 0);
  Document doc = assemble(def, plugins, ctx);
  ASSERT_EQ(doc.chapters().size(), 2u);
  EXPECT_EQ(plain_text(doc.chapters()[0].blocks()[0].as<Paragraph>().content), "Hei på deg");
  const auto& goals = doc.chapters()[1].sections();
  ASSERT_EQ(goals.size(), 2u);
  EXPECT_EQ(goals[0].title(), "Ren energi til alle") << "goal titles in the report language";
  EXPECT_EQ(goals[0].id(), "goal-7");
  EXPECT_EQ(*goals[1].goal(), 13);
  EXPECT_EQ(plain_text(goals[1].blocks()[0].as<Paragraph>().content), "Om målet (goal 13)");
  ASSERT_EQ(goals[1].blocks().size(), 2u) << "goal 13's own source runs after the shared ones";
  EXPECT_EQ(plain_text(goals[1].blocks()[1].as<Paragraph>().content), "Bare klima (goal 13)");
  EXPECT_EQ(goals[0].blocks().size(), 1u);
}

TEST_F(PipelineTest, PluginErrorsNameThePluginAndSection) {
  plugins.sources["boom"] = [](const SourceRequest&, Section&, Context&) {
    throw std::runtime_error("disk on fire");
  };
  auto def = parse_definition("title: T\nchapters:\n  - title: G\n    goals: [5]\n    goal_sources: { plugin: boom }\n",
                              dir / "report.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  try {
    assemble(def, plugins, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Plugin);
    EXPECT_EQ(std::string(e.what()), (dir / "report.yaml").string() +
                                         ":5:19: plugin 'boom' (section 'Gender equality' (goal 5)) failed: disk on fire");
  }
}

TEST_F(PipelineTest, PluginModelViolationsAreReportedWithThePlugin) {
  plugins.sources["bad"] = [](const SourceRequest&, Section& s, Context&) {
    s.add_block(Figure{"x.png", "", "", {}, {}});
  };
  auto def = parse_definition("title: T\nchapters:\n  - title: G\n    source: { plugin: bad }\n", dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  try {
    assemble(def, plugins, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Model);
    EXPECT_NE(std::string(e.what()).find("plugin 'bad' (section 'G'): section 'G', figure 'x.png': a figure needs alt text"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(PipelineTest, DuplicateSectionIdsAreMadeUnique) {
  auto def = parse_definition("title: T\nchapters:\n  - title: A\n  - title: A\n", dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  Document doc = assemble(def, plugins, ctx);
  EXPECT_EQ(doc.chapters()[0].id(), "a");
  EXPECT_EQ(doc.chapters()[1].id(), "a-2");
}

TEST_F(PipelineTest, OutputsAreSelectedAndNamed) {
  auto def = parse_definition("title: T\nchapters:\n  - title: A\noutputs:\n  - { format: pdf }\n  - { format: xlsx, file: annex.xlsx }\n",
                              dir / "vsr" / "report.yaml");
  auto all = select_outputs(def, {});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].file, "vsr.pdf");
  EXPECT_EQ(all[1].file, "annex.xlsx");
  auto some = select_outputs(def, {"json", "xlsx"});
  ASSERT_EQ(some.size(), 2u);
  EXPECT_EQ(some[0].format, "xlsx");
  EXPECT_EQ(some[1].file, "vsr.json");
}

TEST_F(PipelineTest, WritesAtomicallyAndKeepsTheOldFileOnFailure) {
  auto def = parse_definition("title: Første\nchapters:\n  - title: A\noutputs: [{ format: txt, file: r.txt }]\n",
                              dir / "report.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  Document doc = assemble(def, plugins, ctx);
  const fs::path out = dir / "out";
  write_output(doc, def.outputs[0], out, plugins, ctx);
  EXPECT_EQ(slurp(out / "r.txt"), "Første\n");

  plugins.writers["txt"] = [](const Document&, const WriteRequest& r, Context&) {
    std::ofstream(r.path) << "half a file";
    throw Error(ErrorCode::Output, "disk full");
  };
  EXPECT_THROW(write_output(doc, def.outputs[0], out, plugins, ctx), Error);
  EXPECT_EQ(slurp(out / "r.txt"), "Første\n") << "the earlier output is untouched";
  std::vector<fs::path> left;
  for (auto& e : fs::directory_iterator(out)) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<fs::path>{"r.txt"}) << "no temporary file left behind";
}

TEST_F(PipelineTest, UnwritableOutputDirectoryIsRefusedUpFront) {
  fs::path blocker = dir / "file";
  std::ofstream(blocker) << "x";
  try {
    check_output_dir(blocker / "sub");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Output);
    EXPECT_NE(std::string(e.what()).find("cannot create output directory"), std::string::npos);
  }
}

TEST_F(PipelineTest, OtherSourcesStillRunAndEveryFailureIsReported) {
  int ran = 0;
  plugins.sources["boom"] = [](const SourceRequest& r, Section&, Context&) {
    throw Error(ErrorCode::Input, "broken " + r.options.string("n"));
  };
  plugins.sources["count"] = [&ran](const SourceRequest&, Section&, Context&) { ++ran; };
  auto def = parse_definition(
      "title: T\nchapters:\n  - title: A\n    sources: [{ plugin: boom, n: one }, { plugin: count }]\n"
      "  - title: B\n    sources: [{ plugin: boom, n: two }, { plugin: count }]\n",
      dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  try {
    assemble(def, plugins, ctx);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("broken two (2 sources failed; the others are listed above)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(ran, 2);
}

TEST_F(PipelineTest, PipelineOptionsAreNotPassedToPlugins) {
  std::vector<std::string> seen;
  plugins.sources["keys"] = [&seen](const SourceRequest& r, Section&, Context&) { seen = r.options.keys(); };
  auto def = parse_definition("title: T\nchapters:\n  - title: A\n    source: { plugin: keys, isolate: false, timeout: 5, file: x }\n",
                              dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  assemble(def, plugins, ctx);
  EXPECT_EQ(seen, (std::vector<std::string>{"plugin", "file"}));
}

TEST_F(PipelineTest, LanguageMarksEveryBlockTheSourceAddsAndIsNotPassedOn) {
  std::vector<std::string> seen;
  plugins.sources["two"] = [&seen](const SourceRequest& r, Section& s, Context&) {
    seen = r.options.keys();
    s.add_block(Paragraph{{Inline::plain("Skole")}});
    Section sub("Del");
    sub.add_block(Paragraph{{Inline::plain("Trøndelag - Trööndelage")}});
    s.add_section(std::move(sub));
  };
  auto def = parse_definition(R"(
title: T
chapters:
  - title: A
    sources:
      - { plugin: text, text: "English" }
      - { plugin: two, language: nb }
)",
                              dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  Document doc = assemble(def, plugins, ctx);
  EXPECT_EQ(seen, (std::vector<std::string>{"plugin"}));
  const Section& a = doc.chapters()[0];
  ASSERT_EQ(a.blocks().size(), 2u);
  EXPECT_EQ(a.blocks()[0].lang, "") << "the other source's block keeps the report's language";
  EXPECT_EQ(a.blocks()[1].lang, "nb");
  ASSERT_EQ(a.sections().size(), 1u);
  EXPECT_EQ(a.sections()[0].blocks()[0].lang, "nb") << "blocks of sections the source adds too";
}

TEST_F(PipelineTest, LanguageMustBeALanguageTag) {
  auto def = parse_definition("title: T\nchapters:\n  - title: A\n    source: { plugin: text, text: x, language: \"no way\" }\n",
                              dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  try {
    assemble(def, plugins, ctx);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("is not a language tag"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("r.yaml:4"), std::string::npos) << e.what();
  }
}

TEST_F(PipelineTest, AltReplacesTheDescriptionOfTheOneChartTheSourceAdds) {
  auto chart = [](const std::string& title) {
    Chart c;
    c.title = title;
    c.categories = {"2020", "2021"};
    c.series = {{"x", "", {1.0, 2.0}, {}, {}}};
    c.alt = chart_alt_text(c, sdg::Language::En);
    return c;
  };
  plugins.sources["one"] = [&](const SourceRequest&, Section& s, Context&) { s.add_block(chart("One")); };
  plugins.sources["two"] = [&](const SourceRequest&, Section& s, Context&) {
    s.add_block(chart("A"));
    s.add_block(chart("B"));
  };
  auto def = parse_definition(R"(
title: T
chapters:
  - title: A
    sources:
      - { plugin: one, alt: "Emissions fell by a third." }
      - { plugin: two, alt: "Which one?" }
      - { plugin: text, text: "no chart", alt: "Unused" }
)",
                              dir / "r.yaml");
  Context ctx(dir, sdg::Language::En, 0);
  Document doc = assemble(def, plugins, ctx);
  const Blocks& b = doc.chapters()[0].blocks();
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].as<Chart>().alt, "Emissions fell by a third.");
  EXPECT_EQ(b[1].as<Chart>().alt, "Line chart: A. x: rose from 1 in 2020 to 2 in 2021 (up 1).");
  EXPECT_NE(b[2].as<Chart>().alt, "Which one?") << "two charts: each keeps its own description";
  std::vector<std::string> codes;
  for (const auto& w : ctx.warnings()) codes.push_back(w.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"source-alt-ambiguous", "source-alt-unused"}));
}

// Issue 23: `part: main_messages` hands the writer the main messages chapter alone.
TEST_F(PipelineTest, MainMessagesPartIsThatChapterAlone) {
  auto def = parse_definition(R"(
title: T
organisation: O
main_messages_word_limit: 5
chapters:
  - title: Opening
    source: { plugin: text, text: "Hello" }
  - title: Key points
    role: main_messages
    source: { plugin: text, text: "One two three four five six" }
  - title: Progress
    goals: [7]
outputs:
  - { format: txt, file: all.txt }
  - { format: txt, file: mm.txt, part: main_messages }
)",
                              dir / "report.yaml");
  EXPECT_EQ(def.main_messages_word_limit, 5);
  Context ctx(dir, sdg::Language::En, 0);
  Document doc = assemble(def, plugins, ctx);
  EXPECT_FALSE(document_part(doc, &def, def.outputs[0]).has_value());
  const auto part = document_part(doc, &def, def.outputs[1]);
  ASSERT_TRUE(part.has_value());
  ASSERT_EQ(part->chapters().size(), 1u);
  EXPECT_EQ(part->chapters()[0].title(), "Key points");
  EXPECT_EQ(part->meta.title, "T");
  EXPECT_FALSE(part->meta.at_a_glance);
  EXPECT_EQ(count_running_words(doc.chapters()[1]), 6u);
  // Without the definition (a rendered model) the part cannot be found.
  EXPECT_THROW(document_part(doc, nullptr, def.outputs[1]), Error);
  // Written through write_outputs, the writer sees one chapter.
  std::vector<std::size_t> seen;
  plugins.writers["txt"] = [&seen](const Document& d, const WriteRequest& r, Context&) {
    seen.push_back(d.chapters().size());
    std::ofstream(r.path) << d.meta.title << "\n";
  };
  write_outputs(doc, def.outputs, dir / "out", plugins, ctx, &def);
  EXPECT_EQ(seen, (std::vector<std::size_t>{3, 1}));
}

TEST_F(PipelineTest, MainMessagesRoleIsCheckedInTheDefinition) {
  EXPECT_THROW(parse_definition(R"(
title: T
chapters:
  - { title: A, role: main_messages }
  - { title: B, role: main_messages }
)",
                                dir / "report.yaml"),
               Error);
  EXPECT_THROW(parse_definition("title: T\nmain_messages_word_limit: many\nchapters: [{ title: A }]\n",
                                dir / "report.yaml"),
               Error);
  // A chapter titled "Hovedbudskap" is the main messages, and counts as the highlights.
  auto def = parse_definition("title: T\nchapters: [{ title: Hovedbudskap }, { title: B }]\n", dir / "report.yaml");
  std::size_t i = 9;
  ASSERT_NE(main_messages_chapter(def, &i), nullptr);
  EXPECT_EQ(i, 0u);
  EXPECT_TRUE(chapter_has_role(def.chapters[0], "highlights"));
  EXPECT_FALSE(chapter_has_role(def.chapters[1], "main_messages"));
}
