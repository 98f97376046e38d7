// sdgreport — parsing JSON from untrusted files without crashing.
//
// nlohmann::json copies and compares values recursively, so a 100,000-deep array
// overflows the stack long after parsing. parse_json_bounded() first scans the
// text without recursion and refuses, with file:line:column:
//   - nesting deeper than limits().json_depth,
//   - numbers a double cannot hold (1e309, 1e-400) and integers beyond 2^53,
//     which a double would silently round;
// and turns nlohmann's syntax errors into one-line messages whose quoted input
// has invalid or control bytes escaped (\xNN), so nothing raw reaches a terminal.
//
//   nlohmann::ordered_json j = sdg::parse_json_bounded(text, "data/energy.json");
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sdgreport/error.hpp"

namespace sdg {

/// The checks of parse_json_bounded() without building a value; throws
/// Error(ErrorCode::Input) at the first problem, located in `file`.
void check_json_text(std::string_view text, const std::string& file);

/// Throws the Error for a syntax error nlohmann reported at byte offset `byte`
/// (1-based, as nlohmann counts) with message `what`.
[[noreturn]] void throw_json_syntax_error(std::string_view text, std::size_t byte, const std::string& what,
                                          const std::string& file);

/// `s` with bytes that are not printable ASCII or valid UTF-8 written as \xNN, for messages.
std::string escape_for_message(std::string_view s);

/// 1-based line and column (in bytes) of byte offset `offset` in `text`.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) noexcept;

template <typename Json = nlohmann::ordered_json>
Json parse_json_bounded(std::string_view text, const std::string& file) {
  check_json_text(text, file);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const typename Json::parse_error& e) {
    throw_json_syntax_error(text, e.byte, e.what(), file);
  } catch (const typename Json::exception& e) {
    throw Error(ErrorCode::Input, "not valid JSON: " + escape_for_message(e.what()), Location{file, 0, 0});
  }
}

}  // namespace sdg
