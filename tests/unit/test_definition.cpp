#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sdgreport/definition.hpp"
#include "sdgreport/error.hpp"

using namespace sdg;

namespace {

Error definition_error(const std::string& yaml) {
  try {
    parse_definition(yaml, "/r/report.yaml");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Definition) << e.what();
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << yaml;
  return Error(ErrorCode::Internal, "");
}

}  // namespace

TEST(Definition, ReadsMetadataChaptersGoalsAndOutputs) {
  const ReportDefinition d = parse_definition(R"(
title: Frivillig lokal gjennomgang
subtitle: Bærekraftsmålene i kommunesektoren
organisation: KS
authors: [Kari, Ola]
language: nb
date: 2026-06-15
edition: "2"
keywords: SDG
plugin_dirs: [extra, /abs/plugins]
chapters:
  - title: Innledning
    id: intro
    numbered: false
    source: { plugin: markdown, file: text/intro.md }
  - title: Mål
    goals: [7, 13]
    goal_sources:
      - { plugin: markdown, pattern: "text/goals/goal-{goal:02}.md", optional: true }
    sections:
      - title: Metode
        sources:
          - { plugin: markdown, file: a.md }
          - { plugin: csv, file: b.csv }
outputs:
  - { format: pdf, file: vsr.pdf, paper: a4 }
  - { format: xlsx }
)",
                                              "/r/report.yaml");
  EXPECT_EQ(d.name, "r");
  EXPECT_EQ(d.meta.title, "Frivillig lokal gjennomgang");
  EXPECT_EQ(d.meta.language, sdg::Language::Nb);
  EXPECT_EQ(d.meta.date, "2026-06-15");
  EXPECT_EQ(d.meta.edition, "2");
  EXPECT_EQ(d.meta.authors, (std::vector<std::string>{"Kari", "Ola"}));
  EXPECT_EQ(d.meta.keywords, std::vector<std::string>{"SDG"});
  EXPECT_EQ(d.plugin_dirs, (std::vector<std::filesystem::path>{"/r/extra", "/abs/plugins"}));
  ASSERT_EQ(d.chapters.size(), 2u);
  EXPECT_EQ(d.chapters[0].id, "intro");
  EXPECT_FALSE(d.chapters[0].numbered);
  ASSERT_EQ(d.chapters[0].sources.size(), 1u);
  EXPECT_EQ(d.chapters[0].sources[0].plugin, "markdown");
  EXPECT_EQ(d.chapters[0].sources[0].options.string("file"), "text/intro.md");
  EXPECT_EQ(d.chapters[0].sources[0].where.line, 15);
  EXPECT_EQ(d.chapters[1].goals, (std::vector<int>{7, 13}));
  EXPECT_TRUE(d.chapters[1].goal_sources[0].options.boolean("optional"));
  ASSERT_EQ(d.chapters[1].sections.size(), 1u);
  EXPECT_EQ(d.chapters[1].sections[0].sources.size(), 2u);
  ASSERT_EQ(d.outputs.size(), 2u);
  EXPECT_EQ(d.outputs[0].options.string("paper"), "a4");
  EXPECT_EQ(d.outputs[1].file, "");
}

TEST(Definition, GoalsCanNameSourcesOfTheirOwn) {
  auto d = parse_definition(
      "title: x\nchapters:\n  - title: G\n    goals:\n      - 4\n      - goal: 7\n        source: { plugin: csv, file: e.csv }\n"
      "      - { goal: 13, sources: [{ plugin: a }, { plugin: b }] }\n",
      "/r/x.yaml");
  EXPECT_EQ(d.chapters[0].goals, (std::vector<int>{4, 7, 13}));
  ASSERT_EQ(d.chapters[0].per_goal_sources.size(), 2u);
  EXPECT_EQ(d.chapters[0].per_goal_sources.at(7)[0].plugin, "csv");
  EXPECT_EQ(d.chapters[0].per_goal_sources.at(13)[1].plugin, "b");
  Error e = definition_error("title: x\nchapters:\n  - title: G\n    goals:\n      - { goal: 19 }\n");
  EXPECT_NE(std::string(e.what()).find("goal 19 is not an SDG goal"), std::string::npos);
  e = definition_error("title: x\nchapters:\n  - title: G\n    goals:\n      - { source: { plugin: a } }\n");
  EXPECT_NE(std::string(e.what()).find("needs 'goal'"), std::string::npos);
}

