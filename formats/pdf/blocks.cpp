#include "blocks.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "chart.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;

namespace {

// Body text.
constexpr double kBodySize = 10;
constexpr double kBodyLeading = 14.5;
constexpr double kParaGap = 7;
constexpr double kItemGap = 3;
constexpr double kListIndent = 18;
constexpr double kQuoteIndent = 16;
// Tables.
constexpr double kCellSize = 8.5;
constexpr double kMinCellSize = 6.5;
constexpr double kCellLeading = 11.5;
constexpr double kCellPadX = 5;
constexpr double kCellPadY = 3.5;

struct HeadingLook {
  double size, leading, before, after;
};

HeadingLook heading_look(int depth) {
  switch (depth) {
    case 1:
    case 2:
      return {15, 19, 18, 6};
    case 3:
      return {12, 16, 14, 4};
    default:
      return {10.5, 14, 10, 3};
  }
}

std::string join(const std::string& number, const std::string& title) {
  return number.empty() ? title : number + " " + title;
}

Color progress_color(ProgressStatus s) {
  switch (s) {
    case ProgressStatus::TargetAchieved:
      return Color::hex(0x1A7F37);
    case ProgressStatus::Substantial:
      return Color::hex(0x3C8D2F);
    case ProgressStatus::Moderate:
      return Color::hex(0xF2B705);
    case ProgressStatus::Limited:
      return Color::hex(0xE8710A);
    case ProgressStatus::Deterioration:
      return Color::hex(0xC5221F);
    default:
      return Color::hex(0x80868B);
  }
}

Color readable_on(const Color& c, const Color& bg) {
  Color d = c;
  for (int i = 0; i < 24 && contrast_ratio(d, bg) < 4.5; ++i) d = {d.r * 0.9, d.g * 0.9, d.b * 0.9};
  return d;
}

}  // namespace

Renderer::Renderer(PdfMemDocument& doc, Canvas& canvas, Context& ctx, std::string lang)
    : doc_(doc), c_(canvas), fonts_(canvas.fonts()), ctx_(ctx), lang_(std::move(lang)) {
  c_.set_page_label(label(Label::Page, lang_));
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
    if (!c_.fits(leading)) c_.new_page();
    double size = kBodySize;
    if (!lines[i].fragments.empty()) size = lines[i].fragments.front().style.size;
    const double base = baseline_in(c_.y(), leading, size);
    if (i == 0) flush_marker(base);
    const double dx = right_align ? width - lines[i].width : 0;
    c_.line(x + dx, base, lines[i]);
    c_.move_down(leading);
  }
}

void Renderer::flow(const std::vector<Span>& spans, double leading, double x, double width,
                    bool keep_two_lines) {
  const auto lines = break_lines(spans, width, fonts_.measure());
  // No single first line at the foot of a page (orphan).
  place(keep_two_lines && lines.size() >= 2 ? 2 * leading : leading);
  // No single last line at the head of the next page (widow): break one line early.
  const double room = c_.y() - c_.bottom();
  const auto fit = static_cast<std::size_t>(std::floor((room + 0.01) / leading));
  if (lines.size() >= 3 && fit + 1 == lines.size() && fit >= 2) {
    std::vector<Line> first(lines.begin(), lines.end() - 2);
    draw_lines(first, leading, x, width);
    c_.new_page();
    draw_lines({lines.end() - 2, lines.end()}, leading, x, width);
    return;
  }
  draw_lines(lines, leading, x, width);
}

// ---------------------------------------------------------------- cover

