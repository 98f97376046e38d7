// PDF writer (private): page composition: vertical space, keeping a block on one
// page, and flowing wrapped lines across page breaks (orphans and widows).
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <cmath>

#include "layout_constants.hpp"
#include "pagination.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

Renderer::Renderer(PdfMemDocument& doc, Canvas& canvas, Context& ctx, std::string lang)
    : doc_(doc), c_(canvas), fonts_(canvas.fonts()), ctx_(ctx), lang_(std::move(lang)) {
  c_.set_page_label(label(Label::Page, lang_));
  c_.set_document_lang(language_tag(lang_));
  resolver_.footnote = [this](const Inline& ref) { return note_number(ref); };
  resolver_.reference_text = [this](const Inline& ref) { return reference_text(ref); };
  c_.on_page_end([this] { draw_page_notes(); });
}

// ---------------------------------------------------------------- footnotes and references

namespace {
constexpr double kNoteSeparator = 12;  // room above the first note of a page (rule and gap)
constexpr double kNoteGap = 2;         // between notes
const TextStyle kNoteStyle{Face::Regular, kNoteSize, colors::ink};
}  // namespace

void Renderer::set_targets(const Targets* targets, std::map<std::string, std::string> pages) {
  targets_ = targets;
  target_pages_ = std::move(pages);
}

std::map<std::string, std::string> Renderer::anchor_pages() const {
  std::map<std::string, std::string> out;
  for (const auto& [id, a] : c_.anchors()) out[id] = c_.page_number(a.page);
  return out;
}

int Renderer::note_number(const Inline& ref) {
  notes_.push_back(&ref.children);
  return static_cast<int>(notes_.size());
}

std::string Renderer::reference_text(const Inline& ref) const {
  const RefTarget* t = targets_ ? find_target(*targets_, ref.url) : nullptr;
  if (!t) return ref.url;
  if (ref.text == "page") {
    if (auto it = target_pages_.find(t->id); it != target_pages_.end()) return page_reference_text(it->second, lang_);
  }
  return sdg::reference_text(*t, lang_);
}

double Renderer::note_height(int n) const {
  const Inlines& text = *notes_[static_cast<std::size_t>(n - 1)];
  auto spans = flatten(text, kNoteStyle, colors::link);
  spans.insert(spans.begin(), Span{kNoteStyle, std::to_string(n) + " ", {}, false});
  return static_cast<double>(break_lines(spans, c_.page_width(), fonts_.measure()).size()) * kNoteLeading + kNoteGap;
}

std::vector<int> Renderer::notes_in(const Line& line) {
  std::vector<int> out;
  for (const Fragment& f : line.fragments)
    if (int n = footnote_of(f.url); n > 0 && (out.empty() || out.back() != n)) out.push_back(n);
  return out;
}

void Renderer::draw_page_notes() {
  if (page_notes_.empty()) return;
  const double x = c_.page_left();
  double y = c_.geometry().margin_bottom + c_.reserved_bottom();
  c_.begin_artifact();
  c_.stroke_line(x, y - 5, x + c_.page_width() / 3, y - 5, 0.5, colors::rule);
  c_.end_artifact();
  y -= kNoteSeparator;
  for (const PageNote& pn : page_notes_) {
    const Inlines& text = *notes_[static_cast<std::size_t>(pn.number - 1)];
    // The number links back to the reference; the text may hold links of its own.
    TextStyle num = kNoteStyle;
    num.color = colors::link;
    auto spans = flatten(text, kNoteStyle, colors::link, &resolver_);
    spans.insert(spans.begin(), Span{kNoteStyle, " ", {}, false});
    spans.insert(spans.begin(), Span{num, std::to_string(pn.number), footnote_ref_anchor(pn.number), false});
    c_.set_anchor(footnote_anchor(pn.number).substr(1), c_.page_index(), y + 2);
    c_.enter(pn.node);
    for (const Line& l : break_lines(spans, c_.page_width(), fonts_.measure())) {
      c_.line(x, baseline_in(y, kNoteLeading, kNoteSize), l);
      y -= kNoteLeading;
    }
    c_.leave();
    y -= kNoteGap;
  }
  page_notes_.clear();
}

// ---------------------------------------------------------------- flow helpers

void Renderer::space(double gap) {
  pending_space_ = std::max(pending_space_, gap);
}

void Renderer::place(double h) {
  if (!c_.has_page()) c_.new_page();
  if (c_.at_top()) {
    pending_space_ = 0;
    return;
  }
  if (!c_.fits(pending_space_ + h)) {
    c_.new_page();
  } else {
    c_.move_down(pending_space_);
  }
  pending_space_ = 0;
}