TEST(Definition, GoalsAllMeansSeventeen) {
  auto d = parse_definition("title: x\nchapters:\n  - title: G\n    goals: all\n", "/r/x.yaml");
  EXPECT_EQ(d.chapters[0].goals.size(), 17u);
  EXPECT_EQ(d.name, "x");
}

TEST(Definition, YamlSyntaxErrorsHaveLineAndColumn) {
  Error e = definition_error("title: x\nchapters:\n  - title: [unclosed\n");
  EXPECT_EQ(e.where().file, "/r/report.yaml");
  EXPECT_GE(e.where().line, 3);
  EXPECT_NE(std::string(e.what()).find("not valid YAML"), std::string::npos) << e.what();
}

TEST(Definition, ErrorsSayWhereAndWhatWasExpected) {
  Error e = definition_error("title: x\nchapters:\n  - title: G\n    goals: [7, 18]\n");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_EQ(e.where().column, 16);
  EXPECT_NE(std::string(e.what()).find("goal 18 is not an SDG goal"), std::string::npos);

  e = definition_error("title: x\nchapter:\n  - title: G\n");
  EXPECT_NE(std::string(e.what()).find("unknown key 'chapter'"), std::string::npos) << e.what();
  EXPECT_EQ(e.where().line, 3);

  e = definition_error("title: x\n");
  EXPECT_NE(std::string(e.what()).find("'chapters' must be a list"), std::string::npos) << e.what();

  e = definition_error("chapters:\n  - title: G\n");
  EXPECT_NE(std::string(e.what()).find("needs 'title'"), std::string::npos) << e.what();

  e = definition_error("title: x\nlanguage: de\nchapters:\n  - title: G\n");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_NE(std::string(e.what()).find("language 'de' is not supported"), std::string::npos);

  e = definition_error("title: x\nchapters:\n  - title: G\n    source: { file: a.md }\n");
  EXPECT_NE(std::string(e.what()).find("a source needs 'plugin'"), std::string::npos) << e.what();
  EXPECT_EQ(e.where().line, 4);

  e = definition_error("title: x\nchapters:\n  - title: G\n    goal_sources: { plugin: markdown }\n");
  EXPECT_NE(std::string(e.what()).find("needs 'goals'"), std::string::npos) << e.what();

  e = definition_error("title: x\ntitle: y\nchapters:\n  - title: G\n");
  EXPECT_NE(std::string(e.what()).find("appears twice"), std::string::npos) << e.what();

  e = definition_error("title: x\nchapters:\n  - title: G\noutputs:\n  - { format: pdf, file: /tmp/x.pdf }\n");
  EXPECT_NE(std::string(e.what()).find("is absolute"), std::string::npos) << e.what();
}

TEST(Definition, MissingFileIsAClearError) {
  try {
    load_definition("/nonexistent/report.yaml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/report.yaml: cannot read the report definition: file not found");
  }
}