void Renderer::cover(const Metadata& meta) {
  c_.new_page(PageStyle::Cover);
  c_.begin_content("Sect");
  const auto& g = c_.geometry();
  const double panel_bottom = g.height * 0.44;
  c_.fill_rect(0, panel_bottom, g.width, g.height - panel_bottom, colors::accent);
  // The 17 goal colours as a strip under the panel.
  const double sw = g.width / 17.0;
  for (int i = 1; i <= 17; ++i) c_.fill_rect((i - 1) * sw, panel_bottom - 10, sw + 0.2, 10, goal_color(i));

  const double x = g.margin_left, w = g.width - g.margin_left - g.margin_right;
  const TextStyle org{Face::UiBold, 11, colors::white};
  if (!meta.organisation.empty()) {
    c_.begin_content("P");
    c_.text(x, g.height - 80, org, meta.organisation);
    c_.end_content();
  }
  c_.fill_rect(x, g.height - 96, 40, 2.5, colors::white);

  // Title and subtitle sit at the foot of the panel, growing upwards.
  const TextStyle title{Face::UiBold, 30, colors::white};
  const TextStyle sub{Face::UiRegular, 15, colors::white.tint(0)};
  const auto tl = break_lines(plain(meta.title, title), w, fonts_.measure());
  const auto sl = meta.subtitle.empty() ? std::vector<Line>{}
                                        : break_lines(plain(meta.subtitle, sub), w, fonts_.measure());
  const double th = tl.size() * 36.0, sh = sl.size() * 20.0;
  double y = panel_bottom + 40 + sh + (sl.empty() ? 0 : 14) + th;
  c_.begin_content("H1");
  for (const Line& l : tl) {
    c_.line(x, y - 29, l);
    y -= 36;
  }
  c_.end_content();
  if (!sl.empty()) y -= 14;
  c_.begin_content("P");
  for (const Line& l : sl) {
    c_.line(x, y - 15, l);
    y -= 20;
  }
  c_.end_content();

  // Facts below the strip.
  const TextStyle key{Face::UiBold, 8, colors::muted};
  const TextStyle val{Face::UiRegular, 11, colors::ink};
  double fy = panel_bottom - 60;
  auto fact = [&](Label l, const std::string& v) {
    if (v.empty()) return;
    c_.begin_content("P");
    c_.text(x, fy, key, label(l, lang_) + " ");
    c_.text(x, fy - 15, val, v);
    c_.end_content();
    fy -= 42;
  };
  fact(Label::Organisation, meta.organisation);
  fact(Label::Date, format_date(meta.date, lang_));
  fact(Label::Edition, meta.edition);
  if (!meta.authors.empty()) {
    std::string a;
    for (const auto& s : meta.authors) a += (a.empty() ? "" : ", ") + s;
    const TextStyle au{Face::UiRegular, 9, colors::muted};
    c_.begin_content("P");
    for (const Line& l : break_lines(plain(a, au), w, fonts_.measure())) {
      c_.line(x, fy, l);
      fy -= 13;
    }
    c_.end_content();
  }
  c_.end_content();
}

// ---------------------------------------------------------------- table of contents

namespace {

constexpr double kTocTitleGap = 29 + 34;  // from the top of the first contents page to the first entry
constexpr double kTocNumCol = 26;         // chapter numbers
constexpr double kTocSubCol = 32;         // section numbers
constexpr double kTocPageCol = 44;        // page numbers and the gap before them

struct TocLook {
  TextStyle style;
  double leading, before, indent, title_x;
};

TocLook toc_look(int level) {
  if (level == 1) return {{Face::UiBold, 10.5, colors::ink}, 15, 9, 0, kTocNumCol};
  return {{Face::UiRegular, 9.5, colors::ink}, 13.5, 1.5, kTocNumCol, kTocNumCol + kTocSubCol};
}

/// Chapters and their sections, as the contents lists them.
struct TocCollector : Visitor {
  struct Item {
    const Section* section;
    int level;
    std::string number;
  };
  std::vector<Item> items;
  bool begin_section(const Section& s, const Where& w) override {
    items.push_back({&s, w.depth(), w.number()});
    return w.depth() < 2;
  }
};

}  // namespace

void Renderer::reserve_contents(const Document& doc) {
  TocCollector col;
  walk(doc, col);
  if (col.items.size() < 2) return;  // nothing worth a contents page
  const Measure m = fonts_.measure();
  const double top = c_.top(), bottom = c_.bottom();
  double y = top - kTocTitleGap;
  int page = 0;
  for (const auto& it : col.items) {
    const TocLook look = toc_look(it.level);
    const double w = c_.width() - look.title_x - kTocPageCol;
    auto lines = break_lines(plain(it.section->title(), look.style), w, m);
    const double h = static_cast<double>(lines.size()) * look.leading;
    if (y - look.before - h < bottom) {
      ++page;
      y = top;
    } else if (y < top - 0.01) {
      y -= look.before;
    }
    toc_.push_back({it.section, it.level, it.number, std::move(lines), page, y, h});
    y -= h;
  }
  const std::string title = label(Label::Contents, lang_);
  toc_heading_ = c_.add_element("H1");
  toc_node_ = c_.add_element("TOC");
  c_.set_running_header(title);
  for (int p = 0; p <= page; ++p) {
    c_.new_page(p == 0 ? PageStyle::Opening : PageStyle::Normal);
    toc_pages_.push_back(c_.page_index());
  }
}

