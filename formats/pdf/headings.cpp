// PDF writer (private): chapter openings, section headings, goal bands and
// in-text headings.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

namespace {

std::string join(const std::string& number, const std::string& title) {
  return number.empty() ? title : number + " " + title;
}

}  // namespace

// ---------------------------------------------------------------- sections

double Renderer::goal_band(int goal, const std::string& number, const std::string& title, bool chapter) {
  const Color bg = goal_color(goal);
  const Color fg = text_on(bg);
  const auto& g = c_.geometry();
  const TextStyle lab{Face::UiBold, chapter ? 10.0 : 8.0, fg};
  const TextStyle tit{Face::UiBold, chapter ? 22.0 : 14.0, fg};
  const double lead = chapter ? 27 : 18;
  const std::string text = join(number, title);
  if (chapter) {
    const double x = g.margin_left, w = g.width - g.margin_left - g.margin_right;
    const auto lines = break_lines(plain(text, tit), w, fonts_.measure());
    const double band_top = g.height;
    const double h = 74 + lines.size() * lead + 26;
    c_.begin_content("H1");
    c_.fill_rect(0, band_top - h, g.width, h, bg);
    c_.text(x, band_top - 58, lab, goal_label(goal, lang_));
    double y = band_top - 74;
    for (const Line& l : lines) {
      c_.line(x, baseline_in(y, lead, tit.size), l);
      y -= lead;
    }
    c_.end_content();
    c_.set_y(std::min(c_.top(), band_top - h - 30));
    return band_top;
  }
  const double pad = 10;
  const double x = c_.left(), w = c_.width();
  const auto lines = break_lines(plain(text, tit), w - 2 * pad, fonts_.measure());
  const double h = pad + 12 + lines.size() * lead + pad - 2;
  space(20);
  place(h + keep_);
  c_.begin_content("H2");
  const double top = c_.y();
  c_.fill_rect(x, top - h, w, h, bg);
  c_.text(x + pad, top - pad - lab.size * 0.93, lab, goal_label(goal, lang_));
  double y = top - pad - 12;
  for (const Line& l : lines) {
    c_.line(x + pad, baseline_in(y, lead, tit.size), l);
    y -= lead;
  }
  c_.end_content();
  c_.set_y(top - h);
  space(10);
  return top;
}

double Renderer::keep_height(const Section& s) const {
  // A heading stays with the start of what follows: the first block's smallest
  // unbreakable part (a whole chart or figure, a table's caption, header and first rows).
  const double lines3 = 3 * kBodyLeading;
  if (s.blocks().empty()) return lines3;
  const Block& b = s.blocks().front();
  const double w = c_.width();
  if (b.is<Chart>())
    return 2 * kCaptionLeading + kChartCaptionGap + std::min(w * kChartAspect, kChartMaxHeight) +
           kChartNoteRoom + kParaGap + 4;
  if (b.is<Table>()) return kCaptionLeading * 2 + 4 + 3 * (kCellLeading + 2 * kCellPadY) + kParaGap + 4;
  if (b.is<Figure>()) return std::min(w * 0.5, (c_.top() - c_.bottom()) * 0.6) + 8 + 2 * kCaptionLeading;
  if (b.is<IndicatorSummary>()) return 100;
  return lines3;
}

void Renderer::chapter(const Section& s, const Where& w) {
  const std::string& number = w.number();
  if (!main_started_) {
    // Front matter (cover, contents) ends here: arabic page numbers from 1.
    c_.start_main_matter();
    main_started_ = true;
  }
  c_.new_page(PageStyle::Opening);
  pending_space_ = 0;
  outline_.push_back({1, join(number, s.title()), c_.page_index(), c_.geometry().height});
  landing_[&s] = {c_.page_index(), c_.geometry().height};
  if (s.goal()) {
    goal_band(*s.goal(), number, s.title(), true);
  } else {
    c_.begin_content("H1");
    const Color acc = colors::accent;
    double y = c_.top();
    if (!number.empty()) {
      const TextStyle num{Face::UiBold, 34, acc};
      c_.text(c_.left(), y - 32, num, number);
      y -= 48;
    }
    const TextStyle tit{Face::UiBold, 24, colors::ink};
    for (const Line& l : break_lines(plain(s.title(), tit), c_.width(), fonts_.measure())) {
      c_.line(c_.left(), baseline_in(y, 29, 24), l);
      y -= 29;
    }
    c_.fill_rect(c_.left(), y - 10, 48, 2.5, acc);
    c_.end_content();
    c_.set_y(y - 34);
  }
  c_.set_running_header(join(number, s.title()));
  last_heading_ = 1;
}

void Renderer::section(const Section& s, const Where& w) {
  const std::string& number = w.number();
  const int depth = w.depth();
  if (s.goal()) {
    last_heading_ = 2;
    keep_ = keep_height(s);
    const double top = goal_band(*s.goal(), number, s.title(), false);
    outline_.push_back({depth, join(number, s.title()), c_.page_index(), top});
    landing_[&s] = {c_.page_index(), top};
    return;
  }
  const HeadingLook look = heading_look(depth);
  const TextStyle tit{Face::UiBold, look.size, colors::ink};
  const Color numc = readable_on_white(goal_color(w.goal() ? w.goal() : 0));
  const TextStyle num{Face::UiBold, look.size, w.goal() ? numc : colors::accent};
  const double numw = number.empty() ? 0 : std::max(fonts_.width(num, number) + 8, look.size * 2.2);
  const auto lines = break_lines(plain(s.title(), tit), c_.width() - numw, fonts_.measure());
  space(look.before);
  place(lines.size() * look.leading + look.after + keep_height(s));  // keep with next
  outline_.push_back({depth, join(number, s.title()), c_.page_index(), c_.y()});
  landing_[&s] = {c_.page_index(), c_.y()};
  last_heading_ = std::min(depth, 6);
  static const char* roles[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
  c_.begin_content(roles[last_heading_ - 1]);
  if (!number.empty()) c_.text(c_.left(), baseline_in(c_.y(), look.leading, look.size), num, number);
  draw_lines(lines, look.leading, c_.left() + numw, c_.width() - numw);
  c_.end_content();
  space(look.after);
}

void Renderer::heading(const Heading& h, const Where& w) {
  const int depth = std::min(6, w.depth() + h.level);
  const HeadingLook look = heading_look(depth);
  const TextStyle st{Face::UiBold, look.size, colors::ink};
  const auto spans = flatten(h.content, st, colors::link);
  const auto lines = break_lines(spans, c_.width(), fonts_.measure());
  space(look.before);
  place(lines.size() * look.leading + look.after + 3 * kBodyLeading);
  // PDF/UA: heading levels never skip one going down (H1 → H3).
  static const char* roles[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
  last_heading_ = std::clamp(std::min(depth, last_heading_ + 1), 1, 6);
  c_.begin_content(roles[last_heading_ - 1]);
  draw_lines(lines, look.leading, c_.left(), c_.width());
  c_.end_content();
  space(look.after);
}

}  // namespace sdg::pdf
