#include <gtest/gtest.h>

#include "errors.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/images.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/walk.hpp"

using namespace sdg;

namespace {

std::string model_error(const std::function<void()>& f) {
  return sdg::test::message_of(ErrorCode::Model, f);
}

Table small_table() {
  Table t;
  t.caption = "Fornybar energi";
  t.columns = {{"År", Column::Type::Text, "", 0}, {"Andel", Column::Type::Number, "%", 1}};
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::of(48.5)}, {Cell::of("2023"), Cell::missing(ValueStatus::NotAvailable)}});
  return t;
}

}  // namespace

TEST(Model, GoalNumberMustBe1To17) {
  Section s("Energi");
  EXPECT_NO_THROW(s.set_goal(7));
  EXPECT_EQ(*s.goal(), 7);
  EXPECT_NE(model_error([&] { s.set_goal(18); }).find("goal 18 is not an SDG goal"), std::string::npos);
  EXPECT_NE(model_error([&] { s.set_goal(0); }).find("goal 0"), std::string::npos);
  EXPECT_EQ(*s.goal(), 7) << "a refused change leaves the section as it was";
}

TEST(Model, TargetsMustExistAndBelongToTheGoal) {
  Section plain("Intro");
  EXPECT_NE(model_error([&] { plain.add_target("7.1"); }).find("only a goal section"), std::string::npos);
  Section s("Energi");
  s.set_goal(7);
  s.add_target("7.2");
  s.add_target("7.2");  // duplicates are ignored
  EXPECT_EQ(s.targets(), std::vector<std::string>{"7.2"});
  EXPECT_NE(model_error([&] { s.add_target("18.1"); }).find("'18.1' is not an SDG target"), std::string::npos);
  EXPECT_NE(model_error([&] { s.add_target("13.1"); }).find("belongs to goal 13"), std::string::npos);
}

