// Private to the xlsx plugin: Excel's text lengths and sheet-name rules, checked
// here so that libxlsxwriter never refuses (and never prints). UTF-8 itself is the
// toolkit's (sdgreport/text.hpp: valid_utf8, utf8_length).
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "sdgreport/text.hpp"

namespace sdg::xlsx {

/// Length as Excel counts it: UTF-16 code units (a character outside the BMP
/// counts 2). Assumes valid UTF-8.
std::size_t excel_length(std::string_view s);

/// The longest prefix of `s` whose excel_length is at most `max`, cut at a
/// character boundary. Assumes valid UTF-8.
std::string truncate_chars(std::string_view s, std::size_t max);

/// Makes valid, unique worksheet names:
/// - no [ ] : * ? / \ and no control characters (replaced by a space, spaces collapsed);
/// - no apostrophe at either end; never empty; not "History" (reserved by Excel);
/// - at most 31 characters, cut at a word boundary where that keeps most of it;
/// - unique ignoring case (" (2)", " (3)"… appended, the base shortened to fit).
class SheetNames {
 public:
  static constexpr std::size_t kMax = 31;

  /// Returns the name to use for `wanted` and reserves it.
  std::string add(std::string_view wanted);

  /// The name `wanted` would be cleaned to (without uniqueness).
  static std::string clean(std::string_view wanted);

 private:
  static std::string fold(std::string_view s);  // case-insensitive key
  std::set<std::string> used_;
};

/// A reference to cell (row, col) of sheet `name` for an internal hyperlink:
/// "internal:'It''s here'!B4".
std::string internal_link(const std::string& sheet, int row, int col);

/// Whether `url` can be written as an external hyperlink: http:// or https://,
/// at most 2,079 characters (Excel's limit), no spaces or control characters.
bool is_web_link(std::string_view url);

/// "B4" for row 3, column 1 (both zero-based).
std::string cell_name(int row, int col);

}  // namespace sdg::xlsx