void Renderer::draw_contents() {
  if (toc_.empty()) return;
  const double left = c_.left(), right = c_.right();
  c_.reopen(toc_pages_.front());
  // Title, as on a chapter opening.
  c_.enter(toc_heading_);
  const TextStyle tit{Face::UiBold, 24, colors::ink};
  const double top = c_.top();
  c_.text(left, baseline_in(top, 29, 24), tit, label(Label::Contents, lang_));
  c_.leave();
  c_.fill_rect(left, top - 29 - 10, 48, 2.5, colors::accent);

  c_.enter(toc_node_);
  int page = 0;
  const TextStyle dots{Face::UiRegular, 9, colors::muted};
  const double unit = fonts_.width(dots, " .");
  for (const TocEntry& e : toc_) {
    if (e.page != page) {
      page = e.page;
      c_.reopen(toc_pages_[static_cast<std::size_t>(page)]);
    }
    const TocLook look = toc_look(e.level);
    const auto land = landing_.find(e.section);
    if (land == landing_.end()) continue;  // cannot happen: every listed section was drawn
    const std::string num = c_.page_number(land->second.page);

    c_.begin_content("TOCI");
    c_.begin_content("Reference");
    const int link = c_.begin_content("Link");
    double y = e.top;
    const double base0 = baseline_in(y, look.leading, look.style.size);
    if (!e.number.empty()) c_.text(left + look.indent, base0, look.style, e.number + " ");
    double last_end = left + look.title_x;
    double last_base = base0;
    for (const Line& l : e.lines) {
      last_base = baseline_in(y, look.leading, look.style.size);
      c_.line(left + look.title_x, last_base, l);
      last_end = left + look.title_x + l.width;
      y -= look.leading;
    }
    // Dot leaders (decoration), aligned on a common grid from the right edge.
    const double num_w = fonts_.width(look.style, num);
    const double lead_end = right - num_w - 6;
    const int n = static_cast<int>(std::floor((lead_end - last_end - 6) / unit));
    if (n > 0) {
      std::string s;
      for (int i = 0; i < n; ++i) s += " .";
      c_.begin_artifact();
      c_.text(lead_end - n * unit, last_base, dots, s);
      c_.end_artifact();
    }
    c_.text(right - num_w, last_base, look.style, num);
    std::string contents = e.number.empty() ? "" : e.number + " ";
    contents += e.section->title() + ", " + label(Label::Page, lang_) + " " + num;
    c_.goto_link(left + look.indent, e.top - e.height, right - left - look.indent, e.height,
                 land->second.page, land->second.y, link, contents);
    c_.end_content();
    c_.end_content();
    c_.end_content();
  }
  c_.leave();
  c_.finish();
}

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
  if (b.is<Chart>()) return 2 * 12.5 + 6 + std::min(w * 0.56, 230.0) + 22 + kParaGap + 4;
  if (b.is<Table>()) return 12.5 * 2 + 4 + 3 * (kCellLeading + 2 * kCellPadY) + kParaGap + 4;
  if (b.is<Figure>()) return std::min(w * 0.5, (c_.top() - c_.bottom()) * 0.6) + 8 + 2 * 12.5;
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

// ---------------------------------------------------------------- text blocks

void Renderer::paragraph(const Inlines& content) {
  TextStyle st{Face::Regular, kBodySize, colors::ink};
  if (quote_depth_ > 0) st.color = Color::hex(0x3C4043);
  c_.begin_content("P");
  flow(flatten(content, st, colors::link), kBodyLeading, c_.left(), c_.width());
  c_.end_content();
  space(lists_.empty() ? kParaGap : kItemGap);
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
  const TextStyle lab{Face::UiBold, 9, colors::ink};
  const TextStyle txt{Face::UiRegular, 9, colors::ink};
  std::vector<Span> spans{{lab, what + " " + std::to_string(n) + (text.empty() ? "" : ". "), {}, false}};
  if (!text.empty()) spans.push_back({txt, text, {}, false});
  c_.begin_content("Caption");
  flow(spans, 12.5, c_.left(), c_.width(), false);
  c_.end_content();
}

