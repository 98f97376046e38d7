#include "plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <unordered_map>

#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/periods.hpp"
#include "sdgreport/walk.hpp"

namespace sdg::xlsx {

namespace {

/// Rows a chart's data block takes at least: the chart beside it is about 15 rows high.
constexpr std::size_t kChartRows = 16;

class Planner : public PartialVisitor {
 public:
  Planner(Plan& plan, Language lang) : plan_(plan), lang_(lang) {}

  void table(const Table& t, const Where& where) override {
    if (!t.id.empty()) plan_.tables_by_id.try_emplace(t.id, &t);
    Item item;
    item.table = &t;
    item.goal = where.goal();
    std::size_t measures = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) measures += is_measure(t, c);
    item.observations = measures * t.data.rows();
    item.sheet_rows = 2 + t.data.rows() + (t.source.empty() ? 0 : 1) + 1;
    plan_.cells += (t.columns.size() + 1) * (t.data.rows() + 4);
    add(item, where);
  }

  void chart(const Chart& c, const Where& where) override {
    Item item;
    item.chart = &c;
    item.goal = where.goal();
    item.observations = c.series.size() * c.categories.size();
    item.sheet_rows = std::max<std::size_t>(2 + c.categories.size() + (c.source.empty() ? 0 : 1), kChartRows) + 1;
    plan_.cells += (c.series.size() + 1) * (c.categories.size() + 4);
    add(item, where);
  }

 private:
  void add(Item& item, const Where& where) {
    SheetPlan& sp = sheet_for(where);
    sp.rows += item.sheet_rows;
    sp.items.push_back(std::move(item));
  }

  SheetPlan& sheet_for(const Where& where) {
    const Section* owner = where.chapter();
    for (auto it = where.sections.rbegin(); it != where.sections.rend(); ++it) {
      if ((*it)->goal()) {
        owner = *it;
        break;
      }
    }
    auto [pos, fresh] = index_.try_emplace(owner, plan_.sheets.size());
    if (fresh) {
      SheetPlan s;
      s.owner = owner;
      s.title = owner ? owner->title() : std::string{};
      if (owner && owner->goal()) {
        s.goal = *owner->goal();
        s.wanted_name = goal_label(s.goal, lang_);
        if (const Goal* g = Catalogue::get().find_goal(s.goal)) {
          s.wanted_name += " " + g->short_title(lang_);
        }
      } else {
        s.wanted_name = s.title;
      }
      plan_.sheets.push_back(std::move(s));
    }
    return plan_.sheets[pos->second];
  }

  Plan& plan_;
  Language lang_;
  std::map<const Section*, std::size_t> index_;  // lookup only; order is in plan_.sheets
};

void shape_table(const Table& t, Shape& shape) {
  std::size_t measures = 0, period_labels = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (!is_measure(t, c)) continue;
    ++measures;
    period_labels += is_period(t.columns[c].label);
  }
  shape.periods_across = measures > 0 && period_labels == measures;
  if (!shape.periods_across) {
    for (std::size_t c = 0; c < t.columns.size() && shape.period_key < 0; ++c) {
      if (is_measure(t, c)) continue;
      bool all = !t.data.empty();
      bool any = false;
      for (const CellView cell : t.data.column(c)) {
        const std::string v = key_text(t, c, cell);
        if (v.empty()) continue;
        any = true;
        if (!is_period(v)) {
          all = false;
          break;
        }
      }
      if (is_period_header(t.columns[c].label) || (all && any)) shape.period_key = static_cast<int>(c);
    }
  }
  shape.breakdown.clear();
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (is_measure(t, c) || static_cast<int>(c) == shape.period_key) continue;
    shape.breakdown.push_back(c);
  }
}

void shape_chart(const Chart& ch, Shape& shape) {
  shape.categories_are_periods =
      !ch.categories.empty() &&
      std::all_of(ch.categories.begin(), ch.categories.end(), [](const std::string& s) { return is_period(s); });
  if (!shape.categories_are_periods) {
    shape.series_are_periods =
        !ch.series.empty() &&
        std::all_of(ch.series.begin(), ch.series.end(), [](const Series& s) { return is_period(s.name); });
  }
}

}  // namespace

bool is_measure(const Table& t, std::size_t col) {
  return col < t.columns.size() && t.columns[col].type == Column::Type::Number &&
         !(col == 0 && t.columns.size() > 1);
}

std::string key_text(const Table& t, std::size_t col, const CellView& cell) {
  if (cell.kind == Cell::Kind::Text) return std::string(cell.text);
  if (cell.kind == Cell::Kind::Number && std::isfinite(cell.number)) {
    char buf[64];
    const int d = t.columns[col].type == Column::Type::Number ? std::clamp(t.columns[col].decimals, 0, 10) : 0;
    std::snprintf(buf, sizeof buf, "%.*f", d, cell.number);
    return buf;
  }
  return {};
}

