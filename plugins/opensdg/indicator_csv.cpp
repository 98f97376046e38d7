// sdgreport opensdg plugin — one Open SDG data file (see indicator_csv.hpp).
//
// The file is read one physical line at a time; lines are joined only while a
// quoted field is open, and each complete record goes through the core's RFC 4180
// reader. Cost is linear in the file; memory holds one record plus the kept rows.
#include "indicator_csv.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "progress.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::opensdg {
namespace {

const std::vector<std::string> kSpecialColumns = {
    "Year",         "Value",   "Units", "Series", "GeoCode", "Observation status", "Unit multiplier",
    "Unit measure", "Progress"};

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

/// `Observation status` as published ("Normal value", "Provisional", "Estimated value", …).
ValueStatus observation_status(const std::string& text) {
  const std::string s = lower(text);
  if (s.find("provisional") != std::string::npos) return ValueStatus::Provisional;
  if (s.find("estimat") != std::string::npos) return ValueStatus::Estimated;
  if (s.find("break") != std::string::npos) return ValueStatus::BreakInSeries;
  return ValueStatus::None;
}

/// Counts the quote characters of a line, to know whether a quoted field is open.
std::size_t quotes_in(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '"'));
}

/// Yields complete CSV records from a stream, with the line each starts on.
class RecordStream {
 public:
  RecordStream(std::istream& in, std::string file) : in_(in), file_(std::move(file)) {}

  /// The next record (false at the end); a blank line yields an empty field list.
  bool next(std::vector<std::string>& fields, int& line) {
    std::string record, physical;
    std::size_t quotes = 0;
    int start = 0;
    while (std::getline(in_, physical)) {
      ++line_;
      if (line_ == 1 && physical.starts_with("\xEF\xBB\xBF")) physical.erase(0, 3);
      if (!physical.empty() && physical.back() == '\r') physical.pop_back();
      if (start == 0) {
        start = line_;
        record = std::move(physical);
      } else {
        record += '\n';
        record += physical;
      }
      quotes += quotes_in(start == line_ ? record : physical);
      if (quotes % 2 == 0) return finish(record, start, fields, line);
    }
    if (start == 0) return false;
    // End of input inside a quoted field: the core reader reports it.
    return finish(record, start, fields, line);
  }

 private:
  bool finish(const std::string& record, int start, std::vector<std::string>& fields, int& line) {
    line = start;
    fields.clear();
    if (record.find_first_not_of(" \t") == std::string::npos) return true;  // blank line
    CsvReader reader(record, file_);
    try {
      if (auto rec = reader.next()) fields = std::move(rec->fields);
    } catch (const Error& e) {
      throw Error(ErrorCode::Input, e.message(), Location{file_, start, 0});
    }
    return true;
  }

  std::istream& in_;
  std::string file_;
  int line_ = 0;
};

[[noreturn]] void fail(const std::string& file, int line, const std::string& what) {
  throw Error(ErrorCode::Input, what, Location{file, line, 0});
}

std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

}  // namespace

std::optional<double> parse_value(const std::string& text, int& decimals, ValueStatus& status) {
  decimals = 0;
  status = ValueStatus::None;
  const std::string_view t = trim_spaces(text);
  if (auto missing = parse_missing_marker(t)) {
    status = *missing;
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

  const std::size_t width = data.header.size();
  while (records.next(fields, line)) {
    if (fields.empty()) continue;  // blank line
    if (fields.size() != width)
      fail(file_name, line,
           "row has " + std::to_string(fields.size()) + " fields, the header (line " +
               std::to_string(header_line) + ") has " + std::to_string(width));
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
    if (obs.value && status_col >= 0)
      obs.status = observation_status(fields[static_cast<std::size_t>(status_col)]);

    if (filled == 1 && kept_index[static_cast<std::size_t>(filled_at)] >= 0) {
      obs.disaggregation = kept_index[static_cast<std::size_t>(filled_at)];
      obs.category = std::string(
          trim_spaces(fields[static_cast<std::size_t>(disagg_cols[static_cast<std::size_t>(filled_at)])]));
    } else if (filled != 0) {
      continue;  // another breakdown: checked, not kept
    }
    if (units_col >= 0) obs.units = std::string(trim_spaces(fields[static_cast<std::size_t>(units_col)]));
    if (series_col >= 0) obs.series = std::string(trim_spaces(fields[static_cast<std::size_t>(series_col)]));
    if (geo_col >= 0) obs.geocode = std::string(trim_spaces(fields[static_cast<std::size_t>(geo_col)]));
    data.rows.push_back(std::move(obs));
  }
  return data;
}

}  // namespace sdg::opensdg
