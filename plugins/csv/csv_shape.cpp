// sdgreport csv plugin — kept rows → a typed table (plain, pivoted or melted)
// and an optional chart.
#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "csv_table.hpp"
#include "view_id.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/periods.hpp"

namespace sdg::csvtable {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// Significant digits of a number as written ("0,00012" → 2, "12 345 678" → 8).
int significant_digits(std::string_view v) {
  int n = 0;
  bool started = false;
  for (char c : v) {
    if (c < '0' || c > '9') continue;
    if (c != '0') started = true;
    if (started) ++n;
  }
  return n;
}

/// `label` without a trailing "(unit)" or "[unit]" that repeats `unit`.
std::string without_unit(const std::string& label, const std::string& unit) {
  if (unit.empty()) return label;
  for (const auto& [open, close] : {std::pair{"(", ")"}, std::pair{"[", "]"}}) {
    const std::string tail = std::string(open) + unit + close;
    if (label.size() > tail.size() && label.ends_with(tail)) {
      std::string out = label.substr(0, label.size() - tail.size());
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (!out.empty()) return out;
    }
  }
  return label;
}


Error option_error(const ReadSpec& spec, const std::string& key, const std::string& what) {
  if (spec.option_error) return spec.option_error(key, what);
  return Error(ErrorCode::Definition, "option '" + key + "': " + what);
}

class Shaper {
 public:
  Shaper(const RawTable& raw, const ReadSpec& spec, RawTable* owned = nullptr)
      : raw_(raw), owned_(owned), spec_(spec) {
    style_ = spec.number;
    if (spec.decimal_auto) style_.decimal = raw.delimiter == ',' ? '.' : 0;
    for (const std::string& n : spec.numbers) numbers_.insert(col("numbers", n));
    for (const std::string& n : spec.text) {
      const std::size_t c = col("text", n);
      if (numbers_.contains(c)) throw option_error(spec, "text", "column '" + n + "' is also under 'numbers'");
      text_.insert(c);
    }
    for (const auto& [k, v] : spec.units) col("units", k);
    for (const auto& [k, v] : spec.column_decimals) col("decimals", k);
    for (const auto& [k, v] : spec.rename) col("rename", k);
  }

