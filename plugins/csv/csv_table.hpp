// sdgreport csv plugin — the pure layer: CSV bytes in (streamed), a table and
// an optional chart out. No plugin loader, no Context; the plugin
// (csv_source.cpp) turns the options of a report definition entry into a
// ReadSpec, opens the file and adds the blocks.
//
//   sdg::csvtable::ReadSpec spec;                 // delimiter, encoding: detected / UTF-8
//   spec.filters.push_back({"Kjønn", {"Begge kjønn"}});
//   spec.pivot = sdg::csvtable::Pivot{"Enhetsnavn", "Periode", "Verdi"};
//   std::ifstream in("nedlasting.csv", std::ios::binary);
//   sdg::csvtable::RawTable raw = sdg::csvtable::read_csv(in, "nedlasting.csv", spec);
//   sdg::csvtable::Shaped out = sdg::csvtable::shape(raw, spec);
//   // out.table: one row per school, one number column per period.
//
// Reading is one pass over the bytes in fixed-size chunks: time is linear in
// the file, memory in the rows and columns kept (after `filters` and
// `columns`), not in the file. Errors are sdg::Error: ErrorCode::Input with
// file:line for bad bytes and bad rows (invalid UTF-8 names line and byte; a
// ragged row names its field count and the header's; a bad number names its
// column), ErrorCode::Definition (through ReadSpec::option_error) for options
// that name columns the file does not have.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "duplicates.hpp"
#include "sdgreport/codes.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::csvtable {

enum class Encoding {
  Utf8,         ///< with or without a byte-order mark; invalid bytes are an error
  Windows1252,  ///< also used for "latin-1"/"iso-8859-1", as browsers do
};

/// Long → wide: one row per distinct `rows` value, one number column per
/// distinct `columns` value (sorted), cells from `values`.
struct Pivot {
  std::string rows, columns, values;
};

/// Wide → long: the `id` columns kept, every other kept column becomes rows of
/// (`name` = its header, `value` = the cell).
struct WideToLong {
  std::vector<std::string> id;  ///< default: the first column
  std::string name = "Year";
  std::string value = "Value";
};

struct ReadSpec {
  // ---- bytes and records
  char delimiter = 0;  ///< 0: detected from the first line (';', tab, ',' or '|')
  Encoding encoding = Encoding::Utf8;
  bool header = true;  ///< without a header, columns are named "1", "2", …
  NumberStyle number{};          ///< decimal mark and thousands character
  bool decimal_auto = true;      ///< decimal '.' when the delimiter is ',', else either
  std::map<std::string, ValueStatus> missing;  ///< extra or changed missing-value markers

  // ---- which rows and columns (by header name, or "1", "2"… without a header)
  std::vector<std::string> columns;  ///< keep these, in this order (default: all)
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;  ///< keep rows whose cell is one of
  std::vector<std::string> numbers;  ///< number columns: a non-number is an error
  std::vector<std::string> text;     ///< text columns, even if they look like numbers
  /// Two rows for one key (after filters and pivot): the same row and column of
  /// a pivot, the same id values of wide_to_long, or the same text cells of a
  /// plain table that has number columns. Warned about unless `error`.
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;

  // ---- shape
  /// Cells a pivot or wide_to_long may make (rows × columns), checked before
  /// anything is allocated. 0: the core's limit `table_cells` (sdgreport/limits.hpp);
  /// a source may set a lower one with the option `max_cells`. Columns and chart
  /// series are bounded by the core's `table_columns` and `chart_series`.
  std::size_t max_cells = 0;
  std::optional<Pivot> pivot;
  std::optional<WideToLong> wide_to_long;
  std::vector<std::pair<std::string, std::string>> rename;  ///< output label for a column

  // ---- presentation
  std::string unit;                           ///< unit of every number column
  std::map<std::string, std::string> units;   ///< per column
  std::string unit_column;                    ///< a column holding the unit (one value after filters)
  std::optional<int> decimals;                ///< of every number column
  std::map<std::string, int> column_decimals;
  std::string id, caption, title, source, indicator;
  bool table = true;
  std::optional<Chart::Kind> chart;
  bool chart_series_are_columns = false;  ///< default: one series per row
  Language language = Language::En;

