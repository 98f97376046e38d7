#include <gtest/gtest.h>

#include "sdgreport/error.hpp"
#include "sdgreport/json.hpp"

using namespace sdg;

namespace {

// A document that uses every block kind and every inline kind.
Document full_document() {
  Document d;
  d.meta = {"Frivillig rapport – «KS»", "Undertittel", "KS", {"Ola Nordmann", "Kari"}, "nb",
            "2026-06-15", "1.0", {"SDG", "bærekraft"}, {}, {}, true, {}};
  d.meta.theme.accent = "#1F4E79";
  d.meta.theme.page_size = "Letter";
  d.meta.colophon = {"978-82-000-0000-0", "", "CC BY 4.0", "post@ks.no", {"SSB", "Kostra"}};
  d.meta.at_a_glance = false;
  Section& intro = d.add_chapter("Innledning");
  intro.set_numbered(false);
  intro.add_block(Heading{2, {Inline::plain("Om “rapporten”")}});
  intro.add_block(Paragraph{{Inline::plain("Tekst med æøå "), Inline::emphasis({Inline::plain("kursiv")}),
                             Inline::strong({Inline::plain("fet")}), Inline::code("x = 1"), Inline::line_break(),
                             Inline::link("https://www.ks.no", {Inline::plain("KS")})}});
  List l;
  l.ordered = true;
  l.start = 3;
  List inner;
  inner.items = {{Paragraph{{Inline::plain("indre")}}}};
  l.items = {{Paragraph{{Inline::plain("en")}}, inner}, {Quote{{Paragraph{{Inline::plain("sitat")}}}}}};
  intro.add_block(l);
  Section& goals = d.add_chapter("Mål");
  Section& g7 = goals.add_section("Ren energi");
  g7.set_id("goal-7");
  g7.set_goal(7);
  g7.add_target("7.2");
  g7.add_target("7.b");
  Table t;
  t.id = "t1";
  t.caption = "Andel fornybar";
  t.indicator = "7.2.1";
  t.columns = {{"År", Column::Type::Text, "", 0}, {"Andel", Column::Type::Number, "%", 1}};
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::of(0.1 + 0.2)},
            {Cell::of("2023"), Cell::missing(ValueStatus::Confidential)},
            {Cell::of("2024"), Cell::of(-1e-300, ValueStatus::Provisional)},
            {Cell::of("2025"), Cell::of(0.0, ValueStatus::Nil)}});
  t.source = "SSB";
  Block tb(t);
  tb.lang = "nb-NO";  // ABI 4: language of parts and origin round-trip
  tb.origin = "ssb / 09817";
  g7.add_block(tb);
  Chart c;
  c.kind = Chart::Kind::Column;
  c.id = "c1";
  c.title = "Utslipp";
  c.categories = {"2022", "2023"};
  c.series = {{"Oslo", "kt", {1234.5678, std::nullopt}, {1200.0, std::nullopt}, {1300.25, std::nullopt}},
              {"Bergen", "kt", {1.0 / 3.0, 2e15}, {}, {}}};
  c.alt = "Utslippene faller.";
  c.source = "Miljødirektoratet";
  c.indicator = "13.2.2";
  g7.add_block(c);
  g7.add_block(Figure{"img/kart.png", "Kart over Norge", "Figur 1", {}, {}});
  g7.add_block(Figure{"img/logo.png", "Logo for KS", "", "fig:logo", "40%"});  // id and width round-trip
  IndicatorSummary s;
  s.indicator = "7.2.1";
  s.title = "Fornybar andel";
  s.value = 48.25;
  s.unit = "%";
  s.decimals = 2;
  s.year = "2004/05";
  s.progress = ProgressStatus::Substantial;
  s.source = "SSB";
  g7.add_block(s);
  IndicatorSummary empty;
  empty.indicator = "7.1.1";
  g7.add_block(empty);
  g7.add_block(Container{"callout", {{"tone", "info"}, {"a", "første"}}, {Paragraph{{Inline::plain("inni")}}}});
  return d;
}

}  // namespace

