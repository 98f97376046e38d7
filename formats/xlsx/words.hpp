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

/// A period that is a plain year ("2021") as a number, so that the Data sheet's
/// Period column sorts and filters as numbers; nullopt for "2013/14", "2021Q1"…
std::optional<int> year_number(std::string_view period);

}  // namespace sdg::xlsx
