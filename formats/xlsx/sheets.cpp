#include "sheets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>

#include "lxw_errors.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sheet_names.hpp"

namespace sdg::xlsx {

namespace {

// Words the core's label table does not have yet (see the plugin's report).
enum class Word { Data, DataDescription, Category, Variable };

const std::string& word(Word w, std::string_view lang) {
  struct Entry {
    std::string en, nb, nn;
  };
  static const Entry entries[] = {
      {"Data", "Data", "Data"},
      {"Every observation of every table and chart, one per row",
       "Alle observasjoner i alle tabeller og diagrammer, én per rad",
       "Alle observasjonar i alle tabellar og diagram, éin per rad"},
      {"Category", "Kategori", "Kategori"},
      {"Variable", "Variabel", "Variabel"},
  };
  const Entry& e = entries[static_cast<int>(w)];
  if (lang == "nb") return e.nb;
  if (lang == "nn") return e.nn;
  return e.en;
}

std::string with_unit(const std::string& label, const std::string& unit) {
  return unit.empty() ? label : label + " (" + unit + ")";
}

/// Thousands separators only from five digits up: years stay "2024".
bool wants_thousands(const Table& t, std::size_t col) {
  for (const auto& row : t.rows) {
    if (col < row.size() && row[col].kind == Cell::Kind::Number && std::isfinite(row[col].number) &&
        std::fabs(row[col].number) >= 10000) {
      return true;
    }
  }
  return false;
}

bool wants_thousands(const Chart& c) {
  for (const Series& s : c.series) {
    for (const auto& v : s.values) {
      if (v && std::isfinite(*v) && std::fabs(*v) >= 10000) return true;
    }
  }
  return false;
}

int chart_decimals(const Chart& c) {
  // Enough decimals to show the data as given, at most 3.
  int d = 0;
  for (const Series& s : c.series) {
    for (const auto& v : s.values) {
      if (!v || !std::isfinite(*v)) continue;
      for (int k = d; k < 3; ++k) {
        const double scaled = *v * std::pow(10.0, k);
        if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled))) break;
        d = k + 1;
      }
    }
  }
  return d;
}

std::string table_title(const Table& t, std::string_view lang) {
  return t.caption.empty() ? label(Label::Table, lang) : t.caption;
}

std::string chart_title(const Chart& c, std::string_view lang) {
  return c.title.empty() ? label(Label::Chart, lang) : c.title;
}

class SectionWriter {
 public:
  SectionWriter(Book& book, Sheet& sheet, const std::string& lang) : book_(book), sheet_(sheet), lang_(lang) {}

  int table(const Table& t) {
    const int title_row = row_;
    sheet_.text(row_++, 0, table_title(t, lang_), book_.title, false);

    const int ncols = static_cast<int>(t.columns.size());
    bool any_status = false;
    int status_columns = 0;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      bool here = false;
      for (const auto& r : t.rows) here = here || (c < r.size() && r[c].status != ValueStatus::None);
      status_columns += here;
      any_status = any_status || here;
    }
    const int note_col = any_status ? ncols : -1;

    const int header_row = row_;
    for (int c = 0; c < ncols; ++c) {
      const Column& col = t.columns[static_cast<std::size_t>(c)];
      const std::string head = with_unit(col.label, col.unit);
      sheet_.text(row_, c, head, book_.header);
    }
    if (note_col >= 0) sheet_.text(row_, note_col, label(Label::Status, lang_), book_.header);
    ++row_;

