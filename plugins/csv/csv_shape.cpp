// sdgreport csv plugin — kept rows → a typed table (plain, pivoted or melted)
// and an optional chart.
#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "csv_table.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::csvtable {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);


Error option_error(const ReadSpec& spec, const std::string& key, const std::string& what) {
  if (spec.option_error) return spec.option_error(key, what);
  return Error(ErrorCode::Definition, "option '" + key + "': " + what);
}

class Shaper {
 public:
  Shaper(const RawTable& raw, const ReadSpec& spec) : raw_(raw), spec_(spec) {
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
      plain(t, out.warnings);

    t.id = spec_.id;
    t.caption = spec_.caption;
    if (t.caption.empty()) t.caption = std::filesystem::path(raw_.file).stem().string();
    t.source = spec_.source;
    if (t.source.empty()) {
      t.source = "CSV file " + std::filesystem::path(raw_.file).filename().string();
      out.warnings.push_back("no 'source' given: the source note names the file; add 'source: …'");
    }
    t.indicator = spec_.indicator;
    if (spec_.chart) out.chart = chart(t, out.warnings);
    if (spec_.table) out.table = std::move(t);
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

  std::optional<ValueStatus> missing(std::string_view v) const {
    if (!spec_.missing.empty())
      if (auto it = spec_.missing.find(std::string(v)); it != spec_.missing.end()) return it->second;
    return parse_missing_marker(v);
  }

  /// A cell of a number column; throws naming line and column for a non-number.
  Cell number_cell(std::size_t r, std::size_t c, int& decimals) const {
    const std::string_view v = raw_.at(r, c);
    if (auto st = missing(v)) return Cell::missing(*st == ValueStatus::None ? ValueStatus::NotAvailable : *st);
    auto n = parse_number(v, style_);
    if (!n)
      throw Error(ErrorCode::Input,
                  "column '" + raw_.header[c] + "': '" + std::string(v) + "' is not a number (decimal mark " +
                      (style_.decimal == 0 ? std::string("'.' or ','") : std::string("'") + style_.decimal + "'") +
                      (style_.group ? std::string(", thousands '") + style_.group + "'" : std::string()) +
                      "; missing-value markers: empty, '.', '..', ':', '-')",
                  Location{raw_.file, raw_.lines[r], 0});
    decimals = std::max(decimals, n->decimals);
    return Cell::of(n->value);
  }

  Cell text_cell(std::size_t r, std::size_t c) const {
    const std::string_view v = raw_.at(r, c);
    if (v.empty()) return Cell::missing(ValueStatus::NotAvailable);
    return Cell::of(std::string(v));
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

  void plain(Table& t, std::vector<std::string>& warnings) {
    const std::size_t nc = raw_.header.size(), nr = raw_.rows();
    std::vector<bool> is_number(nc, false);
    for (std::size_t c = 0; c < nc; ++c) {
      if (numbers_.contains(c)) {
        is_number[c] = true;
        continue;
      }
      if (text_.contains(c) || c == 0) continue;  // the first column is the row's key
      std::size_t numeric = 0, other = 0, first_other = kNone;
      for (std::size_t r = 0; r < nr; ++r) {
        const std::string_view v = raw_.at(r, c);
        if (missing(v)) continue;
        if (parse_number(v, style_)) {
          ++numeric;
        } else {
          ++other;
          if (first_other == kNone) first_other = r;
        }
      }
      is_number[c] = other == 0;
      if (other > 0 && numeric > 0)
        warnings.push_back("column '" + raw_.header[c] + "' is read as text: '" + std::string(raw_.at(first_other, c)) +
                           "' on line " + std::to_string(raw_.lines[first_other]) +
                           " is not a number (list the column under 'numbers' to make this an error)");
    }
    std::vector<int> decimals(nc, 0);
    t.rows.reserve(nr);
    for (std::size_t r = 0; r < nr; ++r) {
      std::vector<Cell> row;
      row.reserve(nc);
      for (std::size_t c = 0; c < nc; ++c)
        row.push_back(is_number[c] ? number_cell(r, c, decimals[c]) : text_cell(r, c));
      t.rows.push_back(std::move(row));
    }
    for (std::size_t c = 0; c < nc; ++c) {
      const std::string& name = raw_.header[c];
      if (is_number[c])
        t.columns.push_back(Column{label(name), Column::Type::Number, unit_for(name), decimals_for(name, decimals[c])});
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
    const std::vector<std::string> col_keys(col_set.begin(), col_set.end());
    std::unordered_map<std::string, std::size_t> col_index;
    for (std::size_t i = 0; i < col_keys.size(); ++i) col_index[col_keys[i]] = i;

    std::vector<std::size_t> from(row_keys.size() * col_keys.size(), kNone);
    int seen_decimals = 0;
    std::vector<std::vector<Cell>> cells(row_keys.size(), std::vector<Cell>(col_keys.size() + 1));
    for (std::size_t r = 0; r < raw_.rows(); ++r) {
      const std::size_t i = row_index[std::string(raw_.at(r, rc))], j = col_index[std::string(raw_.at(r, kc))];
      std::size_t& slot = from[i * col_keys.size() + j];
      if (slot != kNone) {
        std::string others;
        for (std::size_t c = 0; c < raw_.header.size(); ++c)
          if (c != rc && c != kc && c != vc && raw_.at(slot, c) != raw_.at(r, c))
            others += (others.empty() ? "" : ", ") + raw_.header[c];
        throw Error(ErrorCode::Input,
                    "a second value for '" + std::string(raw_.at(r, rc)) + "' / '" + std::string(raw_.at(r, kc)) +
                        "' (the first is on line " + std::to_string(raw_.lines[slot]) +
                        "); filter the rows so that one is left" +
                        (others.empty() ? std::string() : " (they differ in: " + others + ")"),
                    Location{raw_.file, raw_.lines[r], 0});
      }
      slot = r;
      cells[i][j + 1] = number_cell(r, vc, seen_decimals);
    }
    const std::string unit = unit_for(p.values);
    const int dec = decimals_for(p.values, seen_decimals);
    t.columns.push_back(Column{label(p.rows), Column::Type::Text, "", 0});
    for (const std::string& k : col_keys) t.columns.push_back(Column{label(k), Column::Type::Number, unit, dec});
    for (std::size_t i = 0; i < row_keys.size(); ++i) {
      cells[i][0] = row_keys[i].empty() ? Cell::missing(ValueStatus::NotAvailable) : Cell::of(row_keys[i]);
      for (std::size_t j = 0; j < col_keys.size(); ++j)
        if (from[i * col_keys.size() + j] == kNone) cells[i][j + 1] = Cell::missing(ValueStatus::NotAvailable);
      t.rows.push_back(std::move(cells[i]));
    }
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
    int seen = 0;
    for (std::size_t r = 0; r < raw_.rows(); ++r)
      for (std::size_t c : values) {
        std::vector<Cell> row;
        for (std::size_t i : ids) row.push_back(text_cell(r, i));
        row.push_back(Cell::of(label(raw_.header[c])));
        row.push_back(number_cell(r, c, seen));
        t.rows.push_back(std::move(row));
      }
    for (std::size_t i : ids) t.columns.push_back(Column{label(raw_.header[i]), Column::Type::Text, "", 0});
    t.columns.push_back(Column{w.name, Column::Type::Text, "", 0});
    std::string unit = spec_.unit;
    if (unit.empty()) unit = unit_for(w.value);
    t.columns.push_back(Column{w.value, Column::Type::Number, unit,
                               spec_.decimals ? *spec_.decimals : std::min(seen, 10)});
  }

  std::optional<Chart> chart(const Table& t, std::vector<std::string>& warnings) const {
    std::vector<std::size_t> nums, texts;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
      (t.columns[c].type == Column::Type::Number ? nums : texts).push_back(c);
    if (nums.empty()) throw option_error(spec_, "chart", "the table has no number column to chart");
    if (t.rows.empty()) throw option_error(spec_, "chart", "the table has no rows to chart");
    auto row_label = [&](const std::vector<Cell>& row) {
      std::string s;
      for (std::size_t c : texts)
        if (row[c].kind == Cell::Kind::Text) s += (s.empty() ? "" : " – ") + row[c].text;
      return s;
    };
    auto value = [](const Cell& c) -> std::optional<double> {
      if (c.kind == Cell::Kind::Number) return c.number;
      return std::nullopt;
    };
    Chart ch;
    ch.kind = *spec_.chart;
    ch.id = spec_.id.empty() ? "" : spec_.id + "-chart";
    ch.title = spec_.title.empty() ? t.caption : spec_.title;
    ch.source = t.source;
    ch.indicator = t.indicator;
    if (!spec_.chart_series_are_columns) {
      for (std::size_t c : nums) ch.categories.push_back(t.columns[c].label);
      for (const auto& row : t.rows) {
        Series s;
        s.name = row_label(row);
        s.unit = t.columns[nums.front()].unit;
        for (std::size_t c : nums) s.values.push_back(value(row[c]));
        ch.series.push_back(std::move(s));
      }
    } else {
      for (const auto& row : t.rows) ch.categories.push_back(row_label(row));
      for (std::size_t c : nums) {
        Series s;
        s.name = t.columns[c].label;
        s.unit = t.columns[c].unit;
        for (const auto& row : t.rows) s.values.push_back(value(row[c]));
        ch.series.push_back(std::move(s));
      }
    }
    if (ch.series.size() > 12)
      warnings.push_back("the chart has " + std::to_string(ch.series.size()) +
                         " series; filter the rows (or set 'chart_series: columns') for a readable chart");
    ch.alt = chart_alt_text(ch, spec_.language);
    return ch;
  }

  const RawTable& raw_;
  const ReadSpec& spec_;
  NumberStyle style_;
  std::set<std::size_t> numbers_, text_;
};

}  // namespace

Shaped shape(const RawTable& raw, const ReadSpec& spec) { return Shaper(raw, spec).run(); }

}  // namespace sdg::csvtable
