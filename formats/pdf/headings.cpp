// PDF writer (private): chapter openings, section headings, goal bands and
// in-text headings.
#include "renderer.hpp"

#include <utility>

#include <podofo/podofo.h>

#include <algorithm>

#include "layout_constants.hpp"
#include "sdgreport/catalogue.hpp"
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

std::string Renderer::section_number(const Section& s, const Where& w) const {
  // Goal sections are named "Goal 7: …", never numbered: "4.7" would read as
  // target 4.7, and "4.7.1" inside it as an indicator. Other sections keep theirs.
  if (s.goal() || w.goal()) return {};
  return w.number();
}

std::string Renderer::section_title(const Section& s, const std::string& number) const {
  if (s.goal()) return goal_heading(*s.goal(), s.title(), lang_);
  return join(number, s.title());
}

void Renderer::goal_tile(int goal, double x, double top, double size) {
  // Drawn by us (no UN icon files): the number and the catalogue's short title in
  // the goal colour, text in white or near-black, whichever reads (≥ 4.5:1). An
  // artifact: the real heading beside it says the same.
  const Color bg = goal_color(goal);
  const Color fg = text_on(bg);
  const Goal* g = Catalogue::get().find_goal(goal);
  c_.begin_artifact();
  c_.fill_rect(x, top - size, size, size, bg);
  const double pad = size * 0.09;
  if (size < 48) {
    // Too small for the title to be read: the number alone, centred.
    const TextStyle num{Face::UiBold, size * 0.5, fg};
    const std::string n = std::to_string(goal);
    c_.text(x + (size - fonts_.width(num, n)) / 2, top - size / 2 - num.size * 0.36, num, n);
    c_.end_artifact();
    return;
  }
  const TextStyle num{Face::UiBold, size * 0.4, fg};
  c_.text(x + pad, top - pad - num.size * 0.74, num, std::to_string(goal));
  if (g) {
    const TextStyle tit{Face::UiBold, std::max(5.5, size * 0.095), fg};
    const double lead = tit.size * 1.15;
    auto lines = break_lines(plain(g->short_title(lang_), tit), size - 2 * pad, fonts_.measure());
    if (lines.size() > 3) lines.resize(3);
    double y = top - size + pad + lead * static_cast<double>(lines.size() - 1) + tit.size * 0.2;
    for (const Line& l : lines) {
      c_.line(x + pad, y, l);
      y -= lead;
    }
  }
  c_.end_artifact();
}

double Renderer::goal_band(int goal, const std::string& title) {
  // A goal as a chapter: a full-width band in the goal colour with the tile on it.
  const Color bg = goal_color(goal);
  const Color fg = text_on(bg);
  const auto& g = c_.geometry();
  const TextStyle tit{Face::UiBold, 24, fg};
  const double lead = 29, tile = 72;
  const double x = g.margin_left + tile + 18, w = g.width - x - g.margin_right;
  const auto lines = break_lines(plain(title, tit), w, fonts_.measure());
  const double band_top = g.height;
  const double h = std::max(tile + 70, 58 + lines.size() * lead + 30);
  c_.begin_artifact();
  c_.fill_rect(0, band_top - h, g.width, h, bg);
  c_.end_artifact();
  goal_tile(goal, g.margin_left, band_top - 46, tile);
  c_.begin_content("H1");
  double y = band_top - 46 - (tile - lines.size() * lead) / 2;
  for (const Line& l : lines) {
    c_.line(x, baseline_in(y, lead, tit.size), l);
    y -= lead;
  }
  c_.end_content();
  c_.set_y(std::min(c_.top(), band_top - h - 30));
  return band_top;
}

