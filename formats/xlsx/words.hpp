// Private to the xlsx plugin: words the workbook needs that the core's label
// table (sdgreport/i18n.hpp) does not have yet, and the titles of blocks.
#pragma once

#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg::xlsx {

enum class Word {
  Series,          ///< Data sheet column: the measured quantity
  Period,          ///< Data sheet column: year or period
  Column,          ///< "Column" for a header left empty
  NotInData,       ///< Contents: blocks too large to repeat on the Data sheet
  SeeSheet,        ///< "rows, on sheet"
};

const std::string& word(Word w, std::string_view lang);

/// The caption, or "Table" when it has none.
std::string table_title(const Table& t, std::string_view lang);
/// The title, or "Chart" when it has none.
std::string chart_title(const Chart& c, std::string_view lang);

}  // namespace sdg::xlsx
