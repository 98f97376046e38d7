// PDF writer (private): pages, the vertical cursor, indentation, page furniture
// and the drawing primitives every block uses.
//
// PoDoFo 0.9.8 gotcha: a PdfPage* from CreatePage() goes stale on the next
// CreatePage(). The canvas paints one page at a time, finishes it before
// creating the next, and keeps only page indices; look pages up with
// doc.GetPage(i) once all exist (outlines, internal links).
//
// Tagging seam: every block is drawn between begin_content(role) and
// end_content(), and furniture between begin_artifact() and end_artifact().
// They emit nothing yet; PDF/UA tagging will write BDC/EMC there (and close and
// reopen open marked content across page breaks in new_page()).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fonts.hpp"
#include "layout.hpp"
#include "style.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfPainter;
class PdfPage;
}  // namespace PoDoFo

namespace sdg::pdf {

struct PageGeometry {
  double width = 595.276, height = 841.89;  // A4
  double margin_left = 66, margin_right = 66, margin_top = 76, margin_bottom = 72;
  static PageGeometry a4();
  static PageGeometry letter();
};

/// What is printed around the content of a page.
enum class PageStyle {
  Cover,    ///< nothing
  Opening,  ///< a chapter's first page: footer only
  Normal,   ///< running header and footer
};

class Canvas {
 public:
  Canvas(PoDoFo::PdfMemDocument& doc, Fonts& fonts, PageGeometry g);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  // ---- pages
  /// Finishes the current page (if any) and starts a new one.
  void new_page(PageStyle style = PageStyle::Normal);
  /// Finishes the last page. Call once, before using doc.GetPage().
  void finish();
  bool has_page() const noexcept { return page_ != nullptr; }
  int page_index() const noexcept { return page_count_ - 1; }  ///< 0-based, current page
  int page_count() const noexcept { return page_count_; }
  const PageGeometry& geometry() const noexcept { return g_; }

  /// Running header text (the chapter title) and the word for "Page".
  void set_running_header(std::string text) { running_header_ = std::move(text); }
  void set_page_label(std::string label) { page_label_ = std::move(label); }

  // ---- vertical cursor, in PDF coordinates (y grows upwards)
  double y() const noexcept { return y_; }
  void set_y(double y) noexcept { y_ = y; }
  void move_down(double dy) noexcept { y_ -= dy; }
  double top() const noexcept { return g_.height - g_.margin_top; }
  double bottom() const noexcept { return g_.margin_bottom; }
  bool at_top() const noexcept { return y_ >= top() - 0.01; }
  bool fits(double h) const noexcept { return y_ - h >= bottom() - 0.01; }
  /// Starts a new page unless `h` fits below the cursor; true if it did.
  bool ensure(double h);

  // ---- horizontal frame (indentation for lists and quotes)
  double left() const noexcept { return g_.margin_left + indent_; }
  double right() const noexcept { return g_.width - g_.margin_right; }
  double width() const noexcept { return right() - left(); }
  double page_left() const noexcept { return g_.margin_left; }
  double page_width() const noexcept { return g_.width - g_.margin_left - g_.margin_right; }
  void push_indent(double d) {
    indents_.push_back(d);
    indent_ += d;
  }
  void pop_indent() {
    indent_ -= indents_.back();
    indents_.pop_back();
  }

  /// A vertical rule at x that follows the content down across page breaks (quotes).
  void open_rule(double x, const Color& c, double width);
  void close_rule();

  // ---- drawing
  PoDoFo::PdfPainter& painter();
  Fonts& fonts() noexcept { return fonts_; }
  void text(double x, double baseline, const TextStyle& style, std::string_view utf8_text);
  /// Draws one laid-out line; link fragments get a URI annotation.
  void line(double x, double baseline, const Line& line);
  void fill_rect(double x, double y, double w, double h, const Color& c);
  void stroke_line(double x1, double y1, double x2, double y2, double width, const Color& c);
  void link(double x, double y, double w, double h, const std::string& url);

  // ---- tagging seam (no output yet)
  void begin_content(const char* role);
  void end_content();
  void begin_artifact();
  void end_artifact();

 private:
  void draw_furniture(PageStyle style);
  void draw_open_rules(double to);  // open rules down to the cursor (not below `to`)

  PoDoFo::PdfMemDocument& doc_;
  Fonts& fonts_;
  PageGeometry g_;
  std::unique_ptr<PoDoFo::PdfPainter> painter_;
  PoDoFo::PdfPage* page_ = nullptr;  // valid until the next CreatePage()
  int page_count_ = 0;
  double y_ = 0;
  double indent_ = 0;
  std::vector<double> indents_;
  std::string running_header_;
  std::string page_label_ = "Page";
  struct Rule {
    double x;
    Color color;
    double width;
    double start;  // y where it starts on the current page
  };
  std::vector<Rule> rules_;
  std::vector<std::string> roles_;
};

/// A URI made safe for a PDF string: bytes outside printable ASCII percent-encoded.
std::string ascii_uri(std::string_view url);

}  // namespace sdg::pdf
