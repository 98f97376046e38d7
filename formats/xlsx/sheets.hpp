// Private to the xlsx plugin: the layout of each kind of sheet.
//
//   Contents   report title, organisation, date, language; then a linked list
//              of every other sheet and of each table and chart on it.
//   <section>  for each table: caption, header row (label + unit), typed cells,
//              a status note column when a cell carries a status, the source
//              note; for each chart: its data laid out the same way with a
//              native chart beside it. The first table's header is frozen and
//              filtered.
//   Data       every observation of every table and chart in long format.
//
// All rows of a sheet are written in increasing order (constant-memory mode).
#pragma once

#include <string>
#include <vector>

#include "book.hpp"
#include "plan.hpp"

namespace sdg::xlsx {

/// Where a table or chart landed, for links from the Contents sheet.
struct Anchor {
  std::string sheet;
  int row = 0;
};

/// Writes one section sheet; returns one anchor per item of `plan`.
std::vector<Anchor> write_section_sheet(Book& book, Sheet& sheet, const SheetPlan& plan,
                                        const std::string& lang);

/// Writes the long-format observations over `sheets` (one or more Data sheets,
/// each up to Excel's row limit).
void write_data_sheets(Book& book, std::vector<Sheet>& sheets, const Plan& plan, const std::string& lang);

/// Rows per Data sheet (Excel's limit less the header row).
std::size_t data_rows_per_sheet();

/// Writes the Contents sheet.
void write_contents(Book& book, Sheet& sheet, const Document& doc, const Plan& plan,
                    const std::vector<std::vector<Anchor>>& anchors, const std::vector<Sheet>& data_sheets,
                    const std::string& lang);

/// The name wanted for the Data sheet in `lang`.
std::string data_sheet_name(const std::string& lang);

}  // namespace sdg::xlsx
