#include "data_sheet.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "lxw_errors.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "words.hpp"

namespace sdg::xlsx {

namespace {

const std::optional<double> kMissing;

class DataWriter {
 public:
  DataWriter(Book& book, Sheet& sheet, const Plan& plan, const std::string& lang)
      : book_(book), sheet_(sheet), lang_(lang), ndims_(static_cast<int>(plan.dimensions.size())) {
    value_ = 5 + ndims_;
    const std::string fixed[] = {label(Label::Goal, lang), label(Label::Target, lang),
                                 label(Label::Indicator, lang), label(Label::Series, lang),
                                 label(Label::Period, lang)};
    int c = 0;
    for (const std::string& h : fixed) sheet_.text(0, c++, h, book_.header);
    for (const std::string& d : plan.dimensions) sheet_.text(0, c++, d, book_.header);
    const std::string rest[] = {label(Label::Value, lang), label(Label::Unit, lang), label(Label::Status, lang),
                                label(Label::Source, lang), label(Label::Table, lang)};
    for (const std::string& h : rest) sheet_.text(0, c++, h, book_.header);
    width_ = c;
    dims_.resize(static_cast<std::size_t>(ndims_));
    worksheet_freeze_panes(sheet_.get(), 1, 0);
  }

  /// Goal, target and indicator of a block, set before its rows.
  void block(int goal, const std::string& indicator, const SheetPlan& sp, const std::string& source,
             std::string title) {
    goal_ = goal;
    target_.clear();
    indicator_ = &indicator;
    source_ = &source;
    title_ = std::move(title);
    if (const Indicator* ind = indicator.empty() ? nullptr : Catalogue::get().find_indicator(indicator)) {
      target_ = ind->target;
      if (goal_ == 0) goal_ = ind->goal;
    } else if (sp.owner && sp.owner->targets().size() == 1) {
      target_ = sp.owner->targets().front();
    }
    std::fill(dims_.begin(), dims_.end(), std::string());
  }

  std::vector<std::string>& dims() { return dims_; }

  /// One observation. `cell` for tables, `value` for charts.
  void row(const std::string& series, const std::string& period, const Cell* cell, const std::optional<double>& value,
           int decimals, const std::string& unit) {
    if (goal_ > 0) sheet_.number(row_, 0, goal_, nullptr, 0);
    sheet_.text(row_, 1, target_);
    sheet_.text(row_, 2, *indicator_);
    sheet_.text(row_, 3, series);
    sheet_.text(row_, 4, period);
    for (int d = 0; d < ndims_; ++d) sheet_.text(row_, 5 + d, dims_[static_cast<std::size_t>(d)]);
    ValueStatus status = ValueStatus::None;
    lxw_format* fmt = decimals >= 0 ? book_.number(decimals, false) : nullptr;
    if (cell) {
      status = cell->status;
      if (cell->kind == Cell::Kind::Number && std::isfinite(cell->number)) {
        sheet_.number(row_, value_, cell->number, fmt, decimals);
      } else if (cell->kind == Cell::Kind::Text) {
        sheet_.text(row_, value_, cell->text);
      } else if (status == ValueStatus::None) {
        status = ValueStatus::NotAvailable;
      }
    } else if (value && std::isfinite(*value)) {
      sheet_.number(row_, value_, *value, fmt, decimals);
    } else {
      status = ValueStatus::NotAvailable;
    }
    sheet_.text(row_, value_ + 1, unit);
    if (status != ValueStatus::None) sheet_.text(row_, value_ + 2, status_label(status, lang_));
    sheet_.text(row_, value_ + 3, *source_);
    sheet_.text(row_, value_ + 4, title_);
    ++row_;
  }

  void finish() {
    check(worksheet_autofilter(sheet_.get(), 0, 0, static_cast<lxw_row_t>(std::max(row_ - 1, 0)),
                               static_cast<lxw_col_t>(width_ - 1)),
          "autofilter on sheet '" + sheet_.name() + "'", book_.final_path());
    sheet_.apply_widths(8, 50);
  }

 private:
  Book& book_;
  Sheet& sheet_;
  std::string lang_;
  int ndims_ = 0, value_ = 0, width_ = 0, row_ = 1;
  int goal_ = 0;
  std::string target_, title_;
  const std::string* indicator_ = nullptr;
  const std::string* source_ = nullptr;
  std::vector<std::string> dims_;
};

}  // namespace

std::string data_sheet_name(const std::string& lang) { return label(Label::Data, lang); }

void write_data_sheet(Book& book, Sheet& sheet, const Plan& plan, const std::string& lang) {
  DataWriter w(book, sheet, plan, lang);
  const std::string none;
  for (const SheetPlan& sp : plan.sheets) {
    for (const Item& item : sp.items) {
      if (!item.in_data) continue;
      const Shape& shape = item.shape;
      if (item.table) {
        const Table& t = *item.table;
        const std::string title = table_title(t, lang);
        w.block(item.goal, t.indicator, sp, t.source, title);
        std::string period;
        for (const auto& r : t.rows) {
          period.clear();
          for (std::size_t c = 0; c < t.columns.size(); ++c) {
            const int d = shape.dimension_of[c];
            const std::string v = c < r.size() ? key_text(t, c, r[c]) : std::string();
            if (d >= 0) w.dims()[static_cast<std::size_t>(d)] = v;
            if (static_cast<int>(c) == shape.period_key) period = v;
          }
          for (std::size_t c = 0; c < t.columns.size() && c < r.size(); ++c) {
            if (!is_measure(t, c)) continue;
            const Column& col = t.columns[c];
            if (shape.periods_across) {
              w.row(title, col.label, &r[c], std::nullopt, col.decimals, col.unit);
            } else {
              w.row(col.label, period, &r[c], std::nullopt, col.decimals, col.unit);
            }
          }
        }
      } else {
        const Chart& ch = *item.chart;
        const std::string title = chart_title(ch, lang);
        w.block(item.goal, ch.indicator, sp, ch.source, title);
        const int decimals = chart_decimals(ch);
        for (const Series& s : ch.series) {
          for (std::size_t k = 0; k < ch.categories.size(); ++k) {
            const std::optional<double>& v = k < s.values.size() ? s.values[k] : kMissing;
            if (shape.categories_are_periods) {
              w.row(s.name, ch.categories[k], nullptr, v, decimals, s.unit);
            } else {
              w.dims()[static_cast<std::size_t>(shape.category_dimension)] = ch.categories[k];
              if (shape.series_are_periods) {
                w.row(title, s.name, nullptr, v, decimals, s.unit);
              } else {
                w.row(s.name, none, nullptr, v, decimals, s.unit);
              }
            }
          }
        }
      }
    }
  }
  w.finish();
}

}  // namespace sdg::xlsx
