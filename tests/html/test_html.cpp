// Unit tests of the html format plugin's private helpers: escaping, URL checks,
// anchors, contrast-checked colours, axis ticks, base64.
#include <gtest/gtest.h>

#include "chart.hpp"
#include "colours.hpp"
#include "embed.hpp"
#include "escape.hpp"

namespace h = sdg::html;

TEST(HtmlEscape, TextAndAttributes) {
  EXPECT_EQ(h::text("<b> & \"q\" 'a'"), "&lt;b&gt; &amp; \"q\" 'a'");
  EXPECT_EQ(h::attr("<b> & \"q\" 'a'"), "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;");
  EXPECT_EQ(h::text("Ålesund – «sitat» “x”"), "Ålesund – «sitat» “x”");
  EXPECT_EQ(h::text(std::string("a\x01"
                                "b\x0c"
                                "c\td\n",
                                8)),
            "abc\td\n");                       // controls dropped
  EXPECT_EQ(h::text("x\xEF\xBF\xBEy"), "xy");  // U+FFFE dropped
}

TEST(HtmlEscape, SafeUrls) {
  EXPECT_EQ(h::safe_url("https://ssb.no/statbank?x=1"), "https://ssb.no/statbank?x=1");
  EXPECT_EQ(h::safe_url("mailto:post@ks.no"), "mailto:post@ks.no");
  EXPECT_EQ(h::safe_url("#goal-7"), "#goal-7");
  EXPECT_EQ(h::safe_url("images/map 1.png"), "images/map%201.png");
  EXPECT_EQ(h::safe_url("https://x.org/?q=\"a\"<b>"), "https://x.org/?q=%22a%22%3Cb%3E");
  EXPECT_EQ(h::safe_url("javascript:alert(1)"), "");
  EXPECT_EQ(h::safe_url("  JaVa\tScRiPt:alert(1)"), "");
  EXPECT_EQ(h::safe_url("\x01javascript:alert(1)"), "");
  EXPECT_EQ(h::safe_url("data:text/html,<script>"), "");
  EXPECT_EQ(h::safe_url("vbscript:x"), "");
  EXPECT_EQ(h::safe_url("   "), "");
}

TEST(HtmlEscape, Anchors) {
  EXPECT_EQ(h::anchor("goal-7"), "goal-7");
  EXPECT_EQ(h::anchor("tab 1\"x"), "tab-1-x");
  EXPECT_EQ(h::anchor("mål"), "m--l");
  EXPECT_EQ(h::anchor(""), "x");
}

TEST(HtmlColours, GoalBandsAndLinesPassWcag) {
  namespace pal = sdg::palette;
  for (int g = 1; g <= 17; ++g) {
    // Lines and rules in goal colour: at least 3:1 on white, the shared palette's shade.
    const h::Colour line = h::goal_on_white(g);
    EXPECT_GE(pal::contrast_ratio(line, pal::white()), 3.0) << "goal " << g;
    EXPECT_EQ(line, pal::series_color(g)) << "goal " << g;
    // The goal band: text and background at least 4.5:1.
    const h::Filled band = h::filled(h::goal_colour(g));
    EXPECT_GE(pal::contrast_ratio(band.text, band.background), 4.5) << "goal " << g;
    for (std::size_t i = 0; i < 6; ++i) {
      // Chart series: the same colour, marker and dash as the PDF draws.
      const pal::SeriesStyle s = h::series_style(g, i), shared = pal::chart_series(g, i);
      EXPECT_EQ(s.color, shared.color);
      EXPECT_EQ(s.marker, shared.marker);
      EXPECT_EQ(s.dash, shared.dash);
      EXPECT_GE(pal::contrast_ratio(s.color, pal::white()), 3.0);
    }
  }
  EXPECT_EQ(h::filled(h::Colour::hex(0xFCC30B)).text, pal::near_black());  // goal 7 yellow: dark text
  EXPECT_EQ(h::filled(h::Colour::hex(0x19486A)).text, pal::white());       // goal 17 navy: white text
  EXPECT_EQ(h::css(h::Colour::hex(0x00689D)), "#00689d");
  for (sdg::ProgressStatus p : {sdg::ProgressStatus::Moderate, sdg::ProgressStatus::Limited})
    EXPECT_GE(pal::contrast_ratio(h::filled(h::progress_colour(p)).text, h::filled(h::progress_colour(p)).background),
              4.5);
}

TEST(HtmlEmbed, Base64) {
  EXPECT_EQ(h::base64(""), "");
  EXPECT_EQ(h::base64("f"), "Zg==");
  EXPECT_EQ(h::base64("fo"), "Zm8=");
  EXPECT_EQ(h::base64("foo"), "Zm9v");
  EXPECT_EQ(h::base64("foobar"), "Zm9vYmFy");
}