  Shaped run() {
    Shaped out;
    Table t;
    if (spec_.pivot && spec_.wide_to_long)
      throw option_error(spec_, "pivot", "give 'pivot' or 'wide_to_long', not both");
    if (spec_.pivot)
      pivot(t);
    else if (spec_.wide_to_long)
      melt(t);
    else
      plain(t);

    t.id = spec_.id.empty() ? generated_id() : spec_.id;
    t.caption = spec_.caption;
    if (t.caption.empty()) t.caption = std::filesystem::path(raw_.file).stem().string();
    t.source = spec_.source;
    if (t.source.empty()) {
      // In the report's language: the note is printed after "Kilde:" in a Norwegian report.
      const bool norwegian = is_norwegian(spec_.language);
      t.source = (norwegian ? "CSV-fil " : "CSV file ") + std::filesystem::path(raw_.file).filename().string();
      warn(Code::SourceFromFile, "no 'source' given: the source note names the file; add 'source: …'");
    }
    t.indicator = spec_.indicator;
    t.data.shrink_to_fit();  // reserved room and the text dictionary
    if (spec_.chart) out.chart = chart(t);
    if (spec_.table) out.table = std::move(t);
    if (duplicates_ > kListedDuplicates)
      warn(Code::DuplicateObservation, std::to_string(duplicates_ - kListedDuplicates) +
                                           " more duplicate rows (the first " + std::to_string(kListedDuplicates) +
                                           " are listed above)");
    if (precision_.decimals_lost)
      warn(Code::CsvPrecision,
           "'" + precision_.decimals_lost_text + "' (line " + std::to_string(precision_.decimals_lost) + ") has " +
               std::to_string(precision_.decimals_lost_count) +
               " decimals; the report keeps at most 10, so it prints rounded",
           precision_.decimals_lost);
    if (precision_.digits_lost)
      warn(Code::CsvPrecision,
           "'" + precision_.digits_lost_text + "' (line " + std::to_string(precision_.digits_lost) +
               ") has more than 15 significant digits, more than a number keeps exactly; list the column "
               "under 'text' to print it as written",
           precision_.digits_lost);
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  std::size_t col(const std::string& key, const std::string& name) const {
    for (std::size_t i = 0; i < raw_.header.size(); ++i)
      if (raw_.header[i] == name) return i;
    std::string names;
    for (const std::string& h : raw_.header) names += (names.empty() ? "" : ", ") + h;
    throw option_error(spec_, key, "no column '" + name + "' among the columns read (" + names + ")");
  }

  std::string label(const std::string& name) const {
    for (const auto& [from, to] : spec_.rename)
      if (from == name) return to;
    return name;
  }

  /// "csv-<file>-<hash of the options that choose the cells>": stable across
  /// builds, different for two views of one file, so a chart can name its table.
  std::string generated_id() const {
    plugins::ViewId h;
    auto mix = [&h](std::string_view part) { h.mix(part); };
    for (const std::string& c : raw_.header) mix(c);
    for (const auto& [col, values] : spec_.filters) {
      mix(col);
      for (const std::string& v : values) mix(v);
    }
    if (spec_.pivot) {
      mix(spec_.pivot->rows);
      mix(spec_.pivot->columns);
      mix(spec_.pivot->values);
    }
    if (spec_.wide_to_long) {
      for (const std::string& i : spec_.wide_to_long->id) mix(i);
      mix(spec_.wide_to_long->name);
    }
    return "csv-" + make_id(std::filesystem::path(raw_.file).stem().string()) + "-" + h.tag();
  }

  void warn(Code code, std::string message, int line = 0) {
    warnings_.push_back(ShapeWarning{code, std::move(message), line});
  }

  /// A second row `r` for the key of row `first`: per the `duplicates` policy, an
  /// error naming both lines, or a warning (the caller keeps first or last).
  void duplicate(std::size_t first, std::size_t r, const std::string& key, const std::string& hint = {}) {
    const std::string lines = "lines " + std::to_string(raw_.line(first)) + " and " + std::to_string(raw_.line(r));
    if (spec_.duplicates == plugins::DuplicatePolicy::Error)
      throw Error(ErrorCode::Input,
                  "a second row for " + key + " (the first is on line " + std::to_string(raw_.line(first)) +
                      "); filter the rows so that one is left, or set 'duplicates: first' or 'last'" + hint,
                  Location{raw_.file, raw_.line(r), 0});
    if (++duplicates_ <= kListedDuplicates)
      warn(Code::DuplicateObservation,
           lines + " are two rows for " + key + "; " + plugins::kept_word(spec_.duplicates) +
               " (option duplicates: first|last|error)" + hint,
           raw_.line(r));
  }

  /// The most cells a pivot or wide_to_long may make: the source's `max_cells`, at most the core's limit.
  std::size_t max_cells() const noexcept {
    return spec_.max_cells != 0 ? std::min(spec_.max_cells, limits().table_cells) : limits().table_cells;
  }

  std::string cells_message(std::size_t rows, std::size_t cols) const {
    const std::string what = "the table would have " + std::to_string(rows) + " rows × " + std::to_string(cols) +
                             " columns (" + raw_.file + "; filter the rows or columns)";
    if (spec_.max_cells != 0 && spec_.max_cells < limits().table_cells)
      return what + ": over this source's 'max_cells' = " + std::to_string(spec_.max_cells);
    return limit_message("table_cells", what);
  }

  void check_cells(const std::string& key, std::size_t rows, std::size_t cols) const {
    if (cols > limits().table_columns)
      throw option_error(spec_, key,
                         limit_message("table_columns", "the table would have " + std::to_string(cols) +
                                                            " columns (" + raw_.file +
                                                            "; filter the rows, or pivot the other way round)"));
    if (cols != 0 && rows > max_cells() / cols)
      throw option_error(spec_, key, cells_message(rows, cols));
  }

  std::optional<ValueStatus> missing(std::string_view v) const {
    if (!spec_.missing.empty())
      if (auto it = spec_.missing.find(std::string(v)); it != spec_.missing.end()) return it->second;
    return parse_missing_marker(v);
  }

  /// The cell a missing-value marker stands for: nil is the number 0 marked nil
  /// ("-" in Statistics Norway's and the UN's tables), the others an empty cell.
  static void push_marker(TableData& d, std::size_t out, ValueStatus st) {
    if (st == ValueStatus::Nil)
      d.push_number(out, 0.0, ValueStatus::Nil);
    else
      d.push_missing(out, st == ValueStatus::None ? ValueStatus::NotAvailable : st);
  }

  /// Parses raw row r, column c (a number or a missing-value marker) into
  /// column `out` of `d`; false, adding nothing, when it is neither.
  bool try_push_number(TableData& d, std::size_t out, std::size_t r, std::size_t c, int& decimals) {
    const std::string_view v = raw_.at(r, c);
    if (auto st = missing(v)) {
      push_marker(d, out, *st);
      return true;
    }
    auto n = parse_number(v, style_);
    if (!n) return false;
    decimals = std::max(decimals, n->decimals);
    if (n->decimals > 10 && !precision_.decimals_lost) {
      precision_.decimals_lost = raw_.line(r);
      precision_.decimals_lost_count = n->decimals;
      precision_.decimals_lost_text = std::string(v);
    }
    if (!precision_.digits_lost && v.size() > 15 && significant_digits(v) > 15) {
      precision_.digits_lost = raw_.line(r);
      precision_.digits_lost_text = std::string(v);
    }
    d.push_number(out, n->value);
    return true;
  }

  /// try_push_number, or an error naming line and column for a non-number.
  void push_number_cell(TableData& d, std::size_t out, std::size_t r, std::size_t c, int& decimals) {
    if (try_push_number(d, out, r, c, decimals)) return;
    const std::string_view v = raw_.at(r, c);
    throw Error(ErrorCode::Input,
                "column '" + raw_.header[c] + "': '" + std::string(v) + "' is not a number (decimal mark " +
                    (style_.decimal == 0 ? std::string("'.' or ','") : std::string("'") + style_.decimal + "'") +
                    (style_.group ? std::string(", thousands '") + style_.group + "'" : std::string()) +
                    "; missing-value markers: empty, '.', '..', ':', '-')",
                Location{raw_.file, raw_.line(r), 0});
  }

  /// Raw row r, column c as a text cell of column `out` (empty: not available).
  void push_text_cell(TableData& d, std::size_t out, std::size_t r, std::size_t c) const {
    const std::string_view v = raw_.at(r, c);
    if (v.empty())
      d.push_missing(out, ValueStatus::NotAvailable);
    else
      d.push_text(out, v);
  }

  std::string unit_for(const std::string& name) const {
    if (auto it = spec_.units.find(name); it != spec_.units.end()) return it->second;
    if (!spec_.unit.empty()) return spec_.unit;
    if (!spec_.unit_column.empty()) {
      if (raw_.units_seen.size() > 1) {
        std::string list;
        for (const auto& [u, line] : raw_.units_seen)
          list += (list.empty() ? "'" : ", '") + u + "' (line " + std::to_string(line) + ")";
        throw option_error(spec_, "unit_column",
                           "column '" + spec_.unit_column + "' holds more than one unit in the rows kept: " +
                               list + "; filter to one");
      }
      if (!raw_.units_seen.empty()) return raw_.units_seen.begin()->first;
    }
    return {};
  }

  int decimals_for(const std::string& name, int seen) const {
    if (auto it = spec_.column_decimals.find(name); it != spec_.column_decimals.end()) return it->second;
    if (spec_.decimals) return *spec_.decimals;
    return std::min(seen, 10);
  }

  /// A number column's Column: its unit, and its label without a "(unit)" that repeats it.
  Column number_column(const std::string& name, const std::string& unit, int decimals) const {
    return Column{without_unit(label(name), unit), Column::Type::Number, unit, decimals};
  }

  void plain(Table& t) {
    const std::size_t nc = raw_.header.size(), nr = raw_.rows();
    std::vector<bool> is_number(nc, false);
    // A column typed as numbers here is built while it is typed (each cell parsed
    // once); `built` marks it, for every raw row in order.
    std::vector<bool> built(nc, false);
    std::vector<int> decimals(nc, 0);
    t.data.reset(nc);
    for (std::size_t c = 0; c < nc; ++c) {
      if (numbers_.contains(c)) {
        is_number[c] = true;
        continue;
      }
      if (text_.contains(c) || c == 0) continue;  // the first column is the row's key
      std::size_t numeric = 0, other = 0, years = 0, first_other = kNone;
      const Precision saved = precision_;
      t.data.reserve_column(c, nr, Cell::Kind::Number);  // this column only: the others are still raw text
      for (std::size_t r = 0; r < nr; ++r) {
        const std::string_view v = raw_.at(r, c);
        if (auto st = missing(v)) {
          if (other == 0) push_marker(t.data, c, *st);
          continue;
        }
        if (other == 0 ? try_push_number(t.data, c, r, c, decimals[c]) : parse_number(v, style_).has_value()) {
          ++numeric;
          years += is_year(v);
        } else {
          ++other;
          if (first_other == kNone) first_other = r;
        }
      }
      // Years and periods are labels, never "2 020": a period-named column of
      // years, or a column whose every value is a year 1900–2100.
      const bool labels = other == 0 && numeric > 0 && years == numeric && (is_period_header(raw_.header[c]) || nr > 1);
      is_number[c] = other == 0 && !labels;
      built[c] = is_number[c];
      if (built[c] && owned_) owned_->release(c);  // a number column is never a key
      if (!built[c]) {
        t.data.clear_column(c);
        precision_ = saved;  // warnings about digits belong to number columns only
        decimals[c] = 0;
      }
      if (labels) continue;
      if (other > 0 && numeric > 0)
        warn(Code::ColumnReadAsText, "column '" + raw_.header[c] + "' is read as text: '" + std::string(raw_.at(first_other, c)) +
                        "' on line " + std::to_string(raw_.line(first_other)) +
                        " is not a number (list the column under 'numbers' to make this an error)",
             raw_.line(first_other));
    }
    // A plain table is a listing: every row is kept, whatever its text cells.
    // Rows that share the text shown differ in what is not shown (another
    // column, another record); they compete for no cell, so they are never
    // duplicates (those are a pivot's cell, a chart's series: see chart()).
    for (std::size_t c = 0; c < nc; ++c) {
      if (built[c]) continue;
      t.data.clear_column(c);
      t.data.reserve_column(c, nr, is_number[c] ? Cell::Kind::Number : Cell::Kind::Text);
      // A text column may be all distinct: its text in the table at most as long
      // as the raw column's, reserved at once rather than doubled.
      if (!is_number[c]) t.data.reserve_text(raw_.text_bytes(c), nr);
      for (std::size_t r = 0; r < nr; ++r) {
        if (is_number[c])
          push_number_cell(t.data, c, r, c, decimals[c]);
        else
          push_text_cell(t.data, c, r, c);
      }
      if (owned_) owned_->release(c);
    }
    for (std::size_t c = 0; c < nc; ++c) {
      const std::string& name = raw_.header[c];
      if (is_number[c])
        t.columns.push_back(number_column(name, unit_for(name), decimals_for(name, decimals[c])));
      else
        t.columns.push_back(Column{label(name), Column::Type::Text, "", 0});
    }
  }

  void pivot(Table& t) {
    const Pivot& p = *spec_.pivot;
    const std::size_t rc = col("pivot", p.rows), kc = col("pivot", p.columns), vc = col("pivot", p.values);
    if (rc == kc || rc == vc || kc == vc)
      throw option_error(spec_, "pivot", "'rows', 'columns' and 'values' must be three different columns");
    std::vector<std::string> row_keys;
    std::unordered_map<std::string, std::size_t> row_index;
    std::set<std::string> col_set;
    for (std::size_t r = 0; r < raw_.rows(); ++r) {
      std::string key(raw_.at(r, rc));
      if (row_index.try_emplace(key, row_keys.size()).second) row_keys.push_back(std::move(key));
      col_set.emplace(raw_.at(r, kc));
    }
    // Size first: rows × columns is checked before anything of that size exists.
    check_cells("pivot", row_keys.size(), col_set.size() + 1);
    const std::vector<std::string> col_keys(col_set.begin(), col_set.end());
    std::unordered_map<std::string, std::size_t> col_index;
    for (std::size_t i = 0; i < col_keys.size(); ++i) col_index[col_keys[i]] = i;

    std::vector<std::size_t> from(row_keys.size() * col_keys.size(), kNone);
    std::vector<int> seen_decimals(col_keys.size(), 0);  // each column its own
    for (std::size_t r = 0; r < raw_.rows(); ++r) {
      const std::size_t i = row_index[std::string(raw_.at(r, rc))], j = col_index[std::string(raw_.at(r, kc))];
      std::size_t& slot = from[i * col_keys.size() + j];
      if (slot != kNone) {
        std::string others;
        for (std::size_t c = 0; c < raw_.header.size(); ++c)
          if (c != rc && c != kc && c != vc && raw_.at(slot, c) != raw_.at(r, c))
            others += (others.empty() ? "" : ", ") + raw_.header[c];
        duplicate(slot, r, "'" + std::string(raw_.at(r, rc)) + "' / '" + std::string(raw_.at(r, kc)) + "'",
                  others.empty() ? std::string() : " (they differ in: " + others + ")");
        if (spec_.duplicates != plugins::DuplicatePolicy::Last) continue;
      }
      slot = r;
    }
    const std::string unit = unit_for(p.values);
    t.data.reset(col_keys.size() + 1);
    t.data.reserve(row_keys.size());
    for (const std::string& key : row_keys) {
      if (key.empty())
        t.data.push_missing(0, ValueStatus::NotAvailable);
      else
        t.data.push_text(0, key);
    }
    for (std::size_t j = 0; j < col_keys.size(); ++j)
      for (std::size_t i = 0; i < row_keys.size(); ++i) {
        const std::size_t r = from[i * col_keys.size() + j];
        if (r == kNone)
          t.data.push_missing(j + 1, ValueStatus::NotAvailable);
        else
          push_number_cell(t.data, j + 1, r, vc, seen_decimals[j]);
      }
    t.columns.push_back(Column{label(p.rows), Column::Type::Text, "", 0});
    for (std::size_t j = 0; j < col_keys.size(); ++j)
      t.columns.push_back(number_column(col_keys[j], unit, decimals_for(p.values, seen_decimals[j])));
  }

  void melt(Table& t) {
    const WideToLong& w = *spec_.wide_to_long;
    std::vector<std::size_t> ids;
    if (w.id.empty())
      ids.push_back(0);
    else
      for (const std::string& n : w.id) ids.push_back(col("wide_to_long", n));
    std::vector<std::size_t> values;
    for (std::size_t c = 0; c < raw_.header.size(); ++c)
      if (std::find(ids.begin(), ids.end(), c) == ids.end()) values.push_back(c);
    if (values.empty())
      throw option_error(spec_, "wide_to_long", "every column read is an 'id' column: nothing to turn into rows");
    if (values.size() != 0 && raw_.rows() > max_cells() / values.size())
      throw option_error(spec_, "wide_to_long", cells_message(raw_.rows(), values.size()));
    int seen = 0;
    // Every raw row becomes values.size() long rows: rows with the same id values
    // stay rows of a long listing (they compete for no cell).
    melt_width_ = values.size();
    std::vector<std::uint32_t> from(raw_.rows());
    for (std::size_t r = 0; r < raw_.rows(); ++r) from[r] = static_cast<std::uint32_t>(r);
    t.data.reset(ids.size() + 2);
    for (std::size_t k = 0; k < ids.size(); ++k)
      for (const std::uint32_t r : from)
        for (std::size_t n = 0; n < values.size(); ++n) push_text_cell(t.data, k, r, ids[k]);
    for (std::size_t n = 0; n < from.size(); ++n)
      for (const std::size_t c : values) t.data.push_text(ids.size(), label(raw_.header[c]));
    for (const std::uint32_t r : from)
      for (const std::size_t c : values) push_number_cell(t.data, ids.size() + 1, r, c, seen);
    for (std::size_t i : ids) t.columns.push_back(Column{label(raw_.header[i]), Column::Type::Text, "", 0});
    t.columns.push_back(Column{w.name, Column::Type::Text, "", 0});
    std::string unit = spec_.unit;
    if (unit.empty()) unit = unit_for(w.value);
    t.columns.push_back(number_column(w.value, unit, spec_.decimals ? *spec_.decimals : std::min(seen, 10)));
  }

  std::optional<Chart> chart(const Table& t) {
    std::vector<std::size_t> nums, texts;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      (t.columns[c].type == Column::Type::Number ? nums : texts).push_back(c);
    if (nums.empty()) throw option_error(spec_, "chart", "the table has no number column to chart");
    const TableData& d = t.data;
    if (d.empty()) throw option_error(spec_, "chart", "the table has no rows to chart");
    auto row_label = [&](std::size_t r) {
      std::string s;
      for (std::size_t c : texts) {
        const CellView v = d.cell(r, c);
        if (v.kind == Cell::Kind::Text) (s += s.empty() ? "" : " – ") += v.text;
      }
      return s;
    };
    auto value = [](const CellView& c) -> std::optional<double> {
      if (c.kind == Cell::Kind::Number) return c.number;
      return std::nullopt;
    };
    // Two rows with one label compete for one series (series per row) or one
    // category of every series (series per column): a duplicate, per the policy.
    std::vector<std::size_t> rows;  // the table rows the chart draws
    {
      std::unordered_map<std::string, std::size_t> first;  // label → index into rows
      for (std::size_t r = 0; r < d.rows(); ++r) {
        auto [it, fresh] = first.try_emplace(row_label(r), rows.size());
        if (fresh) {
          rows.push_back(r);
          continue;
        }
        const std::size_t a = raw_row_of(rows[it->second]), b = raw_row_of(r);
        if (a != kNone && b != kNone)
          duplicate(a, b, "'" + it->first + "'", " in the chart (the table keeps both rows)");
        if (spec_.duplicates == plugins::DuplicatePolicy::Last) rows[it->second] = r;
      }
    }
    Chart ch;
    ch.kind = *spec_.chart;
    ch.id = t.id + "-chart";
    if (spec_.table && rows.size() == d.rows()) ch.data_table = t.id;  // every number of the table, nothing else
    ch.title = spec_.title.empty() ? t.caption : spec_.title;
    ch.source = t.source;
    ch.indicator = t.indicator;
    if (!spec_.chart_series_are_columns) {
      for (std::size_t c : nums) ch.categories.push_back(t.columns[c].label);
      for (const std::size_t r : rows) {
        Series s;
        s.name = row_label(r);
        s.unit = t.columns[nums.front()].unit;
        for (std::size_t c : nums) s.values.push_back(value(d.cell(r, c)));
        ch.series.push_back(std::move(s));
      }
    } else {
      for (const std::size_t r : rows) ch.categories.push_back(row_label(r));
      for (std::size_t c : nums) {
        Series s;
        s.name = t.columns[c].label;
        s.unit = t.columns[c].unit;
        for (const std::size_t r : rows) s.values.push_back(value(d.cell(r, c)));
        ch.series.push_back(std::move(s));
      }
    }
    if (ch.series.size() > limits().chart_series)
      throw option_error(spec_, "chart",
                         limit_message("chart_series", "the chart would have " + std::to_string(ch.series.size()) +
                                                           " series (" + raw_.file +
                                                           "; filter the rows, set 'chart_series: columns', or use "
                                                           "'table' alone)"));
    if (ch.series.size() > 12)
      warn(Code::ChartCrowded, "the chart has " + std::to_string(ch.series.size()) +
                         " series; filter the rows (or set 'chart_series: columns') for a readable chart");
    ch.alt = chart_alt_text(ch, spec_.language);
    return ch;
  }

  /// The raw row a table row comes from (kNone for a pivot's rows, which are keys).
  std::size_t raw_row_of(std::size_t table_row) const {
    if (spec_.pivot) return kNone;
    return melt_width_ ? table_row / melt_width_ : table_row;
  }

  static constexpr std::size_t kListedDuplicates = 20;  // each warned about; the rest counted

  const RawTable& raw_;
  RawTable* owned_;  ///< non-null: columns may be freed once in the table
  const ReadSpec& spec_;
  NumberStyle style_;
  std::set<std::size_t> numbers_, text_;
  std::vector<ShapeWarning> warnings_;
  std::size_t duplicates_ = 0;
  std::size_t melt_width_ = 0;  ///< wide_to_long: long rows per raw row
  /// Numbers that lose precision: the first line where, 0: none.
  struct Precision {
    int decimals_lost = 0, decimals_lost_count = 0, digits_lost = 0;
    std::string decimals_lost_text, digits_lost_text;
  };
  Precision precision_;
};

}  // namespace

Shaped shape(const RawTable& raw, const ReadSpec& spec) { return Shaper(raw, spec).run(); }

Shaped shape(RawTable&& raw, const ReadSpec& spec) { return Shaper(raw, spec, &raw).run(); }

}  // namespace sdg::csvtable