    std::vector<lxw_format*> formats;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Column& col = t.columns[c];
      formats.push_back(col.type == Column::Type::Number ? book_.number(col.decimals, wants_thousands(t, c))
                                                         : nullptr);
    }

    for (const auto& r : t.rows) {
      std::string notes;
      for (int c = 0; c < ncols && static_cast<std::size_t>(c) < r.size(); ++c) {
        const Column& col = t.columns[static_cast<std::size_t>(c)];
        const Cell& cell = r[static_cast<std::size_t>(c)];
        ValueStatus status = cell.status;
        switch (cell.kind) {
          case Cell::Kind::Text:
            sheet_.text(row_, c, cell.text);
            break;
          case Cell::Kind::Number:
            if (std::isfinite(cell.number)) {
              sheet_.number(row_, c, cell.number, formats[static_cast<std::size_t>(c)],
                            col.type == Column::Type::Number ? col.decimals : -1);
            } else {
              book_.ctx().warn("value-not-finite",
                               sheet_.where(row_, c) + ": a value that is not a finite number was left empty");
              if (status == ValueStatus::None) status = ValueStatus::NotAvailable;
            }
            break;
          case Cell::Kind::Empty:
            break;
        }
        if (status != ValueStatus::None) {
          if (!notes.empty()) notes += "; ";
          if (status_columns > 1) notes += col.label + ": ";
          notes += status_label(status, lang_);
        }
      }
      if (note_col >= 0 && !notes.empty()) sheet_.text(row_, note_col, notes, book_.note);
      ++row_;
    }
    const int last_row = std::max(header_row, row_ - 1);

    if (first_table_ && ncols > 0) {
      first_table_ = false;
      worksheet_freeze_panes(sheet_.get(), static_cast<lxw_row_t>(header_row + 1), 0);
      check(worksheet_autofilter(sheet_.get(), static_cast<lxw_row_t>(header_row), 0,
                                 static_cast<lxw_row_t>(last_row),
                                 static_cast<lxw_col_t>(std::max(ncols, note_col + 1) - 1)),
            "autofilter on " + sheet_.where(header_row, 0), book_.final_path());
    }
    source(t.source);
    ++row_;  // a blank row between blocks
    return title_row;
  }

  int chart(const Chart& c) {
    const int title_row = row_;
    sheet_.text(row_++, 0, chart_title(c, lang_), book_.title, false);
    const int header_row = row_;
    const int nseries = static_cast<int>(c.series.size());
    sheet_.text(row_, 0, "", book_.header);
    for (int s = 0; s < nseries; ++s) {
      const Series& series = c.series[static_cast<std::size_t>(s)];
      sheet_.text(row_, s + 1, with_unit(series.name, series.unit), book_.header);
    }
    ++row_;
    lxw_format* fmt = book_.number(chart_decimals(c), wants_thousands(c));
    const int first_data = row_;
    for (std::size_t k = 0; k < c.categories.size(); ++k) {
      sheet_.text(row_, 0, c.categories[k]);
      for (int s = 0; s < nseries; ++s) {
        const auto& values = c.series[static_cast<std::size_t>(s)].values;
        if (k < values.size() && values[k] && std::isfinite(*values[k])) {
          sheet_.number(row_, s + 1, *values[k], fmt, chart_decimals(c));
        }
      }
      ++row_;
    }
    const int last_data = row_ - 1;
    source(c.source);

    if (nseries > 0 && last_data >= first_data) {
      native_chart(c, title_row, header_row, first_data, last_data);
      // Keep the next block below the chart (default 480 × 288 px ≈ 15 rows).
      row_ = std::max(row_, title_row + 16);
    }
    ++row_;
    return title_row;
  }

 private:
  void source(const std::string& text) {
    if (text.empty()) return;
    sheet_.text(row_++, 0, label(Label::Source, lang_) + ": " + text, book_.note, false);
  }

  void native_chart(const Chart& c, int title_row, int header_row, int first, int last) {
    std::uint8_t type = LXW_CHART_LINE;
    if (c.kind == Chart::Kind::Column) type = LXW_CHART_COLUMN;
    if (c.kind == Chart::Kind::Bar) type = LXW_CHART_BAR;
    lxw_chart* ch = workbook_add_chart(book_.get(), type);
    if (!ch) fail("cannot write XLSX: could not create a chart on " + sheet_.where(title_row, 0), book_.final_path());
    const char* name = sheet_.name().c_str();
    const auto r0 = static_cast<lxw_row_t>(first);
    const auto r1 = static_cast<lxw_row_t>(last);
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      lxw_chart_series* series = chart_add_series(ch, nullptr, nullptr);
      if (!series) fail("cannot write XLSX: could not add a chart series on " + sheet_.where(title_row, 0),
                        book_.final_path());
      const auto col = static_cast<lxw_col_t>(s + 1);
      chart_series_set_categories(series, name, r0, 0, r1, 0);
      chart_series_set_values(series, name, r0, col, r1, col);
      // Names and title refer to cells, so text starting with '=' is never
      // taken as a formula by libxlsxwriter.
      chart_series_set_name_range(series, name, static_cast<lxw_row_t>(header_row), col);
    }
    chart_title_set_name_range(ch, name, static_cast<lxw_row_t>(title_row), 0);
    chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);
    if (c.series.size() == 1) chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);

    alt_ = truncate_chars(valid_utf8(c.alt.empty() ? chart_title(c, lang_) : c.alt), 2000);
    lxw_chart_options opts{};
    opts.description = alt_.data();
    check(worksheet_insert_chart_opt(sheet_.get(), static_cast<lxw_row_t>(title_row),
                                     static_cast<lxw_col_t>(c.series.size() + 2), ch, &opts),
          "chart on " + sheet_.where(title_row, 0), book_.final_path());
  }

  Book& book_;
  Sheet& sheet_;
  std::string lang_;
  int row_ = 0;
  bool first_table_ = true;
  std::string alt_;
};

}  // namespace