void Renderer::source_note(const std::string& source) {
  if (source.empty()) return;
  const TextStyle lab{Face::UiItalic, 7.5, colors::muted};
  c_.move_down(3);
  c_.begin_content("P");
  flow(plain(label(Label::Source, lang_) + ": " + source, lab), 10, c_.left(), c_.width(), false);
  c_.end_content();
}

// ---------------------------------------------------------------- tables

void Renderer::table(const Table& t, const Where& w) {
  ++tables_;
  const std::size_t n = t.columns.size();
  if (n == 0) return;
  const Color head_bg = w.goal() ? goal_color(w.goal()) : colors::accent;
  const Measure m = fonts_.measure();
  auto is_num = [&](std::size_t j) { return t.columns[j].type == Column::Type::Number; };

  // Cell text as spans, and each column's natural (one line) and minimum width.
  double cs = kCellSize;
  std::vector<std::vector<Span>> heads(n);
  std::vector<std::vector<std::vector<Span>>> cells(t.rows.size(), std::vector<std::vector<Span>>(n));
  std::vector<double> natural(n, 0), minimum(n, 0);
  const TextStyle head_proto{Face::UiBold, kCellSize, text_on(head_bg)};
  auto build = [&] {
    const TextStyle head{Face::UiBold, cs, head_proto.color};
    const TextStyle cell{Face::UiRegular, cs, colors::ink};
    const TextStyle miss{Face::UiRegular, cs, colors::muted};
    for (std::size_t j = 0; j < n; ++j) {
      const Column& col = t.columns[j];
      heads[j] = plain(col.unit.empty() ? col.label : col.label + " (" + col.unit + ")", head);
    }
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      for (std::size_t j = 0; j < n && j < t.rows[i].size(); ++j) {
        const Cell& c = t.rows[i][j];
        switch (c.kind) {
          case Cell::Kind::Empty:
            cells[i][j] = plain(status_symbol(c.status, lang_), miss);
            break;
          case Cell::Kind::Text:
            cells[i][j] = plain(c.text, cell);
            break;
          case Cell::Kind::Number: {
            std::string s = format_number(c.number, t.columns[j].decimals, lang_);
            if (const std::string& sym = status_symbol(c.status, lang_); !sym.empty()) s += " " + sym;
            cells[i][j] = plain(s, cell);
            break;
          }
        }
      }
    }
    for (std::size_t j = 0; j < n; ++j) {
      natural[j] = minimum[j] = 0;
      auto take = [&](const std::vector<Span>& sp) {
        const TextExtent e = measure_extent(sp, m);
        natural[j] = std::max(natural[j], e.single_line + 2 * kCellPadX);
        minimum[j] = std::max(minimum[j], e.longest_word + 2 * kCellPadX);
      };
      take(heads[j]);
      for (auto& row : cells) take(row[j]);
      natural[j] = std::max(natural[j], 28.0);
      // Number columns must not wrap; headers may.
      if (is_num(j)) {
        double widest = 0;
        for (auto& row : cells) widest = std::max(widest, measure_extent(row[j], m).single_line);
        minimum[j] = std::max(minimum[j], widest + 2 * kCellPadX);
      }
      minimum[j] = std::min(minimum[j], natural[j]);
    }
  };
  build();
  // A table too wide for the frame is set smaller (text widths scale with the size).
  const double avail = c_.width();
  const double pads = 2 * kCellPadX * static_cast<double>(n);
  if (const double min_total = std::accumulate(minimum.begin(), minimum.end(), 0.0); min_total > avail) {
    cs = std::max(kMinCellSize, std::floor(kCellSize * (avail - pads) / (min_total - pads) * 4) / 4);
    build();
  }
  const double cl = cs * kCellLeading / kCellSize;

  // Column widths fitted to the frame.
  std::vector<double> widths = natural;
  const double total = std::accumulate(natural.begin(), natural.end(), 0.0);
  std::size_t text_cols = 0;
  for (std::size_t j = 0; j < n; ++j) text_cols += is_num(j) ? 0 : 1;
  if (total <= avail) {
    // Spread the rest over text columns (over all when there are none).
    const double extra = avail - total;
    double base = 0;
    for (std::size_t j = 0; j < n; ++j)
      if (!is_num(j) || text_cols == 0) base += natural[j];
    for (std::size_t j = 0; j < n; ++j)
      if (!is_num(j) || text_cols == 0) widths[j] += extra * natural[j] / base;
  } else {
    // Shrink: every column keeps its minimum, the rest is shared by how much each wants.
    const double min_total = std::accumulate(minimum.begin(), minimum.end(), 0.0);
    double num_min = 0, text_min = 0;
    for (std::size_t j = 0; j < n; ++j) (is_num(j) ? num_min : text_min) += minimum[j];
    if (min_total >= avail && text_min > 0 && num_min + text_cols * 3 * cs < avail) {
      // Numbers stay whole; text columns give way (their words break between characters).
      for (std::size_t j = 0; j < n; ++j)
        widths[j] = is_num(j) ? minimum[j] : minimum[j] * (avail - num_min) / text_min;
    } else if (min_total >= avail) {
      for (std::size_t j = 0; j < n; ++j) widths[j] = minimum[j] * avail / min_total;
    } else {
      const double want = total - min_total;
      for (std::size_t j = 0; j < n; ++j)
        widths[j] = minimum[j] + (natural[j] - minimum[j]) * (avail - min_total) / want;
    }
  }

  auto layout_row = [&](const std::vector<std::vector<Span>>& row, std::vector<std::vector<Line>>& out) {
    out.assign(n, {});
    std::size_t most = 1;
    for (std::size_t j = 0; j < n; ++j) {
      out[j] = break_lines(row[j], widths[j] - 2 * kCellPadX, m);
      most = std::max(most, out[j].size());
    }
    return most * cl + 2 * kCellPadY;
  };
  std::vector<std::vector<Line>> head_lines;
  const double head_h = layout_row(heads, head_lines);
  std::vector<std::vector<std::vector<Line>>> row_lines(t.rows.size());
  std::vector<double> row_h(t.rows.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) row_h[i] = layout_row(cells[i], row_lines[i]);

  const double x0 = c_.left();
  // A row is a TR of TH (scope Column) or TD elements; a header repeated on a
  // later page is a pagination artifact.
  auto draw_row = [&](const std::vector<std::vector<Line>>& lines, double h, const Color* fill,
                      const char* cell_role) {
    const double top = c_.y();
    if (fill != nullptr) c_.fill_rect(x0, top - h, avail, h, *fill);
    if (cell_role != nullptr) c_.begin_content("TR");
    double x = x0;
    for (std::size_t j = 0; j < n; ++j) {
      if (cell_role != nullptr) {
        const int cell = c_.begin_content(cell_role);
        c_.tree().node(cell).keep = true;  // empty cells keep the table regular
        if (cell_role[1] == 'H') c_.tree().node(cell).scope = "Column";
      }
      double y = top - kCellPadY;
      for (const Line& l : lines[j]) {
        const double dx = is_num(j) ? widths[j] - 2 * kCellPadX - l.width : 0;
        c_.line(x + kCellPadX + dx, baseline_in(y, cl, cs), l);
        y -= cl;
      }
      if (cell_role != nullptr) c_.end_content();
      x += widths[j];
    }
    if (cell_role != nullptr) c_.end_content();
    c_.set_y(top - h);
  };
  auto draw_head = [&](bool repeated) {
    if (repeated) {
      c_.begin_artifact();
      draw_row(head_lines, head_h, &head_bg, nullptr);
      c_.end_artifact();
      return;
    }
    c_.begin_content("THead");
    draw_row(head_lines, head_h, &head_bg, "TH");
    c_.end_content();
  };

  // Caption, header and the first row stay together.
  const double cap_h = 12.5 * 2 + 4;
  space(kParaGap + 4);
  place(cap_h + head_h + (row_h.empty() ? 0 : row_h[0]) + 4);
  c_.begin_content("Table");
  if (!lists_.empty()) flush_marker(baseline_in(c_.y(), 12.5, 9));
  caption(label(Label::Table, lang_), tables_, t.caption);
  c_.move_down(4);
  draw_head(false);
  c_.begin_content("TBody");
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    if (!c_.fits(row_h[i])) {
      c_.stroke_line(x0, c_.y(), x0 + avail, c_.y(), 0.6, colors::rule);
      c_.new_page();
      draw_head(true);  // repeated on every page the table continues on
    }
    draw_row(row_lines[i], row_h[i], i % 2 == 1 ? &colors::faint : nullptr, "TD");
  }
  c_.end_content();  // TBody
  c_.stroke_line(x0, c_.y(), x0 + avail, c_.y(), 0.8, head_bg);
  c_.move_down(2);
  c_.end_content();  // Table
  source_note(t.source);
  space(kParaGap + 6);
}

