#include "metadata_sheet.hpp"

#include <algorithm>

#include "lxw_errors.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sheet_names.hpp"
#include "words.hpp"

namespace sdg::xlsx {

namespace {

enum Col { kIndicator, kTitle, kGoal, kTarget, kUnit, kDefinition, kSource, kUpdated, kTable, kColumns };

std::string meta(const std::map<std::string, std::string>& m, const char* key) {
  const auto it = m.find(key);
  return it == m.end() ? std::string() : it->second;
}

/// The units of a table's number columns, each once, in order.
std::string units_of(const Table& t) {
  std::vector<std::string> seen;
  for (const Column& c : t.columns) {
    if (c.type == Column::Type::Number && !c.unit.empty() &&
        std::find(seen.begin(), seen.end(), c.unit) == seen.end()) {
      seen.push_back(c.unit);
    }
  }
  std::string out;
  for (const auto& u : seen) out += (out.empty() ? "" : "; ") + u;
  return out;
}

std::string units_of(const Chart& c) {
  std::vector<std::string> seen;
  for (const Series& s : c.series) {
    if (!s.unit.empty() && std::find(seen.begin(), seen.end(), s.unit) == seen.end()) seen.push_back(s.unit);
  }
  std::string out;
  for (const auto& u : seen) out += (out.empty() ? "" : "; ") + u;
  return out;
}

}  // namespace

bool wants_metadata_sheet(const Plan& plan) {
  for (const SheetPlan& sp : plan.sheets) {
    for (const Item& item : sp.items) {
      if (item.table || !item.covered_by) return true;
    }
  }
  return false;
}

void write_metadata_sheet(Book& book, Sheet& sheet, const Plan& plan, const std::vector<std::vector<Anchor>>& anchors,
                          const std::string& lang) {
  const Label heads[kColumns] = {Label::Indicator,  Label::Title,  Label::Goal,    Label::Target, Label::Unit,
                                 Label::Definition, Label::Source, Label::Updated, Label::Table};
  std::vector<std::string> names;
  for (int c = 0; c < kColumns; ++c) {
    names.push_back(label(heads[c], lang));
    sheet.text(0, c, names.back(), book.header);
  }
  sheet.mark_header(0);
  worksheet_freeze_panes(sheet.get(), 1, 1);
  int row = 1;
  for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
    const SheetPlan& sp = plan.sheets[i];
    for (std::size_t k = 0; k < sp.items.size(); ++k) {
      const Item& item = sp.items[k];
      if (item.chart && item.covered_by) continue;  // described by its table
      const Table* t = item.table;
      const Chart* c = item.chart;
      static const std::map<std::string, std::string> none;
      const auto& m = t ? t->metadata : none;
      const std::string& id = t ? t->indicator : c->indicator;
      const bool national = t ? t->national : c->national;
      const std::string block_title = t ? table_title(*t, lang) : chart_title(*c, lang);
      const Indicator* ind = id.empty() || national ? nullptr : Catalogue::get().find_indicator(id);

      std::string title = meta(m, "title");
      if (title.empty() && ind) title = ind->title(lang);
      if (title.empty()) title = block_title;
      // Goal and target wherever something knows them: the goal section, the
      // catalogue's indicator, or a goal section that covers exactly one target
      // (as on the Data sheet).
      int goal = item.goal;
      if (goal == 0 && ind) goal = ind->goal;
      std::string target = ind ? ind->target : std::string();
      if (target.empty() && !national && sp.owner && sp.owner->targets().size() == 1)
        target = sp.owner->targets().front();
      std::string unit = meta(m, "unit");
      if (unit.empty()) unit = t ? units_of(*t) : units_of(*c);
      std::string source = meta(m, "organisation");
      if (source.empty()) source = t ? t->source : c->source;
      std::string url = meta(m, "url");
      if (!is_web_link(url)) url = t ? t->source_url : c->source_url;

      sheet.text(row, kIndicator, indicator_text(id, national, lang));
      sheet.text(row, kTitle, title);
      if (goal > 0) sheet.number(row, kGoal, goal, nullptr, 0);
      sheet.text(row, kTarget, target);
      sheet.text(row, kUnit, unit);
      sheet.text(row, kDefinition, meta(m, "definition"));
      if (is_web_link(url)) {
        sheet.link(row, kSource, url, source.empty() ? url : source);
      } else {
        sheet.text(row, kSource, source);
      }
      sheet.text(row, kUpdated, meta(m, "updated"));
      const Anchor& a = anchors[i][k];
      sheet.link(row, kTable, internal_link(a.sheet, a.row, 0), block_title);
      ++row;
    }
  }
  // A table object (filter buttons, sorting) as on the Data sheet; an autofilter in constant-memory mode.
  if (!book.constant_memory() && row > 1) {
    sheet.table_object(0, row - 1, names, book.table_name("Metadata", ++book.tables));
  } else {
    check(worksheet_autofilter(sheet.get(), 0, 0, static_cast<lxw_row_t>(std::max(row - 1, 0)),
                               static_cast<lxw_col_t>(kColumns - 1)),
          "autofilter on sheet '" + sheet.name() + "'", book.final_path());
  }
  sheet.apply_widths(8, 60);
}

}  // namespace sdg::xlsx
