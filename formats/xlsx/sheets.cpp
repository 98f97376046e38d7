#include "sheets.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>
#include <string_view>

#include "axis.hpp"
#include "lxw_errors.hpp"
#include "palette.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/i18n.hpp"
#include "sheet_names.hpp"
#include "words.hpp"

namespace sdg::xlsx {

namespace {

/// Excel's limit on a table column name.
constexpr std::size_t kMaxHeader = 255;

/// Blocks wider than this get plain header cells instead of a table object:
/// libxlsxwriter 1.1.4 allocates columns × columns entries for a table object
/// (_set_default_table_columns), 900 MB for a block 4,000 columns wide.
constexpr std::size_t kMaxTableObjectColumns = 100;

/// Excel draws at most 255 series in a chart; a block with more gets no
/// native chart (its data stay on the sheet and on the Data sheet).
constexpr std::size_t kMaxChartSeries = 255;

std::string with_unit(const std::string& label, const std::string& unit) {
  return unit.empty() ? label : label + " (" + unit + ")";
}

/// Thousands separators only from five digits up: years stay "2024".
bool wants_thousands(const Table& t, std::size_t col) {
  if (col >= t.data.columns()) return false;
  if (const std::span<const double> all = t.data.numbers(col); !all.empty())  // all numbers: no views
    return std::any_of(all.begin(), all.end(), [](double v) { return std::isfinite(v) && std::fabs(v) >= 10000; });
  for (const CellView v : t.data.column(col)) {
    if (v.kind == Cell::Kind::Number && std::isfinite(v.number) && std::fabs(v.number) >= 10000) return true;
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

/// Header texts for a table object: one line, at most 255 characters, never
/// empty, unique ignoring case (Excel refuses a table otherwise).
std::vector<std::string> table_headers(std::vector<std::string> heads, Language lang) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < heads.size(); ++i) {
    std::string h = valid_utf8(heads[i]);
    for (char& ch : h) {
      if (static_cast<unsigned char>(ch) < 0x20) ch = ' ';
    }
    if (h.find_first_not_of(' ') == std::string::npos) h = label(Label::Column, lang) + " " + std::to_string(i + 1);
    h = truncate_chars(h, kMaxHeader - 6);
    std::string fold = h;
    for (char& ch : fold) {
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    }
    std::string unique = h, unique_fold = fold;
    for (int n = 2; !seen.insert(unique_fold).second; ++n) {
      unique = h + " (" + std::to_string(n) + ")";
      unique_fold = fold + " (" + std::to_string(n) + ")";
    }
    heads[i] = unique;
  }
  return heads;
}

/// Series colours: the goal's colour first (a dark blue outside goal
/// sections), then a palette that stays apart from it and reads in grey scale.
// Series look as in the PDF and the HTML edition (formats/common/palette): colour
// with ≥ 3:1 contrast on white (the goal colour, darkened where it is too light),
// and a marker and dash of its own, so colour is never the only cue.
lxw_color_t lxw_color(const palette::Color& c) { return c.rgb24(); }

uint8_t lxw_marker(palette::Marker m) {
  switch (m) {
    case palette::Marker::Circle: return LXW_CHART_MARKER_CIRCLE;
    case palette::Marker::Square: return LXW_CHART_MARKER_SQUARE;
    case palette::Marker::Triangle: return LXW_CHART_MARKER_TRIANGLE;
    case palette::Marker::Diamond: return LXW_CHART_MARKER_DIAMOND;
    case palette::Marker::TriangleDown: return LXW_CHART_MARKER_STAR;  // Excel has no downward triangle
    case palette::Marker::Cross: return LXW_CHART_MARKER_X;
  }
  return LXW_CHART_MARKER_CIRCLE;
}

uint8_t lxw_dash(palette::Dash d) {
  switch (d) {
    case palette::Dash::Solid: return LXW_CHART_LINE_DASH_SOLID;
    case palette::Dash::Dashed: return LXW_CHART_LINE_DASH_DASH;
    case palette::Dash::Dotted: return LXW_CHART_LINE_DASH_ROUND_DOT;
    case palette::Dash::DashDot: return LXW_CHART_LINE_DASH_DASH_DOT;
    case palette::Dash::LongDash: return LXW_CHART_LINE_DASH_LONG_DASH;
    case palette::Dash::DashDotDot: return LXW_CHART_LINE_DASH_LONG_DASH_DOT_DOT;
  }
  return LXW_CHART_LINE_DASH_SOLID;
}

class SectionWriter {
 public:
  SectionWriter(Book& book, Sheet& sheet, const SheetPlan& plan, std::size_t sheet_index, Language lang)
      : book_(book), sheet_(sheet), plan_(plan), sheet_index_(sheet_index), lang_(lang) {}

