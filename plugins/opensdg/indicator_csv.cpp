// sdgreport opensdg plugin — one Open SDG data file (see indicator_csv.hpp).
//
// The file is read one physical line at a time; lines are joined only while a
// quoted field is open, and each complete record goes through the core's RFC 4180
// reader. Cost is linear in the file; memory holds one record, the kept rows
// and one key per record (Year, Units, Series, GeoCode, disaggregations).
#include "indicator_csv.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <unordered_map>

#include "progress.hpp"
#include "obs_status.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/numbers.hpp"
#include "sdgreport/periods.hpp"

namespace sdg::opensdg {
namespace {

const std::vector<std::string> kSpecialColumns = {
    "Year",         "Value",   "Units", "Series", "GeoCode", "Observation status", "Unit multiplier",
    "Unit measure", "Progress"};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// The records of an indicator file: the core's CSV reader (sdgreport/csv.hpp),
/// its message on an unterminated quote spelled out for the rest of the file.
class RecordStream {
 public:
  RecordStream(std::istream& in, std::string file) : reader_(in, file), file_(std::move(file)) {}

  /// The next record (false at the end); `line` is where it starts, last_line()
  /// where it ends.
  bool next(std::vector<std::string>& fields, int& line) {
    std::optional<CsvRecord> rec;
    try {
      rec = reader_.next();
    } catch (const Error& e) {
      if (e.message().starts_with("unterminated quote"))
        throw Error(ErrorCode::Input,
                    "unterminated quote: the quote on line " + std::to_string(e.where().line) +
                        " is never closed, so the rest of the file would be one record; remove the stray '\"' "
                        "or close it",
                    e.where());
      throw;
    }
    if (!rec) return false;
    fields = std::move(rec->fields);
    line = rec->line;
    last_line_ = rec->last_line;
    return true;
  }

  /// The line the last record returned ends on.
  int last_line() const noexcept { return last_line_; }

