// Unit tests for the PDF writer's private layout helpers (formats/pdf/layout.*,
// style.*): spans from inline runs, line breaking by measured width, WCAG contrast.
// Built with formats/pdf on the include path and layout.cpp + style.cpp compiled in.
#include <gtest/gtest.h>

#include "fake_measure.hpp"
#include "layout.hpp"
#include "style.hpp"

using namespace sdg;
using namespace sdg::pdf;

namespace {

using test::fake_width;
using test::kMeasure;
const TextStyle kBody{Face::Regular, 10, colors::ink};

std::string text_of(const Line& l) {
  std::string s;
  for (const Fragment& f : l.fragments) s += f.text;
  return s;
}

}  // namespace

TEST(PdfLayout, BreaksAtSpacesWithinWidth) {
  // 5 pt per character, 2.5 pt per space: "aaaa bbbb" = 42.5 pt.
  const auto lines = break_lines(plain("aaaa bbbb cccc dddd", kBody), 45, kMeasure);
  ASSERT_EQ(lines.size(), 2u);
  for (const Line& l : lines) EXPECT_LE(l.width, 45.0);
  EXPECT_EQ(text_of(lines[0]), "aaaa bbbb ");  // the gap at the break stays in the stream
  EXPECT_EQ(text_of(lines[1]), "cccc dddd");
  EXPECT_DOUBLE_EQ(lines[0].width, 42.5);
}

TEST(PdfLayout, CollapsesWhitespaceAndKeepsNonBreakingSpace) {
  const auto lines = break_lines(plain("  a \n\t b  1\u00A0234 ", kBody), 1000, kMeasure);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(text_of(lines[0]), "a b 1\u00A0234");
}

TEST(PdfLayout, BreaksOverlongWordBetweenCharacters) {
  const std::string url = "https://example.org/æøå/very/long/path";
  const auto lines = break_lines(plain("see " + url, kBody), 50, kMeasure);
  ASSERT_GT(lines.size(), 2u);
  std::string all;
  for (const Line& l : lines) {
    EXPECT_LE(l.width, 50.0 + 1e-9);
    all += text_of(l);
  }
  EXPECT_EQ(all, "see " + url);
}

TEST(PdfLayout, HardLineBreakStartsNewLine) {
  const Inlines runs{Inline::plain("one"), Inline::line_break(), Inline::plain("two")};
  const auto lines = break_lines(flatten(runs, kBody, colors::link), 1000, kMeasure);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(text_of(lines[0]), "one");
  EXPECT_EQ(text_of(lines[1]), "two");
}

TEST(PdfLayout, InlineStylesMapToFaces) {
  const Inlines runs{
      Inline::plain("a "),
      Inline::emphasis({Inline::plain("b "), Inline::strong({Inline::plain("c")})}),
      Inline::plain(" "),
      Inline::code("d()"),
      Inline::plain(" "),
      Inline::link("https://sdgs.un.org", {Inline::plain("e")}),
  };
  const auto spans = flatten(runs, kBody, colors::link);
  ASSERT_EQ(spans.size(), 7u);  // "a ", "b ", "c", " ", "d()", " ", "e"
  EXPECT_EQ(spans[1].style.face, Face::Italic);
  EXPECT_EQ(spans[2].style.face, Face::BoldItalic);
  EXPECT_EQ(spans[4].style.face, Face::Mono);
  EXPECT_EQ(spans[5].url, "");
  EXPECT_EQ(spans[6].url, "https://sdgs.un.org");
  EXPECT_EQ(spans[6].style.color, colors::link);

  const auto lines = break_lines(spans, 1000, kMeasure);
  ASSERT_EQ(lines.size(), 1u);
  std::string all = text_of(lines[0]);
  EXPECT_EQ(all, "a b c d() e");
  // Fragments are laid out left to right without overlap.
  double x = 0;
  for (const Fragment& f : lines[0].fragments) {
    EXPECT_GE(f.x + 1e-9, x);
    x = f.x + f.width;
  }
}

