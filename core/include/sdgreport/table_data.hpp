// sdgreport — the cells of a table, stored by column.
//
// A TableData holds the cells of one table column by column: a number column
// is a contiguous vector of doubles (8 bytes a cell), statuses are kept sparse
// (sorted (row, status) pairs, only for the cells that have one), a byte of
// cell kind per row exists only in a column that mixes kinds, and text lives
// once per table in one arena with a dictionary (a repeated label is stored
// once; a cell refers to it by a 4-byte id). No cell owns a std::string.
//
// Read it through light views; build it row by row or column by column:
//
//   sdg::TableData d(3);                       // three columns
//   d.reserve(2);
//   d.append_row({sdg::Cell::of("Oslo"), sdg::Cell::of(12.5), sdg::Cell::missing(sdg::ValueStatus::Confidential)});
//   d.push_text(0, "Bergen");                  // or per column, each column in row order
//   d.push_number(1, 9.25, sdg::ValueStatus::Provisional);
//   d.push_missing(2, sdg::ValueStatus::NotAvailable);
//   for (std::size_t r = 0; r < d.rows(); ++r) {
//     sdg::CellView v = d.cell(r, 1);          // {kind, text, number, status}
//     if (v.kind == sdg::Cell::Kind::Number) use(v.number);
//   }
//   for (sdg::CellView v : d.column(0)) print(v.text);   // column-wise
//
// Columns built one by one may differ in length while building; the model's
// check (check_block) refuses a table whose columns are not all `rows()` long.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sdg {

/// Status of an observation or a table cell. A missing cell must carry a status
/// other than None; a present value may carry one (provisional, estimated).
enum class ValueStatus : std::uint8_t {
  None,
  NotAvailable,   ///< ".." — data not available
  NotApplicable,  ///< "-"  — category does not apply
  Confidential,   ///< ":"  — suppressed for confidentiality
  Provisional,
  Estimated,
  BreakInSeries,
  /// "-" — nil: a true zero (ABI 4). The cell is the number 0 carrying this mark
  /// (Statistics Norway's "-", the UN's "nil or negligible"); never on text or an
  /// empty cell, never on another number (check_block refuses both).
  Nil,
};
const char* value_status_name(ValueStatus s) noexcept;  ///< "not_available", …
std::optional<ValueStatus> value_status_from_name(const std::string& name);

/// A table cell as a value: empty (with a status saying why), text, or a number.
/// Used to build tables (TableData::append_row) and in tests; tables do not
/// store Cells.
struct Cell {
  enum class Kind : std::uint8_t { Empty, Text, Number };
  Kind kind = Kind::Empty;
  std::string text;
  double number = 0;
  ValueStatus status = ValueStatus::None;

  static Cell missing(ValueStatus why) { return {Kind::Empty, {}, 0, why}; }
  static Cell of(std::string s) { return {Kind::Text, std::move(s), 0, ValueStatus::None}; }
  static Cell of(const char* s) { return of(std::string(s)); }
  static Cell of(double v, ValueStatus st = ValueStatus::None) { return {Kind::Number, {}, v, st}; }
  bool operator==(const Cell&) const = default;
};

/// A cell as read from a TableData: `text` views the table's arena and is valid
/// until the table is changed or destroyed.
struct CellView {
  Cell::Kind kind = Cell::Kind::Empty;
  std::string_view text;
  double number = 0;
  ValueStatus status = ValueStatus::None;

  CellView() = default;
  CellView(Cell::Kind k, std::string_view t, double n, ValueStatus s) : kind(k), text(t), number(n), status(s) {}
  CellView(const Cell& c) : kind(c.kind), text(c.text), number(c.number), status(c.status) {}  // NOLINT
  /// An owning copy.
  Cell to_cell() const { return {kind, std::string(text), number, status}; }
  bool operator==(const CellView&) const = default;
};

class TableData {
 public:
  class ColumnRef;

  TableData() = default;
  explicit TableData(std::size_t columns) : cols_(columns) {}
  /// Builds from rows of cells (tests, small tables); every row must have the
  /// same number of cells (else Error(ErrorCode::Model)).
  static TableData of(const std::vector<std::vector<Cell>>& rows);

  /// Drops every cell and sets the number of columns.
  void reset(std::size_t columns);
  /// Makes room for `rows` rows in every column (numbers and text ids as the
  /// columns hold them so far; call after the first row for a tight fit).
  void reserve(std::size_t rows);
  /// Room for `rows` cells of kind `k` in column c alone (a column built while
  /// the others still wait as raw input: memory for one column at a time).
  void reserve_column(std::size_t c, std::size_t rows, Cell::Kind k);
  /// Room for up to `texts` more distinct texts of `bytes` bytes in all (an
  /// upper bound, e.g. the raw text of a column about to be added): the arena
  /// and its index grow once instead of doubling (no moment with both the old
  /// and the new buffer). shrink_to_fit() gives back what was not used.
  void reserve_text(std::size_t bytes, std::size_t texts);

  std::size_t columns() const noexcept { return cols_.size(); }
  /// The number of rows: the length of the longest column.
  std::size_t rows() const noexcept { return rows_; }
  bool empty() const noexcept { return rows_ == 0; }
  /// Cells in column `c` so far (all equal to rows() in a finished table).
  std::size_t column_size(std::size_t c) const noexcept { return cols_[c].size; }

