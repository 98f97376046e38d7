#include "content_stream.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sdg::pdf {

namespace {

/// A value with `decimals` implied decimals ("12.5" for 1250 with 2), trailing zeros dropped.
void append_fixed(std::string& out, std::int64_t v, int decimals) {
  if (v < 0) {
    out += '-';
    v = -v;
  }
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v / scale);
  out.append(buf, end);
  std::int64_t frac = v % scale;
  if (frac == 0) return;
  out += '.';
  for (std::int64_t d = scale / 10; d > 0 && frac > 0; d /= 10) {
    out += static_cast<char>('0' + frac / d);
    frac %= d;
  }
}

std::int64_t thousandths(double v) {
  if (!std::isfinite(v)) return 0;
  return std::llround(std::clamp(v, 0.0, 1.0) * 1000);
}

}  // namespace

std::int64_t ContentStream::to_units(double v) {
  if (!std::isfinite(v)) return 0;
  return std::llround(v * 100);
}

void ContentStream::number(std::int64_t hundredths) {
  append_fixed(out_, hundredths, 2);
}

void ContentStream::forget_state() noexcept {
  fill_known_ = stroke_known_ = width_known_ = font_known_ = false;
}

void ContentStream::reset() noexcept {
  out_.clear();
  in_text_ = marked_open_ = marked_in_text_ = false;
  forget_state();
}

void ContentStream::begin_text() {
  if (in_text_) return;
  out_ += "BT\n";
  in_text_ = true;
  tx_ = ty_ = 0;  // BT resets the text matrix
}

void ContentStream::begin_marked(std::string_view op) {
  out_ += op;
  marked_open_ = true;
  marked_in_text_ = in_text_;
}

void ContentStream::end_marked() {
  if (!marked_open_) return;
  if (!marked_in_text_) end_text();  // the sequence holds the whole text object
  out_ += "EMC\n";
  marked_open_ = marked_in_text_ = false;
}

void ContentStream::end_text() {
  if (!in_text_) return;
  out_ += "ET\n";
  in_text_ = false;
}

void ContentStream::raw(std::string_view ops) {
  end_text();
  out_ += ops;
}

void ContentStream::color(const Color& c, const char* op) {
  append_fixed(out_, thousandths(c.r), 3);
  out_ += ' ';
  append_fixed(out_, thousandths(c.g), 3);
  out_ += ' ';
  append_fixed(out_, thousandths(c.b), 3);
  out_ += op;
}

void ContentStream::fill_color(const Color& c) {
  const auto key = static_cast<std::uint32_t>(thousandths(c.r) << 20 | thousandths(c.g) << 10 | thousandths(c.b));
  if (fill_known_ && key == fill_) return;
  color(c, " rg\n");  // allowed inside a text object
  fill_ = key;
  fill_known_ = true;
}

void ContentStream::stroke_color(const Color& c) {
  const auto key = static_cast<std::uint32_t>(thousandths(c.r) << 20 | thousandths(c.g) << 10 | thousandths(c.b));
  if (stroke_known_ && key == stroke_) return;
  color(c, " RG\n");
  stroke_ = key;
  stroke_known_ = true;
}

void ContentStream::line_width(double w) {
  const std::int64_t units = to_units(w);
  if (width_known_ && units == width_) return;
  number(units);
  out_ += " w\n";
  width_ = units;
  width_known_ = true;
}

void ContentStream::fill_rect(double x, double y, double w, double h) {
  end_text();
  coord(x);
  out_ += ' ';
  coord(y);
  out_ += ' ';
  coord(w);
  out_ += ' ';
  coord(h);
  out_ += " re f\n";
}

void ContentStream::stroke_line(double x1, double y1, double x2, double y2) {
  end_text();
  coord(x1);
  out_ += ' ';
  coord(y1);
  out_ += " m ";
  coord(x2);
  out_ += ' ';
  coord(y2);
  out_ += " l S\n";
}

void ContentStream::text(std::string_view font, double size, double x, double y, std::string_view glyphs) {
  begin_text();
  const std::int64_t sz = to_units(size);
  if (!font_known_ || sz != font_size_ || font != font_) {
    out_ += '/';
    out_ += font;
    out_ += ' ';
    number(sz);
    out_ += " Tf\n";
    font_.assign(font);
    font_size_ = sz;
    font_known_ = true;
  }
  const std::int64_t ux = to_units(x), uy = to_units(y);
  number(ux - tx_);
  out_ += ' ';
  number(uy - ty_);
  out_ += " Td(";
  // A literal string of the raw glyph bytes: half the size of hex, and it
  // deflates better. Escaped: the delimiters, the backslash and CR (which a
  // reader would turn into LF).
  for (char ch : glyphs) {
    switch (ch) {
      case '(': out_ += "\\("; break;
      case ')': out_ += "\\)"; break;
      case '\\': out_ += "\\\\"; break;
      case '\r': out_ += "\\r"; break;
      default: out_ += ch;
    }
  }
  out_ += ")Tj\n";
  tx_ = ux;
  ty_ = uy;
}

}  // namespace sdg::pdf