void Renderer::page_break() {
  if (c_.has_page() && !c_.at_top()) c_.new_page();
  pending_space_ = 0;
}

double Renderer::baseline_in(double top, double leading, double size) const {
  return top - (leading - size * 1.164) / 2 - size * 0.928;
}

void Renderer::flush_marker(double baseline) {
  if (marker_.empty()) return;
  const TextStyle st{Face::Regular, kBodySize, marker_numeric_ ? colors::ink : colors::muted};
  const double w = fonts_.width(st, marker_);
  const double x = marker_numeric_ ? c_.left() - 5 - w : c_.left() - 11;
  if (marker_node_ >= 0) c_.enter(marker_node_);
  c_.text(x, baseline, st, marker_);
  if (marker_node_ >= 0) c_.leave();
  marker_.clear();
  marker_node_ = -1;
}

void Renderer::draw_lines(const std::vector<Line>& lines, double leading, double x, double width,
                          bool right_align) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // A line with footnote markers needs room for their notes at the foot of its page.
    const std::vector<int> notes = notes_in(lines[i]);
    double note_room = 0;
    for (int n : notes) note_room += note_height(n);
    if (!notes.empty() && page_notes_.empty()) note_room += kNoteSeparator;
    if (!c_.fits(leading + note_room) && !c_.at_top()) c_.new_page();
    if (!notes.empty() && page_notes_.empty()) note_room = kNoteSeparator;
    else note_room = 0;
    double size = kBodySize;
    if (!lines[i].fragments.empty()) size = lines[i].fragments.front().style.size;
    const double base = baseline_in(c_.y(), leading, size);
    if (i == 0) flush_marker(base);
    const double dx = right_align ? width - lines[i].width : 0;
    c_.line(x + dx, base, lines[i]);
    for (int n : notes) {
      c_.set_anchor(footnote_ref_anchor(n).substr(1), c_.page_index(), c_.y());
      const int node = c_.add_element("Note");
      c_.tree().node(node).id = "sdg-fn-" + std::to_string(n);
      page_notes_.push_back({n, node});
      note_room += note_height(n);
    }
    c_.reserve_bottom(note_room);
    c_.move_down(leading);
  }
}

void Renderer::flow(const std::vector<Span>& spans, double leading, double x, double width,
                    bool keep_two_lines) {
  const auto lines = break_lines(spans, width, fonts_.measure());
  if (!c_.has_page()) c_.new_page();
  // With footnotes, lines move to the next page as their notes need room
  // (draw_lines), so the orphan and widow rules cannot be planned ahead.
  const bool has_notes = std::any_of(spans.begin(), spans.end(), [](const Span& s) { return footnote_of(s.url) != 0; });
  if (has_notes) {
    place(leading);
    draw_lines(lines, leading, x, width);
    return;
  }
  // Lines per page by the orphan/widow rules (pagination.hpp).
  const double gap = c_.at_top() ? 0 : pending_space_;
  const std::size_t first = lines_fitting(c_.y() - gap - c_.bottom(), leading);
  const std::size_t per_page = lines_fitting(c_.top() - c_.bottom(), leading);
  const auto pages = paginate_lines(lines.size(), first, per_page, keep_two_lines);
  std::size_t at = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (pages[p] == 0) continue;
    if (at == 0) {
      if (p > 0) c_.new_page();
      place(static_cast<double>(pages[p]) * leading);
    } else {
      c_.new_page();
    }
    const auto from = lines.begin() + static_cast<std::ptrdiff_t>(at);
    draw_lines({from, from + static_cast<std::ptrdiff_t>(pages[p])}, leading, x, width);
    at += pages[p];
  }
}

double Renderer::page_title(const std::string& title) {
  c_.new_page(PageStyle::Opening);
  pending_space_ = 0;
  outline_.push_back({1, title, c_.page_index(), c_.geometry().height});
  page_landing_[title] = {c_.page_index(), c_.geometry().height};
  c_.begin_content("H1");
  const TextStyle tit{Face::UiBold, 24, colors::ink};
  const double y = c_.top();
  c_.text(c_.left(), baseline_in(y, 29, 24), tit, title);
  c_.end_content();
  c_.fill_rect(c_.left(), y - 29 - 10, 48, 2.5, accent_);
  last_heading_ = 1;
  return y - 29;
}

}  // namespace sdg::pdf
