// PDF writer (private): the at-a-glance page: the 17 goal tiles and, per goal the
// report covers, its indicators counted by progress status (from the indicator
// summaries) and the targets it addresses. Tagged as a real table (TH with
// scope Column and Row) so a screen reader reads it row by row.
#include "renderer.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <array>
#include <set>

#include "layout_constants.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::pdf {

using namespace PoDoFo;
using namespace layout;

namespace {

constexpr std::array<ProgressStatus, 6> kShown = {
    ProgressStatus::TargetAchieved, ProgressStatus::Substantial, ProgressStatus::Moderate,
    ProgressStatus::Limited,        ProgressStatus::Deterioration, ProgressStatus::NotAssessed};

/// What the report says about one goal: found in its goal sections.
struct GoalFacts {
  bool covered = false;
  std::array<int, kShown.size()> counts{};
  std::vector<std::string> targets;
};

struct FactsCollector : PartialVisitor {
  std::array<GoalFacts, 18> goals;
  bool begin_section(const Section& s, const Where&) override {
    if (s.goal()) {
      GoalFacts& g = goals[static_cast<std::size_t>(*s.goal())];
      g.covered = true;
      for (const std::string& t : s.targets())
        if (std::find(g.targets.begin(), g.targets.end(), t) == g.targets.end()) g.targets.push_back(t);
    }
    return true;
  }
  void indicator_summary(const IndicatorSummary& s, const Where& w) override {
    int goal = w.goal();
    if (!s.national)
      if (const Indicator* ind = Catalogue::get().find_indicator(s.indicator)) goal = ind->goal;
    if (goal < 1 || goal > 17) return;
    ProgressStatus st = s.progress == ProgressStatus::NotAvailable ? ProgressStatus::NotAssessed : s.progress;
    for (std::size_t i = 0; i < kShown.size(); ++i)
      if (kShown[i] == st) ++goals[static_cast<std::size_t>(goal)].counts[i];
  }
};

}  // namespace

bool Renderer::wants_at_a_glance(const Document& doc) {
  if (!doc.meta.at_a_glance) return false;
  for (const Section& ch : doc.chapters()) {
    if (ch.goal()) return true;
    for (const Section& s : ch.sections())
      if (s.goal()) return true;
  }
  return false;
}

const Section* Renderer::at_a_glance_before(const Document& doc) {
  if (!wants_at_a_glance(doc)) return nullptr;
  const std::string& after = doc.meta.at_a_glance_after;
  bool after_named = false;
  for (const Section& ch : doc.chapters()) {
    bool goals = ch.goal().has_value();
    for (const Section& s : ch.sections()) goals = goals || s.goal().has_value();
    if (after_named || goals) return &ch;
    if (!after.empty() && ch.id() == after) after_named = true;
  }
  return nullptr;
}

void Renderer::at_a_glance(const Document& doc) {
  FactsCollector facts;
  walk(doc, facts);
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
  const double row_h = std::min(36.0, (y - c_.bottom() - 40) / 17);
  c_.begin_content("TBody");
  for (int g = 1; g <= 17; ++g) {
    const GoalFacts& f = facts.goals[static_cast<std::size_t>(g)];
    const Goal& goal = Catalogue::get().goal(g);
    const double top = y;
    c_.begin_content("TR");
    // Goal: tile and name (a row header).
    const int th = c_.begin_content("TH");
    c_.tree().node(th).scope = "Row";
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
  c_.set_y(c_.bottom());
}

}  // namespace sdg::pdf