// ---------------------------------------------------------------- indicator summary

void Renderer::indicator(const IndicatorSummary& s, const Where& w) {
  int goal = w.goal();
  if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
  const Color bg = colors::faint;
  const Color acc = goal_color(goal);
  const double pad = 11, stripe = 5;
  const double x = c_.left() + stripe, w_in = c_.width() - stripe - 2 * pad;
  const Measure m = fonts_.measure();

  const TextStyle idst{Face::UiBold, 8, readable_on(acc, bg)};
  const TextStyle titst{Face::UiBold, 10.5, colors::ink};
  const TextStyle valst{Face::UiBold, 20, colors::ink};
  const TextStyle unitst{Face::UiRegular, 10, colors::ink};
  const TextStyle yearst{Face::UiRegular, 9, colors::muted};
  const TextStyle pillst{Face::UiBold, 8, colors::white};
  const TextStyle srcst{Face::UiItalic, 7.5, colors::muted};

  const std::string id = label(Label::Indicator, lang_) + " " + s.indicator;
  const auto title_lines = break_lines(plain(s.title, titst), w_in, m);
  const std::string value = s.value ? format_number(*s.value, s.decimals, lang_)
                                    : status_symbol(ValueStatus::NotAvailable, lang_);
  const std::string pill = progress_label(s.progress, lang_);
  const Color pill_bg = progress_color(s.progress);
  const TextStyle pill_text{pillst.face, pillst.size, text_on(pill_bg)};
  const double pill_w = fonts_.width(pill_text, pill) + 14;
  const auto src_lines =
      s.source.empty() ? std::vector<Line>{}
                       : break_lines(plain(label(Label::Source, lang_) + ": " + s.source, srcst), w_in, m);
  const double h =
      pad + 12 + title_lines.size() * 14.0 + 30 + src_lines.size() * 10.0 + (src_lines.empty() ? 0 : 4) + pad;

  space(kParaGap + 4);
  place(h);
  c_.begin_content("Div");
  c_.begin_content("P");
  const double top = c_.y();
  c_.fill_rect(c_.left(), top - h, c_.width(), h, bg);
  c_.fill_rect(c_.left(), top - h, stripe, h, acc);
  double y = top - pad;
  c_.text(x + pad, y - 7.5, idst, id);
  y -= 12;
  for (const Line& l : title_lines) {
    c_.line(x + pad, baseline_in(y, 14, 10.5), l);
    y -= 14;
  }
  const double vb = y - 22;
  double vx = x + pad;
  c_.text(vx, vb, valst, value);
  vx += fonts_.width(valst, value) + 4;
  if (!s.unit.empty()) {
    c_.text(vx, vb, unitst, s.unit);
    vx += fonts_.width(unitst, s.unit) + 8;
  }
  if (!s.year.empty()) c_.text(vx, vb, yearst, "(" + s.year + ")");
  // Progress status as a pill at the right.
  const double px = x + pad + w_in - pill_w;
  c_.fill_rect(px, vb - 4, pill_w, 15, pill_bg);
  c_.text(px + 7, vb + 0.5, pill_text, pill);
  y -= 30;
  c_.end_content();  // P
  if (!src_lines.empty()) {
    y -= 4;
    c_.begin_content("P");
    for (const Line& l : src_lines) {
      c_.line(x + pad, baseline_in(y, 10, 7.5), l);
      y -= 10;
    }
    c_.end_content();
  }
  c_.end_content();  // Div
  c_.set_y(top - h);
  space(kParaGap + 4);
}

