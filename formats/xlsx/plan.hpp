// Private to the xlsx plugin: what goes on which sheet, gathered with the one
// walker (sdg::walk) before anything is written, so names, limits and sizes are
// checked first, and the long-format shape of every table and chart is known
// before the first row of the Data sheet.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::xlsx {

/// How a block's cells become long-format observations (one per value).
struct Shape {
  /// Table: the measure columns' labels are periods ("2021", "2004/05"), so the
  /// period is the column and the series is the table's caption.
  bool periods_across = false;
  /// Table: the key column whose values are periods (a "Year" column), or -1.
  int period_key = -1;
  /// Table: the key (text) columns that break the observations down
  /// ("Region", "Sex"), in order, without the period key. They become the Data
  /// sheet's Breakdown ("Region; Sex") and Category ("Oslo; Female") cells.
  std::vector<std::size_t> breakdown;
  /// Chart: the categories are periods; otherwise they are the categories of
  /// the breakdown "Category".
  bool categories_are_periods = false;
  /// Chart: the categories are not periods but the series names are ("2015",
  /// "2023"), so the series name is the period and the series is the title.
  bool series_are_periods = false;
};

/// A table or chart block, in reading order.
struct Item {
  const Table* table = nullptr;  ///< exactly one of table and chart is set
  const Chart* chart = nullptr;
  int goal = 0;                  ///< enclosing goal, 0 if none
  std::size_t observations = 0;  ///< rows it gives on the Data sheet
  std::size_t sheet_rows = 0;    ///< rows it takes on its section sheet
  bool in_data = false;          ///< repeated on the Data sheet (else only referenced)
  /// Chart only: the table that holds every one of its observations (named by
  /// `Chart::data_table`, or found in the same sheet with the same labels and
  /// values). Its observations are on the Data sheet once, from that table.
  const Table* covered_by = nullptr;
  Shape shape;
};

/// One worksheet: the tables and charts of one goal section (the innermost
/// enclosing one), or else of one chapter.
struct SheetPlan {
  const Section* owner = nullptr;
  int goal = 0;             ///< goal of the owner section, 0 if not a goal section
  std::string wanted_name;  ///< "Goal 7 Affordable and clean energy" or the chapter title
  std::string title;        ///< the section's title, for the Contents sheet
  std::string name;         ///< the valid, unique sheet name (set by the writer)
  std::size_t rows = 0;     ///< rows the sheet needs
  std::vector<Item> items;
};

struct PlanOptions {
  bool data_sheet = true;
  /// A block giving more observations than this is not repeated on the Data
  /// sheet (its own sheet holds it, filterable); 0 means no limit.
  std::size_t data_block_limit = 100000;
  /// Rows available on the Data sheet below its header.
  std::size_t data_rows = 1048575;
};

struct Plan {
  std::vector<SheetPlan> sheets;
  std::size_t observations = 0;         ///< rows of the long-format Data sheet
  std::size_t cells = 0;                ///< rough cell count, to choose constant-memory mode
  std::size_t left_out = 0;             ///< blocks with observations not on the Data sheet
  std::size_t covered = 0;              ///< charts whose observations a table already gives
  std::map<std::string, const Table*> tables_by_id;  ///< tables with an id, for Chart::data_table
};

/// Whether column `col` of `t` holds measures (one observation per row in the
/// Data sheet): number columns, except the first column of a wider table, which
/// is the row's key (a year, a region) like every text column.
bool is_measure(const Table& t, std::size_t col);

/// Whether the observations of chart `c` are all in table `t`: for every
/// series and category, `t` has a cell whose row keys and column label include
/// the category and the series name (the name may be absent when the chart has
/// one series) and whose value is the same (both missing, or equal to the
/// table column's decimals).
bool chart_covered_by(const Chart& c, const Table& t);

/// The text of a key cell as it goes into the Data sheet ("" when empty).
std::string key_text(const Table& t, std::size_t col, const CellView& cell);

Plan make_plan(const Document& doc, Language lang, const PlanOptions& opts);

}  // namespace sdg::xlsx
