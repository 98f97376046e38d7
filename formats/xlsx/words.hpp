// Private to the xlsx plugin: the titles of blocks, with the core's labels
// (sdgreport/i18n.hpp) where a block has none.
#pragma once

#include <string>
#include <string_view>

#include "sdgreport/model.hpp"

namespace sdg::xlsx {

/// The caption, or "Table" when it has none.
std::string table_title(const Table& t, std::string_view lang);
/// The title, or "Chart" when it has none.
std::string chart_title(const Chart& c, std::string_view lang);

}  // namespace sdg::xlsx
