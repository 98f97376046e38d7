#include "canvas.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cstdio>

#include "page_tree.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"

namespace sdg::pdf {

using namespace PoDoFo;

/// PdfPainter with access to its content stream: the canvas writes most
/// operators itself (content_stream.hpp) and appends them in one piece.
class RawPainter : public PdfPainter {
 public:
  void append_raw(const std::string& s) { m_pCanvas->Append(s); }
  void add_font(PdfFont* f) { AddToPageResources(f->GetIdentifier(), f->GetObject()->Reference(), PdfName("Font")); }
};

PageGeometry PageGeometry::a4() {
  return {};
}

PageGeometry PageGeometry::letter() {
  PageGeometry g;
  g.width = 612;
  g.height = 792;
  g.margin_left = g.margin_right = 72;
  return g;
}

std::string ascii_uri(std::string_view url) {
  std::string out;
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c > 0x20 && c < 0x7F) {
      out += ch;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

Canvas::Canvas(PdfMemDocument& doc, Fonts& fonts, PageGeometry g)
    : doc_(doc), fonts_(fonts), g_(g), painter_(std::make_unique<RawPainter>()) {}

Canvas::~Canvas() {
  // Never throw from here: finish() is called explicitly on the normal path.
  if (page_ != nullptr) {
    try {
      painter_->FinishPage();
    } catch (...) {
    }
  }
}

std::string Canvas::page_number(int index) const {
  if (index < main_start_) return roman(index + 1);
  return std::to_string(index - main_start_ + 1);
}

void Canvas::end_page() {
  if (page_end_ && !in_page_end_) {
    in_page_end_ = true;
    page_end_();
    in_page_end_ = false;
  }
  draw_open_rules(bottom());
  close_mark();
  flush();
  painter_->FinishPage();
  page_ = nullptr;
  owned_page_.reset();
}

void Canvas::new_page(PageStyle style) {
  if (page_ != nullptr) end_page();
  owned_page_ = append_page(doc_, PdfRect(0, 0, g_.width, g_.height));  // O(1), unlike CreatePage
  page_ = owned_page_.get();
  cur_page_ = page_count_++;
  next_mcid_.push_back(0);
  reserved_bottom_ = 0;
  painter_->SetPage(page_);
  painter_->SetPrecision(3);
  start_stream(true);
  y_ = top();
  for (Rule& r : rules_) r.start = y_;
  draw_furniture(style);
}

void Canvas::reopen(int index) {
  if (page_ != nullptr) end_page();
  page_ = doc_.GetPage(index);
  cur_page_ = index;
  painter_->SetPage(page_);
  painter_->SetPrecision(3);
  start_stream(false);  // the page's stream has content: nothing may go before it
  y_ = top();
}

void Canvas::finish() {
  if (page_ == nullptr) return;
  end_page();
}

bool Canvas::ensure(double h) {
  if (page_ != nullptr && fits(h)) return false;
  new_page();
  return true;
}

void Canvas::open_rule(double x, const Color& c, double width) {
  rules_.push_back({x, c, width, y_});
}

void Canvas::close_rule() {
  const Rule r = rules_.back();
  if (r.start - y_ > 0.5) stroke_line(r.x, r.start, r.x, y_, r.width, r.color);
  rules_.pop_back();
}

void Canvas::draw_open_rules(double to) {
  for (const Rule& r : rules_)
    if (r.start - y_ > 0.5) stroke_line(r.x, r.start, r.x, std::max(y_, to), r.width, r.color);
}

void Canvas::start_stream(bool fresh) {
  content_.reset();
  background_.reset();
  backgrounds_first_ = fresh;
  open_ = Open::None;
  open_node_ = -1;
  direct_ = false;
  page_fonts_.clear();
}

void Canvas::leave_text() {
  if (content_.mark_inside_text()) close_mark();
  content_.end_text();
}

void Canvas::flush() {
  leave_text();
  if (!background_.bytes().empty()) {
    painter_->append_raw("/Artifact BMC\n" + background_.bytes() + "EMC\n");
    background_.reset();
  }
  if (!content_.bytes().empty()) painter_->append_raw(content_.bytes());
  content_.clear();
}

void Canvas::drawn() {
  if (!direct_) return;
  // The caller holds painter() and writes to the stream between our operators.
  flush();
  content_.forget_state();
}

PdfPainter& Canvas::painter() {
  leave_text();
  mark(false);
  flush();
  content_.forget_state();
  direct_ = true;  // until the page ends, our operators go out at once
  backgrounds_first_ = false;
  return *painter_;
}

// ---------------------------------------------------------------- marked content

std::pair<Canvas::Open, int> Canvas::wanted(bool graphic) const {
  const int node = stack_.back();
  if (artifact_depth_ > 0 || (graphic && !graphics_content_) || node == StructTree::kRoot) return {Open::Artifact, -1};
  return {Open::Content, node};
}

void Canvas::mark(bool graphic) {
  const auto [want, node] = wanted(graphic);
  if (want == Open::Content && !pending_anchors_.empty() && !in_page_end_) {
    // The first content after anchor(): a little above the cursor, so the target's top shows.
    for (const std::string& id : pending_anchors_) set_anchor(id, cur_page_, std::min(y_ + 6, g_.height));
    pending_anchors_.clear();
  }
  if (want == open_ && node == open_node_) return;
  close_mark();
  if (want == Open::Artifact) {
    content_.begin_marked("/Artifact BMC\n");
  } else {
    const int mcid = next_mcid_[static_cast<std::size_t>(cur_page_)]++;
    content_.begin_marked("/" + tree_.node(node).role + "<</MCID " + std::to_string(mcid) + ">>BDC\n");
    tree_.add_mcr(node, cur_page_, mcid);
  }
  open_ = want;
  open_node_ = node;
  drawn();
}

void Canvas::close_mark() {
  if (open_ == Open::None) return;
  content_.end_marked();
  drawn();
  open_ = Open::None;
  open_node_ = -1;
}

std::string Canvas::lang_of(int node) const {
  for (int n = node; n >= 0; n = tree_.node(n).parent)
    if (!tree_.node(n).lang.empty()) return tree_.node(n).lang;
  return doc_lang_;
}

int Canvas::begin_content(const char* role) {
  const int parent = stack_.back();
  const int id = tree_.add(parent, role);
  const std::string& want = lang_.empty() ? doc_lang_ : lang_;
  if (!want.empty() && want != lang_of(parent)) tree_.node(id).lang = want;
  stack_.push_back(id);
  return id;
}

void Canvas::end_content() {
  if (stack_.size() > 1) stack_.pop_back();
}

int Canvas::add_element(const char* role) {
  return tree_.add(stack_.back(), role);  // Link, Lbl, Reference: the language of their parent
}

void Canvas::enter(int node) {
  stack_.push_back(node);
}

void Canvas::leave() {
  if (stack_.size() > 1) stack_.pop_back();
}

void Canvas::begin_artifact() {
  ++artifact_depth_;
}

void Canvas::end_artifact() {
  if (artifact_depth_ > 0) --artifact_depth_;
}

// ---------------------------------------------------------------- drawing

void Canvas::text(double x, double baseline, const TextStyle& style, std::string_view text_in) {
  if (text_in.empty()) return;
  const std::string_view utf8_text = fonts_.drawable(style, text_in, drawable_);
  if (const char32_t cp = fonts_.missing_glyph(style, utf8_text)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    std::string ch;
    append_utf8(ch, cp);
    throw Error(ErrorCode::Output, "character '" + ch + "' (" + code + ") is not in the theme font " +
                                       fonts_.file(style) + "; it occurs on page " + page_number(cur_page_) +
                                       " in \"" + std::string(utf8_text) +
                                       "\" (choose a font that has it, or remove the theme's font)");
  }
  if (!direct_ && !content_.in_text()) {
    // Text object first, marked content inside it, so that the next runs (the
    // next cells of a table row) can share it.
    if (wanted(false) != std::pair{open_, open_node_}) close_mark();
    content_.begin_text();
  }
  mark(false);
  PdfFont* f = fonts_.font(style);
  if (std::find(page_fonts_.begin(), page_fonts_.end(), f) == page_fonts_.end()) {
    painter_->add_font(f);
    page_fonts_.push_back(f);
  }
  fonts_.encode(style, utf8_text, glyphs_);
  content_.fill_color(style.color);
  content_.text(f->GetIdentifier().GetName(), style.size, x, baseline + style.rise, glyphs_);
  drawn();
}

void Canvas::line(double x, double baseline, const Line& ln) {
  for (const Fragment& f : ln.fragments) {
    if (f.url.empty() || artifact_depth_ > 0) {
      text(x + f.x, baseline, f.style, f.text);
      continue;
    }
    if (f.url.starts_with('#')) {
      // Internal: a footnote marker is a Reference holding its Link; a
      // cross-reference a Link. Both get a GoTo destination in resolve_links().
      std::string contents = f.text;
      while (!contents.empty() && contents.back() == ' ') contents.pop_back();
      const bool note = footnote_of(f.url) != 0;
      const auto& kids = tree_.node(stack_.back()).kids;
      const bool same = !note && last_link_ >= 0 && last_link_url_ == f.url && !kids.empty() &&
                        kids.back().kind == StructTree::Kid::Kind::Node && kids.back().node == last_link_;
      if (!same) {
        if (note) {
          enter(add_element("Reference"));
          last_link_ = add_element("Link");
          leave();
        } else {
          last_link_ = add_element("Link");
        }
        last_link_url_ = f.url;
      }
      enter(last_link_);
      text(x + f.x, baseline, f.style, f.text);
      const double asc = fonts_.ascent(f.style), desc = fonts_.descent(f.style);
      internal_link(x + f.x, baseline + f.style.rise + desc, f.width, asc - desc, f.url.substr(1), last_link_,
                    note ? "Footnote " + contents : contents);
      leave();
      if (note) last_link_ = -1;
      continue;
    }
    // One Link element per run of fragments with the same URL in the same element.
    const auto& kids = tree_.node(stack_.back()).kids;
    const bool same = last_link_ >= 0 && last_link_url_ == f.url && !kids.empty() &&
                      kids.back().kind == StructTree::Kid::Kind::Node && kids.back().node == last_link_;
    if (!same) {
      last_link_ = add_element("Link");
      last_link_url_ = f.url;
    }
    enter(last_link_);
    text(x + f.x, baseline, f.style, f.text);
    const double asc = fonts_.ascent(f.style), desc = fonts_.descent(f.style);
    std::string contents = f.text;
    while (!contents.empty() && contents.back() == ' ') contents.pop_back();
    link(x + f.x, baseline + desc, f.width, asc - desc, f.url, last_link_, contents);
    leave();
  }
}

void Canvas::fill_rect(double x, double y, double w, double h, const Color& c) {
  if (backgrounds_first_ && wanted(true).first == Open::Artifact) {
    background_.fill_color(c);
    background_.fill_rect(x, y, w, h);
    return;
  }
  leave_text();
  mark(true);
  content_.fill_color(c);
  content_.fill_rect(x, y, w, h);
  drawn();
}

void Canvas::stroke_line(double x1, double y1, double x2, double y2, double width, const Color& c) {
  leave_text();
  mark(true);
  content_.stroke_color(c);
  content_.line_width(width);
  content_.stroke_line(x1, y1, x2, y2);
  drawn();
}

namespace {

void finish_annotation(PdfAnnotation* a, const std::string& contents) {
  a->SetBorderStyle(0, 0, 0);
  a->SetFlags(ePdfAnnotationFlags_Print);
  // PDF/UA: a link's alternate description goes in /Contents.
  if (!contents.empty()) a->SetContents(utf8(contents));
  // PoDoFo stamps the wall clock into /M; it is optional, so drop it (reproducible output).
  a->GetObject()->GetDictionary().RemoveKey(PdfName("M"));
}

}  // namespace

void Canvas::link(double x, double y, double w, double h, const std::string& url, int node,
                  const std::string& contents) {
  if (w <= 0 || h <= 0) return;
  PdfAnnotation* a = page_->CreateAnnotation(ePdfAnnotation_Link, PdfRect(x, y, w, h));
  PdfAction action(ePdfAction_URI, &doc_);
  action.SetURI(PdfString(ascii_uri(url)));
  a->SetAction(action);
  finish_annotation(a, contents.empty() ? url : contents);
  page_->GetObject()->GetDictionary().AddKey(PdfName("Tabs"), PdfName("S"));
  tree_.add_objr(node, cur_page_, a->GetObject());
}

void Canvas::internal_link(double x, double y, double w, double h, const std::string& target, int node,
                           const std::string& contents) {
  if (w <= 0 || h <= 0) return;
  PdfAnnotation* a = page_->CreateAnnotation(ePdfAnnotation_Link, PdfRect(x, y, w, h));
  finish_annotation(a, contents.empty() ? target : contents);
  page_->GetObject()->GetDictionary().AddKey(PdfName("Tabs"), PdfName("S"));
  tree_.add_objr(node, cur_page_, a->GetObject());
  internal_links_.emplace_back(a->GetObject(), target);
}

std::vector<std::string> Canvas::resolve_links(const std::function<std::string(const std::string&)>& canonical) {
  std::vector<std::string> missing;
  for (const auto& [annot, target] : internal_links_) {
    auto it = anchors_.find(target);
    if (it == anchors_.end()) it = anchors_.find(canonical(target));
    Anchor at{0, g_.height};
    if (it != anchors_.end()) at = it->second;
    else missing.push_back(target);
    PdfArray dest;
    dest.push_back(doc_.GetPage(at.page)->GetObject()->Reference());
    dest.push_back(PdfName("XYZ"));
    dest.push_back(PdfVariant(0.0));
    dest.push_back(PdfVariant(at.y));
    dest.push_back(PdfVariant(0.0));
    annot->GetDictionary().AddKey(PdfName("Dest"), dest);
  }
  return missing;
}

void Canvas::goto_link(double x, double y, double w, double h, int page, double dest_y, int node,
                       const std::string& contents) {
  if (w <= 0 || h <= 0) return;
  PdfAnnotation* a = page_->CreateAnnotation(ePdfAnnotation_Link, PdfRect(x, y, w, h));
  a->SetDestination(PdfDestination(doc_.GetPage(page), 0, dest_y, 0));
  finish_annotation(a, contents);
  page_->GetObject()->GetDictionary().AddKey(PdfName("Tabs"), PdfName("S"));
  tree_.add_objr(node, cur_page_, a->GetObject());
}

void Canvas::draw_furniture(PageStyle style) {
  if (style == PageStyle::Cover) return;
  begin_artifact();
  const TextStyle small{Face::UiRegular, 8, colors::muted};
  const double l = g_.margin_left, r = g_.width - g_.margin_right;
  // Footer: thin rule, page number at the outer edge.
  const double fy = g_.margin_bottom - 34;
  stroke_line(l, fy + 12, r, fy + 12, 0.4, colors::rule);
  const std::string num = page_label_ + " " + page_number(cur_page_);
  text(r - fonts_.width(small, num), fy, small, num);
  if (style == PageStyle::Normal && !running_header_.empty()) {
    const double hy = g_.height - g_.margin_top + 30;
    double text_r = r;
    if (header_logo_ != nullptr && header_logo_->GetHeight() > 0) {
      // The logo sits on the rule at the right, as tall as the head's text band.
      constexpr double kLogoHeight = 14;
      const double s = kLogoHeight / header_logo_->GetHeight();
      const double lw = header_logo_->GetWidth() * s;
      // PoDoFo draws the image straight into the page stream: put our buffered
      // operators (the open artifact included) before it, as painter() does,
      // without switching the rest of the page to direct mode.
      leave_text();
      mark(true);
      flush();
      content_.forget_state();
      painter_->DrawImage(r - lw, hy - 3, header_logo_, s, s);
      text_r = r - lw - 8;
    }
    text(l, hy, small, ellipsize(running_header_, text_r - l, small, fonts_.measure()));
    stroke_line(l, hy - 6, r, hy - 6, 0.4, colors::rule);
  }
  end_artifact();
}

}  // namespace sdg::pdf
