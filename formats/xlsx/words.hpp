// Private to the xlsx plugin: the titles of blocks and indicators, with the
// core's labels (sdgreport/i18n.hpp) where a block has none.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg::xlsx {

/// The caption, or "Table" when it has none.
std::string table_title(const Table& t, Language lang);
/// The title, or "Chart" when it has none.
std::string chart_title(const Chart& c, Language lang);

/// An indicator id as the workbook shows it: "7.2.1", or for a national
/// indicator "3-1-f (National indicator)"; "" when there is none.
std::string indicator_text(const std::string& id, bool national, Language lang);

}  // namespace sdg::xlsx
