// The PDF writer's cached text metrics and glyph encoding (formats/pdf/fonts.hpp)
// give what PoDoFo itself gives: StringWidth() for widths, the Identity
// encoding for glyph ids, and the characters drawn end up in the font subset.
#include <gtest/gtest.h>
#include <podofo/podofo.h>

#include <string>

#include "fonts.hpp"

namespace {

using namespace PoDoFo;
using sdg::pdf::Face;
using sdg::pdf::Fonts;
using sdg::pdf::TextStyle;

const char* const kSamples[] = {
    "Mål 7 – «energi» “quoted” ÆØÅ æøå",
    "Andel fornybar energi i kommunale bygg (%)",
    "1 234,5 … ‘x’ — €",
    "emoji 😀 outside the BMP",
    "",
};

TEST(Fonts, WidthsAreThoseOfPoDoFosStringWidth) {
  PdfMemDocument doc;
  Fonts fonts(doc, sdg::pdf::Family::Sans);
  for (const Face face : {Face::Regular, Face::UiBold, Face::Mono}) {
    for (const double size : {7.5, 10.0, 34.0}) {
      const TextStyle style{face, size};
      for (const char* text : kSamples) {
        const double ours = fonts.width(style, text);
        const double theirs = *text ? fonts.font(style)->GetFontMetrics()->StringWidth(sdg::pdf::utf8(text)) : 0;
        EXPECT_NEAR(ours, theirs, 1e-9) << text << " at " << size;
      }
    }
  }
}

TEST(Fonts, GlyphIdsAreThoseOfTheIdentityEncoding) {
  PdfMemDocument doc;
  Fonts fonts(doc, sdg::pdf::Family::Serif);
  const TextStyle style{Face::Regular, 10};
  std::string ours;
  for (const char* text : kSamples) {
    if (!*text) continue;
    fonts.encode(style, text, ours);
    PdfFont* f = fonts.font(style);
    const PdfRefCountedBuffer theirs = f->GetEncoding()->ConvertToEncoding(sdg::pdf::utf8(text), f);
    EXPECT_EQ(ours, std::string(theirs.GetBuffer(), theirs.GetSize())) << text;
  }
  EXPECT_EQ(ours.size() % 2, 0u);
}

TEST(Fonts, DrawnCharactersAreInTheSubset) {
  PdfMemDocument doc;
  Fonts fonts(doc, sdg::pdf::Family::Sans);
  std::string glyphs;
  fonts.encode(TextStyle{Face::Regular, 10}, "æøå", glyphs);
  doc.EmbedSubsetFonts();
  // The subset's ToUnicode map names exactly what was drawn (and the space PoDoFo adds when empty).
  PdfFont* f = fonts.font(TextStyle{Face::Regular, 10});
  const PdfObject* descendants = f->GetObject()->GetIndirectKey("ToUnicode");
  ASSERT_NE(descendants, nullptr);
  char* buf = nullptr;
  pdf_long len = 0;
  descendants->GetStream()->GetFilteredCopy(&buf, &len);
  const std::string cmap(buf, static_cast<std::size_t>(len));
  podofo_free(buf);
  EXPECT_NE(cmap.find("<00E6>"), std::string::npos) << cmap;  // æ
  EXPECT_NE(cmap.find("<00F8>"), std::string::npos);           // ø
  EXPECT_NE(cmap.find("<00E5>"), std::string::npos);           // å
  EXPECT_EQ(cmap.find("<0041>"), std::string::npos);           // A was not drawn
}

}  // namespace
