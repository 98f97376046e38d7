// sdgreport — reading numbers and missing-value markers as statistics offices
// write them: "1234.5", "1 234,5" (space, no-break or thin space between groups),
// "-2 000 000,00", "−3" (U+2212), "12 %", and with a declared thousands character
// "1,234.5" or "1.234,5". Used by the data-source plugins; available to plugin authors.
//
//   auto n = sdg::parse_number("1 234,5");          // value 1234.5, decimals 1
//   auto e = sdg::parse_number("1,234.5", {'.', ','});   // decimal '.', groups ','
//   sdg::parse_missing_marker("..")                  // ValueStatus::NotAvailable
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sdgreport/table_data.hpp"  // ValueStatus
#include "sdgreport/text.hpp"        // trim_spaces (was declared here)

namespace sdg {

struct NumberStyle {
  /// Decimal mark: '.', ',' or 0 for "either" (a single '.' or ',' followed by digits).
  char decimal = 0;
  /// Thousands separator besides spaces: ',' or '.' (must differ from `decimal`), or 0 for none.
  char group = 0;
};

struct ParsedNumber {
  double value = 0;
  int decimals = 0;   ///< digits after the decimal mark as written
  std::string unit;   ///< "%" when the text ends with a percent sign
};

/// The number in `text` (surrounding spaces ignored), or nullopt when it is not
/// exactly a number in the given style. Digit groups must be of three digits.
std::optional<ParsedNumber> parse_number(std::string_view text, NumberStyle style = {});

/// The decimals `v` needs to be shown as it is (0–10, the model's most): those of
/// its shortest form in 15 significant digits, the digits a double always keeps
/// ("12.25" → 2, 0.1 + 0.2 → 1, 1e-5 → 5, 1/3 → 10). A number read from text
/// gets back the decimals it was written with, trailing zeros aside.
int decimals_needed(double v);

/// The most decimals any of `values` needs (decimals_needed; missing and
/// non-finite values aside), at most `most`: the decimals a series or a chart's
/// values are shown with, so that none is rounded.
int decimals_needed(std::span<const std::optional<double>> values, int most = 10);

/// Status of a missing-value marker: "" / ".." / "..." / "…" not available,
/// "." not applicable, ":" confidential; nullopt for anything else. "-" and "–"
/// are nil (ValueStatus::Nil: a true zero, as Statistics Norway and the UN write
/// it): not a missing value, so the caller makes the cell the number 0 marked
/// nil (Cell::of(0.0, ValueStatus::Nil)); see docs/status-symbols.md.
std::optional<ValueStatus> parse_missing_marker(std::string_view text);

}  // namespace sdg