  int table(const Table& t, std::size_t k) {
    const int title_row = row_;
    sheet_.text(row_++, 0, table_title(t, lang_), book_.title, false);

    const int ncols = static_cast<int>(t.columns.size());
    int status_columns = 0;
    const TableData& d = t.data;
    for (std::size_t c = 0; c < t.columns.size() && c < d.columns(); ++c) status_columns += d.has_status(c);
    const int note_col = status_columns > 0 ? ncols : -1;
    const int width = note_col >= 0 ? ncols + 1 : ncols;

    std::vector<std::string> heads;
    for (const Column& col : t.columns) heads.push_back(with_unit(col.label, col.unit));
    if (note_col >= 0) heads.push_back(label(Label::Status, lang_));

    const int header_row = row_;
    const int last_row = header_row + static_cast<int>(d.rows());
    header(heads, header_row, last_row, t.id, "Table", k);
    ++row_;

    std::vector<lxw_format*> formats;
    std::vector<bool> thousands;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Column& col = t.columns[c];
      thousands.push_back(wants_thousands(t, c));
      formats.push_back(col.type == Column::Type::Number ? book_.number(col.decimals, thousands.back()) : nullptr);
    }

    // Columns of numbers only, without statuses, are read as arrays.
    std::vector<std::span<const double>> plain_numbers;
    for (std::size_t c = 0; c < d.columns(); ++c)
      plain_numbers.push_back(d.has_status(c) ? std::span<const double>() : d.numbers(c));

