// Private to the xlsx plugin: the Metadata sheet, one row per table (and per
// chart whose observations no table holds), in reading order:
//
//   Indicator | Title | Goal | Unit | Definition | Source | Updated | Table
//
// from Table::metadata (keys title, unit, definition, updated, organisation,
// url), the block's indicator (national ones labelled), source and source_url,
// and the catalogue's indicator title for global ids. Source links to the
// metadata url or the block's source_url when it is an http(s) address; Table
// links to the block on its sheet.
#pragma once

#include <string>
#include <vector>

#include "book.hpp"
#include "plan.hpp"
#include "sheets.hpp"

namespace sdg::xlsx {

/// Whether the plan has any block to describe.
bool wants_metadata_sheet(const Plan& plan);

/// Writes the Metadata sheet; `anchors` as returned by write_section_sheet.
void write_metadata_sheet(Book& book, Sheet& sheet, const Plan& plan, const std::vector<std::vector<Anchor>>& anchors,
                          Language lang);

}  // namespace sdg::xlsx
