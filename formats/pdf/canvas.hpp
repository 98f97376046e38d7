// PDF writer (private): pages, the vertical cursor, indentation, page furniture
// and the drawing primitives every block uses.
//
// PoDoFo 0.9.8 gotcha: a PdfPage* from CreatePage() goes stale on the next
// CreatePage(). The canvas paints one page at a time, finishes it before
// creating the next, and keeps only page indices; look pages up with
// doc.GetPage(i) once all exist (outlines, internal links).
//
// Tagging (PDF/UA): every block is drawn between begin_content(role) and
// end_content(), which open and close a structure element (tagging.hpp), and
// furniture between begin_artifact() and end_artifact(). Marked content is
// written lazily: before each drawing operation the canvas makes sure the open
// marked-content sequence is the right one ("/P <</MCID n>> BDC" for the current
// element, "/Artifact BMC" for furniture and decoration) and closes it with EMC
// when it changes or the page ends. So sequences never nest, an element split
// by a page break simply gets one MCID per page, and nothing is ever drawn
// outside marked content. Rules and fills are decoration (artifacts) unless
// graphics_are_content() is on (charts); images drawn through painter() are
// content of the current element.
//
// Operators: text, fills and rules go through the canvas's own content stream
// writer (content_stream.hpp), not PdfPainter; a page's operators are handed to
// its stream when the page ends. Once painter() is handed out (charts, images),
// each of the canvas's operators goes to the stream at once, so the two never
// reorder. Decorative fills of a fresh page are collected and written first,
// as one artifact, under everything.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "content_stream.hpp"
#include "fonts.hpp"
#include "layout.hpp"
#include "style.hpp"
#include "tagging.hpp"

namespace PoDoFo {
class PdfMemDocument;
class PdfPainter;
class PdfPage;
class PdfObject;
class PdfImage;
class PdfFont;
}  // namespace PoDoFo

namespace sdg::pdf {

class RawPainter;  // a PdfPainter that can append raw operators (canvas.cpp)

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
  int page_index() const noexcept { return cur_page_; }  ///< 0-based, current page
  /// Paints again on an existing page (after finish(): the table of contents).
  void reopen(int index);
  /// Pages from here on are main matter (arabic page numbers from 1); earlier
  /// pages are front matter (roman numbers).
  void start_main_matter() noexcept { main_start_ = page_count_; }
  int main_start() const noexcept { return main_start_; }
  /// The printed number of a page: "iii" in front matter, "7" in main matter.
  std::string page_number(int index) const;
  int page_count() const noexcept { return page_count_; }
  const PageGeometry& geometry() const noexcept { return g_; }

  /// Running header text (the chapter title) and the word for "Page".
  void set_running_header(std::string text) { running_header_ = std::move(text); }
  /// A logo at the right end of the running head (theme: logo_in_header), drawn
  /// as part of the head's artifact; the caller keeps the image alive.
  void set_header_logo(PoDoFo::PdfImage* logo) { header_logo_ = logo; }
  void set_page_label(std::string label) { page_label_ = std::move(label); }

  // ---- vertical cursor, in PDF coordinates (y grows upwards)
  double y() const noexcept { return y_; }
  void set_y(double y) noexcept { y_ = y; }
  void move_down(double dy) noexcept { y_ -= dy; }
  double top() const noexcept { return g_.height - g_.margin_top; }
  /// Bottom of the text frame: the margin plus room reserved for footnotes on this page.
  double bottom() const noexcept { return g_.margin_bottom + reserved_bottom_; }
  /// Reserves `h` more points at the foot of the current page (footnotes); reset on a new page.
  void reserve_bottom(double h) noexcept { reserved_bottom_ += h; }
  double reserved_bottom() const noexcept { return reserved_bottom_; }
  /// Called when a page is about to end (before its marked content is closed), to
  /// draw what belongs at its foot (footnotes). It must not start a page.
  void on_page_end(std::function<void()> f) { page_end_ = std::move(f); }
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
  /// Draws one laid-out line; link fragments get a URI annotation and a Link element.
  void line(double x, double baseline, const Line& line);
  void fill_rect(double x, double y, double w, double h, const Color& c);
  void stroke_line(double x1, double y1, double x2, double y2, double width, const Color& c);
  /// A URI link annotation over the box, owned by structure element `node` (a Link).
  void link(double x, double y, double w, double h, const std::string& url, int node,
            const std::string& contents);
  /// An internal link annotation to the anchor `target` (set_anchor()), owned by
  /// `node`; its destination is filled in by resolve_links() once all pages exist.
  void internal_link(double x, double y, double w, double h, const std::string& target, int node,
                     const std::string& contents);
  /// Anchors: where ids landed. anchor() records `id` at the next content drawn
  /// (so a block that moves to the next page gets that page); set_anchor() directly.
  void anchor(const std::string& id) { pending_anchors_.push_back(id); }
  void set_anchor(const std::string& id, int page, double y) { anchors_.emplace(id, Anchor{page, y}); }
  struct Anchor {
    int page;
    double y;
  };
  const std::map<std::string, Anchor>& anchors() const noexcept { return anchors_; }
  /// Points every internal link at its anchor; returns the targets that have none
  /// (their links point at the first page).
  std::vector<std::string> resolve_links(const std::function<std::string(const std::string&)>& canonical);
  /// An internal link annotation to (page, y), owned by `node`.
  void goto_link(double x, double y, double w, double h, int page, double dest_y, int node,
                 const std::string& contents);