TEST(Model, TableRowsMustMatchColumns) {
  Section s("Energi");
  EXPECT_NO_THROW(s.add_block(small_table()));
  Table t = small_table();
  // A row of the wrong width is refused when it is appended…
  std::string msg = model_error([&] { t.data.append_row({Cell::of("2024")}); });
  EXPECT_NE(msg.find("row 3"), std::string::npos) << msg;
  EXPECT_NE(msg.find("has 1 cells but the table has 2 columns"), std::string::npos) << msg;
  EXPECT_EQ(t.data.rows(), 2u) << "the refused row was not added";
  // …and a column built shorter than the others when the table is checked.
  t.data.push_text(0, "2024");
  msg = model_error([&] { s.add_block(t); });
  EXPECT_NE(msg.find("row 3, column 'Andel'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("the column has 2 cells but the table 3 rows"), std::string::npos) << msg;
  EXPECT_EQ(s.blocks().size(), 1u) << "the refused block was not added";
  // Cells declared for fewer columns than the table has.
  t = small_table();
  t.columns.push_back(Column{"Extra", Column::Type::Text, "", 0});
  msg = model_error([&] { s.add_block(t); });
  EXPECT_NE(msg.find("has cells in 2 columns but 3 columns are declared"), std::string::npos) << msg;
}

TEST(Model, CellsMustFitTheirColumnAndMissingCellsNeedAStatus) {
  Section s("x");
  Table t = small_table();
  t.data.set(0, 1, Cell::of("48,5"));
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("text '48,5' in a number column"), std::string::npos);
  t = small_table();
  t.data.set(1, 1, Cell{});
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("needs a status"), std::string::npos);
  t = small_table();
  t.data.set(0, 1, Cell::of(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("not a finite number"), std::string::npos);
}

TEST(Model, FiguresAndChartsNeedAltText) {
  Section s("x");
  EXPECT_NE(model_error([&] {
              s.add_block(Figure{"map.png", "", "Kart", {}, {}});
            }).find("needs alt text"),
            std::string::npos);
  Chart c;
  c.title = "Utslipp";
  c.categories = {"2022", "2023"};
  c.series = {{"CO₂", "t", {1.0, std::nullopt}, {}, {}}};
  EXPECT_NE(model_error([&] { s.add_block(c); }).find("chart needs alt text"), std::string::npos);
  c.alt = "Utslippene falt fra 2022 til 2023.";
  EXPECT_NO_THROW(s.add_block(c));
  c.series[0].values.pop_back();
  EXPECT_NE(model_error([&] { s.add_block(c); }).find("has 1 values for 2 categories"), std::string::npos);
}

TEST(Model, IndicatorSummariesNameRealIndicators) {
  Section s("x");
  IndicatorSummary ok;
  ok.indicator = "7.2.1";
  EXPECT_NO_THROW(s.add_block(ok));
  IndicatorSummary bad;
  bad.indicator = "7.2.9";
  EXPECT_NE(model_error([&] { s.add_block(bad); }).find("'7.2.9' is not an SDG indicator"), std::string::npos);
}

TEST(Model, NestedBlocksAreCheckedToo) {
  Section s("x");
  List l;
  l.items = {{Paragraph{{Inline::plain("ok")}}}, {Quote{{Figure{"a.png", "", "", {}, {}}}}}};
  EXPECT_NE(model_error([&] { s.add_block(l); }).find("needs alt text"), std::string::npos);
  EXPECT_NE(model_error([&] { s.add_block(List{}); }).find("at least one item"), std::string::npos);
  EXPECT_NE(model_error([&] { s.add_block(Heading{7, {Inline::plain("h")}}); }).find("level must be 1–6"),
            std::string::npos);
  EXPECT_NE(model_error([&] { s.add_block(Paragraph{{Inline::link("", {Inline::plain("x")})}}); })
                .find("needs a URL"),
            std::string::npos);
  EXPECT_NE(model_error([&] { s.add_block(Container{}); }).find("needs a name"), std::string::npos);
}

TEST(Model, DocumentCheckCoversMetadataAndIds) {
  Document d;
  d.meta.language = "de";
  EXPECT_NE(model_error([&] { d.check(); }).find("language 'de'"), std::string::npos);
  d.meta.language = "nb";
  d.meta.date = "15.06.2026";
  EXPECT_NE(model_error([&] { d.check(); }).find("not an ISO date"), std::string::npos);
  d.meta.date = "2026-06-15";
  d.add_chapter("Mål");
  d.add_chapter("Mål");
  EXPECT_NE(model_error([&] { d.check(); }).find("used twice"), std::string::npos);
}

TEST(Model, MakeIdTransliteratesNorwegian) {
  EXPECT_EQ(make_id("Mål 7 – Ren energi"), "mal-7-ren-energi");
  EXPECT_EQ(make_id("Ærlig, østlig & åpen"), "aerlig-ostlig-apen");
  EXPECT_EQ(make_id("“”"), "section");
  Section s("Første kapittel");
  EXPECT_EQ(s.id(), "forste-kapittel");
  EXPECT_THROW(s.set_id("bad id"), Error);
}

TEST(Model, PlainTextFlattensInlines) {
  Inlines runs{Inline::plain("Bærekraft "), Inline::strong({Inline::plain("nå")}), Inline::line_break(),
               Inline::link("https://ks.no", {Inline::emphasis({Inline::plain("KS")})})};
  EXPECT_EQ(plain_text(runs), "Bærekraft nå KS");
}

namespace {
struct Recorder : Visitor {
  std::vector<std::string> events;
  bool begin_section(const Section& s, const Where& w) override {
    events.push_back("section " + w.number() + " " + s.title() + " goal=" + std::to_string(w.goal()));
    return true;
  }
  void paragraph(const Paragraph& p, const Where& w) override {
    events.push_back("p " + plain_text(p.content) + " in " + w.section()->title());
  }
  bool begin_list(const List&, const Where&) override {
    events.push_back("list");
    return true;
  }
  void begin_list_item(const List&, std::size_t i, const Where&) override {
    events.push_back("item " + std::to_string(i));
  }
  void table(const Table& t, const Where&) override { events.push_back("table " + t.caption); }
};
}  // namespace

TEST(Walk, VisitsInReadingOrderWithNumbers) {
  Document d;
  Section& intro = d.add_chapter("Intro");
  intro.set_numbered(false);
  intro.add_block(Paragraph{{Inline::plain("a")}});
  Section& goals = d.add_chapter("Goals");
  Section& g7 = goals.add_section("Energy");
  g7.set_goal(7);
  List l;
  l.items = {{Paragraph{{Inline::plain("b")}}}, {Paragraph{{Inline::plain("c")}}}};
  g7.add_block(l);
  g7.add_section("Detail").add_block(small_table());
  goals.add_section("Climate");
  Recorder r;
  walk(d, r);
  std::vector<std::string> expected{"section  Intro goal=0", "p a in Intro",       "section 1 Goals goal=0",
                                    "section 1.1 Energy goal=7", "list",         "item 0",
                                    "p b in Energy",             "item 1",       "p c in Energy",
                                    "section 1.1.1 Detail goal=7", "table Fornybar energi",
                                    "section 1.2 Climate goal=0"};
  EXPECT_EQ(r.events, expected);
}

TEST(Model, TextMustBeValidUtf8) {
  EXPECT_TRUE(is_valid_utf8("æøå – “”"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xE6\xF8"));      // Latin-1 "æø"
  Section s("x");
  EXPECT_NE(model_error([&] { s.add_block(Paragraph{{Inline::plain("bl\xE5")}}); }).find("not valid UTF-8"),
            std::string::npos);
  Table t = small_table();
  t.data.set(0, 0, Cell::of("\xF8"));
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("not valid UTF-8"), std::string::npos);
}

TEST(Model, FigureWidth) {
  EXPECT_DOUBLE_EQ(*figure_width_points("50%", 400), 200);
  EXPECT_DOUBLE_EQ(*figure_width_points("250%", 400), 400);  // capped at the text width
  EXPECT_DOUBLE_EQ(*figure_width_points("1in", 400), 72);
  EXPECT_NEAR(*figure_width_points("2.54cm", 400), 72, 1e-9);
  EXPECT_NEAR(*figure_width_points("25.4mm", 400), 72, 1e-9);
  EXPECT_DOUBLE_EQ(*figure_width_points("170pt", 400), 170);
  for (const char* bad : {"", "40", "%", "0%", "-3cm", "1.2.3cm", "6 cm", "6km", "wide"})
    EXPECT_FALSE(figure_width_points(bad, 400)) << bad;
  Section s("x");
  Figure f{"map.png", "A map of Norway", "", "", "6 cm"};
  EXPECT_NE(model_error([&] { s.add_block(f); }).find("figure width '6 cm'"), std::string::npos);
  f.width = "40%";
  s.add_block(f);
  EXPECT_EQ(s.blocks().back().as<Figure>().width, "40%");
}

TEST(Model, SvgPaths) {
  EXPECT_TRUE(is_svg_path("a/map.svg"));
  EXPECT_TRUE(is_svg_path("MAP.SVG"));
  EXPECT_TRUE(is_svg_path("map.svgz"));
  EXPECT_FALSE(is_svg_path("map.png"));
  EXPECT_FALSE(is_svg_path("svg"));
  EXPECT_EQ(svg_refusal("charts/Energy use.SVG"),
            "SVG images are not supported; convert to PNG (e.g. rsvg-convert -w 1600 Energy use.SVG -o Energy use.png)");
}

TEST(Model, NilIsTheNumberZeroOnly) {
  Section s("x");
  Table t = small_table();
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::of(0.0, ValueStatus::Nil)}});
  EXPECT_NO_THROW(s.add_block(t));
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::of(3.0, ValueStatus::Nil)}});
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("nil mark belongs on the number 0 only"), std::string::npos);
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::missing(ValueStatus::Nil)}});
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("nil mark belongs on the number 0 only"), std::string::npos);
  // A mixed column (text and numbers) is checked cell by cell, the same rule.
  t.data = sdg::TableData::of({{Cell::of("2022"), Cell::of(2.0, ValueStatus::Nil)}, {Cell::of("2023"), Cell::missing(ValueStatus::NotAvailable)}});
  EXPECT_NE(model_error([&] { s.add_block(t); }).find("nil mark"), std::string::npos);
}