double Renderer::goal_opening(const Section& s) {
  const int goal = *s.goal();
  const Color col = goal_color(goal);
  const double tile = 64, gap = 14;
  const double x = c_.left(), w = c_.width();
  const TextStyle tit{Face::UiBold, 16, colors::ink};
  const double lead = 20;
  const auto lines = break_lines(plain(goal_heading(goal, s.title(), lang_), tit), w - tile - gap, fonts_.measure());
  const double head_h = std::max(tile, lines.size() * lead + 12);
  space(22);
  // Keep the opening with what follows it: the targets box and three lines of
  // text (or the box's first lines when it is long), or the first block.
  const double targets = targets_height(s);
  const double room = c_.top() - c_.bottom();
  place(head_h + (targets == 0 ? keep_
                               : 12 + (head_h + 12 + targets + 3 * kBodyLeading < room * 0.6
                                           ? targets + 3 * kBodyLeading
                                           : 72)));
  const double top = c_.y();
  goal_tile(goal, x, top, tile);
  // The heading beside the tile, on a rule in the goal colour. The catalogue's
  // title in another language than the report's (Bokmål in a Nynorsk report) is
  // marked with it; a title the definition gives is the report's.
  const int heading = c_.begin_content("H2");
  if (const std::string_view cl = catalogue_title_lang(lang_);
      !same_language(cl, lang_) && s.title() == Catalogue::get().goal(goal).short_title(lang_))
    c_.tree().node(heading).lang = std::string(language_tag(cl));
  double y = top - std::max(0.0, (tile - 6 - lines.size() * lead) / 2);
  for (const Line& l : lines) {
    c_.line(x + tile + gap, baseline_in(y, lead, tit.size), l);
    y -= lead;
  }
  c_.end_content();
  c_.fill_rect(x + tile + gap, top - tile, w - tile - gap, 2.5, col);
  c_.set_y(top - head_h);
  space(12);
  goal_targets(s);
  return top;
}

namespace {
constexpr double kTargetLead = 11.5, kTargetPad = 8, kTargetIdW = 30;
}  // namespace

double Renderer::targets_height(const Section& s) {
  if (s.targets().empty()) return 0;
  const TextStyle txt{Face::UiRegular, 8.5, colors::ink};
  double h = kTargetPad + kTargetLead + 3 + kTargetPad + kParaGap + 4;
  for (const std::string& id : s.targets()) {
    const Target* t = Catalogue::get().find_target(id);
    const auto lines = break_lines(plain(t ? t->title(lang_) : std::string(), txt),
                                   c_.width() - 2 * kTargetPad - kTargetIdW, fonts_.measure());
    h += lines.size() * kTargetLead + 4;
  }
  return h;
}

