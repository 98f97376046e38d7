// Private to the xlsx plugin: what goes on which sheet, gathered with the one
// walker (sdg::walk) before anything is written, so names, limits and sizes are
// checked first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::xlsx {

/// A table or chart block, in reading order.
struct Item {
  const Table* table = nullptr;  ///< exactly one of table and chart is set
  const Chart* chart = nullptr;
  int goal = 0;                  ///< enclosing goal, 0 if none
};

/// One worksheet: the tables and charts of one goal section (the innermost
/// enclosing one), or else of one chapter.
struct SheetPlan {
  const Section* owner = nullptr;
  int goal = 0;             ///< goal of the owner section, 0 if not a goal section
  std::string wanted_name;  ///< "Goal 7 Affordable and clean energy" or the chapter title
  std::string title;        ///< the section's title, for the Contents sheet
  std::string name;         ///< the valid, unique sheet name (set by assign_names)
  std::vector<Item> items;
};

struct Plan {
  std::vector<SheetPlan> sheets;
  std::size_t observations = 0;  ///< rows of the long-format Data sheet
  std::size_t cells = 0;         ///< rough cell count, to choose constant-memory mode
};

/// Whether column `col` of `t` holds measures (one observation per row in the
/// Data sheet): number columns, except the first column of a wider table, which
/// is the row's key (a year, a region) like every text column.
bool is_measure(const Table& t, std::size_t col);

Plan make_plan(const Document& doc, std::string_view lang);

}  // namespace sdg::xlsx