  // ---- tagging
  /// Language of parts: the document's language tag (the root's /Lang), and the
  /// language of the elements begun from now on ("" = the document's). An element
  /// gets /Lang when its language differs from its parent's.
  void set_document_lang(std::string tag) { doc_lang_ = std::move(tag); }
  const std::string& document_lang() const noexcept { return doc_lang_; }
  void set_lang(std::string tag) { lang_ = std::move(tag); }
  const std::string& lang() const noexcept { return lang_; }
  /// The language `node` is in (its own /Lang, else its parent's, else the document's).
  std::string lang_of(int node) const;
  /// Opens a structure element as the last child of the current one; returns its id.
  int begin_content(const char* role);
  void end_content();
  /// Creates a child element of the current one without making it current.
  int add_element(const char* role);
  /// Makes an existing element current until leave() (list labels, table cells).
  void enter(int node);
  void leave();
  int current() const noexcept { return stack_.back(); }
  StructTree& tree() noexcept { return tree_; }
  void begin_artifact();
  void end_artifact();
  /// While on, fills and rules are content of the current element (charts).
  void graphics_are_content(bool on) noexcept { graphics_content_ = on; }
  /// Makes the marked content right for drawing content of the current element
  /// (call before drawing with painter() directly).
  void mark_content() { mark(false); }

 private:
  void draw_furniture(PageStyle style);
  void start_stream(bool fresh);  // a page's stream starts (fresh) or is reopened: nothing known
  void flush();         // hands what content_ holds to the page's stream
  void leave_text();    // ends the text object (closing a sequence opened inside it)
  void drawn();         // after each operation: flushes at once while painter() is out
  void mark(bool graphic);  // open the right marked-content sequence
  void close_mark();        // EMC if one is open
  void end_page();
  void draw_open_rules(double to);  // open rules down to the cursor (not below `to`)

  PoDoFo::PdfMemDocument& doc_;
  Fonts& fonts_;
  PageGeometry g_;
  std::unique_ptr<RawPainter> painter_;
  ContentStream content_;  // operators of the current page not yet in its stream
  bool direct_ = false;    // painter() was handed out on this page
  // Decorative fills (zebra rows, boxes, bands) of a fresh page, written as one
  // artifact at the start of its stream: under everything, as they were, but
  // they no longer break the text objects and colours of the content.
  ContentStream background_;
  bool backgrounds_first_ = false;
  std::vector<PoDoFo::PdfFont*> page_fonts_;  // in the page's /Resources already
  std::string glyphs_;     // scratch for Fonts::encode()
  std::string drawable_;   // scratch for Fonts::drawable()
  PoDoFo::PdfPage* page_ = nullptr;  // the page being drawn (owned_page_, or doc.GetPage() when reopened)
  std::unique_ptr<PoDoFo::PdfPage> owned_page_;  // from append_page() (page_tree.hpp)
  int page_count_ = 0;
  double y_ = 0;
  double indent_ = 0;
  std::vector<double> indents_;
  std::string running_header_;
  PoDoFo::PdfImage* header_logo_ = nullptr;
  std::string page_label_ = "Page";
  struct Rule {
    double x;
    Color color;
    double width;
    double start;  // y where it starts on the current page
  };
  std::vector<Rule> rules_;
  int cur_page_ = -1;
  int main_start_ = 1 << 30;
  // tagging
  StructTree tree_;
  std::string doc_lang_;
  std::string lang_;
  std::vector<int> stack_{StructTree::kRoot};
  std::vector<int> next_mcid_;  // per page
  int artifact_depth_ = 0;
  bool graphics_content_ = false;
  enum class Open { None, Artifact, Content } open_ = Open::None;
  std::pair<Open, int> wanted(bool graphic) const;  // the sequence drawing needs now, and its element
  int open_node_ = -1;
  int last_link_ = -1;
  std::string last_link_url_;
  double reserved_bottom_ = 0;
  std::function<void()> page_end_;
  bool in_page_end_ = false;
  std::vector<std::string> pending_anchors_;
  std::map<std::string, Anchor> anchors_;
  std::vector<std::pair<PoDoFo::PdfObject*, std::string>> internal_links_;  // annotation, target id
};

/// A URI made safe for a PDF string: bytes outside printable ASCII percent-encoded.
std::string ascii_uri(std::string_view url);

}  // namespace sdg::pdf
