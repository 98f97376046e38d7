// Private to the xlsx plugin: the long-format Data sheet, the sheet a
// statistician filters and pivots. One row per observation of every table and
// chart the plan marked `in_data`, with the columns
//
//   Goal | Target | Indicator | Series | Period | <disaggregations…> | Value | Unit | Status | Source | Table
//
// Goal is a number; Target comes from the indicator (catalogue) or from a goal
// section covering exactly one target; Series is the measure (a column label or
// chart series, or the table caption when the columns are periods); Period is a
// period column label, a period key column ("Year") or a chart's period
// categories; each disaggregation (key column, e.g. "Region") gets its own
// column, merged across tables by name; Value is a number cell with the
// column's decimals, or empty with Status saying why.
#pragma once

#include <string>

#include "book.hpp"
#include "plan.hpp"

namespace sdg::xlsx {

/// The name wanted for the Data sheet in `lang`.
std::string data_sheet_name(const std::string& lang);

/// Writes the Data sheet; rows in order, header frozen and filtered.
void write_data_sheet(Book& book, Sheet& sheet, const Plan& plan, const std::string& lang);

}  // namespace sdg::xlsx
