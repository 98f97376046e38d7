// PDF writer (private): inline runs → styled spans → lines broken by measured width.
//
// Independent of PoDoFo: text is measured through a callback, so the line breaker
// can be unit-tested with a fake measure (tests/unit/test_pdf_layout.cpp).
//
//   auto spans = flatten(para.content, body_style, colors::link);
//   auto lines = break_lines(spans, 400.0, [&](const TextStyle& s, std::string_view t) {
//     return fonts.width(s, t); });
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/model.hpp"
#include "style.hpp"

namespace sdg::pdf {

/// Font faces. Body faces follow the `font` option (sans or serif); Ui faces are
/// always sans (headings, tables, captions, page furniture).
enum class Face { Regular, Bold, Italic, BoldItalic, Mono, UiRegular, UiBold, UiItalic };

struct TextStyle {
  Face face = Face::Regular;
  double size = 10;
  Color color = colors::ink;
  double rise = 0;  ///< baseline shift upwards (footnote markers)
  bool operator==(const TextStyle&) const = default;
};

/// A run of text in one style; `url` set inside links; `line_break` for a hard break.
struct Span {
  TextStyle style;
  std::string text;
  std::string url;
  bool line_break = false;
};

/// Width of `text` in points when set in `style`.
using Measure = std::function<double(const TextStyle&, std::string_view)>;

/// A piece of one line in one style, at x offset from the line start.
struct Fragment {
  TextStyle style;
  std::string text;  ///< may end with a space (kept so extracted text keeps word gaps)
  std::string url;
  double x = 0;
  double width = 0;  ///< width of text without a trailing space
};

struct Line {
  std::vector<Fragment> fragments;
  double width = 0;  ///< width of the line without trailing space
};

/// How flatten() shows footnotes and cross-references. Without one, footnotes
/// are left out and a reference shows its own text (or its target id).
struct InlineResolver {
  /// The number of a FootnoteRef (called once per reference, in reading order).
  std::function<int(const Inline&)> footnote;
  /// Generated text of a CrossRef without text of its own ("Table 3", "page 12").
  std::function<std::string(const Inline&)> reference_text;
};

/// Internal link targets in Span::url: "#<id>" for cross-references, and for
/// footnote n "#sdg-fn-n" (the note, from its marker) and "#sdg-fnref-n" (back).
std::string footnote_anchor(int n);
std::string footnote_ref_anchor(int n);
/// The footnote number of a marker's url ("#sdg-fn-3" → 3), 0 for any other url.
int footnote_of(std::string_view url);

/// Turns inline runs into spans: emphasis → italic, strong → bold, code → mono,
/// links → `link_color` and their URL; a footnote → its number, smaller and raised,
/// linked to the note; a cross-reference → a link "#<target id>".
std::vector<Span> flatten(const Inlines& runs, const TextStyle& base, const Color& link_color,
                          const InlineResolver* resolver = nullptr);

/// Spans of one plain string.
std::vector<Span> plain(std::string text, const TextStyle& style);

/// Greedy line breaking at spaces; a word wider than `max_width` is broken
/// between characters. Never returns a line wider than max_width unless one
/// character alone is wider. Returns at least one (possibly empty) line.
std::vector<Line> break_lines(const std::vector<Span>& spans, double max_width, const Measure& measure);

/// Widest unbreakable word (for table column fitting) and the width on one line.
struct TextExtent {
  double longest_word = 0;
  double single_line = 0;
};
TextExtent measure_extent(const std::vector<Span>& spans, const Measure& measure);

/// UTF-8 code points of a string, each as its own string (invalid bytes kept one by one).
std::vector<std::string> utf8_chars(std::string_view s);

/// `text` shortened at a character boundary and ended with "…" so that it is at most
/// `max_width` wide in `style` (trailing spaces before the ellipsis dropped); `text`
/// itself when it fits, "" when not even "…" fits.
std::string ellipsize(std::string_view text, double max_width, const TextStyle& style,
                      const Measure& measure);

/// One entry of a chart legend: a swatch `swatch` points wide (swatch and gap to
/// the name), then the name.
struct LegendEntry {
  std::size_t index = 0;  ///< which name (series) this is
  std::string text;       ///< the name, shortened with "…" if it alone is too wide
  double x = 0;           ///< offset of the swatch from the legend's left edge
  double width = 0;       ///< swatch + name
};

/// Lays out legend entries in order, left to right, breaking onto a new line when
/// the next entry would end beyond `max_width`; entries on a line are `gap` apart.
/// Every entry is kept; only an entry that alone is wider than `max_width` has its
/// name shortened (ellipsize). No lines for no names.
std::vector<std::vector<LegendEntry>> break_legend(const std::vector<std::string>& names,
                                                   double max_width, const TextStyle& style,
                                                   const Measure& measure, double swatch,
                                                   double gap);

}  // namespace sdg::pdf