TEST(Json, RoundTripIsLosslessAndByteIdentical) {
  const Document d = full_document();
  const std::string first = to_json(d);
  const Document back = document_from_json(first, "model.json");
  EXPECT_TRUE(back == d) << "every field survives the round trip";
  EXPECT_EQ(to_json(back), first);
  EXPECT_NE(first.find("\"sdgreport_model\": 3"), std::string::npos);
  EXPECT_NE(first.find("\"lang\": \"nb-NO\""), std::string::npos) << "a block's language is written when set";
  EXPECT_NE(first.find("\"status\": \"nil\""), std::string::npos);
  EXPECT_NE(first.find("\"lower\": ["), std::string::npos);
  EXPECT_EQ(first.find("\"origin\": \"\""), std::string::npos) << "an empty origin is not written";
  EXPECT_NE(first.find("\"width\": \"40%\""), std::string::npos) << "a figure's width is written when set";
  EXPECT_NE(first.find("Frivillig rapport – «KS»"), std::string::npos) << "UTF-8 written as is";
}

TEST(Json, ReadsVersion1CellsAndWritesVersion2) {
  // Version 1 wrote every cell as an object; version 2 writes cells without a status bare.
  const std::string v1 = R"({"sdgreport_model": 1,
    "meta": {"title": "T", "subtitle": "", "organisation": "", "authors": [], "language": "nb", "date": "",
             "edition": "", "keywords": []},
    "chapters": [{"title": "Kap", "id": "kap", "numbered": true, "goal": null, "targets": [], "sections": [],
      "blocks": [{"type": "table", "id": "t1", "caption": "Tabell", "indicator": "", "source": "SSB",
        "columns": [{"label": "Fylke", "type": "text", "unit": "", "decimals": 0},
                    {"label": "Andel", "type": "number", "unit": "%", "decimals": 1}],
        "rows": [[{"text": "Trøndelag"}, {"number": 48.5}],
                 [{"text": "Nord-Norge"}, {"number": 3.25, "status": "provisional"}],
                 [{"text": "Østfold"}, {"empty": true, "status": "confidential"}]]}]}]})";
  const Document d = document_from_json(v1, "v1.json");
  const Table& t = d.chapters()[0].blocks()[0].as<Table>();
  ASSERT_EQ(t.data.rows(), 3u);
  EXPECT_EQ(t.data.cell(0, 0), CellView(Cell::of("Trøndelag")));
  EXPECT_EQ(t.data.cell(0, 1), CellView(Cell::of(48.5)));
  EXPECT_EQ(t.data.cell(1, 1), CellView(Cell::of(3.25, ValueStatus::Provisional)));
  EXPECT_EQ(t.data.cell(2, 1), CellView(Cell::missing(ValueStatus::Confidential)));
  const std::string v2 = to_json(d);
  EXPECT_NE(v2.find("\"sdgreport_model\": 3"), std::string::npos);
  EXPECT_NE(v2.find("\"Trøndelag\",\n"), std::string::npos) << v2;
  EXPECT_NE(v2.find("48.5\n"), std::string::npos) << v2;
  EXPECT_NE(v2.find("\"status\": \"provisional\""), std::string::npos) << v2;
  EXPECT_TRUE(document_from_json(v2, "v2.json") == d);
}

TEST(Json, SectionRoundTrip) {
  const Document d = full_document();
  const Section& g = d.chapters()[1];
  EXPECT_TRUE(section_from_json(section_to_json(g), "s.json") == g);
}

TEST(Json, SyntaxErrorsGiveLineAndColumn) {
  try {
    document_from_json("{\n  \"sdgreport_model\": 1,\n  \"meta\": {,\n}", "bad.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Input);
    EXPECT_EQ(e.where().file, "bad.json");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
  }
}

TEST(Json, RefusesOtherVersionsAndBrokenTrees) {
  std::string text = to_json(full_document());
  std::string newer = text;
  newer.replace(newer.find("\"sdgreport_model\": 3"), 20, "\"sdgreport_model\": 4");
  try {
    document_from_json(newer, "new.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("model version 4 is not supported; this sdgreport reads versions 1 to 3"),
              std::string::npos)
        << e.what();
  }
  std::string older = text;
  older.replace(older.find("\"sdgreport_model\": 3"), 20, "\"sdgreport_model\": 0");
  EXPECT_THROW(document_from_json(older, "old.json"), Error);
  std::string no_alt = text;
  no_alt.replace(no_alt.find("\"alt\": \"Kart over Norge\""), 24, "\"alt\": \"\"");
  try {
    document_from_json(no_alt, "m.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/chapters/1/sections/0/blocks/2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("needs alt text"), std::string::npos) << e.what();
  }
  std::string bad_goal = text;
  bad_goal.replace(bad_goal.find("\"goal\": 7"), 9, "\"goal\": 19");
  EXPECT_THROW(document_from_json(bad_goal, "m.json"), Error);
}
