#include "sdgreport/table_data.hpp"

#include <algorithm>
#include <limits>

#include "sdgreport/error.hpp"

namespace sdg {

namespace {

constexpr std::uint32_t kNoText = std::numeric_limits<std::uint32_t>::max();
/// Slots of the dictionary for `texts` texts: a power of two at most half full
/// (linear probing stays short), never four times the texts (memory: a
/// million distinct keys take 8 MB of slots, not 16).
std::size_t dictionary_size(std::size_t texts) noexcept {
  std::size_t n = 16;
  while (n < texts * 2) n *= 2;
  return n;
}

/// FNV-1a: the dictionary's hash (stable, no seed: the store's layout is the same every run).
std::uint64_t hash_text(std::string_view s) noexcept {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 1099511628211ull;
  }
  return h;
}

template <typename T>
std::size_t heap_bytes(const std::vector<T>& v) noexcept {
  return v.capacity() * sizeof(T);
}

}  // namespace

TableData TableData::of(const std::vector<std::vector<Cell>>& rows) {
  TableData d(rows.empty() ? 0 : rows.front().size());
  d.reserve(rows.size());
  for (const auto& r : rows) d.append_row(r);
  return d;
}

void TableData::reset(std::size_t columns) {
  cols_.assign(columns, Col{});
  rows_ = 0;
  arena_.clear();
  ends_.clear();
  dict_ = Dictionary{};
}

void TableData::reserve(std::size_t rows) {
  for (Col& col : cols_) {
    if (col.mixed || col.uniform == Cell::Kind::Number || col.size == 0) col.numbers.reserve(rows);
    if (col.mixed || col.uniform == Cell::Kind::Text) col.texts.reserve(rows);
    if (col.mixed) col.kinds.reserve(rows);
  }
}

void TableData::reserve_column(std::size_t c, std::size_t rows, Cell::Kind k) {
  Col& col = cols_[c];
  if (k == Cell::Kind::Number) col.numbers.reserve(rows);
  if (k == Cell::Kind::Text) col.texts.reserve(rows);
  if (col.mixed) col.kinds.reserve(rows);
}

void TableData::reserve_text(std::size_t bytes, std::size_t texts) {
  arena_.reserve(arena_.size() + bytes);
  ends_.reserve(ends_.size() + texts);
  // The dictionary still grows as texts come: a column of a few repeated
  // labels needs few slots (and a grown dictionary frees its old slots first).
}

ValueStatus TableData::status_at(const Col& col, std::size_t r) noexcept {
  if (col.statuses.empty()) return ValueStatus::None;
  auto it = std::lower_bound(col.statuses.begin(), col.statuses.end(), r,
                             [](const StatusAt& s, std::size_t row) { return s.row < row; });
  return it != col.statuses.end() && it->row == r ? it->status : ValueStatus::None;
}

CellView TableData::cell(std::size_t r, std::size_t c) const {
  const Col& col = cols_[c];
  if (r >= col.size) return {};
  const Cell::Kind k = kind_at(col, r);
  CellView v;
  v.kind = k;
  v.status = status_at(col, r);
  if (k == Cell::Kind::Number) v.number = col.numbers[r];
  if (k == Cell::Kind::Text) v.text = text_of(col.texts[r]);
  return v;
}

std::span<const double> TableData::numbers(std::size_t c) const {
  const Col& col = cols_[c];
  if (col.mixed || col.uniform != Cell::Kind::Number || col.size == 0) return {};
  return std::span<const double>(col.numbers.data(), col.size);
}

bool TableData::has_kind(std::size_t c, Cell::Kind k) const {
  const Col& col = cols_[c];
  if (col.size == 0) return false;
  if (!col.mixed) return col.uniform == k;
  return std::find(col.kinds.begin(), col.kinds.end(), static_cast<std::uint8_t>(k)) != col.kinds.end();
}

// ---------------------------------------------------------------- building