bool chart_covered_by(const Chart& c, const Table& t) {
  if (c.series.empty() || c.categories.empty()) return false;
  // Every labelled cell of the table, indexed by the pairs of its labels (row
  // keys, the keys joined as a chart series names them, the column label), and
  // by single labels for one-series charts.
  struct Obs {
    CellView cell;
    int decimals;
  };
  std::unordered_map<std::string, std::vector<Obs>> index;
  const bool one_series = c.series.size() == 1;
  std::vector<std::string> labels;
  const TableData& d = t.data;
  for (std::size_t r = 0; r < d.rows(); ++r) {
    labels.clear();
    std::string joined;
    std::size_t keys = 0;
    for (std::size_t col = 0; col < t.columns.size() && col < d.columns(); ++col) {
      if (is_measure(t, col)) continue;
      std::string k = key_text(t, col, d.cell(r, col));
      if (k.empty()) continue;
      joined += (keys++ ? " \xE2\x80\x93 " : "") + k;
      labels.push_back(std::move(k));
    }
    if (keys > 1) labels.push_back(joined);
    const std::size_t nkeys = labels.size();
    for (std::size_t col = 0; col < t.columns.size() && col < d.columns(); ++col) {
      if (!is_measure(t, col)) continue;
      const Obs obs{d.cell(r, col), std::clamp(t.columns[col].decimals, 0, 10)};
      labels.resize(nkeys);
      labels.push_back(t.columns[col].label);
      for (std::size_t a = 0; a < labels.size(); ++a) {
        if (one_series) index[labels[a]].push_back(obs);
        for (std::size_t b = 0; b < labels.size(); ++b) {
          if (a != b) index[labels[a] + '\x1f' + labels[b]].push_back(obs);
        }
      }
    }
  }
  auto same = [](const Obs& o, const std::optional<double>& v) {
    const CellView& cell = o.cell;
    const bool present = cell.kind == Cell::Kind::Number && std::isfinite(cell.number);
    if (!v || !std::isfinite(*v)) return !present && cell.kind != Cell::Kind::Text;
    if (!present) return false;
    const double tolerance = 0.5 * std::pow(10.0, -o.decimals) + 1e-9 * std::max(1.0, std::fabs(*v));
    return std::fabs(cell.number - *v) <= tolerance;
  };
  for (const Series& s : c.series) {
    for (std::size_t k = 0; k < c.categories.size(); ++k) {
      static const std::optional<double> missing;
      const std::optional<double>& v = k < s.values.size() ? s.values[k] : missing;
      const auto it = index.find(one_series ? c.categories[k] : c.categories[k] + '\x1f' + s.name);
      if (it == index.end() || std::none_of(it->second.begin(), it->second.end(),
                                            [&](const Obs& o) { return same(o, v); })) {
        return false;
      }
    }
  }
  return true;
}

Plan make_plan(const Document& doc, Language lang, const PlanOptions& opts) {
  Plan plan;
  Planner p(plan, lang);
  walk(doc, p);

  // Charts that draw a table: named by data_table, or found among the tables
  // of the same sheet. Their observations reach the Data sheet once, from the table.
  for (SheetPlan& sp : plan.sheets) {
    for (Item& item : sp.items) {
      if (!item.chart || item.observations == 0) continue;
      const Chart& c = *item.chart;
      if (!c.data_table.empty()) {
        const auto it = plan.tables_by_id.find(c.data_table);
        if (it != plan.tables_by_id.end()) item.covered_by = it->second;
      }
      for (const Item& other : sp.items) {
        if (item.covered_by) break;
        if (other.table && other.observations > 0 && chart_covered_by(c, *other.table)) item.covered_by = other.table;
      }
      plan.covered += item.covered_by != nullptr;
    }
  }

  // What the Data sheet repeats: whole blocks, in reading order, while they fit.
  for (SheetPlan& sp : plan.sheets) {
    for (Item& item : sp.items) {
      if (item.chart) shape_chart(*item.chart, item.shape);
      if (item.observations == 0 || item.covered_by) continue;
      const bool small = opts.data_block_limit == 0 || item.observations <= opts.data_block_limit;
      item.in_data = opts.data_sheet && small && plan.observations + item.observations <= opts.data_rows;
      if (!item.in_data) {
        if (opts.data_sheet) ++plan.left_out;
        continue;
      }
      plan.observations += item.observations;
      if (item.table) shape_table(*item.table, item.shape);
    }
  }
  return plan;
}

}  // namespace sdg::xlsx
