// Private to the xlsx plugin: the long-format Data sheet, the sheet a
// statistician filters and pivots. One row per observation: every table the
// plan marked `in_data`, and every chart whose observations no table holds
// (a chart drawn from a table is not repeated). The columns are
//
//   Goal | Target | Indicator | Series | Period | Breakdown | Category |
//   Value | Symbols | Status | Unit | Source | Table
//
// Goal is a number (the goal section, else the indicator's goal); Target comes
// from the indicator (catalogue) or from a goal section covering exactly one
// target; Indicator is the id, national ones labelled "(National indicator)";
// Series is the measure (a column label or chart series; the table caption
// when the columns are periods or the measure is just "Value"); Period is a
// number for a plain year and text otherwise ("2013/14"); Breakdown names the
// key columns of the observation ("Region", "Sex; Age") and Category holds
// their values ("Oslo", "Female; 15–24"), so two columns serve every table;
// Value is a number cell with the column's decimals, or empty; Symbols and
// Status give the status symbol (status_symbol) and its name.
#pragma once

#include <string>

#include "book.hpp"
#include "plan.hpp"

namespace sdg::xlsx {

/// The name wanted for the Data sheet in `lang`.
std::string data_sheet_name(Language lang);

/// Writes the Data sheet; rows in order, header frozen and filtered.
void write_data_sheet(Book& book, Sheet& sheet, const Plan& plan, Language lang);

}  // namespace sdg::xlsx
