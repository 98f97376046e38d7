// sdgreport — years and periods as statistics offices write them, one rule for
// every reader and writer (part of the toolkit, see docs/architecture.md "Toolkit"):
// what a year is, what a period is, where it lies in time, how periods sort, and
// which column headers name them.
//
//   sdg::is_year("2015")                    // true: four digits, 1700–2199
//   sdg::parse_period("2021M07")->time      // 2021.54…: the middle of July
//   sdg::parse_period("2004/05")->year      // 2004 (a split year, placed at its start)
//   sdg::is_period("Oslo")                  // false
//   sdg::leading_year("2015 (provisional)") // 2015
//   std::sort(v.begin(), v.end(), sdg::period_before);  // 2004, 2004/05, 2021Q1, 2021M07, …
//   sdg::is_period_header("Årstall")        // true
#pragma once

#include <optional>
#include <string_view>

namespace sdg {

/// The years a bare four-digit number is taken to be a year in: from the oldest
/// national series (Sweden's population, 1749) to the longest projections (2100).
inline constexpr int kFirstYear = 1700;
inline constexpr int kLastYear = 2199;

struct Period {
  enum class Kind { Year, SplitYear, Range, Quarter, Month, Day };
  Kind kind = Kind::Year;
  int year = 0;     ///< the (first) year
  double time = 0;  ///< in years: a year, split year or range at its start; a quarter, month or day at its middle
};

/// True when `text` is a bare year: exactly four ASCII digits from kFirstYear to
/// kLastYear, nothing else (no sign, space or mark) — read as a label, never "2 015".
bool is_year(std::string_view text) noexcept;

/// The period `text` names (spaces around it ignored), or nullopt. The year is a
/// year of is_year(); the forms:
/// - a year: "2015";
/// - a split year: "2004/05", "2004-05", "2004–05" (en dash); a range: "2004/2005",
///   "2019-2021", "2019–2021";
/// - a quarter: "2021Q3", "2021 Q3", "2021-Q3", Norwegian "2021K3" (also with a space or '-');
/// - a month: "2021M07", and "2021-03" when the two digits are a month 01–12 that is
///   not the next year's ("2011-12" is the split year 2011/12, "2021-03" March 2021);
/// - a day: "2021-03-15".
std::optional<Period> parse_period(std::string_view text) noexcept;

/// parse_period(text).has_value().
bool is_period(std::string_view text) noexcept;

/// The four-digit year `text` starts with when no fifth digit follows ("2004/05" →
/// 2004, "2015 (provisional)" → 2015, "20151" → nullopt), any four digits: a
/// column declared to hold years is read, not guessed at.
std::optional<int> leading_year(std::string_view text) noexcept;

/// The one order of periods: by time (parse_period, else the leading year), then by
/// text; text that starts with no year comes after every one that does, by text.
/// A strict weak order, for std::sort and ordered containers.
bool period_before(std::string_view a, std::string_view b) noexcept;

/// True when a column header names periods: the whole header (spaces ignored, any
/// case) is one of year, years, år, årstall, aar, ar, jahr, vuosi, period, periode,
/// time, tid, tidspunkt, date, dato, time_period.
bool is_period_header(std::string_view label);

}  // namespace sdg
