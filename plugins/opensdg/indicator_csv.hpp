// sdgreport opensdg plugin — reading one Open SDG data file
// (`data/indicator_7-2-1.csv`): `Year` first, `Value` last, disaggregation
// columns between (an empty cell means "total"). Pure: a stream in, rows out;
// no plugin loader, no model blocks.
//
//   std::ifstream in("data/indicator_16-1-3.csv", std::ios::binary);
//   auto data = sdg::opensdg::read_indicator_csv(in, "data/indicator_16-1-3.csv",
//                                                {.keep = {"Gender"}});
//   for (const auto& obs : data.rows) { obs.year; obs.series; obs.value; }
//
// Special columns, never disaggregations: Year, Value, Units, Series, GeoCode,
// Observation status, Unit multiplier, Unit measure, Progress (and any named in
// CsvOptions::non_disaggregation). Kept rows: the headline (every disaggregation
// cell empty) and rows disaggregated by exactly one of the `keep` columns; the
// other rows are checked and dropped: memory holds the kept rows plus one key
// per record (for the duplicate check), not the records themselves.
//
// Accepted: UTF-8 BOM, CRLF or LF, no final newline, empty lines (also before
// the header), quoted headers and values with commas, doubled quotes and line
// breaks, spaces around values, years such as "2004/05". Errors are
// sdg::Error(ErrorCode::Input) with file:line: no header, no Year or Value
// column, a repeated column, a row with more or fewer fields than the header, an
// empty or malformed year, a value that is not a number, an unterminated quote,
// a stray quote that would join lines into one record (see below), and — with
// `duplicates: error` — a second observation for one key.
//
// Stray quotes: a `"` that is not at the start of a field is kept as text, so
// an odd number of them would make the following lines one record. That is an
// error naming the line of the quote. A quoted field that spans lines is
// accepted (legitimate multi-line text) unless the record then has the wrong
// number of fields or the line break is inside Year or Value.
//
// Duplicates: two rows with the same Year, Units, Series, GeoCode and the same
// value in every disaggregation column (kept or not) are one key. The second is
// recorded in IndicatorData::duplicates with both lines; CsvOptions::duplicates
// says which value is kept, or makes it an error.
#pragma once

#include <cstddef>
#include <istream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "duplicates.hpp"
#include "sdgreport/model.hpp"

namespace sdg::opensdg {

struct Observation {
  std::string year;                        ///< as published, trimmed: "2019", "2004/05"
  int year_start = 0;                      ///< its first year, for sorting and progress
  std::string units;                       ///< `Units` cell ("" when there is no such column)
  std::string series;                      ///< `Series` cell
  std::string geocode;                     ///< `GeoCode` cell
  int disaggregation = -1;                 ///< index into IndicatorData::kept; −1 for the headline
  std::string category;                    ///< the value of that disaggregation column
  std::optional<double> value;             ///< nullopt: empty cell or a missing-value marker
  int decimals = 0;                        ///< digits after the decimal point as written
  ValueStatus status = ValueStatus::None;  ///< from `Observation status`, or why missing
  int line = 0;
};

/// Two rows with the same key (see the header comment).
struct DuplicateRow {
  int first_line = 0, second_line = 0;
  std::string key;                        ///< e.g. "Year 2019, Sex 'Female'"
  std::string first_value, second_value;  ///< the Value cells as written
};

struct IndicatorData {
  std::string file;
  std::vector<std::string> header;                  ///< column names as read (trimmed)
  std::vector<std::string> disaggregation_columns;  ///< in file order
  std::vector<std::string> kept;                    ///< the `keep` columns present, in `keep` order
  bool has_units = false, has_series = false, has_geocode = false;
  std::vector<Observation> rows;           ///< kept rows, in file order
  std::size_t records = 0;                 ///< data rows read (kept or not)
  std::vector<DuplicateRow> duplicates;    ///< in file order
  std::set<std::string> unknown_statuses;  ///< `Observation status` texts with no mapping
};

struct CsvOptions {
  std::vector<std::string> keep;                ///< disaggregation columns to keep besides the headline
  std::vector<std::string> non_disaggregation;  ///< more special columns to ignore
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;
  /// `Observation status` texts (compared without case and surrounding spaces)
  /// mapped to statuses before the built-in table (see observation_status()).
  std::map<std::string, ValueStatus> status_map;
};

IndicatorData read_indicator_csv(std::istream& in, const std::string& file_name,
                                 const CsvOptions& options = {});

/// Only the header row (the first non-blank record), trimmed; empty for an empty file.
std::vector<std::string> read_indicator_header(std::istream& in, const std::string& file_name);

/// The status of a present value from its `Observation status` text: first
/// `extra` (keys lower-case), then the built-in table — "" / "Normal value" /
/// "Normal" / "Official" → none; text containing "provisional" → provisional,
/// "estimat" → estimated, "break" → break in series, "forecast" / "projected"
/// → estimated. nullopt for any other text (shown as no status; the plugin warns).
std::optional<ValueStatus> observation_status(const std::string& text,
                                              const std::map<std::string, ValueStatus>& extra = {});
/// Why an empty value is missing, from its `Observation status`: a `status_map`
/// entry that maps to a missing status, else the SDMX names ("Missing value;
/// suppressed" → confidential, "Missing value; data cannot exist" → not
/// applicable, "Missing value" → not available; plugins/common/obs_status.hpp).
/// nullopt when the text says nothing about why.
std::optional<ValueStatus> missing_value_status(const std::string& text,
                                                const std::map<std::string, ValueStatus>& extra = {});

/// A value cell: a number ("1.88", "-3", "223.0", "1e-05"; spaces around it are
/// ignored), or nullopt with `status` for an empty cell or a missing-value marker
/// (".." etc.). Throws std::invalid_argument for anything else.
std::optional<double> parse_value(const std::string& text, int& decimals, ValueStatus& status);

}  // namespace sdg::opensdg