TEST(Model, BlockLanguageIsABcp47Tag) {
  Section s("x");
  for (const char* ok : {"nb", "se", "kl", "en-GB", "nb-NO", "sma"}) {
    Block b(Paragraph{{Inline::plain("Buorre beaivi")}});
    b.lang = ok;
    EXPECT_NO_THROW(s.add_block(b)) << ok;
  }
  for (const char* bad : {"n", "nb_NO", "nb-", "-nb", "1a", "norsk bokmål", "abcdefghi"}) {
    Block b(Paragraph{{Inline::plain("x")}});
    b.lang = bad;
    EXPECT_NE(model_error([&] { s.add_block(b); }).find("is not a BCP 47 tag"), std::string::npos) << bad;
  }
}

TEST(Model, IntervalBoundsMatchTheCategories) {
  Section s("x");
  Chart c;
  c.title = "Andel";
  c.alt = "Andelen";
  c.categories = {"2021", "2024"};
  c.series = {{"Alle", "%", {40.0, 45.0}, {35.5, 41.0}, {44.5, std::nullopt}}};
  EXPECT_NO_THROW(s.add_block(c));
  c.series[0].upper = {44.5};
  EXPECT_NE(model_error([&] { s.add_block(c); }).find("has 1 interval bounds for 2 categories"), std::string::npos);
  c.series[0].upper = {30.0, 50.0};
  EXPECT_NE(model_error([&] { s.add_block(c); }).find("lower bound is above its upper bound"), std::string::npos);
}

TEST(Walk, GivesTheBlockAndTheLanguageOfParts) {
  Document d;
  Section& ch = d.add_chapter("Kapittel");
  Block q(Quote{{Paragraph{{Inline::plain("Buorre beaivi")}}, Paragraph{{Inline::plain("Hello")}}}});
  q.lang = "se";
  std::get<Quote>(q.value).blocks[1].lang = "en";
  q.origin = "text/intro.md:7";
  ch.add_block(q);
  ch.add_block(Paragraph{{Inline::plain("Hei")}});
  struct Langs : Visitor {
    std::vector<std::string> seen;
    std::string quote_origin;
    bool begin_quote(const Quote&, const Where& w) override {
      quote_origin = w.block()->origin;
      return true;
    }
    void paragraph(const Paragraph& p, const Where& w) override { seen.push_back(plain_text(p.content) + "=" + w.lang()); }
  } v;
  walk(d, v);
  EXPECT_EQ(v.quote_origin, "text/intro.md:7");
  EXPECT_EQ(v.seen, (std::vector<std::string>{"Buorre beaivi=se", "Hello=en", "Hei="}));
}