    std::string notes;
    for (std::size_t r = 0; r < d.rows(); ++r) {
      notes.clear();
      for (int c = 0; c < ncols && static_cast<std::size_t>(c) < d.columns(); ++c) {
        const Column& col = t.columns[static_cast<std::size_t>(c)];
        const std::span<const double> plain = plain_numbers[static_cast<std::size_t>(c)];
        const CellView cell = plain.empty() ? d.cell(r, static_cast<std::size_t>(c))
                                            : CellView(Cell::Kind::Number, {}, plain[r], ValueStatus::None);
        ValueStatus status = cell.status;
        const bool number_column = col.type == Column::Type::Number;
        switch (cell.kind) {
          case Cell::Kind::Text:
            sheet_.text(row_, c, cell.text);
            break;
          case Cell::Kind::Number:
            if (std::isfinite(cell.number)) {
              // A flag (estimated, provisional…) is shown beside the number by
              // the cell's number format; the cell stays a number.
              lxw_format* f = formats[static_cast<std::size_t>(c)];
              if (status_is_flag(status) && number_column) {
                f = book_.number(col.decimals, thousands[static_cast<std::size_t>(c)], status_symbol(status, lang_));
              } else if (status == ValueStatus::Nil) {
                f = book_.literal(status_symbol(status, lang_));  // shows the nil mark; the cell stays the number 0
              }
              sheet_.number(row_, c, cell.number, f, number_column ? col.decimals : -1);
              if (status_is_flag(status)) sheet_.fit(c, 2 + status_symbol(status, lang_).size());
            } else {
              book_.ctx().warn(Code::ValueNotFinite,
                               sheet_.where(row_, c) + ": a value that is not a finite number was left empty");
              if (status == ValueStatus::None) status = ValueStatus::NotAvailable;
              sheet_.text(row_, c, status_symbol(status, lang_), book_.symbol);
            }
            break;
          case Cell::Kind::Empty:
            // The symbol for why it is missing ("..", ":"), right-aligned like a number.
            if (status != ValueStatus::None) sheet_.text(row_, c, status_symbol(status, lang_), book_.symbol);
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
    filter(header_row, last_row, width);
    source(t.source);
    ++row_;  // a blank row between blocks
    return title_row;
  }

  int chart(const Chart& c, const Shape& shape, std::size_t k) {
    const int title_row = row_;
    sheet_.text(row_++, 0, chart_title(c, lang_), book_.title, false);
    const int nseries = static_cast<int>(c.series.size());

    std::vector<std::string> heads;
    heads.push_back(label(shape.categories_are_periods ? Label::Year : Label::Category, lang_));
    for (const Series& s : c.series) heads.push_back(with_unit(s.name, s.unit));

    const int header_row = row_;
    const int last_row = header_row + static_cast<int>(c.categories.size());
    header(heads, header_row, last_row, c.id, "Chart", k);
    ++row_;

    const int decimals = axis::chart_decimals(c);
    lxw_format* fmt = book_.number(decimals, wants_thousands(c));
    const int first_data = row_;
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      sheet_.text(row_, 0, c.categories[i]);
      for (int s = 0; s < nseries; ++s) {
        const auto& values = c.series[static_cast<std::size_t>(s)].values;
        if (i < values.size() && values[i] && std::isfinite(*values[i])) {
          sheet_.number(row_, s + 1, *values[i], fmt, decimals);
        }
      }
      ++row_;
    }
    const int last_data = row_ - 1;
    filter(header_row, last_row, nseries + 1);
    source(c.source);

    if (c.series.size() > kMaxChartSeries) {
      book_.ctx().warn(Code::ChartTooManySeries,
                       "chart '" + chart_title(c, lang_) + "' has " + std::to_string(c.series.size()) +
                           " series; Excel draws at most " + std::to_string(kMaxChartSeries) +
                           ", so the workbook shows its data without a native chart (" +
                           sheet_.where(header_row, 0) + ")");
    } else if (nseries > 0 && last_data >= first_data) {
      native_chart(c, title_row, header_row, first_data, last_data);
      // Keep the next block below the chart (default 480 × 288 px ≈ 15 rows).
      row_ = std::max(row_, title_row + 16);
    }
    ++row_;
    return title_row;
  }

 private:
  /// The header row of a block over rows header_row..last_row: an Excel table
  /// object when possible (libxlsxwriter then writes the header cells itself),
  /// else plain header cells.
  void header(const std::vector<std::string>& heads, int header_row, int last_row, const std::string& id,
              const char* kind, std::size_t k) {
    sheet_.mark_header(header_row);
    const bool as_table = !book_.constant_memory() && last_row > header_row && !heads.empty() &&
                          heads.size() <= kMaxTableObjectColumns;
    if (!as_table) {
      for (std::size_t c = 0; c < heads.size(); ++c) sheet_.text(header_row, static_cast<int>(c), heads[c], book_.header);
      return;
    }
    const std::vector<std::string> names = table_headers(heads, lang_);
    std::string wanted = id;
    if (wanted.empty()) {
      wanted = (plan_.goal > 0 ? "Goal" + std::to_string(plan_.goal) : "Sheet" + std::to_string(sheet_index_ + 1)) +
               "_" + kind + std::to_string(k + 1);
    }
    sheet_.table_object(header_row, last_row, names, book_.table_name(wanted, ++book_.tables));
  }

  /// A sheet holding one block has its header row (and its stub column, the
  /// row labels) frozen; on a sheet of several blocks a frozen header would
  /// pin the first block's header above the others, so nothing is frozen.
  /// Without table objects the first block gets the sheet's one autofilter.
  void filter(int header_row, int last_row, int width) {
    if (!first_block_ || width <= 0) return;
    first_block_ = false;
    if (plan_.items.size() == 1) {
      worksheet_freeze_panes(sheet_.get(), static_cast<lxw_row_t>(header_row + 1), width > 1 ? 1 : 0);
    }
    if (book_.constant_memory()) {
      check(worksheet_autofilter(sheet_.get(), static_cast<lxw_row_t>(header_row), 0,
                                 static_cast<lxw_row_t>(std::max(header_row, last_row)),
                                 static_cast<lxw_col_t>(width - 1)),
            "autofilter on " + sheet_.where(header_row, 0), book_.final_path());
    }
  }

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
      if (!series) {
        fail("cannot write XLSX: could not add a chart series on " + sheet_.where(title_row, 0), book_.final_path());
      }
      const auto col = static_cast<lxw_col_t>(s + 1);
      chart_series_set_categories(series, name, r0, 0, r1, 0);
      chart_series_set_values(series, name, r0, col, r1, col);
      // Names and titles refer to cells, so text starting with '=' is never
      // taken as a formula by libxlsxwriter.
      chart_series_set_name_range(series, name, static_cast<lxw_row_t>(header_row), col);

      const palette::SeriesStyle style = palette::chart_series(plan_.goal, s);
      const lxw_color_t color = lxw_color(style.color);
      lxw_chart_line line{};
      line.color = color;
      if (c.kind == Chart::Kind::Line) {
        line.width = 2.25;
        line.dash_type = lxw_dash(style.dash);
        chart_series_set_line(series, &line);
        line.dash_type = LXW_CHART_LINE_DASH_SOLID;  // marker outlines stay solid
        chart_series_set_marker_type(series, lxw_marker(style.marker));
        chart_series_set_marker_size(series, 5);
        lxw_chart_fill marker{};
        marker.color = color;
        chart_series_set_marker_fill(series, &marker);
        chart_series_set_marker_line(series, &line);
      } else {
        lxw_chart_fill fill{};
        fill.color = color;
        chart_series_set_fill(series, &fill);
        chart_series_set_line(series, &line);
      }
    }
    chart_title_set_name_range(ch, name, static_cast<lxw_row_t>(title_row), 0);
    // A bar chart's category axis is its y axis in libxlsxwriter.
    lxw_chart_axis* category_axis = c.kind == Chart::Kind::Bar ? ch->y_axis : ch->x_axis;
    lxw_chart_axis* value_axis = c.kind == Chart::Kind::Bar ? ch->x_axis : ch->y_axis;
    chart_axis_set_name_range(category_axis, name, static_cast<lxw_row_t>(header_row), 0);
    std::string unit = c.series.empty() ? std::string() : c.series.front().unit;
    for (const Series& s : c.series) {
      if (s.unit != unit) unit.clear();
    }
    // Starts with a word, never '=', so it is not taken as a formula.
    value_title_ = truncate_chars(valid_utf8(with_unit(label(Label::Value, lang_), unit)), 255);
    chart_axis_set_name(value_axis, value_title_.c_str());
    chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
    chart_show_blanks_as(ch, LXW_CHART_BLANKS_AS_GAP);

