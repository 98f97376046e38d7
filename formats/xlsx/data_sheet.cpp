#include "data_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "axis.hpp"
#include "lxw_errors.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/periods.hpp"
#include "words.hpp"
#include "sdgreport/text.hpp"

namespace sdg::xlsx {

namespace {

const std::optional<double> kMissing;

enum Col { kGoal, kTarget, kIndicator, kSeries, kPeriod, kBreakdown, kCategory, kValue, kSymbol, kStatus, kUnit,
           kSource, kTable, kColumns };

/// "Value" in any case, or the report language's word for it: a measure that
/// names no series.
bool names_no_series(const std::string& s, Language lang) {
  const std::string f = lower(s);
  return f.empty() || f == "value" || f == lower(label(Label::Value, lang));
}

class DataWriter {
 public:
  DataWriter(Book& book, Sheet& sheet, Language lang) : book_(book), sheet_(sheet), lang_(lang) {
    const Label heads[kColumns] = {Label::Goal,     Label::Target,   Label::Indicator, Label::Series, Label::Period,
                                   Label::Breakdown, Label::Category, Label::Value,     Label::SymbolKey,
                                   Label::Status,   Label::Unit,     Label::Source,    Label::Table};
    for (int c = 0; c < kColumns; ++c) {
      heads_.push_back(label(heads[c], lang));
      sheet_.text(0, c, heads_.back(), book_.header);
    }
    sheet_.mark_header(0);
    year_ = book_.number(0, false);
    worksheet_freeze_panes(sheet_.get(), 1, 0);
  }

  /// Goal, target and indicator of a block, set before its rows.
  void block(int goal, const std::string& indicator, bool national, const SheetPlan& sp, const std::string& source,
             std::string title) {
    goal_ = goal;
    target_.clear();
    indicator_ = indicator_text(indicator, national, lang_);
    source_ = &source;
    title_ = std::move(title);
    const Indicator* ind = indicator.empty() || national ? nullptr : Catalogue::get().find_indicator(indicator);
    if (ind) {
      target_ = ind->target;
      if (goal_ == 0) goal_ = ind->goal;
    } else if (!national && sp.owner && sp.owner->targets().size() == 1) {
      target_ = sp.owner->targets().front();
    }
    breakdown_.clear();
    category_.clear();
  }

  std::string& breakdown() { return breakdown_; }
  std::string& category() { return category_; }

  /// One observation. `cell` for tables, `value` for charts.
  void row(const std::string& series, const std::string& period, const CellView* cell,
           const std::optional<double>& value,
           int decimals, const std::string& unit) {
    if (goal_ > 0) sheet_.number(row_, kGoal, goal_, nullptr, 0);
    sheet_.text(row_, kTarget, target_);
    sheet_.text(row_, kIndicator, indicator_);
    sheet_.text(row_, kSeries, series);
    // A plain year ("2021") as a number, so that the Period column sorts and
    // filters as numbers; "2013/14", "2021Q1"… as text.
    if (const auto p = parse_period(period); p && p->kind == Period::Kind::Year) {
      sheet_.number(row_, kPeriod, p->year, year_, 0);
    } else {
      sheet_.text(row_, kPeriod, period);
    }
    sheet_.text(row_, kBreakdown, breakdown_);
    sheet_.text(row_, kCategory, category_);
    ValueStatus status = ValueStatus::None;
    lxw_format* fmt = decimals >= 0 ? book_.number(decimals, false) : nullptr;
    if (cell) {
      status = cell->status;
      if (cell->kind == Cell::Kind::Number && std::isfinite(cell->number)) {
        sheet_.number(row_, kValue, cell->number, fmt, decimals);
      } else if (cell->kind == Cell::Kind::Text) {
        sheet_.text(row_, kValue, cell->text);
      } else if (status == ValueStatus::None) {
        status = ValueStatus::NotAvailable;
      }
    } else if (value && std::isfinite(*value)) {
      sheet_.number(row_, kValue, *value, fmt, decimals);
    } else {
      status = ValueStatus::NotAvailable;
    }
    if (status != ValueStatus::None) {
      sheet_.text(row_, kSymbol, status_symbol(status, lang_));
      sheet_.text(row_, kStatus, status_label(status, lang_));
    }
    sheet_.text(row_, kUnit, unit);
    sheet_.text(row_, kSource, *source_);
    sheet_.text(row_, kTable, title_);
    ++row_;
  }

