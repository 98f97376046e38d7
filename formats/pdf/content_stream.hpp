// PDF writer (private): a page's content stream, written as terse operators
// into a byte buffer (no PoDoFo): PdfPainter writes every text run as its own
// BT … ET with Tf, Tz, Tc and the fill colour again, and formats numbers through
// an ostringstream; on a 500-page report that was a third of the run time and
// most of the page content's bytes.
//
// The writer remembers the graphics state it has set (fill and stroke colour,
// line width, font and size) and writes an operator only when the value changes;
// text runs share one text object (BT … ET) until something that may not appear
// inside one (a path, raw operators) closes it. Marked content may open inside a
// text object (table cells: one BT for a whole row of TD sequences); the caller
// keeps the nesting right: it opens the text object before a sequence that is to
// hold text, and closes a sequence opened inside a text object (EMC) before
// anything that ends the text object (mark_inside_text()). Coordinates are
// written in hundredths of a point (below any device's resolution), colours in
// thousandths; positions inside a text object are relative (Td) and exact, as
// both ends are whole hundredths.
//
//   ContentStream cs;
//   cs.fill_color({0.1, 0.1, 0.1});
//   cs.text("F1", 10, 66, 700, glyphs);   // glyphs: 2-byte glyph ids (Identity-H)
//   cs.raw("EMC\n");                      // closes the text object first
//   page_stream.append(cs.bytes()); cs.clear();
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "style.hpp"

namespace sdg::pdf {

class ContentStream {
 public:
  /// Bytes written since the last clear().
  const std::string& bytes() const noexcept { return out_; }
  /// Empties the buffer; the graphics state is kept (same page, same stream).
  void clear() noexcept { out_.clear(); }
  /// Forgets the graphics state (someone else wrote to the stream in between):
  /// the next operators set everything again.
  void forget_state() noexcept;
  /// A new stream (a new page, or a page reopened): no text object or marked
  /// content open, nothing known.
  void reset() noexcept;

  /// Appends operators as they are (marked content, images); ends a text object first.
  void raw(std::string_view ops);
  /// Opens a text object unless one is open.
  void begin_text();
  /// Ends the open text object, if any. Not while mark_inside_text().
  void end_text();
  bool in_text() const noexcept { return in_text_; }

  /// Opens a marked-content sequence ("/P<</MCID 3>>BDC\n", "/Artifact BMC\n"),
  /// inside the open text object if there is one; closes it (EMC), ending the
  /// text object first if the sequence began outside it.
  void begin_marked(std::string_view op);
  void end_marked();
  /// A sequence is open that began inside the open text object.
  bool mark_inside_text() const noexcept { return marked_open_ && marked_in_text_ && in_text_; }

  void fill_color(const Color& c);
  void stroke_color(const Color& c);
  void line_width(double w);
  /// A filled rectangle in the fill colour.
  void fill_rect(double x, double y, double w, double h);
  /// A straight line stroked in the stroke colour and line width.
  void stroke_line(double x1, double y1, double x2, double y2);
  /// Shows `glyphs` (big-endian 2-byte glyph ids) with font resource `font` at
  /// `size`, starting at (x, y), in the fill colour.
  void text(std::string_view font, double size, double x, double y, std::string_view glyphs);

 private:
  void number(std::int64_t hundredths);  // "12.5", "-3", "0.07"
  void coord(double v) { number(to_units(v)); }
  static std::int64_t to_units(double v);  // hundredths of a point, rounded
  void color(const Color& c, const char* op);

  std::string out_;
  bool in_text_ = false;
  bool marked_open_ = false, marked_in_text_ = false;
  std::int64_t tx_ = 0, ty_ = 0;  // start of the current text line (hundredths), inside BT
  // Graphics state as last written; `known_` false until set on this page.
  bool fill_known_ = false, stroke_known_ = false, width_known_ = false, font_known_ = false;
  std::uint32_t fill_ = 0, stroke_ = 0;  // colour as 3 × 10 bits of thousandths
  std::int64_t width_ = 0, font_size_ = 0;
  std::string font_;
};

}  // namespace sdg::pdf