  /// Makes the error for an option (`key`) that does not fit the file; the
  /// plugin locates it at the option. Default: Error(ErrorCode::Definition, what).
  std::function<Error(const std::string& key, const std::string& what)> option_error;
};

/// The rows kept, as text, with where they came from.
struct RawTable {
  std::string file;
  char delimiter = ',';
  std::vector<std::string> header;     ///< names of the kept columns, as in the file
  std::size_t records_read = 0;        ///< data records in the file
  std::map<std::string, int> units_seen;  ///< values of `unit_column` in kept rows → first line

  std::size_t rows() const { return rows_; }
  /// The line of the file kept row r starts on (r < rows()).
  int line(std::size_t r) const {
    auto it = std::upper_bound(runs_.begin(), runs_.end(), r,
                               [](std::size_t row, const LineRun& run) { return row < run.first_row; });
    --it;  // the first run starts at row 0
    return it->first_line + static_cast<int>(r - it->first_row);
  }
  /// Records the line of the next kept row (after its cells).
  void add_line(int line) {
    // Rows on consecutive lines (the usual file) share one run: no 4 bytes a row.
    if (runs_.empty() || runs_.back().first_line + static_cast<long long>(rows_ - runs_.back().first_row) != line)
      runs_.push_back({rows_, line});
    ++rows_;
  }
  /// The kept cell at row r, column c (spaces trimmed); empty once the column is released.
  std::string_view at(std::size_t r, std::size_t c) const {
    const Col& col = cols_[c];
    if (r >= col.ends.size()) return {};
    const std::size_t begin = r == 0 ? 0 : col.ends[r - 1];
    return std::string_view(col.text.data() + begin, col.ends[r] - begin);
  }
  /// Bytes of text column c holds (0 once released).
  std::size_t text_bytes(std::size_t c) const { return c < cols_.size() ? cols_[c].text.size() : 0; }
  /// Appends the next kept cell: row by row, `header.size()` cells a row.
  void add(std::string_view cell) {
    if (cols_.size() != header.size()) cols_.resize(header.size());
    Col& col = cols_[next_];
    next_ = next_ + 1 == header.size() ? 0 : next_ + 1;
    if (col.text.size() + cell.size() > 0xffffffffu)
      throw Error(ErrorCode::Input, "a column holds more than 4 GiB of text", Location{file, 0, 0});
    col.text.append(cell);
    col.ends.push_back(static_cast<std::uint32_t>(col.text.size()));
  }
  /// Frees the text of column c (shape() does so once it has turned a column into the table's).
  void release(std::size_t c) {
    // Moved out, not assigned over: assigning an empty (short) string keeps
    // the old buffer in libstdc++, so the text would stay allocated.
    if (c < cols_.size()) {
      Col gone = std::move(cols_[c]);
    }
  }

 private:
  // The kept cells column by column, so that each can be freed once used:
  // 4 bytes per cell besides the text.
  struct Col {
    std::string text;
    std::vector<std::uint32_t> ends;
  };
  /// Kept rows from `first_row` on are on consecutive lines from `first_line`.
  struct LineRun {
    std::size_t first_row;
    int first_line;
  };
  std::vector<Col> cols_;
  std::size_t next_ = 0;
  std::size_t rows_ = 0;
  std::vector<LineRun> runs_;
};

/// Reads the whole stream. Throws sdg::Error (see the header comment).
RawTable read_csv(std::istream& in, const std::string& file_name, const ReadSpec& spec);

/// A survivable problem found while shaping, for Context::warn.
struct ShapeWarning {
  Code code;            ///< e.g. Code::DuplicateObservation, Code::CsvPrecision
  std::string message;
  int line = 0;         ///< line of the file it is about, or 0
};

struct Shaped {
  std::optional<Table> table;
  std::optional<Chart> chart;
  std::vector<ShapeWarning> warnings;
};

/// Types, pivots or melts, and labels the kept rows. Throws sdg::Error.
Shaped shape(const RawTable& raw, const ReadSpec& spec);
/// The same, freeing each column of `raw` once it is in the table (plain
/// tables), so a big file is not held twice; `raw` is left without cells.
Shaped shape(RawTable&& raw, const ReadSpec& spec);

}  // namespace sdg::csvtable