TEST(PdfLayout, PunctuationAfterStyledWordStaysWithIt) {
  const Inlines runs{Inline::strong({Inline::plain("bold")}), Inline::plain(", next")};
  // Width for "bold," only: the comma must not start the next line.
  const auto lines = break_lines(flatten(runs, kBody, colors::link), 26, kMeasure);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(text_of(lines[0]), "bold, ");
  EXPECT_EQ(text_of(lines[1]), "next");
}

TEST(PdfLayout, EmptyInputGivesOneEmptyLine) {
  const auto lines = break_lines({}, 100, kMeasure);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].fragments.empty());
}

TEST(PdfLayout, MeasureExtent) {
  const TextExtent e = measure_extent(plain("ab abcd", kBody), kMeasure);
  EXPECT_DOUBLE_EQ(e.longest_word, 20.0);
  EXPECT_DOUBLE_EQ(e.single_line, 32.5);
}

TEST(PdfLayout, Utf8Chars) {
  const auto c = utf8_chars("æ–a😀");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0], "æ");
  EXPECT_EQ(c[1], "–");
  EXPECT_EQ(c[3], "😀");
}

TEST(PdfStyle, ContrastRatio) {
  EXPECT_NEAR(contrast_ratio(Color::hex(0xFFFFFF), Color::hex(0x000000)), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(Color::hex(0x777777), Color::hex(0x777777)), 1.0, 1e-9);
}

TEST(PdfStyle, GoalBandTextPassesAA) {
  for (int g = 1; g <= 17; ++g) {
    const Color bg = goal_color(g);
    EXPECT_GE(contrast_ratio(text_on(bg), bg), 4.5) << "goal " << g;
  }
  EXPECT_EQ(text_on(goal_color(7)), colors::near_black);  // yellow
  EXPECT_EQ(text_on(colors::accent), colors::white);
}

TEST(PdfStyle, ReadableOnWhite) {
  for (int g = 1; g <= 17; ++g)
    EXPECT_GE(contrast_ratio(readable_on_white(goal_color(g)), colors::white), 4.5) << "goal " << g;
}

// ---------------------------------------------------------------- chart legend

namespace {
const TextStyle kLegend{Face::UiRegular, 8, colors::ink};  // 4 pt per character in fake_width
std::vector<std::string> texts_of(const std::vector<LegendEntry>& line) {
  std::vector<std::string> out;
  for (const LegendEntry& e : line) out.push_back(e.text);
  return out;
}
}  // namespace

TEST(PdfLegend, WrapsInsteadOfDroppingEntries) {
  // Swatch 13, gap 16: "Oslo" = 13 + 16, "Vestland" = 13 + 32, "Finnmark - Finnmárku" = 13 + 76.
  const std::vector<std::string> names{"Oslo", "Vestland", "Finnmark - Finnmárku", "Nord"};
  const auto lines = break_legend(names, 140, kLegend, kMeasure, 13, 16);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(texts_of(lines[0]), (std::vector<std::string>{"Oslo", "Vestland"}));
  EXPECT_EQ(texts_of(lines[1]), (std::vector<std::string>{"Finnmark - Finnmárku", "Nord"}));
  EXPECT_DOUBLE_EQ(lines[0][0].x, 0);
  EXPECT_DOUBLE_EQ(lines[0][1].x, 29 + 16);
  EXPECT_DOUBLE_EQ(lines[1][0].x, 0);  // a new line starts at the left edge
  EXPECT_DOUBLE_EQ(lines[1][1].x, 89 + 16);
  std::size_t next = 0;
  for (const auto& line : lines)
    for (const LegendEntry& e : line) {
      EXPECT_EQ(e.index, next++);  // every entry, in order
      EXPECT_LE(e.x + e.width, 140.0);
    }
  EXPECT_EQ(next, names.size());
}

