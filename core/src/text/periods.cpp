#include "sdgreport/periods.hpp"

#include <algorithm>
#include <string>
#include <tuple>

#include "sdgreport/text.hpp"

namespace sdg {

namespace {

bool digits(std::string_view s, std::size_t n) {
  return s.size() >= n &&
         std::all_of(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(n), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

constexpr std::string_view kEnDash = "\xE2\x80\x93";  // U+2013

}  // namespace

bool is_year(std::string_view s) noexcept {
  if (s.size() != 4 || !digits(s, 4)) return false;
  const int y = number(s);
  return y >= kFirstYear && y <= kLastYear;
}

std::optional<Period> parse_period(std::string_view text) noexcept {
  const std::string_view s = trim_spaces(text);
  if (s.size() < 4 || !is_year(s.substr(0, 4))) return std::nullopt;
  Period p;
  p.year = number(s.substr(0, 4));
  p.time = p.year;
  std::string_view rest = s.substr(4);
  if (rest.empty()) return p;

  // Quarters: "2021Q3", "2021 Q3", "2021-Q3", "2021K3": the middle of the quarter.
  std::string_view q = rest;
  if (q.front() == ' ' || q.front() == '-') q.remove_prefix(1);
  if (q.size() == 2 && (q[0] == 'Q' || q[0] == 'K') && q[1] >= '1' && q[1] <= '4') {
    p.kind = Period::Kind::Quarter;
    p.time = p.year + (q[1] - '1' + 0.5) / 4;
    return p;
  }
  // Months "2021M07": the middle of the month.
  if (rest.size() == 3 && rest[0] == 'M' && digits(rest.substr(1), 2)) {
    const int m = number(rest.substr(1));
    if (m < 1 || m > 12) return std::nullopt;
    p.kind = Period::Kind::Month;
    p.time = p.year + (m - 0.5) / 12;
    return p;
  }
  // Separated: '-', '/' or an en dash.
  std::string_view sep;
  if (rest.front() == '-' || rest.front() == '/')
    sep = rest.substr(0, 1);
  else if (rest.starts_with(kEnDash))
    sep = kEnDash;
  else
    return std::nullopt;
  rest.remove_prefix(sep.size());
  if (rest.size() == 4 && digits(rest, 4)) {  // 2004/2005, 2019-2021
    p.kind = Period::Kind::Range;
    return p;
  }
  if (rest.size() == 2 && digits(rest, 2)) {
    const int two = number(rest);
    if (sep == "-" && two >= 1 && two <= 12 && two != (p.year + 1) % 100) {  // 2021-03
      p.kind = Period::Kind::Month;
      p.time = p.year + (two - 0.5) / 12;
    } else {  // 2004/05, 2004-05, 2011-12
      p.kind = Period::Kind::SplitYear;
    }
    return p;
  }
  // 2021-03-15
  if (sep == "-" && rest.size() == 5 && digits(rest, 2) && rest[2] == '-' && digits(rest.substr(3), 2)) {
    const int m = number(rest.substr(0, 2)), d = number(rest.substr(3));
    if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    p.kind = Period::Kind::Day;
    p.time = p.year + (m - 1 + (d - 0.5) / 31) / 12;
    return p;
  }
  return std::nullopt;
}

bool is_period(std::string_view text) noexcept { return parse_period(text).has_value(); }

std::optional<int> leading_year(std::string_view s) noexcept {
  if (!digits(s, 4)) return std::nullopt;
  if (s.size() > 4 && s[4] >= '0' && s[4] <= '9') return std::nullopt;
  return number(s.substr(0, 4));
}

bool period_before(std::string_view a, std::string_view b) noexcept {
  auto key = [](std::string_view s) {
    if (const auto p = parse_period(s)) return std::pair{0, p->time};
    if (const auto y = leading_year(trim_spaces(s))) return std::pair{0, static_cast<double>(*y)};
    return std::pair{1, 0.0};
  };
  const auto ka = key(a), kb = key(b);
  return std::tie(ka.first, ka.second, a) < std::tie(kb.first, kb.second, b);
}

bool is_period_header(std::string_view label) {
  static constexpr std::string_view kWords[] = {"year", "years", "år",   "årstall", "aar",       "ar",
                                                "jahr", "vuosi", "period", "periode", "time",     "tid",
                                                "tidspunkt", "date", "dato", "time_period"};
  const std::string l = lower(trim_spaces(label));
  return std::find(std::begin(kWords), std::end(kWords), l) != std::end(kWords);
}

}  // namespace sdg
