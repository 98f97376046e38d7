// sdgreport markdown plugin — reading the text of a pipe-table cell as a number
// or as a "no value" marker. Kept apart from the AST walk so it can be tested alone.
#include <charconv>
#include <string>

#include "markdown_reader.hpp"

namespace sdg::markdown {
namespace {

// UTF-8 spellings of the spaces accepted around numbers and between digit groups.
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";        // U+00A0
constexpr std::string_view kNarrowNoBreak = "\xE2\x80\xAF";   // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";       // U+2009
constexpr std::string_view kMinusSign = "\xE2\x88\x92";       // U+2212
constexpr std::string_view kEnDash = "\xE2\x80\x93";          // U+2013

/// Length of the space at the start of `s` (ASCII space or tab, or one of the
/// no-break/thin spaces), 0 if none.
std::size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t') return 1;
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.starts_with(sp)) return sp.size();
  return 0;
}

/// Length of the space at the end of `s`, 0 if none.
std::size_t space_before_end(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || s.back() == '\t') return 1;
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.ends_with(sp)) return sp.size();
  return 0;
}

std::string_view trim(std::string_view s) {
  while (std::size_t n = space_at(s)) s.remove_prefix(n);
  while (std::size_t n = space_before_end(s)) s.remove_suffix(n);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<CellNumber> parse_cell_number(std::string_view text) {
  std::string_view s = trim(text);
  CellNumber out;
  if (s.ends_with('%')) {
    out.unit = "%";
    s.remove_suffix(1);
    s = trim(s);
  }

  std::string ascii;  // the number rewritten as "-1234.5" for from_chars
  if (s.starts_with('-')) {
    ascii += '-';
    s.remove_prefix(1);
  } else if (s.starts_with(kMinusSign)) {
    ascii += '-';
    s.remove_prefix(kMinusSign.size());
  } else if (s.starts_with('+')) {
    s.remove_prefix(1);
  }

  // Integer part: digits, optionally in groups of three separated by one space.
  std::size_t group = 0;  // digits in the current group
  bool grouped = false;
  while (!s.empty()) {
    if (is_digit(s[0])) {
      ascii += s[0];
      ++group;
      s.remove_prefix(1);
      continue;
    }
    std::size_t sp = space_at(s);
    if (sp == 0) break;
    // A separator must follow a full first group (1–3 digits) or a group of three,
    // and be followed by exactly three digits.
    if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
    std::string_view rest = s.substr(sp);
    if (rest.size() < 3 || !is_digit(rest[0]) || !is_digit(rest[1]) || !is_digit(rest[2]))
      return std::nullopt;
    grouped = true;
    group = 0;
    s.remove_prefix(sp);
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;

  // Fraction: one decimal mark, point or comma, then at least one digit.
  if (!s.empty() && (s[0] == '.' || s[0] == ',')) {
    s.remove_prefix(1);
    ascii += '.';
    while (!s.empty() && is_digit(s[0])) {
      ascii += s[0];
      ++out.decimals;
      s.remove_prefix(1);
    }
    if (out.decimals == 0) return std::nullopt;
  }
  if (!s.empty()) return std::nullopt;

  const char* first = ascii.data();
  const char* last = ascii.data() + ascii.size();
  auto [end, ec] = std::from_chars(first, last, out.value);
  if (ec != std::errc() || end != last) return std::nullopt;
  return out;
}

std::optional<ValueStatus> parse_missing_marker(std::string_view text) {
  std::string_view s = trim(text);
  if (s.empty() || s == ".." || s == "\xE2\x80\xA6" /* … */) return ValueStatus::NotAvailable;
  if (s == "-" || s == kEnDash) return ValueStatus::NotApplicable;
  if (s == ":") return ValueStatus::Confidential;
  return std::nullopt;
}

}  // namespace sdg::markdown