TEST(PdfLegend, OneLineWhenItFitsAndNoneForNoNames) {
  EXPECT_EQ(break_legend({"a", "b", "c"}, 1000, kLegend, kMeasure, 13, 16).size(), 1u);
  EXPECT_TRUE(break_legend({}, 100, kLegend, kMeasure, 13, 16).empty());
}

TEST(PdfLegend, ExactFitStaysOnTheLine) {
  // 13 + 4 + 16 + 13 + 4 = 50
  EXPECT_EQ(break_legend({"a", "b"}, 50, kLegend, kMeasure, 13, 16).size(), 1u);
  EXPECT_EQ(break_legend({"a", "b"}, 49.9, kLegend, kMeasure, 13, 16).size(), 2u);
}

TEST(PdfLegend, ShortensOnlyAnEntryWiderThanTheChart) {
  const std::string longest = "Finnmark - Finnmárku - Finmarkku";  // 32 characters, 128 pt
  const auto lines = break_legend({"Oslo", longest, "Vestland"}, 100, kLegend, kMeasure, 13, 16);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0][0].text, "Oslo");
  EXPECT_EQ(lines[2][0].text, "Vestland");
  const LegendEntry& e = lines[1][0];
  EXPECT_EQ(e.index, 1u);
  EXPECT_LE(e.width, 100.0);
  // 87 pt for the name: "Finnmark - Finnmárku -…" (86 pt) fits, but the ellipsis
  // follows no space or dash.
  EXPECT_EQ(e.text, "Finnmark - Finnmárku\u2026");
}

TEST(PdfLegend, Ellipsize) {
  EXPECT_EQ(ellipsize("short", 100, kLegend, kMeasure), "short");
  EXPECT_EQ(ellipsize("abc def", 20, kLegend, kMeasure), "abc\u2026");  // not "abc …"
  EXPECT_EQ(ellipsize("ab - cd", 20, kLegend, kMeasure), "ab\u2026");    // not "ab -…"
  EXPECT_EQ(ellipsize("æøåæøå", 12, kLegend, kMeasure), "æø\u2026");    // whole code points
  EXPECT_EQ(ellipsize("abc", 4, kLegend, kMeasure), "\u2026");
  EXPECT_EQ(ellipsize("abc", 3, kLegend, kMeasure), "");
}

// Issue 11 #11: a 40 KB series name is shortened with a binary search on the cut
// point, one measurement per probe (about log2(n) + 2), not one per removed character.
TEST(PdfLegend, EllipsizeLongNameMeasuresLogarithmically) {
  std::string name;
  while (name.size() < 40000) name += "Befolkning etter kjønn og alder, ";
  int calls = 0;
  const Measure counting = [&](const TextStyle& s, std::string_view t) {
    ++calls;
    return fake_width(s, t);
  };
  const std::string out = ellipsize(name, 120, kLegend, counting);
  EXPECT_LE(fake_width(kLegend, out), 120.0);
  EXPECT_EQ(out.substr(out.size() - 3), "\u2026");
  EXPECT_GT(out.size(), 10u);
  EXPECT_LE(calls, 20);  // log2(40000) ≈ 15.3, plus the first check
  // The longest prefix that fits: one more character would not.
  EXPECT_EQ(out, ellipsize(name.substr(0, 2000), 120, kLegend, kMeasure));
}

// ---------------------------------------------------------------- series colours

TEST(PdfStyle, DeltaE) {
  EXPECT_NEAR(delta_e(Color::hex(0x000000), Color::hex(0xFFFFFF)), 100.0, 0.01);
  EXPECT_NEAR(delta_e(Color::hex(0x123456), Color::hex(0x123456)), 0.0, 1e-9);
  const Lab white = to_lab(Color::hex(0xFFFFFF));
  EXPECT_NEAR(white.a, 0.0, 0.01);
  EXPECT_NEAR(white.b, 0.0, 0.01);
}

// Series colours: tests/unit/test_palette.cpp (formats/common/palette).
