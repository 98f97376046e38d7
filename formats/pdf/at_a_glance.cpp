// PDF writer (private): the at-a-glance page: a row per goal the report covers
// (all 17 in a full review) with its tile, its indicators counted by progress
// status (from the indicator summaries) and the targets it addresses; the goals
// not covered are named in a note under the table (formats/common/at_a_glance.hpp).
// Tagged as a real table (TH with scope Column and Row) so a screen reader reads
// it row by row.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <set>

#include "at_a_glance.hpp"
#include "layout_constants.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

using glance::kShown;

bool Renderer::wants_at_a_glance(const Document& doc) { return glance::wanted(doc); }

const Section* Renderer::at_a_glance_before(const Document& doc) { return glance::before(doc); }

void Renderer::at_a_glance(const Document& doc) {
  const glance::Facts facts = glance::collect(doc);
  const std::vector<int> rows = facts.covered_goals();
  if (!main_started_) {
    c_.start_main_matter();
    main_started_ = true;
  }
  const std::string title = label(Label::AtAGlance, lang_);
  c_.set_running_header(title);
  double y = page_title(title) - 28;
  const double left = c_.left(), width = c_.width();

  // Columns: goal (tile and name) | indicators by progress | targets addressed.
  const double tile = 30, gap = 8;
  const double col1 = 178, col2 = 150, col3 = width - col1 - col2;
  const TextStyle head{Face::UiBold, 7.5, colors::muted};
  const TextStyle name{Face::UiBold, 8.5, colors::ink};
  const TextStyle small{Face::UiRegular, 7.5, colors::ink};
  const TextStyle none{Face::UiItalic, 7.5, colors::muted};
  const Measure m = fonts_.measure();

  const int table = c_.begin_content("Table");
  (void)table;
  // Header row.
  c_.begin_content("THead");
  c_.begin_content("TR");
  const std::array<std::string, 3> heads = {label(Label::Goal, lang_), label(Label::IndicatorsByProgress, lang_),
                                            label(Label::TargetsAddressed, lang_)};
  const std::array<double, 3> xs = {left, left + col1, left + col1 + col2};
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const int th = c_.begin_content("TH");
    c_.tree().node(th).scope = "Column";
    c_.text(xs[i], y - 9, head, heads[i]);
    c_.end_content();
  }
  c_.end_content();
  c_.end_content();
  y -= 14;
  c_.stroke_line(left, y, left + width, y, 0.6, colors::rule);
  y -= 4;

  // A key to the progress colours, under the table.
  const std::string uncovered = glance::uncovered_note(facts.uncovered_goals(), lang_);
  const double note_room = uncovered.empty() ? 0 : 30;
  const double row_h = std::min(36.0, (y - c_.bottom() - 40 - note_room) / static_cast<double>(std::max<std::size_t>(rows.size(), 1)));
  // Goal names from the catalogue: marked when in another language than the report's.
  const std::string_view names_lang = catalogue_title_lang(lang_);
  c_.begin_content("TBody");
  for (int g : rows) {
    const glance::GoalFacts& f = facts.goals[static_cast<std::size_t>(g)];
    const Goal& goal = Catalogue::get().goal(g);
    const double top = y;
    c_.begin_content("TR");
    // Goal: tile and name (a row header).
    const int th = c_.begin_content("TH");
    c_.tree().node(th).scope = "Row";
    if (!same_language(names_lang, lang_)) c_.tree().node(th).lang = language_tag(names_lang);
    goal_tile(g, left, top - (row_h - tile) / 2, tile);
    const auto nl = break_lines(plain(goal_heading(g, goal.short_title(lang_), lang_), name), col1 - tile - gap - 6, m);
    double ty = top - (row_h - nl.size() * 11.0) / 2;
    for (const Line& l : nl) {
      c_.line(left + tile + gap, baseline_in(ty, 11, name.size), l);
      ty -= 11;
    }
    c_.end_content();
    // Indicators by progress: a coloured count per status present.
    c_.begin_content("TD");
    double px = xs[1];
    bool any = false;
    const double pb = top - row_h / 2 - 3;
    for (std::size_t i = 0; i < kShown.size(); ++i) {
      if (f.counts[i] == 0) continue;
      any = true;
      const Color bg = progress_color(kShown[i]);
      const std::string n = std::to_string(f.counts[i]);
      const TextStyle cnt{Face::UiBold, 8, text_on(bg)};
      const double w = std::max(16.0, fonts_.width(cnt, n) + 8);
      c_.fill_rect(px, pb - 4, w, 14, bg);
      c_.text(px + (w - fonts_.width(cnt, n)) / 2, pb, cnt, n);
      px += w + 3;
    }
    if (!any) c_.text(xs[1], pb, none, "\u2013");
    c_.end_content();
    // Targets addressed: their ids.
    c_.begin_content("TD");
    std::string ids;
    for (const std::string& t : f.targets) ids += (ids.empty() ? "" : ", ") + t;
    const auto tl = break_lines(plain(ids.empty() ? "\u2013" : ids, ids.empty() ? none : small), col3, m);
    double iy = top - (row_h - std::min<std::size_t>(tl.size(), 2) * 10.0) / 2;
    for (std::size_t k = 0; k < tl.size() && k < 2; ++k) {
      c_.line(xs[2], baseline_in(iy, 10, small.size), tl[k]);
      iy -= 10;
    }
    c_.end_content();
    c_.end_content();  // TR
    y -= row_h;
    c_.stroke_line(left, y, left + width, y, 0.35, colors::rule);
  }
  c_.end_content();  // TBody
  c_.end_content();  // Table

  // Key: what each colour counts.
  y -= 14;
  c_.begin_content("P");
  double kx = left;
  const TextStyle key{Face::UiRegular, 7, colors::ink};
  for (ProgressStatus st : kShown) {
    const std::string text = progress_label(st, lang_);
    const double w = 9 + 4 + fonts_.width(key, text) + 12;
    if (kx + w > left + width) {
      kx = left;
      y -= 12;
    }
    c_.fill_rect(kx, y - 2, 9, 9, progress_color(st));
    c_.text(kx + 13, y, key, text);
    kx += w;
  }
  c_.end_content();
  // The goals the report does not cover, in words (not as rows of dashes).
  if (!uncovered.empty()) {
    y -= 22;
    c_.begin_content("P");
    const TextStyle note{Face::UiRegular, 8.5, colors::ink};
    for (const Line& l : break_lines(plain(uncovered, note), width, m)) {
      c_.line(left, baseline_in(y, 11, note.size), l);
      y -= 11;
    }
    c_.end_content();
  }

  c_.set_y(c_.bottom());
}

}  // namespace sdg::pdf