  /// An Excel table object over the sheet (filter buttons, sorting, a name for
  /// pivot tables); in constant-memory mode, where libxlsxwriter cannot write
  /// one, an autofilter.
  void finish() {
    if (!book_.constant_memory() && row_ > 1) {
      sheet_.table_object(0, row_ - 1, heads_, book_.table_name("Data", ++book_.tables));
    } else {
      check(worksheet_autofilter(sheet_.get(), 0, 0, static_cast<lxw_row_t>(std::max(row_ - 1, 0)),
                                 static_cast<lxw_col_t>(kColumns - 1)),
            "autofilter on sheet '" + sheet_.name() + "'", book_.final_path());
    }
    sheet_.apply_widths(8, 50);
  }

 private:
  Book& book_;
  Sheet& sheet_;
  Language lang_;
  lxw_format* year_ = nullptr;
  int row_ = 1;
  int goal_ = 0;
  std::string target_, title_, indicator_, breakdown_, category_;
  const std::string* source_ = nullptr;
  std::vector<std::string> heads_;
};

void write_table(DataWriter& w, const Table& t, const Item& item, const SheetPlan& sp, Language lang) {
  const Shape& shape = item.shape;
  const std::string title = table_title(t, lang);
  w.block(item.goal, t.indicator, t.national, sp, t.source, title);
  for (std::size_t k = 0; k < shape.breakdown.size(); ++k) {
    w.breakdown() += (k ? "; " : "") + t.columns[shape.breakdown[k]].label;
  }
  std::string period;
  const TableData& d = t.data;
  for (std::size_t r = 0; r < d.rows(); ++r) {
    period.clear();
    w.category().clear();
    if (shape.period_key >= 0 && static_cast<std::size_t>(shape.period_key) < d.columns()) {
      const auto pk = static_cast<std::size_t>(shape.period_key);
      period = key_text(t, pk, d.cell(r, pk));
    }
    for (std::size_t k = 0; k < shape.breakdown.size(); ++k) {
      const std::size_t c = shape.breakdown[k];
      w.category() += (k ? "; " : "") + (c < d.columns() ? key_text(t, c, d.cell(r, c)) : std::string());
    }
    for (std::size_t c = 0; c < t.columns.size() && c < d.columns(); ++c) {
      if (!is_measure(t, c)) continue;
      const Column& col = t.columns[c];
      const CellView cell = d.cell(r, c);
      if (shape.periods_across) {
        w.row(title, col.label, &cell, std::nullopt, col.decimals, col.unit);
      } else {
        w.row(names_no_series(col.label, lang) ? title : col.label, period, &cell, std::nullopt, col.decimals, col.unit);
      }
    }
  }
}

void write_chart(DataWriter& w, const Chart& ch, const Item& item, const SheetPlan& sp, Language lang) {
  const Shape& shape = item.shape;
  const std::string title = chart_title(ch, lang);
  w.block(item.goal, ch.indicator, ch.national, sp, ch.source, title);
  if (!shape.categories_are_periods) w.breakdown() = label(Label::Category, lang);
  const int decimals = axis::chart_decimals(ch);
  const std::string none;
  for (const Series& s : ch.series) {
    const std::string& series = names_no_series(s.name, lang) ? title : s.name;
    for (std::size_t k = 0; k < ch.categories.size(); ++k) {
      const std::optional<double>& v = k < s.values.size() ? s.values[k] : kMissing;
      if (shape.categories_are_periods) {
        w.row(series, ch.categories[k], nullptr, v, decimals, s.unit);
      } else {
        w.category() = ch.categories[k];
        if (shape.series_are_periods) {
          w.row(title, s.name, nullptr, v, decimals, s.unit);
        } else {
          w.row(series, none, nullptr, v, decimals, s.unit);
        }
      }
    }
  }
}

}  // namespace

std::string data_sheet_name(Language lang) { return label(Label::Data, lang); }

void write_data_sheet(Book& book, Sheet& sheet, const Plan& plan, Language lang) {
  DataWriter w(book, sheet, lang);
  for (const SheetPlan& sp : plan.sheets) {
    for (const Item& item : sp.items) {
      if (!item.in_data) continue;
      if (item.table) write_table(w, *item.table, item, sp, lang);
      if (item.chart) write_chart(w, *item.chart, item, sp, lang);
    }
  }
  w.finish();
}

}  // namespace sdg::xlsx
