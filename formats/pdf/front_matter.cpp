// PDF writer (private): the front matter: cover page and table of contents.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <cmath>

#include "layout_constants.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

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
    bool in_goal;
  };
  std::vector<Item> items;
  bool begin_section(const Section& s, const Where& w) override {
    items.push_back({&s, w.depth(), w.number(), w.goal() != 0});
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
    // Goal sections read "Goal 7: …" and carry no number (section_number()).
    const std::string number = it.in_goal ? std::string() : it.number;
    std::string title = it.section->goal() ? goal_heading(*it.section->goal(), it.section->title(), lang_)
                                           : it.section->title();
    auto lines = break_lines(plain(title, look.style), w, m);
    const double h = static_cast<double>(lines.size()) * look.leading;
    if (y - look.before - h < bottom) {
      ++page;
      y = top;
    } else if (y < top - 0.01) {
      y -= look.before;
    }
    toc_.push_back({it.section, it.level, number, std::move(title), std::move(lines), page, y, h});
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
    contents += e.title + ", " + label(Label::Page, lang_) + " " + num;
    c_.goto_link(left + look.indent, e.top - e.height, right - left - look.indent, e.height,
                 land->second.page, land->second.y, link, contents);
    c_.end_content();
    c_.end_content();
    c_.end_content();
  }
  c_.leave();
  c_.finish();
}

}  // namespace sdg::pdf