// ---------------------------------------------------------------- figures and charts

void Renderer::figure(const Figure& f) {
  ++figures_;
  const auto path = ctx_.resolve(f.path);
  std::error_code ec;
  const double w_max = c_.width();
  const double h_max = (c_.top() - c_.bottom()) * 0.6;
  std::unique_ptr<PdfImage> img;
  if (!std::filesystem::is_regular_file(path, ec)) {
    ctx_.warn("image-missing",
              "figure '" + f.path + "' not found (" + path.string() + "); drawn as a placeholder");
  } else {
    try {
      img = std::make_unique<PdfImage>(&doc_);
      img->LoadFromFile(path.c_str());
    } catch (const PdfError& e) {
      img.reset();
      ctx_.warn("image-unreadable", "figure '" + f.path + "' could not be read as PNG or JPEG (" +
                                        PdfError::ErrorMessage(e.GetError()) + "); drawn as a placeholder");
    }
  }
  double w = w_max, h = 90;
  if (img) {
    const double pw = img->GetWidth(), ph = img->GetHeight();
    // Scaled to the frame width, never taller than 60 % of the text block.
    w = w_max;
    h = w * ph / pw;
    if (h > h_max) {
      h = h_max;
      w = h * pw / ph;
    }
  }
  space(kParaGap + 4);
  place(h + 8 + 2 * 12.5);
  const int fig = c_.begin_content("Figure");
  const double top = c_.y();
  const double x = c_.left() + (w_max - w) / 2;
  c_.tree().node(fig).alt = f.alt;
  c_.tree().node(fig).bbox = std::array<double, 4>{x, top - h, x + w, top};
  if (img) {
    c_.painter().DrawImage(x, top - h, img.get(), w / img->GetWidth(), h / img->GetHeight());
  } else {
    c_.fill_rect(x, top - h, w, h, colors::faint);
    const TextStyle alt{Face::UiItalic, 9, colors::muted};
    c_.set_y(top - h / 2 + 7);
    flow(plain(f.alt.empty() ? f.path : f.alt, alt), 12, x + 12, w - 24, false);
  }
  c_.end_content();
  c_.set_y(top - h - 8);
  caption(label(Label::Figure, lang_), figures_, f.caption);
  space(kParaGap + 4);
}