void TableData::begin_cell(Col& col, Cell::Kind k) {
  if (col.size == std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::Model, "a table column holds at most 4294967294 cells");
  if (col.size == 0) {
    col.uniform = k;
  } else if (!col.mixed && col.uniform != k) {
    // The column mixes kinds from here on: one byte of kind per row.
    col.mixed = true;
    col.kinds.assign(col.size, static_cast<std::uint8_t>(col.uniform));
  }
  if (col.mixed) col.kinds.push_back(static_cast<std::uint8_t>(k));
  // Values are indexed by row: a vector that exists covers every row.
  if (k == Cell::Kind::Number || !col.numbers.empty()) col.numbers.resize(col.size, 0.0);
  if (k == Cell::Kind::Text || !col.texts.empty()) col.texts.resize(col.size, kNoText);
}

void TableData::end_cell(Col& col) {
  ++col.size;
  if (!col.numbers.empty() && col.numbers.size() < col.size) col.numbers.push_back(0.0);
  if (!col.texts.empty() && col.texts.size() < col.size) col.texts.push_back(kNoText);
  rows_ = std::max<std::size_t>(rows_, col.size);
}

void TableData::push_number(std::size_t c, double v, ValueStatus st) {
  Col& col = cols_[c];
  begin_cell(col, Cell::Kind::Number);
  col.numbers.push_back(v);
  if (st != ValueStatus::None) col.statuses.push_back({col.size, st});
  end_cell(col);
}

void TableData::push_text(std::size_t c, std::string_view s, ValueStatus st) {
  const std::uint32_t id = intern(s);
  Col& col = cols_[c];
  begin_cell(col, Cell::Kind::Text);
  col.texts.push_back(id);
  if (st != ValueStatus::None) col.statuses.push_back({col.size, st});
  end_cell(col);
}

void TableData::push_missing(std::size_t c, ValueStatus why) {
  Col& col = cols_[c];
  begin_cell(col, Cell::Kind::Empty);
  if (why != ValueStatus::None) col.statuses.push_back({col.size, why});
  end_cell(col);
}

void TableData::push(std::size_t c, const CellView& v) {
  switch (v.kind) {
    case Cell::Kind::Number: push_number(c, v.number, v.status); break;
    case Cell::Kind::Text: push_text(c, v.text, v.status); break;
    case Cell::Kind::Empty: push_missing(c, v.status); break;
  }
}

void TableData::append_row(std::span<const Cell> row) {
  if (cols_.empty() && rows_ == 0) cols_.resize(row.size());
  if (row.size() != cols_.size())
    throw Error(ErrorCode::Model, "row " + std::to_string(rows_ + 1) + " has " + std::to_string(row.size()) +
                                      " cells but the table has " + std::to_string(cols_.size()) + " columns");
  for (std::size_t c = 0; c < row.size(); ++c) push(c, CellView(row[c]));
}

void TableData::append_row(std::span<const CellView> row) {
  if (cols_.empty() && rows_ == 0) cols_.resize(row.size());
  if (row.size() != cols_.size())
    throw Error(ErrorCode::Model, "row " + std::to_string(rows_ + 1) + " has " + std::to_string(row.size()) +
                                      " cells but the table has " + std::to_string(cols_.size()) + " columns");
  for (std::size_t c = 0; c < row.size(); ++c) push(c, row[c]);
}

void TableData::clear_column(std::size_t c) {
  cols_[c] = Col{};
  rows_ = 0;
  for (const Col& col : cols_) rows_ = std::max<std::size_t>(rows_, col.size);
}

void TableData::set_status(Col& col, std::size_t r, ValueStatus st) {
  auto it = std::lower_bound(col.statuses.begin(), col.statuses.end(), r,
                             [](const StatusAt& s, std::size_t row) { return s.row < row; });
  const bool there = it != col.statuses.end() && it->row == r;
  if (st == ValueStatus::None) {
    if (there) col.statuses.erase(it);
  } else if (there) {
    it->status = st;
  } else {
    col.statuses.insert(it, {static_cast<std::uint32_t>(r), st});
  }
}

void TableData::set(std::size_t r, std::size_t c, const CellView& v) {
  Col& col = cols_[c];
  if (r >= col.size) throw Error(ErrorCode::Model, "no cell at row " + std::to_string(r + 1));
  const std::uint32_t id = v.kind == Cell::Kind::Text ? intern(v.text) : kNoText;
  if (!col.mixed && col.uniform != v.kind) {
    col.mixed = true;
    col.kinds.assign(col.size, static_cast<std::uint8_t>(col.uniform));
  }
  if (col.mixed) col.kinds[r] = static_cast<std::uint8_t>(v.kind);
  if (v.kind == Cell::Kind::Number) {
    col.numbers.resize(col.size, 0.0);
    col.numbers[r] = v.number;
  } else if (!col.numbers.empty()) {
    col.numbers[r] = 0.0;
  }
  if (v.kind == Cell::Kind::Text) {
    col.texts.resize(col.size, kNoText);
    col.texts[r] = id;
  } else if (!col.texts.empty()) {
    col.texts[r] = kNoText;
  }
  set_status(col, r, v.status);
}