TEST(Options, TypedGettersNameTheOptionAndPlace) {
  auto d = parse_definition(
      "title: x\nchapters:\n  - title: G\n    source: { plugin: p, level: two, on: yes, list: [a, b] }\n",
      "/r/report.yaml");
  const Options& o = d.chapters[0].sources[0].options;
  EXPECT_TRUE(o.boolean("on"));
  EXPECT_EQ(o.strings("list"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(o.strings("level"), std::vector<std::string>{"two"});
  EXPECT_EQ(o.integer_or("missing", 5), 5);
  EXPECT_EQ(o.unknown_keys({"plugin", "level", "on"}), std::vector<std::string>{"list"});
  try {
    o.integer("level");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/r/report.yaml:4:33: option 'level' of plugin 'p': expected an integer, got 'two'");
  }
  try {
    o.string("file");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/r/report.yaml:4:13: plugin 'p': option 'file' is required");
  }
}

TEST(Definition, VariablesAreSubstitutedInValues) {
  Variables vars{{"name", "Bodø"}, {"kommunenummer", "1804"}};
  auto d = parse_definition(
      "title: VLR ${name}\nchapters:\n  - title: Data\n    source: { plugin: jsonstat, select: { Region: \"K-${kommunenummer}\" } }\n"
      "outputs: [{ format: pdf, file: \"vlr-${kommunenummer}.pdf\" }]\n",
      "/r/report.yaml", &vars);
  EXPECT_EQ(d.meta.title, "VLR Bodø");
  EXPECT_EQ(d.chapters[0].sources[0].options.map("select").string("Region"), "K-1804");
  EXPECT_EQ(d.outputs[0].file, "vlr-1804.pdf");
  try {
    parse_definition("title: ${navn}\nchapters: [{ title: A }]\n", "/r/report.yaml", &vars);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "/r/report.yaml:1:8: unknown variable '${navn}' (the variables are: kommunenummer, name)");
  }
  // Without variables, ${…} is plain text.
  EXPECT_EQ(parse_definition("title: ${x}\nchapters: [{ title: A }]\n", "/r/r.yaml").meta.title, "${x}");
}

// `build --each` parses the file once and puts each row's values in.
TEST(Definition, TemplateGivesEachRowWhatLoadingTheFileGives) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "definition-template";
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "report.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << "title: VLR ${name}\nlanguage: nb\nchapters:\n  - title: Data ${name}\n"
           "    source: { plugin: jsonstat, select: { Region: \"K-${kommunenummer}\" } }\n"
           "outputs: [{ format: pdf, file: \"vlr-${kommunenummer}.pdf\" }]\n";
  }
  const DefinitionTemplate parsed(file);
  for (const Variables& vars : {Variables{{"name", "Bodø"}, {"kommunenummer", "1804"}},
                                Variables{{"name", "Tromsø"}, {"kommunenummer", "5501"}}}) {
    const ReportDefinition a = parsed.with(vars);
    const ReportDefinition b = load_definition(file, &vars);
    EXPECT_EQ(a.meta.title, "VLR " + vars.at("name"));
    EXPECT_EQ(a.meta.title, b.meta.title);
    EXPECT_EQ(a.chapters.at(0).title, b.chapters.at(0).title);
    EXPECT_EQ(a.chapters[0].sources.at(0).options.map("select").string("Region"), "K-" + vars.at("kommunenummer"));
    EXPECT_EQ(a.outputs.at(0).file, b.outputs.at(0).file);
    EXPECT_EQ(a.path, b.path);
  }
  // An unknown variable is still an error at its position, row by row.
  try {
    parsed.with(Variables{{"kommunenummer", "1804"}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("report.yaml:1:8: unknown variable '${name}'"), std::string::npos) << e.what();
  }
  // An unreadable file fails when the template is made, like load_definition.
  EXPECT_THROW(DefinitionTemplate(dir / "missing.yaml"), Error);
}

// Issue 13, messages: typos of top-level keys, dates, unclosed quotes.
TEST(DefinitionMessages, UnknownTopLevelKeySuggestsTheNearestOne) {
  const Error e = definition_error("title: T\norganization: KS\nchapters: [{ title: C }]\n");
  EXPECT_EQ(std::string(e.what()),
            "/r/report.yaml:2:15: unknown key 'organization' in the report definition (did you mean 'organisation'?)");
}

TEST(DefinitionMessages, DateInAnotherFormIsRefusedAtItsLineWithTheExpectedForm) {
  const Error e = definition_error("title: T\ndate: 15.06.2026\nchapters: [{ title: C }]\n");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_NE(std::string(e.what()).find("date '15.06.2026' is not in the form YYYY-MM-DD"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("\"2026-06-15\""), std::string::npos) << e.what();
  EXPECT_NO_THROW(parse_definition("title: T\ndate: 2026-06\nchapters: [{ title: C }]\n", "/r/report.yaml"));
}

TEST(DefinitionMessages, UnclosedQuoteIsReportedOnItsOwnLine) {
  const Error e = definition_error(
      "title: T\nsubtitle: \"Bærekraft\nchapters:\n  - title: A\n  - title: \"B\"\n  - title: C\n");
  EXPECT_EQ(e.where().line, 2) << e.what();
  EXPECT_NE(std::string(e.what()).find("quoted value is not closed"), std::string::npos) << e.what();
  // A closed quote with an escaped quote inside, and an apostrophe in plain text, are fine.
  EXPECT_NO_THROW(parse_definition("title: \"A \\\"B\\\"\"\nsubtitle: Norway's review\nchapters: [{ title: 'It''s' }]\n",
                                   "/r/report.yaml"));
}