std::vector<Anchor> write_section_sheet(Book& book, Sheet& sheet, const SheetPlan& plan, const std::string& lang) {
  SectionWriter w(book, sheet, lang);
  std::vector<Anchor> anchors;
  for (const Item& item : plan.items) {
    const int row = item.table ? w.table(*item.table) : w.chart(*item.chart);
    anchors.push_back(Anchor{sheet.name(), row});
  }
  sheet.apply_widths(8, 60);
  if (plan.goal > 0) {
    if (const Goal* g = Catalogue::get().find_goal(plan.goal)) {
      worksheet_set_tab_color(sheet.get(), (lxw_color_t{g->color.r} << 16) | (lxw_color_t{g->color.g} << 8) |
                                               lxw_color_t{g->color.b});
    }
  }
  return anchors;
}

std::size_t data_rows_per_sheet() { return LXW_ROW_MAX - 1; }

std::string data_sheet_name(const std::string& lang) { return word(Word::Data, lang); }

void write_data_sheets(Book& book, std::vector<Sheet>& sheets, const Plan& plan, const std::string& lang) {
  enum Col { Goal_, Indicator_, Sheet_, Title_, Category_, Variable_, Value_, Unit_, Status_, Source_, N_ };
  const std::string headers[N_] = {label(Label::Goal, lang),   label(Label::Indicator, lang),
                                   label(Label::Sheet, lang),  label(Label::Title, lang),
                                   word(Word::Category, lang), word(Word::Variable, lang),
                                   label(Label::Value, lang),  label(Label::Unit, lang),
                                   label(Label::Status, lang), label(Label::Source, lang)};
  std::size_t index = 0;
  int row = 0;
  auto header = [&](Sheet& s) {
    for (int c = 0; c < N_; ++c) s.text(0, c, headers[c], book.header);
    worksheet_freeze_panes(s.get(), 1, 0);
  };
  auto finish = [&](Sheet& s, int last_row) {
    check(worksheet_autofilter(s.get(), 0, 0, static_cast<lxw_row_t>(std::max(last_row, 0)), N_ - 1),
          "autofilter on sheet '" + s.name() + "'", book.final_path());
    s.apply_widths(8, 50);
  };
  if (sheets.empty()) return;
  header(sheets[0]);
  row = 1;

  struct Obs {
    int goal;
    const std::string* indicator;
    const std::string* sheet;
    const std::string* title;
    std::string category;
    const std::string* variable;
    const Cell* cell;         // tables
    std::optional<double> v;  // charts
    const std::string* unit;
    const std::string* source;
  };
  auto emit = [&](const Obs& o) {
    if (static_cast<std::size_t>(row) > data_rows_per_sheet()) {
      finish(sheets[index], row - 1);
      ++index;
      header(sheets[index]);
      row = 1;
    }
    Sheet& s = sheets[index];
    if (o.goal > 0) s.number(row, Goal_, o.goal, nullptr, 0);
    s.text(row, Indicator_, *o.indicator);
    s.text(row, Sheet_, *o.sheet);
    s.text(row, Title_, *o.title);
    s.text(row, Category_, o.category);
    s.text(row, Variable_, *o.variable);
    ValueStatus status = ValueStatus::None;
    if (o.cell) {
      status = o.cell->status;
      if (o.cell->kind == Cell::Kind::Number && std::isfinite(o.cell->number)) {
        s.number(row, Value_, o.cell->number, nullptr, -1);
      } else if (o.cell->kind == Cell::Kind::Text) {
        s.text(row, Value_, o.cell->text);
      } else if (status == ValueStatus::None) {
        status = ValueStatus::NotAvailable;
      }
    } else if (o.v && std::isfinite(*o.v)) {
      s.number(row, Value_, *o.v, nullptr, -1);
    } else {
      status = ValueStatus::NotAvailable;
    }
    s.text(row, Unit_, *o.unit);
    if (status != ValueStatus::None) s.text(row, Status_, status_label(status, lang));
    s.text(row, Source_, *o.source);
    ++row;
  };

  for (const SheetPlan& sp : plan.sheets) {
    for (const Item& item : sp.items) {
      if (item.table) {
        const Table& t = *item.table;
        const std::string title = table_title(t, lang);
        for (const auto& r : t.rows) {
          // The row's key: its first column and every text column, joined.
          std::string key;
          for (std::size_t c = 0; c < t.columns.size() && c < r.size(); ++c) {
            if (is_measure(t, c)) continue;
            const Cell& cell = r[c];
            std::string v;
            if (cell.kind == Cell::Kind::Text) v = cell.text;
            if (cell.kind == Cell::Kind::Number && std::isfinite(cell.number)) {
              char buf[64];
              const int d = t.columns[c].type == Column::Type::Number ? std::clamp(t.columns[c].decimals, 0, 10) : 0;
              std::snprintf(buf, sizeof buf, "%.*f", d, cell.number);
              v = buf;
            }
            if (v.empty()) continue;
            if (!key.empty()) key += " | ";
            key += v;
          }
          for (std::size_t c = 0; c < t.columns.size() && c < r.size(); ++c) {
            if (!is_measure(t, c)) continue;
            emit(Obs{item.goal, &t.indicator, &sp.name, &title, key, &t.columns[c].label, &r[c], std::nullopt,
                     &t.columns[c].unit, &t.source});
          }
        }
      } else {
        const Chart& ch = *item.chart;
        const std::string title = chart_title(ch, lang);
        for (const Series& s : ch.series) {
          for (std::size_t k = 0; k < ch.categories.size(); ++k) {
            const std::optional<double> v = k < s.values.size() ? s.values[k] : std::nullopt;
            emit(Obs{item.goal, &ch.indicator, &sp.name, &title, ch.categories[k], &s.name, nullptr, v, &s.unit,
                     &ch.source});
          }
        }
      }
    }
  }
  finish(sheets[index], row - 1);
}

