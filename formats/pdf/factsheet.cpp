// PDF writer (private): indicator factsheets (factsheet.hpp).
#include "factsheet.hpp"

#include <podofo/podofo.h>

#include <algorithm>
#include <map>
#include <set>

#include "layout_constants.hpp"
#include "renderer.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/periods.hpp"

namespace sdg::pdf {

using namespace layout;

namespace {

/// Gathers summaries, and the first table and chart of each indicator.
class Collector : public PartialVisitor {
 public:
  struct Found {
    const void* block = nullptr;
    Where where;
  };
  std::vector<std::pair<const IndicatorSummary*, Where>> summaries;
  std::map<std::pair<std::string, bool>, Found> tables, charts;

  void indicator_summary(const IndicatorSummary& s, const Where& w) override { summaries.emplace_back(&s, w); }
  void table(const Table& t, const Where& w) override {
    if (!t.indicator.empty()) tables.try_emplace({t.indicator, t.national}, Found{&t, w});
  }
  void chart(const Chart& c, const Where& w) override {
    if (!c.indicator.empty()) charts.try_emplace({c.indicator, c.national}, Found{&c, w});
  }
};

/// A period in a table's first column (sdgreport/periods.hpp): a year as a number,
/// or text that is a period or starts with a year ("2013/14", "2021Q1").
bool looks_like_period(const CellView& c) {
  if (c.kind == Cell::Kind::Number)
    return c.number >= kFirstYear && c.number <= kLastYear && c.number == static_cast<int>(c.number);
  return c.kind == Cell::Kind::Text && (is_period(c.text) || leading_year(c.text));
}

}  // namespace

std::vector<Factsheet> collect_factsheets(const Document& doc) {
  Collector c;
  walk(doc, c);
  std::vector<Factsheet> out;
  std::set<std::pair<std::string, bool>> seen;
  for (const auto& [s, w] : c.summaries) {
    const std::pair<std::string, bool> key{s->indicator, s->national};
    if (!seen.insert(key).second) continue;
    Factsheet f;
    f.summary = s;
    f.where = w;
    f.goal = w.goal();
    if (f.goal == 0 && !s->national)
      if (const Indicator* ind = Catalogue::get().find_indicator(s->indicator)) f.goal = ind->goal;
    if (auto t = c.tables.find(key); t != c.tables.end()) {
      f.table = static_cast<const Table*>(t->second.block);
      f.table_where = t->second.where;
    }
    if (auto ch = c.charts.find(key); ch != c.charts.end()) {
      f.chart = static_cast<const Chart*>(ch->second.block);
      f.chart_where = ch->second.where;
    }
    out.push_back(std::move(f));
  }
  return out;
}

Table compact_table(const Table& t, std::size_t max_rows, bool& latest) {
  const TableData& d = t.data;
  latest = d.rows() > 0 && d.columns() > 0 && looks_like_period(d.cell(0, 0)) &&
           looks_like_period(d.cell(d.rows() - 1, 0));
  Table out = t;
  if (d.rows() <= max_rows) return out;
  out.data = TableData(d.columns());
  const std::size_t first = latest ? d.rows() - max_rows : 0;
  for (std::size_t c = 0; c < d.columns(); ++c)
    for (std::size_t r = first; r < first + max_rows; ++r) out.data.push(c, d.cell(r, c));
  return out;
}

std::string factsheet_word(FactsheetWord w, Language lang) {
  const std::size_t i = language_index(lang);
  static const char* const words[][3] = {
      {"Indicator factsheets", "Indikatorark", "Indikatorark"},
      {"Global SDG indicator", "Global bærekraftsindikator", "Global berekraftsindikator"},
      {"Progress assessment", "Vurdering av framgang", "Vurdering av framgang"},
      {"The latest {n} of {m} rows; the full table is in the report and its statistical annex.",
       "De siste {n} av {m} radene; hele tabellen står i rapporten og det statistiske vedlegget.",
       "Dei siste {n} av {m} radene; heile tabellen står i rapporten og det statistiske vedlegget."},
      {"The first {n} of {m} rows; the full table is in the report and its statistical annex.",
       "De første {n} av {m} radene; hele tabellen står i rapporten og det statistiske vedlegget.",
       "Dei første {n} av {m} radene; heile tabellen står i rapporten og det statistiske vedlegget."},
  };
  return words[static_cast<std::size_t>(w)][i];
}

namespace {

std::string meta_of(const Table* t, const char* key) {
  if (!t) return {};
  const auto it = t->metadata.find(key);
  return it == t->metadata.end() ? std::string() : it->second;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
  return s;
}

}  // namespace

int Renderer::factsheet(const Factsheet& f, std::size_t max_rows) {
  const IndicatorSummary& s = *f.summary;
  const Indicator* ind = s.national ? nullptr : Catalogue::get().find_indicator(s.indicator);
  std::string title = s.title;
  if (title.empty()) title = meta_of(f.table, "title");
  if (title.empty() && ind) title = ind->title(lang_);
  const std::string heading = s.indicator + (title.empty() ? "" : " " + title);

  if (!main_started_) {
    c_.start_main_matter();
    main_started_ = true;
  }
  c_.new_page(PageStyle::Normal);
  pending_space_ = 0;
  const int first_page = c_.page_index();
  const double top = c_.top();
  outline_.push_back({1, heading, first_page, c_.geometry().height});

  // Head: the goal tile, then the indicator as the page's heading and, under it,
  // the goal and whether the indicator is global or national.
  c_.begin_content("Sect");
  const double tile = f.goal > 0 ? 58 : 0;
  if (f.goal > 0) goal_tile(f.goal, c_.left(), top, tile);
  const double x = c_.left() + (tile > 0 ? tile + 14 : 0);
  const double w = c_.right() - x;
  double y = top;
  c_.begin_content("H1");
  const TextStyle h1{Face::UiBold, 15, colors::ink};
  for (const Line& l : break_lines(plain(heading, h1), w, fonts_.measure())) {
    c_.line(x, baseline_in(y, 19, 15), l);
    y -= 19;
  }
  c_.end_content();
  std::string kind = s.national ? label(Label::NationalIndicator, lang_) + " " + s.indicator
                                : factsheet_word(FactsheetWord::GlobalIndicator, lang_) + " " + s.indicator;
  std::string goal_line;
  if (f.goal > 0) {
    const Goal* g = Catalogue::get().find_goal(f.goal);
    goal_line = goal_heading(f.goal, g ? g->short_title(lang_) : std::string(), lang_) + " \u00B7 ";
  }
  c_.begin_content("P");
  const TextStyle sub{Face::UiBold, 9, f.goal > 0 ? readable_on_white(goal_color(f.goal)) : colors::muted};
  for (const Line& l : break_lines(plain(goal_line + kind, sub), w, fonts_.measure())) {
    y -= 3;
    c_.line(x, baseline_in(y, 12, 9), l);
    y -= 12;
  }
  c_.end_content();
  c_.set_y(std::min(y, top - tile) - 4);

  // The headline value with its year, unit, series, progress and source.
  indicator(s, f.where);

  // The trend, and the table (compact).
  if (f.chart) chart(*f.chart, f.chart_where);
  if (f.table && max_rows > 0) {
    bool latest = false;
    const Table shown = compact_table(*f.table, max_rows, latest);
    table(shown, f.table_where);
    if (shown.data.rows() < f.table->data.rows()) {
      std::string note = factsheet_word(latest ? FactsheetWord::LatestRows : FactsheetWord::FirstRows, lang_);
      note = replace_all(note, "{n}", std::to_string(shown.data.rows()));
      note = replace_all(note, "{m}", std::to_string(f.table->data.rows()));
      c_.begin_content("P");
      flow(plain(note, TextStyle{Face::UiItalic, kNoteSize + 0.5, colors::muted}), kNoteLeading + 0.5, c_.left(),
           c_.width(), false);
      c_.end_content();
      space(kParaGap);
    }
  }

  // The metadata: one short paragraph each, the name in bold.
  std::string unit = meta_of(f.table, "unit");
  if (unit.empty()) unit = s.unit;
  std::string source = meta_of(f.table, "organisation");
  if (source.empty()) source = s.source;
  if (source.empty() && f.table) source = f.table->source;
  std::string url = meta_of(f.table, "url");
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) url = s.source_url;
  const std::string updated = meta_of(f.table, "updated");
  struct Fact {
    std::string name, text, url;
  };
  std::vector<Fact> facts;
  if (const std::string def = meta_of(f.table, "definition"); !def.empty())
    facts.push_back({label(Label::Definition, lang_), def, {}});
  if (!unit.empty()) facts.push_back({label(Label::Unit, lang_), unit, {}});
  if (!source.empty()) facts.push_back({label(Label::Source, lang_), source, url});
  if (!updated.empty()) facts.push_back({label(Label::Updated, lang_), format_date(updated, lang_), {}});
  facts.push_back({factsheet_word(FactsheetWord::ProgressAssessment, lang_), progress_label(s.progress, lang_), {}});
  facts.push_back({label(Label::Indicator, lang_), kind, {}});
  const TextStyle name_st{Face::UiBold, 8.5, colors::ink};
  const TextStyle text_st{Face::UiRegular, 8.5, colors::ink};
  space(4);
  for (const Fact& fact : facts) {
    std::vector<Span> spans = plain(fact.name + ": ", name_st);
    std::vector<Span> body = plain(fact.text, fact.url.empty() ? text_st : TextStyle{Face::UiRegular, 8.5, colors::link});
    for (Span& sp : body) sp.url = fact.url;
    spans.insert(spans.end(), body.begin(), body.end());
    c_.begin_content("P");
    flow(spans, 11.5, c_.left(), c_.width(), false);
    c_.end_content();
    space(2.5);
  }
  c_.end_content();  // Sect
  return c_.page_index() - first_page + 1;
}

}  // namespace sdg::pdf