// ---------------------------------------------------------------- text

std::uint32_t TableData::intern(std::string_view s) {
  if (dict_.slots.empty() || (dict_.used + 1) * 2 > dict_.slots.size())
    grow_dictionary(0);  // at least twice the slots: about a quarter full after
  const std::size_t mask = dict_.slots.size() - 1;
  for (std::size_t i = hash_text(s) & mask;; i = (i + 1) & mask) {
    const std::uint32_t id = dict_.slots[i];
    if (id == kNoText) {
      if (ends_.size() >= kNoText - 1) throw Error(ErrorCode::Model, "a table holds at most 4294967294 texts");
      arena_.append(s);
      ends_.push_back(arena_.size());
      dict_.slots[i] = static_cast<std::uint32_t>(ends_.size() - 1);
      ++dict_.used;
      return dict_.slots[i];
    }
    if (text_of(id) == s) return id;
  }
}

void TableData::grow_dictionary(std::size_t n) {
  // Rebuilt from the arena: also after a copy, whose dictionary starts empty.
  n = std::max(n, dictionary_size(ends_.size() + 1));
  dict_.slots.clear();
  dict_.slots.shrink_to_fit();  // the old slots go before the new ones are made
  dict_.slots.assign(n, kNoText);
  dict_.used = 0;
  const std::size_t mask = n - 1;
  for (std::uint32_t id = 0; id < ends_.size(); ++id) {
    std::size_t i = hash_text(text_of(id)) & mask;
    while (dict_.slots[i] != kNoText) {
      if (text_of(dict_.slots[i]) == text_of(id)) break;  // a copy's repeated text: keep the first
      i = (i + 1) & mask;
    }
    if (dict_.slots[i] == kNoText) {
      dict_.slots[i] = id;
      ++dict_.used;
    }
  }
}

// ---------------------------------------------------------------- size, equality

std::size_t TableData::memory_bytes() const noexcept {
  std::size_t n = sizeof(*this) + heap_bytes(cols_) + arena_.capacity() + heap_bytes(ends_) +
                  heap_bytes(dict_.slots);
  for (const Col& col : cols_)
    n += heap_bytes(col.kinds) + heap_bytes(col.numbers) + heap_bytes(col.texts) + heap_bytes(col.statuses);
  return n;
}

void TableData::shrink_to_fit() {
  for (Col& col : cols_) {
    col.kinds.shrink_to_fit();
    col.numbers.shrink_to_fit();
    col.texts.shrink_to_fit();
    col.statuses.shrink_to_fit();
  }
  arena_.shrink_to_fit();
  ends_.shrink_to_fit();
  dict_ = Dictionary{};  // rebuilt from the arena if text is added later
}

bool TableData::operator==(const TableData& o) const {
  if (cols_.size() != o.cols_.size() || rows_ != o.rows_) return false;
  for (std::size_t c = 0; c < cols_.size(); ++c) {
    const Col& a = cols_[c];
    const Col& b = o.cols_[c];
    if (a.size != b.size) return false;
    // Fast path: two all-number columns compare as arrays (NaN unequal, as in Cell).
    if (!a.mixed && !b.mixed && a.uniform == Cell::Kind::Number && b.uniform == Cell::Kind::Number) {
      if (!std::equal(a.numbers.begin(), a.numbers.begin() + a.size, b.numbers.begin())) return false;
      if (a.statuses.size() != b.statuses.size()) return false;
      for (std::size_t i = 0; i < a.statuses.size(); ++i)
        if (a.statuses[i].row != b.statuses[i].row || a.statuses[i].status != b.statuses[i].status) return false;
      continue;
    }
    for (std::size_t r = 0; r < a.size; ++r)
      if (!(cell(r, c) == o.cell(r, c))) return false;
  }
  return true;
}

}  // namespace sdg
