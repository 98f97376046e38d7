#include "sdgreport/numbers.hpp"

#include <charconv>

namespace sdg {

namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";       // U+00A0
constexpr std::string_view kNarrowNoBreak = "\xE2\x80\xAF";  // U+202F
constexpr std::string_view kThinSpace = "\xE2\x80\x89";      // U+2009
constexpr std::string_view kMinusSign = "\xE2\x88\x92";      // U+2212
constexpr std::string_view kEnDash = "\xE2\x80\x93";         // U+2013
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";       // U+2026

// Length of the space at the start of `s` (0 if none).
std::size_t space_at(std::string_view s) {
  if (s.empty()) return 0;
  if (s[0] == ' ' || s[0] == '\t') return 1;
  if (static_cast<unsigned char>(s[0]) < 0x80) return 0;  // the others start with a lead byte
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.starts_with(sp)) return sp.size();
  return 0;
}

std::size_t space_before_end(std::string_view s) {
  if (s.empty()) return 0;
  if (s.back() == ' ' || s.back() == '\t') return 1;
  if (static_cast<unsigned char>(s.back()) < 0x80) return 0;  // the others end with a continuation byte
  for (std::string_view sp : {kNoBreakSpace, kNarrowNoBreak, kThinSpace})
    if (s.ends_with(sp)) return sp.size();
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool three_digits(std::string_view s) {
  return s.size() >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]);
}

}  // namespace

std::string_view trim_spaces(std::string_view s) {
  while (std::size_t n = space_at(s)) s.remove_prefix(n);
  while (std::size_t n = space_before_end(s)) s.remove_suffix(n);
  return s;
}

std::optional<ParsedNumber> parse_number(std::string_view text, NumberStyle style) {
  if (style.group != 0 && style.group == style.decimal) return std::nullopt;
  std::string_view s = trim_spaces(text);
  ParsedNumber out;
  if (s.ends_with('%')) {
    out.unit = "%";
    s.remove_suffix(1);
    s = trim_spaces(s);
  }

  std::string ascii;  // rewritten as "-1234.5" for from_chars
  if (s.starts_with('-')) {
    ascii += '-';
    s.remove_prefix(1);
  } else if (s.starts_with(kMinusSign)) {
    ascii += '-';
    s.remove_prefix(kMinusSign.size());
  } else if (s.starts_with('+')) {
    s.remove_prefix(1);
  }

  // Integer part: digits, optionally in groups of three after a separator.
  std::size_t group = 0;
  bool grouped = false;
  while (!s.empty()) {
    if (is_digit(s[0])) {
      ascii += s[0];
      ++group;
      s.remove_prefix(1);
      continue;
    }
    std::size_t sep = space_at(s);
    if (sep == 0 && style.group != 0 && s[0] == style.group) sep = 1;
    if (sep == 0) break;
    if (group == 0 || group > 3 || (grouped && group != 3)) return std::nullopt;
    if (!three_digits(s.substr(sep))) return std::nullopt;
    grouped = true;
    group = 0;
    s.remove_prefix(sep);
  }
  if (group == 0 || (grouped && group != 3)) return std::nullopt;

  const bool decimal_here =
      !s.empty() && (style.decimal != 0 ? s[0] == style.decimal : (s[0] == '.' || s[0] == ','));
  if (decimal_here) {
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
  const char* last = first + ascii.size();
  auto [end, ec] = std::from_chars(first, last, out.value);
  if (ec != std::errc() || end != last) return std::nullopt;
  return out;
}

std::optional<ValueStatus> parse_missing_marker(std::string_view text) {
  std::string_view s = trim_spaces(text);
  if (s.empty() || s == ".." || s == "..." || s == kEllipsis) return ValueStatus::NotAvailable;
  if (s == ".") return ValueStatus::NotApplicable;
  if (s == "-" || s == kEnDash) return ValueStatus::Nil;  // a true zero: the caller makes it the number 0
  if (s == ":") return ValueStatus::Confidential;
  return std::nullopt;
}

}  // namespace sdg