void write_contents(Book& book, Sheet& sheet, const Document& doc, const Plan& plan,
                    const std::vector<std::vector<Anchor>>& anchors, const std::vector<Sheet>& data_sheets,
                    const std::string& lang) {
  int row = 0;
  sheet.text(row++, 0, doc.meta.title.empty() ? label(Label::Contents, lang) : doc.meta.title, book.big_title,
             false);
  if (!doc.meta.subtitle.empty()) sheet.text(row++, 0, doc.meta.subtitle, nullptr, false);
  ++row;
  auto pair = [&](Label l, const std::string& value) {
    if (value.empty()) return;
    sheet.text(row, 0, label(l, lang), book.label);
    sheet.text(row, 1, value, nullptr, false);
    ++row;
  };
  pair(Label::Title, doc.meta.title);
  pair(Label::Organisation, doc.meta.organisation);
  pair(Label::Date, doc.meta.date.empty() ? std::string() : format_date(doc.meta.date, lang));
  pair(Label::Language, language_tag(lang));
  pair(Label::Edition, doc.meta.edition);
  ++row;

  sheet.text(row, 0, label(Label::Sheet, lang), book.header);
  sheet.text(row, 1, label(Label::Description, lang), book.header);
  sheet.text(row, 2, label(Label::Indicator, lang), book.header);
  ++row;
  for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
    const SheetPlan& sp = plan.sheets[i];
    sheet.link(row, 0, internal_link(sp.name, 0, 0), sp.name);
    std::string what = sp.title;
    if (sp.goal > 0) what = goal_label(sp.goal, lang) + (what.empty() ? "" : " – " + what);
    sheet.text(row, 1, what);
    ++row;
    for (std::size_t k = 0; k < sp.items.size(); ++k) {
      const Item& item = sp.items[k];
      const Anchor& a = anchors[i][k];
      const std::string text = item.table ? label(Label::Table, lang) + ": " + table_title(*item.table, lang)
                                          : label(Label::Chart, lang) + ": " + chart_title(*item.chart, lang);
      sheet.link(row, 1, internal_link(a.sheet, a.row, 0), text);
      sheet.text(row, 2, item.table ? item.table->indicator : item.chart->indicator);
      ++row;
    }
  }
  for (const Sheet& d : data_sheets) {
    sheet.link(row, 0, internal_link(d.name(), 0, 0), d.name());
    sheet.text(row, 1, word(Word::DataDescription, lang));
    ++row;
  }
  sheet.apply_widths(10, 70);
}

}  // namespace sdg::xlsx