    alt_ = truncate_chars(valid_utf8(c.alt.empty() ? chart_title(c, lang_) : c.alt), 2000);
    lxw_chart_options opts{};
    opts.description = alt_.data();
    check(worksheet_insert_chart_opt(sheet_.get(), static_cast<lxw_row_t>(title_row),
                                     static_cast<lxw_col_t>(c.series.size() + 2), ch, &opts),
          "chart on " + sheet_.where(title_row, 0), book_.final_path());
    // The chart (480 × 288 pixels) covers about 8 default columns and 15 rows: printed with the sheet.
    sheet_.reach(title_row + 15, static_cast<int>(c.series.size()) + 2 + 7);
  }

  Book& book_;
  Sheet& sheet_;
  const SheetPlan& plan_;
  std::size_t sheet_index_;
  Language lang_;
  int row_ = 0;
  bool first_block_ = true;
  std::string alt_, value_title_;  // libxlsxwriter copies these; kept alive for the call
};

}  // namespace

std::vector<Anchor> write_section_sheet(Book& book, Sheet& sheet, const SheetPlan& plan, std::size_t sheet_index,
                                        Language lang) {
  SectionWriter w(book, sheet, plan, sheet_index, lang);
  std::vector<Anchor> anchors;
  std::size_t tables = 0, charts = 0;
  for (const Item& item : plan.items) {
    const int row = item.table ? w.table(*item.table, tables++) : w.chart(*item.chart, item.shape, charts++);
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

void write_contents(Book& book, Sheet& sheet, const Document& doc, const Plan& plan,
                    const std::vector<std::vector<Anchor>>& anchors, const Sheet* data, const Sheet* metadata,
                    Language lang) {
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
  auto item_text = [&](const Item& item) {
    return item.table ? label(Label::Table, lang) + ": " + table_title(*item.table, lang)
                      : label(Label::Chart, lang) + ": " + chart_title(*item.chart, lang);
  };
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
      sheet.link(row, 1, internal_link(a.sheet, a.row, 0), item_text(item));
      sheet.text(row, 2, item.table ? indicator_text(item.table->indicator, item.table->national, lang)
                                    : indicator_text(item.chart->indicator, item.chart->national, lang));
      ++row;
    }
  }
  if (data) {
    sheet.link(row, 0, internal_link(data->name(), 0, 0), data->name());
    sheet.text(row, 1, label(Label::DataSheetDescription, lang));
    ++row;
  }
  if (metadata) {
    sheet.link(row, 0, internal_link(metadata->name(), 0, 0), metadata->name());
    sheet.text(row, 1, label(Label::Indicator, lang) + ", " + label(Label::Title, lang) + ", " +
                           label(Label::Unit, lang) + ", " + label(Label::Definition, lang) + ", " +
                           label(Label::Source, lang) + ", " + label(Label::Updated, lang));
    ++row;
  }
  if (plan.left_out > 0) {
    sheet.text(row++, 1, label(Label::NotOnDataSheet, lang), book.note, false);
    for (std::size_t i = 0; i < plan.sheets.size(); ++i) {
      for (std::size_t k = 0; k < plan.sheets[i].items.size(); ++k) {
        const Item& item = plan.sheets[i].items[k];
        if (item.in_data || item.observations == 0) continue;
        const Anchor& a = anchors[i][k];
        sheet.link(row, 1, internal_link(a.sheet, a.row, 0),
                   item_text(item) + " (" + std::to_string(item.observations) + " " + label(Label::Observations, lang) + ")");
        sheet.text(row, 2, item.table ? item.table->indicator : item.chart->indicator);
        ++row;
      }
    }
  }
  // The key of status symbols used in the tables and on the Data sheet.
  ++row;
  sheet.text(row, 0, label(Label::SymbolKey, lang), book.header);
  sheet.text(row, 1, label(Label::Status, lang), book.header);
  ++row;
  for (ValueStatus st : all_value_statuses()) {
    sheet.text(row, 0, status_symbol(st, lang));
    sheet.text(row, 1, status_label(st, lang));
    ++row;
  }
  sheet.apply_widths(10, 70);
}

}  // namespace sdg::xlsx