 private:
  CsvReader reader_;
  std::string file_;
  int last_line_ = 0;
};

[[noreturn]] void fail(const std::string& file, int line, const std::string& what) {
  throw Error(ErrorCode::Input, what, Location{file, line, 0});
}

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

/// Text that tells the record apart from every other (see the header comment).
std::string row_key(const std::vector<std::string>& fields, int year_col, const std::vector<int>& key_cols) {
  std::string key(trim_spaces(fields[static_cast<std::size_t>(year_col)]));
  for (int c : key_cols) {
    key += '\x1f';
    key += trim_spaces(fields[static_cast<std::size_t>(c)]);
  }
  return key;
}

/// "Year 2019, Sex 'Female'" for messages: the year and the filled key columns.
std::string describe_key(const std::vector<std::string>& fields, const std::vector<std::string>& header,
                         int year_col, const std::vector<int>& key_cols) {
  std::string out = "Year " + std::string(trim_spaces(fields[static_cast<std::size_t>(year_col)]));
  for (int c : key_cols) {
    const std::string_view v = trim_spaces(fields[static_cast<std::size_t>(c)]);
    if (!v.empty()) out += ", " + header[static_cast<std::size_t>(c)] + " " + quoted(std::string(v));
  }
  return out;
}

}  // namespace

std::optional<ValueStatus> observation_status(const std::string& text,
                                              const std::map<std::string, ValueStatus>& extra) {
  const std::string s = lower(std::string(trim_spaces(text)));
  if (auto it = extra.find(s); it != extra.end()) return it->second;
  if (s.empty() || s == "normal value" || s == "normal" || s == "official" || s == "a")
    return ValueStatus::None;
  if (s.find("provisional") != std::string::npos) return ValueStatus::Provisional;
  if (s.find("estimat") != std::string::npos || s.find("forecast") != std::string::npos ||
      s.find("projected") != std::string::npos)
    return ValueStatus::Estimated;
  if (s.find("break") != std::string::npos) return ValueStatus::BreakInSeries;
  if (auto o = plugins::sdmx_obs_status(s); o && !o->missing) return o->status;
  return std::nullopt;
}

std::optional<ValueStatus> missing_value_status(const std::string& text,
                                                const std::map<std::string, ValueStatus>& extra) {
  const std::string s = lower(std::string(trim_spaces(text)));
  auto why = [](ValueStatus st) {
    return st == ValueStatus::NotAvailable || st == ValueStatus::NotApplicable || st == ValueStatus::Confidential;
  };
  if (auto it = extra.find(s); it != extra.end() && why(it->second)) return it->second;
  if (auto o = plugins::sdmx_obs_status(s); o && o->missing) return o->status;
  return std::nullopt;
}

std::optional<double> parse_value(const std::string& text, int& decimals, ValueStatus& status) {
  decimals = 0;
  status = ValueStatus::None;
  const std::string_view t = trim_spaces(text);
  if (auto missing = parse_missing_marker(t)) {
    status = *missing;
    if (*missing == ValueStatus::Nil) return 0.0;  // "-": nil, a true zero
    return std::nullopt;
  }
  if (auto n = parse_number(t, NumberStyle{'.', 0}); n && n->unit.empty()) {
    decimals = n->decimals;
    return n->value;
  }
  // Scientific notation, as some exports write very small values: "1e-05", "2.5E3".
  const auto e = t.find_first_of("eE");
  if (e != std::string_view::npos && e > 0) {
    double v = 0;
    const char* first = t.data();
    if (*first == '+') ++first;
    const char* last = t.data() + t.size();
    auto [end, ec] = std::from_chars(first, last, v);
    if (ec == std::errc() && end == last) {
      const std::string_view mantissa = t.substr(0, e);
      const auto dot = mantissa.find('.');
      int mant_decimals = dot == std::string_view::npos ? 0 : static_cast<int>(mantissa.size() - dot - 1);
      int exponent = 0;
      std::from_chars(t.data() + e + 1 + (t[e + 1] == '+' ? 1 : 0), last, exponent);
      decimals = std::clamp(mant_decimals - exponent, 0, 10);
      return v;
    }
  }
  throw std::invalid_argument("'" + std::string(t) + "' is not a number");
}

std::vector<std::string> read_indicator_header(std::istream& in, const std::string& file_name) {
  RecordStream records(in, file_name);
  std::vector<std::string> fields, out;
  int line = 0;
  while (records.next(fields, line)) {
    if (fields.empty()) continue;
    for (const std::string& f : fields) out.emplace_back(trim_spaces(f));
    break;
  }
  return out;
}

IndicatorData read_indicator_csv(std::istream& in, const std::string& file_name, const CsvOptions& options) {
  IndicatorData data;
  data.file = file_name;
  RecordStream records(in, file_name);
  std::vector<std::string> fields;
  int line = 0;

  // Header: the first non-blank record.
  bool have_header = false;
  while (records.next(fields, line)) {
    if (!fields.empty()) {
      have_header = true;
      break;
    }
  }
  if (!have_header) fail(file_name, 0, "the file is empty: no header row with Year and Value");
  const int header_line = line;
  for (std::string& f : fields) data.header.emplace_back(trim_spaces(f));

  int year_col = -1, value_col = -1, units_col = -1, series_col = -1, geo_col = -1, status_col = -1;
  std::vector<int> disagg_cols;
  for (std::size_t i = 0; i < data.header.size(); ++i) {
    const std::string& name = data.header[i];
    const int col = static_cast<int>(i);
    if (name.empty()) fail(file_name, header_line, "column " + std::to_string(i + 1) + " has no name");
    if (std::find(data.header.begin(), data.header.begin() + col, name) != data.header.begin() + col)
      fail(file_name, header_line, "column " + quoted(name) + " appears twice in the header");
    if (name == "Year")
      year_col = col;
    else if (name == "Value")
      value_col = col;
    else if (name == "Units")
      units_col = col;
    else if (name == "Series")
      series_col = col;
    else if (name == "GeoCode")
      geo_col = col;
    else if (name == "Observation status")
      status_col = col;
    if (!contains(kSpecialColumns, name) && !contains(options.non_disaggregation, name)) {
      disagg_cols.push_back(col);
      data.disaggregation_columns.push_back(name);
    }
  }
  if (year_col < 0 || value_col < 0) {
    std::string cols;
    for (const std::string& h : data.header) cols += (cols.empty() ? "" : ", ") + h;
    fail(file_name, header_line,
         std::string("an Open SDG data file needs the columns Year and Value; the header has: ") + cols);
  }
  data.has_units = units_col >= 0;
  data.has_series = series_col >= 0;
  data.has_geocode = geo_col >= 0;

  // Which kept column each disaggregation column is (−1: not kept).
  std::vector<int> kept_index(disagg_cols.size(), -1);
  for (const std::string& k : options.keep) {
    for (std::size_t j = 0; j < disagg_cols.size(); ++j) {
      if (data.header[static_cast<std::size_t>(disagg_cols[j])] == k && kept_index[j] < 0) {
        kept_index[j] = static_cast<int>(data.kept.size());
        data.kept.push_back(k);
      }
    }
  }

  // Columns besides Year that make a row's key.
  std::vector<int> key_cols;
  for (int c : {units_col, series_col, geo_col})
    if (c >= 0) key_cols.push_back(c);
  key_cols.insert(key_cols.end(), disagg_cols.begin(), disagg_cols.end());
  struct Seen {
    int line;
    int row;  // index into data.rows, or −1 when the row is not kept
    std::string value;
  };
  std::unordered_map<std::string, Seen> seen;
  std::map<std::string, ValueStatus> status_map;
  for (const auto& [k, v] : options.status_map) status_map[lower(std::string(trim_spaces(k)))] = v;

  const std::size_t width = data.header.size();
  while (records.next(fields, line)) {
    if (fields.empty()) continue;  // blank line
    const bool spans = records.last_line() > line;
    if (fields.size() != width)
      fail(file_name, line,
           "row has " + std::to_string(fields.size()) + " fields, the header (line " +
               std::to_string(header_line) + ") has " + std::to_string(width) +
               (spans ? "; a quoted field opened on line " + std::to_string(line) + " runs to line " +
                            std::to_string(records.last_line()) + " — a stray '\"'?"
                      : std::string()));
    if (spans) {
      // A line inside a quoted field that looks like a record of this file (a
      // year, then the header's number of fields) was one: a stray quote.
      for (const std::string& f : fields) {
        std::size_t nl = f.find('\n');
        for (int at = line; nl != std::string::npos; nl = f.find('\n', nl + 1)) {
          ++at;
          const std::string_view next = std::string_view(f).substr(nl + 1, f.find('\n', nl + 1) - nl - 1);
          const auto commas = static_cast<std::size_t>(std::count(next.begin(), next.end(), ','));
          if (leading_year(next.substr(0, next.find(','))) && commas + 1 >= width)
            fail(file_name, line,
                 "a quoted field opened on line " + std::to_string(line) + " runs to line " +
                     std::to_string(records.last_line()) + " and holds line " + std::to_string(at) + " ('" +
                     std::string(next) + "'), which looks like a record: a stray '\"'?");
        }
      }
      for (int c : {year_col, value_col})
        if (fields[static_cast<std::size_t>(c)].find('\n') != std::string::npos)
          fail(file_name, line,
               "a quoted " + data.header[static_cast<std::size_t>(c)] + " opened on line " +
                   std::to_string(line) + " runs to line " + std::to_string(records.last_line()) +
                   " — a stray '\"'?");
    }
    ++data.records;

    // Which disaggregation cells are filled.
    int filled = 0, filled_at = -1;
    for (std::size_t j = 0; j < disagg_cols.size(); ++j) {
      if (!trim_spaces(fields[static_cast<std::size_t>(disagg_cols[j])]).empty()) {
        ++filled;
        filled_at = static_cast<int>(j);
      }
    }

    Observation obs;
    obs.line = line;
    obs.year = std::string(trim_spaces(fields[static_cast<std::size_t>(year_col)]));
    if (obs.year.empty()) fail(file_name, line, "empty Year");
    const auto y = leading_year(obs.year);
    if (!y)
      fail(file_name, line,
           "Year " + quoted(obs.year) + " does not start with a four-digit year (e.g. 2019, 2004/05)");
    obs.year_start = *y;
    try {
      obs.value = parse_value(fields[static_cast<std::size_t>(value_col)], obs.decimals, obs.status);
    } catch (const std::invalid_argument& e) {
      fail(file_name, line, std::string("bad number in column Value: ") + e.what());
    }
    if (obs.value && status_col >= 0) {
      const std::string& text = fields[static_cast<std::size_t>(status_col)];
      if (auto st = observation_status(text, status_map))
        obs.status = *st;
      else
        data.unknown_statuses.emplace(trim_spaces(text));
    } else if (!obs.value && status_col >= 0 && obs.status == ValueStatus::NotAvailable &&
               trim_spaces(fields[static_cast<std::size_t>(value_col)]).empty()) {
      // An empty value whose status says why ("Missing value; suppressed" is
      // confidential, not "not available").
      const std::string& text = fields[static_cast<std::size_t>(status_col)];
      if (auto st = missing_value_status(text, status_map))
        obs.status = *st;
      else if (!trim_spaces(text).empty() && !observation_status(text, status_map))
        data.unknown_statuses.emplace(trim_spaces(text));
    }

    const bool kept = filled == 0 || (filled == 1 && kept_index[static_cast<std::size_t>(filled_at)] >= 0);
    if (filled == 1 && kept) {
      obs.disaggregation = kept_index[static_cast<std::size_t>(filled_at)];
      obs.category = std::string(
          trim_spaces(fields[static_cast<std::size_t>(disagg_cols[static_cast<std::size_t>(filled_at)])]));
    }
    if (units_col >= 0) obs.units = std::string(trim_spaces(fields[static_cast<std::size_t>(units_col)]));
    if (series_col >= 0) obs.series = std::string(trim_spaces(fields[static_cast<std::size_t>(series_col)]));
    if (geo_col >= 0) obs.geocode = std::string(trim_spaces(fields[static_cast<std::size_t>(geo_col)]));

    // One observation per key; a second one is recorded, never dropped silently.
    std::string value_text(trim_spaces(fields[static_cast<std::size_t>(value_col)]));
    auto [it, fresh] =
        seen.try_emplace(row_key(fields, year_col, key_cols),
                         Seen{line, kept ? static_cast<int>(data.rows.size()) : -1, value_text});
    if (!fresh) {
      Seen& first = it->second;
      DuplicateRow dup{first.line, line, describe_key(fields, data.header, year_col, key_cols), first.value,
                       value_text};
      if (options.duplicates == plugins::DuplicatePolicy::Error)
        fail(file_name, line,
             "a second row for " + dup.key + " (value " + quoted(dup.second_value) + "; the first, on line " +
                 std::to_string(dup.first_line) + ", has " + quoted(dup.first_value) +
                 "); remove one, or set 'duplicates: first' or 'last'");
      data.duplicates.push_back(std::move(dup));
      if (options.duplicates == plugins::DuplicatePolicy::Last) {
        if (first.row >= 0) data.rows[static_cast<std::size_t>(first.row)] = std::move(obs);
        first.line = line;
        first.value = std::move(value_text);
      }
      continue;
    }
    if (kept) data.rows.push_back(std::move(obs));
  }
  return data;
}

}  // namespace sdg::opensdg
