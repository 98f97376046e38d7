#include "sdgreport/numbers.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sdg {

namespace {

constexpr std::string_view kMinusSign = "\xE2\x88\x92";      // U+2212
constexpr std::string_view kEnDash = "\xE2\x80\x93";         // U+2013
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";       // U+2026

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool three_digits(std::string_view s) {
  return s.size() >= 3 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]);
}

}  // namespace

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
    std::size_t sep = space_length(s);
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

int decimals_needed(double v) {
  if (!std::isfinite(v) || v == 0) return 0;
  // As printf's "%.15g" (trailing zeros dropped), but never through the C locale.
  char buf[40];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::general, 15);
  if (ec != std::errc()) return 0;
  const std::string_view s(buf, static_cast<std::size_t>(end - buf));
  std::string_view mantissa = s;
  int exponent = 0;
  if (const std::size_t e = s.find('e'); e != std::string_view::npos) {
    mantissa = s.substr(0, e);
    std::string_view ex = s.substr(e + 1);
    if (!ex.empty() && ex[0] == '+') ex.remove_prefix(1);
    std::from_chars(ex.data(), ex.data() + ex.size(), exponent);
  }
  const std::size_t dot = mantissa.find('.');
  const int fraction = dot == std::string_view::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
  return std::clamp(fraction - exponent, 0, 10);
}

int decimals_needed(std::span<const std::optional<double>> values, int most) {
  int d = 0;
  for (const auto& v : values)
    if (v && std::isfinite(*v)) d = std::max(d, std::min(most, decimals_needed(*v)));
  return d;
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