void Renderer::chart(const Chart& ch, const Where& w) {
  ++figures_;
  const double width = c_.width();
  // A legend that wraps makes the box taller rather than the plot smaller (within
  // a page: caption, box and source note must fit on one).
  const double legend_extra = std::max(0.0, legend_height(fonts_, ch, width) - kLegendOneLine);
  const double plain_height = std::min(width * 0.56, 230.0);
  const double height =
      std::min(plain_height + legend_extra, std::max(plain_height, c_.top() - c_.bottom() - (2 * 12.5 + 6 + 22)));
  space(kParaGap + 4);
  place(2 * 12.5 + 6 + height + 22);
  caption(label(Label::Figure, lang_), figures_, ch.title);
  c_.move_down(6);
  const double top = c_.y();
  const int fig = c_.begin_content("Figure");
  c_.tree().node(fig).alt = ch.alt;
  c_.tree().node(fig).bbox = std::array<double, 4>{c_.left(), top - height, c_.left() + width, top};
  c_.graphics_are_content(true);
  const bool drawn = draw_chart(c_, ch, c_.left(), top, width, height, w.goal(), lang_);
  c_.graphics_are_content(false);
  if (drawn) {
    c_.set_y(top - height);
  } else {
    ctx_.warn("chart-not-rendered", "chart '" + (ch.id.empty() ? ch.title : ch.id) +
                                        "' has no values to plot; its text alternative is shown");
    const TextStyle alt{Face::UiItalic, 9, colors::muted};
    flow(plain(ch.alt, alt), 12, c_.left(), width, false);
  }
  c_.end_content();  // Figure
  source_note(ch.source);
  space(kParaGap + 4);
}

}  // namespace sdg::pdf
