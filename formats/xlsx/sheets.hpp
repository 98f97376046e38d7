// Private to the xlsx plugin: the layout of the section and Contents sheets
// (the Data sheet is in data_sheet.hpp).
//
//   Contents   report title, organisation, date, language; then a linked list
//              of every other sheet and of each table and chart on it.
//   <section>  for each table: caption, header row (label + unit), typed cells,
//              a status note column when a cell carries a status, the source
//              note; for each chart: its data laid out the same way with a
//              native chart beside it. Each block is an Excel table object
//              (filter buttons, a name for pivot tables), except in
//              constant-memory mode, where libxlsxwriter cannot write table
//              objects and the sheet's first block gets the sheet's autofilter.
//              The first block's header row is frozen.
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
std::vector<Anchor> write_section_sheet(Book& book, Sheet& sheet, const SheetPlan& plan, std::size_t sheet_index,
                                        Language lang);

/// Writes the Contents sheet. `data` and `metadata` are null when there is no
/// such sheet. Ends with the key of status symbols in the report language.
void write_contents(Book& book, Sheet& sheet, const Document& doc, const Plan& plan,
                    const std::vector<std::vector<Anchor>>& anchors, const Sheet* data, const Sheet* metadata,
                    Language lang);

}  // namespace sdg::xlsx
