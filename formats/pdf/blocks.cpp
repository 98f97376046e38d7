// PDF writer (private): text blocks: paragraphs, lists, quotes, captions and
// source notes.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>

#include "layout_constants.hpp"
#include "pagination.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

// ---------------------------------------------------------------- text blocks

void Renderer::paragraph(const Inlines& content) {
  TextStyle st{Face::Regular, kBodySize, colors::ink};
  if (quote_depth_ > 0) st.color = Color::hex(0x3C4043);
  const auto spans = flatten(content, st, colors::link, &resolver_);
  // A figure waiting for the next page: this paragraph floats up into the gap
  // when it fits there, or flows across the break with the figure below it;
  // otherwise the figure comes first (pagination.hpp, float_step()). Paragraphs
  // with footnotes move lines as their notes need room, so they do not float.
  if (waiting_) {
    const bool notes =
        std::any_of(spans.begin(), spans.end(), [](const Span& s) { return footnote_of(s.url) != 0; });
    FloatStep step = FloatStep::FigureFirst;
    if (!notes && lists_.empty() && quote_depth_ == 0)
      step = float_step(break_lines(spans, c_.width(), fonts_.measure()).size(), kBodyLeading, room_left(),
                        c_.top() - c_.bottom(), figure_need(waiting_->box));
    if (step == FloatStep::FigureFirst)
      flush_figure();
    else
      waiting_->text_floated = true;
  }
  c_.begin_content("P");
  flow(spans, kBodyLeading, c_.left(), c_.width());
  c_.end_content();
  space(lists_.empty() ? kParaGap : kItemGap);
  // Past the break: the waiting figure goes below the paragraph's last lines.
  if (waiting_ && c_.page_index() != waiting_->page) flush_figure();
}

void Renderer::begin_list(const List& l) {
  space(lists_.empty() ? kParaGap : kItemGap);
  c_.push_indent(kListIndent);
  lists_.push_back({l.ordered, l.start});
  c_.begin_content("L");
}

void Renderer::begin_list_item(const List& l, std::size_t index) {
  (void)l;
  const ListState& st = lists_.back();
  marker_numeric_ = st.ordered;
  if (st.ordered) {
    marker_ = std::to_string(st.start + static_cast<int>(index)) + ".";
  } else {
    static const char* bullets[] = {"•", "–", "◦"};
    marker_ = bullets[(lists_.size() - 1) % 3];
  }
  space(kItemGap);
  c_.begin_content("LI");
  marker_node_ = c_.add_element("Lbl");
  c_.begin_content("LBody");
}

void Renderer::end_list_item() {
  c_.end_content();  // LBody
  // An item with no text block (empty, or only a table): still show its marker.
  if (!marker_.empty()) {
    place(kBodyLeading);
    flush_marker(baseline_in(c_.y(), kBodyLeading, kBodySize));
    c_.move_down(kBodyLeading);
  }
  c_.end_content();
}

void Renderer::end_list() {
  c_.end_content();
  lists_.pop_back();
  c_.pop_indent();
  space(lists_.empty() ? kParaGap : kItemGap);
}

void Renderer::begin_quote(const Where& w) {
  (void)w;
  space(kParaGap + 2);
  place(2 * kBodyLeading);
  flush_marker(baseline_in(c_.y(), kBodyLeading, kBodySize));
  c_.open_rule(c_.left() + 1.5, colors::rule, 2.5);
  c_.push_indent(kQuoteIndent);
  ++quote_depth_;
  c_.begin_content("BlockQuote");
}

void Renderer::end_quote() {
  c_.end_content();
  --quote_depth_;
  c_.pop_indent();
  c_.close_rule();
  pending_space_ = 0;
  space(kParaGap + 2);
}

// ---------------------------------------------------------------- captions and notes

void Renderer::caption(const std::string& what, int n, const std::string& text) {
  const TextStyle lab{Face::UiBold, kCaptionSize, colors::ink};
  const TextStyle txt{Face::UiRegular, kCaptionSize, colors::ink};
  std::vector<Span> spans{{lab, what + " " + std::to_string(n) + (text.empty() ? "" : ". "), {}, false}};
  if (!text.empty()) spans.push_back({txt, text, {}, false});
  c_.begin_content("Caption");
  flow(spans, kCaptionLeading, c_.left(), c_.width(), false);
  c_.end_content();
}

double Renderer::lines_height(const std::string& text, const TextStyle& style, double width,
                              double leading) const {
  return static_cast<double>(break_lines(plain(text, style), width, fonts_.measure()).size()) * leading;
}

std::vector<Span> Renderer::source_note_spans(const std::string& source, const std::string& url,
                                              const std::string& national_id) const {
  const TextStyle lab{Face::UiItalic, kNoteSize, colors::muted};
  std::vector<Span> spans;
  if (!national_id.empty()) spans.push_back({lab, label(Label::NationalIndicator, lang_) + " " + national_id + ". ", {}, false});
  if (!source.empty()) {
    spans.push_back({lab, label(Label::Source, lang_) + ": ", {}, false});
    const bool web = url.starts_with("https://") || url.starts_with("http://");
    TextStyle link = lab;
    if (web) link.color = colors::link;
    spans.push_back({link, source, web ? url : std::string(), false});
  }
  return spans;
}

double Renderer::source_note_height(const std::string& source, const std::string& url,
                                    const std::string& national_id) const {
  const auto spans = source_note_spans(source, url, national_id);
  if (spans.empty()) return 0;
  return 3 + static_cast<double>(break_lines(spans, c_.width(), fonts_.measure()).size()) * kNoteLeading;
}

void Renderer::source_note(const std::string& source, const std::string& url, const std::string& national_id) {
  const auto spans = source_note_spans(source, url, national_id);
  if (spans.empty()) return;
  c_.move_down(3);
  // The note is sdgreport's words ("Source: …") in the report's language, also
  // under a table or chart in another language.
  const std::string block_lang = c_.lang();
  c_.set_lang({});
  c_.begin_content("P");
  flow(spans, kNoteLeading, c_.left(), c_.width(), false);
  c_.end_content();
  c_.set_lang(block_lang);
}

}  // namespace sdg::pdf