void Renderer::goal_targets(const Section& s) {
  // "Targets addressed": each target id and the catalogue's text in the report
  // language, as a list in a box tinted with the goal colour.
  if (s.targets().empty()) return;
  const int goal = *s.goal();
  const Color bg = goal_color(goal).tint(0.9);
  const Color idc = palette::darken_to_contrast(goal_color(goal), bg, palette::kTextContrast);
  const TextStyle head{Face::UiBold, 8.5, colors::ink};
  const TextStyle id{Face::UiBold, 8.5, idc};
  const TextStyle txt{Face::UiRegular, 8.5, colors::ink};
  const double lead = kTargetLead, pad = kTargetPad, id_w = kTargetIdW;
  const double x = c_.left(), w = c_.width();
  const Measure m = fonts_.measure();
  c_.begin_content("Div");
  // The label.
  place(pad + lead + 3 + 2 * lead + pad);
  c_.begin_artifact();
  c_.fill_rect(x, c_.y() - pad - lead - 3, w, pad + lead + 3, bg);
  c_.end_artifact();
  c_.begin_content("P");
  c_.text(x + pad, baseline_in(c_.y() - pad, lead, head.size), head, label(Label::TargetsAddressed, lang_));
  c_.end_content();
  c_.move_down(pad + lead + 3);
  c_.begin_content("L");
  const auto& ids = s.targets();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Target* t = Catalogue::get().find_target(ids[i]);
    const std::string text = t ? t->title(lang_) : std::string();
    const auto lines = break_lines(plain(text, txt), w - 2 * pad - id_w, m);
    const bool last = i + 1 == ids.size();
    const double h = lines.size() * lead + (last ? pad : 4);
    if (!c_.fits(h)) {
      c_.new_page();
      c_.move_down(pad);
    }
    const double top = c_.y();
    c_.begin_artifact();
    c_.fill_rect(x, top - h, w, h + 0.5, bg);
    c_.end_artifact();
    c_.begin_content("LI");
    c_.begin_content("Lbl");
    c_.text(x + pad, baseline_in(top, lead, id.size), id, ids[i]);
    c_.end_content();
    const int body = c_.begin_content("LBody");
    // The catalogue's text: marked when it is not in the report's language
    // (English where no translation exists, Bokmål in a Nynorsk report).
    if (const std::string_view tl = catalogue_title_lang(lang_, t != nullptr && t->has_title(lang_));
        t != nullptr && !same_language(tl, lang_))
      c_.tree().node(body).lang = language_tag(tl);
    double y = top;
    for (const Line& l : lines) {
      c_.line(x + pad + id_w, baseline_in(y, lead, txt.size), l);
      y -= lead;
    }
    c_.end_content();
    c_.end_content();
    c_.set_y(top - h);
  }
  c_.end_content();  // L
  c_.end_content();  // Div
  space(kParaGap + 4);
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
  const std::string number = section_number(s, w);
  const std::string heading = section_title(s, number);
  if (!main_started_) {
    // Front matter (cover, contents) ends here: arabic page numbers from 1.
    c_.start_main_matter();
    main_started_ = true;
  }
  // After a part's title block (title_block.cpp) the chapter opens on its page.
  const bool continued = std::exchange(continue_page_, false);
  if (!continued) c_.new_page(PageStyle::Opening);
  pending_space_ = 0;
  const double opening_top = continued ? c_.y() : c_.geometry().height;
  outline_.push_back({1, heading, c_.page_index(), opening_top});
  landing_[&s] = {c_.page_index(), opening_top};
  if (s.goal()) {
    goal_band(*s.goal(), heading);
  } else {
    c_.begin_content("H1");
    const Color acc = readable_on_white(accent_);
    double y = continued ? c_.y() : c_.top();
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
  chapter_header_ = heading;
  c_.set_running_header(heading);
  last_heading_ = 1;
}

void Renderer::goal_page_break(const Section& s, const Where& w) {
  // The new page carries this goal's running head from its first line.
  c_.set_running_header(chapter_header_ + " · " + section_title(s, section_number(s, w)));
  page_break();
}

void Renderer::section(const Section& s, const Where& w) {
  const std::string number = section_number(s, w);
  const int depth = w.depth();
  if (s.goal()) {
    // Running heads name the goal on the pages it fills.
    const std::string heading = section_title(s, number);
    last_heading_ = 2;
    keep_ = keep_height(s);
    const double top = goal_opening(s);
    keep_ = 0;
    outline_.push_back({depth, heading, c_.page_index(), top});
    landing_[&s] = {c_.page_index(), top};
    c_.set_running_header(chapter_header_ + " · " + heading);
    return;
  }
  if (depth == 2 && !w.goal()) c_.set_running_header(chapter_header_);
  const HeadingLook look = heading_look(depth);
  const TextStyle tit{Face::UiBold, look.size, colors::ink};
  const Color numc = readable_on_white(goal_color(w.goal() ? w.goal() : 0));
  const TextStyle num{Face::UiBold, look.size, w.goal() ? numc : readable_on_white(accent_)};
  const double numw = number.empty() ? 0 : std::max(fonts_.width(num, number) + 8, look.size * 2.2);
  const auto lines = break_lines(plain(s.title(), tit), c_.width() - numw, fonts_.measure());
  space(look.before);
  place(lines.size() * look.leading + look.after + keep_height(s));  // keep with next
  outline_.push_back({depth, section_title(s, number), c_.page_index(), c_.y()});
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
