// The PDF writer's content stream writer (formats/pdf/content_stream.hpp):
// terse operators, state written only when it changes, text objects shared and
// closed where they must be, marked content nested properly, strings escaped.
#include <gtest/gtest.h>

#include <string>

#include "content_stream.hpp"

namespace {

using namespace std::string_literals;
using sdg::pdf::Color;
using sdg::pdf::ContentStream;

std::string glyphs(std::initializer_list<int> ids) {
  std::string g;
  for (int id : ids) {
    g += static_cast<char>(id >> 8);
    g += static_cast<char>(id & 0xFF);
  }
  return g;
}

TEST(ContentStream, NumbersInHundredthsWithoutTrailingZeros) {
  ContentStream cs;
  cs.fill_rect(66, 50.004, 529.2755, -0.5);
  EXPECT_EQ(cs.bytes(), "66 50 529.28 -0.5 re f\n");
  cs.clear();
  cs.fill_rect(0.07, -0.004, 1e300 * 1e300, 12.3);  // infinity is written as 0
  EXPECT_EQ(cs.bytes(), "0.07 0 0 12.3 re f\n");
}

TEST(ContentStream, StateIsWrittenOnlyWhenItChanges) {
  ContentStream cs;
  const Color ink{0.11, 0.11, 0.118}, grey{0.5, 0.5, 0.5};
  cs.fill_color(ink);
  cs.fill_color(ink);
  cs.stroke_color(grey);
  cs.line_width(0.4);
  cs.line_width(0.4);
  cs.stroke_line(66, 50, 529.28, 50);
  cs.fill_color(grey);
  EXPECT_EQ(cs.bytes(), "0.11 0.11 0.118 rg\n0.5 0.5 0.5 RG\n0.4 w\n66 50 m 529.28 50 l S\n0.5 0.5 0.5 rg\n");
  cs.clear();
  cs.forget_state();  // someone else wrote in between: set it again
  cs.fill_color(grey);
  EXPECT_EQ(cs.bytes(), "0.5 0.5 0.5 rg\n");
}

TEST(ContentStream, TextRunsShareOneTextObjectWithRelativeMoves) {
  ContentStream cs;
  cs.text("Ft7", 10, 66, 700, glyphs({0x24}));
  cs.text("Ft7", 10, 66, 685.5, glyphs({0x25}));
  cs.text("Ft9", 8.5, 100.25, 685.5, glyphs({0x26}));
  cs.fill_rect(0, 0, 1, 1);  // a path ends the text object
  cs.text("Ft9", 8.5, 66, 600, glyphs({0x27}));
  cs.end_text();
  // Glyph ids as two raw bytes each in a literal string; the font is not set
  // again after the path, and the new text object starts from absolute coordinates.
  EXPECT_EQ(cs.bytes(),
            "BT\n/Ft7 10 Tf\n66 700 Td(\0$)Tj\n0 -14.5 Td(\0%)Tj\n/Ft9 8.5 Tf\n34.25 0 Td(\0&)Tj\n"
            "ET\n0 0 1 1 re f\nBT\n66 600 Td(\0')Tj\nET\n"s);
}

TEST(ContentStream, StringDelimitersBackslashAndCarriageReturnAreEscaped) {
  ContentStream cs;
  cs.text("F1", 10, 0, 0, "\0(\0)\0\\\0\r\0\n"s);
  cs.end_text();
  EXPECT_EQ(cs.bytes(), "BT\n/F1 10 Tf\n0 0 Td(\0\\(\0\\)\0\\\\\0\\r\0\n)Tj\nET\n"s);
}

TEST(ContentStream, MarkedContentNestsWithTextObjects) {
  ContentStream cs;
  // Opened outside a text object: it holds the whole text object, closed before EMC.
  cs.begin_marked("/P<</MCID 0>>BDC\n");
  cs.text("F1", 10, 66, 700, glyphs({1}));
  EXPECT_FALSE(cs.mark_inside_text());
  cs.end_marked();
  EXPECT_FALSE(cs.in_text());
  EXPECT_EQ(cs.bytes().substr(0, 20), "/P<</MCID 0>>BDC\nBT\n");
  EXPECT_EQ(cs.bytes().substr(cs.bytes().size() - 7), "ET\nEMC\n");
  cs.clear();
  // Opened inside one (table cells): EMC inside it, the text object goes on.
  cs.begin_text();
  cs.begin_marked("/TD<</MCID 1>>BDC\n");
  EXPECT_TRUE(cs.mark_inside_text());
  cs.text("F1", 10, 71, 600, glyphs({2}));
  cs.end_marked();
  cs.begin_marked("/TD<</MCID 2>>BDC\n");
  cs.text("F1", 10, 120, 600, glyphs({3}));
  cs.end_marked();
  cs.end_text();
  const std::string& b = cs.bytes();
  EXPECT_EQ(b.substr(0, 21), "BT\n/TD<</MCID 1>>BDC\n");
  EXPECT_NE(b.find(")Tj\nEMC\n/TD<</MCID 2>>BDC\n49 0 Td("), std::string::npos);
  EXPECT_EQ(b.substr(b.size() - 11), ")Tj\nEMC\nET\n");
  EXPECT_EQ(b.find("BT", 1), std::string::npos);  // one text object for both cells
}

TEST(ContentStream, ResetStartsAFreshStream) {
  ContentStream cs;
  cs.begin_text();
  cs.begin_marked("/Artifact BMC\n");
  cs.fill_color({1, 1, 1});
  cs.reset();
  EXPECT_TRUE(cs.bytes().empty());
  EXPECT_FALSE(cs.in_text());
  EXPECT_FALSE(cs.mark_inside_text());
  cs.fill_color({1, 1, 1});
  EXPECT_EQ(cs.bytes(), "1 1 1 rg\n");
}

}  // namespace