  /// The cell at row r, column c (r < column_size(c), c < columns()).
  CellView cell(std::size_t r, std::size_t c) const;
  /// A column, for column-wise reading: size(), operator[], begin()/end().
  ColumnRef column(std::size_t c) const;
  /// The numbers of column c when every cell of it is a number; empty otherwise.
  std::span<const double> numbers(std::size_t c) const;
  /// True when column c has a cell of this kind / any status.
  bool has_kind(std::size_t c, Cell::Kind k) const;
  bool has_status(std::size_t c) const noexcept { return !cols_[c].statuses.empty(); }
  /// The distinct texts of the table (each stored once), for checks done once per text.
  std::size_t text_count() const noexcept { return ends_.size(); }
  std::string_view text(std::size_t id) const noexcept { return text_of(static_cast<std::uint32_t>(id)); }

  // ---- building (each column in row order)
  void push_number(std::size_t c, double v, ValueStatus st = ValueStatus::None);
  void push_text(std::size_t c, std::string_view s, ValueStatus st = ValueStatus::None);
  void push_missing(std::size_t c, ValueStatus why);
  void push(std::size_t c, const CellView& v);
  /// Appends one cell to every column; the row must have columns() cells (a
  /// table without columns takes its column count from its first row).
  void append_row(std::span<const Cell> row);
  void append_row(std::initializer_list<Cell> row) { append_row(std::span<const Cell>(row.begin(), row.size())); }
  void append_row(const std::vector<Cell>& row) { append_row(std::span<const Cell>(row)); }
  void append_row(std::span<const CellView> row);
  /// Drops the cells of column c (to build it again).
  void clear_column(std::size_t c);
  /// Replaces the cell at (r, c), r < column_size(c).
  void set(std::size_t r, std::size_t c, const CellView& v);

  /// Bytes the store holds on the heap (capacities, not sizes) plus itself.
  std::size_t memory_bytes() const noexcept;
  /// Gives back spare capacity and the text dictionary (after building; adding
  /// text later rebuilds the dictionary from the arena).
  void shrink_to_fit();

  /// Equal cells in equal places (however each side stores them).
  bool operator==(const TableData& o) const;

 private:
  struct StatusAt {
    std::uint32_t row;
    ValueStatus status;
  };
  struct Col {
    std::uint32_t size = 0;
    Cell::Kind uniform = Cell::Kind::Empty;  ///< the kind of every cell while not mixed
    bool mixed = false;
    std::vector<std::uint8_t> kinds;    ///< per row, only when mixed
    std::vector<double> numbers;        ///< per row once a number came (0 elsewhere)
    std::vector<std::uint32_t> texts;   ///< per row once a text came (text id)
    std::vector<StatusAt> statuses;     ///< sorted by row, only cells with a status
  };
  /// Hash set of text ids over the arena; never copied (a copy stores repeated
  /// text again instead of finding it; contents stay equal).
  struct Dictionary {
    std::vector<std::uint32_t> slots;
    std::size_t used = 0;
    Dictionary() = default;
    Dictionary(const Dictionary&) {}
    Dictionary& operator=(const Dictionary&) {
      slots.clear();
      used = 0;
      return *this;
    }
    Dictionary(Dictionary&&) noexcept = default;
    Dictionary& operator=(Dictionary&&) noexcept = default;
  };

  Cell::Kind kind_at(const Col& col, std::size_t r) const noexcept {
    return col.mixed ? static_cast<Cell::Kind>(col.kinds[r]) : col.uniform;
  }
  static ValueStatus status_at(const Col& col, std::size_t r) noexcept;
  std::string_view text_of(std::uint32_t id) const noexcept {
    return std::string_view(arena_).substr(ends_[id] - len_of(id), len_of(id));
  }
  std::uint32_t len_of(std::uint32_t id) const noexcept {
    return static_cast<std::uint32_t>(ends_[id] - (id == 0 ? 0 : ends_[id - 1]));
  }
  std::uint32_t intern(std::string_view s);
  void grow_dictionary(std::size_t slots);
  void begin_cell(Col& col, Cell::Kind k);
  void set_status(Col& col, std::size_t r, ValueStatus st);
  void end_cell(Col& col);

  std::vector<Col> cols_;
  std::size_t rows_ = 0;
  // The layout of these members is part of plugin ABI 3 (text() and
  // text_count() are inline): change it only with an ABI bump.
  std::string arena_;                 ///< every distinct text, end to end
  std::vector<std::uint64_t> ends_;   ///< end of text id i in the arena
  Dictionary dict_;
};

/// One column of a TableData, for column-wise reading.
class TableData::ColumnRef {
 public:
  class iterator {
   public:
    using value_type = CellView;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const TableData* d, std::size_t c, std::size_t r) : d_(d), c_(c), r_(r) {}
    CellView operator*() const { return d_->cell(r_, c_); }
    iterator& operator++() {
      ++r_;
      return *this;
    }
    iterator operator++(int) {
      iterator t = *this;
      ++r_;
      return t;
    }
    bool operator==(const iterator& o) const noexcept { return r_ == o.r_; }

   private:
    const TableData* d_ = nullptr;
    std::size_t c_ = 0, r_ = 0;
  };

  ColumnRef(const TableData& d, std::size_t c) : d_(&d), c_(c) {}
  std::size_t size() const noexcept { return d_->column_size(c_); }
  CellView operator[](std::size_t r) const { return d_->cell(r, c_); }
  iterator begin() const { return {d_, c_, 0}; }
  iterator end() const { return {d_, c_, size()}; }

 private:
  const TableData* d_;
  std::size_t c_;
};

inline TableData::ColumnRef TableData::column(std::size_t c) const { return ColumnRef(*this, c); }

}  // namespace sdg
