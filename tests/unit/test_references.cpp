// Unit tests of cross-reference targets, generated text and placement
// (core/include/sdgreport/references.hpp).
#include <gtest/gtest.h>

#include "sdgreport/error.hpp"
#include "sdgreport/references.hpp"

using namespace sdg;

namespace {

Table table(const std::string& id) {
  Table t;
  t.id = id;
  t.caption = "T " + id;
  t.columns = {Column{"year", Column::Type::Text, {}, 0}};
  t.data = sdg::TableData::of({{Cell::of("2024")}});
  return t;
}

Container data(const std::string& id, Block b) {
  Container c;
  c.name = kDataContainer;
  c.attributes["id"] = id;
  c.blocks.push_back(std::move(b));
  return c;
}

Container placement(const std::string& ref, const std::string& at) {
  Container c;
  c.name = kPlacementContainer;
  c.attributes["ref"] = ref;
  c.attributes["at"] = at;
  return c;
}

Paragraph para(const std::string& s) { return Paragraph{{Inline::plain(s)}}; }

}  // namespace

TEST(References, TargetsAreNumberedAndWordedPerLanguage) {
  Document doc;
  Section& ch = doc.add_chapter("Progress");
  Section& g = ch.add_section("Climate");
  g.set_id("goal-13");
  g.set_goal(13);
  g.add_block(table("a"));
  g.add_block(table("b"));
  const Targets t = collect_targets(doc);
  ASSERT_NE(find_target(t, "b"), nullptr);
  EXPECT_EQ(reference_text(*find_target(t, "b"), sdg::Language::En), "Table 2");
  EXPECT_EQ(reference_text(*find_target(t, "tbl:b"), sdg::Language::Nb), "tabell 2");
  EXPECT_EQ(reference_text(*find_target(t, "goal-13"), sdg::Language::En), "Goal 13");
  EXPECT_EQ(reference_text(*find_target(t, "goal-13"), sdg::Language::Nn), "mål 13");
  EXPECT_EQ(reference_text(*find_target(t, "progress"), sdg::Language::En), "Section 1");
  EXPECT_EQ(find_target(t, "c"), nullptr);
  EXPECT_EQ(page_reference_text("12", sdg::Language::Nb), "side 12");
}

TEST(References, PlacementMovesDataBetweenTheParagraphs) {
  Document doc;
  Section& ch = doc.add_chapter("Energy");
  ch.add_block(para("before"));
  ch.add_block(placement("energy", "text.md:3:1"));
  ch.add_block(para("after"));
  ch.add_block(data("energy", table("energy")));
  ch.add_block(data("water", table("water")));  // not placed: stays, unwrapped
  resolve_references(doc);
  const Blocks& b = doc.chapters()[0].blocks();
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[1].as<Table>().id, "energy");
  EXPECT_EQ(plain_text(b[2].as<Paragraph>().content), "after");
  EXPECT_EQ(b[3].as<Table>().id, "water");
}

TEST(References, UnknownIdsAreErrorsAtTheMarkdownLine) {
  Document doc;
  Section& ch = doc.add_chapter("Energy");
  ch.add_block(Paragraph{{Inline::cross_ref("nowhere", {}, "", "goal-07.md:12:5")}});
  try {
    resolve_references(doc);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "goal-07.md");
    EXPECT_EQ(e.where().line, 12);
    EXPECT_EQ(e.where().column, 5);
    EXPECT_NE(e.message().find("'#nowhere'"), std::string::npos);
  }
  Document doc2;
  doc2.add_chapter("Energy").add_block(placement("energy", "t.md:4:1"));
  try {
    resolve_references(doc2);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 4);
  }
}

TEST(References, ResolvedReferencesLoseTheirPosition) {
  Document doc;
  Section& ch = doc.add_chapter("Energy");
  ch.add_block(Paragraph{{Inline::cross_ref("energy", {}, "", "a.md:1:1")}});
  resolve_references(doc);
  EXPECT_TRUE(doc.chapters()[0].blocks()[0].as<Paragraph>().content[0].where.empty());
}

TEST(References, ModelRefusesNestedFootnotes) {
  const Block b = Paragraph{{Inline::footnote({Inline::footnote({Inline::plain("x")})})}};
  EXPECT_THROW(check_block(b), Error);
  EXPECT_THROW(check_block(Paragraph{{Inline::footnote({})}}), Error);
  EXPECT_NO_THROW(check_block(Paragraph{{Inline::footnote({Inline::plain("x")})}}));
}
