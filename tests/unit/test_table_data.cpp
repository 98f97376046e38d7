// The column store of table cells (sdgreport/table_data.hpp): memory per cell,
// mixed/text/status columns, building by row and by column, equality, and the
// model's checks done once per column.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "errors.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/limits.hpp"
#include "sdgreport/model.hpp"

namespace sdg {
namespace {

std::string model_error(const std::function<void()>& f) {
  return sdg::test::message_of(ErrorCode::Model, f);
}

TEST(TableData, NumberCellsTakeAtMost16BytesAllIn) {
  constexpr std::size_t kRows = 100000, kCols = 10;
  TableData d(kCols);
  d.reserve(kRows);
  for (std::size_t r = 0; r < kRows; ++r)
    for (std::size_t c = 0; c < kCols; ++c) d.push_number(c, static_cast<double>(r) * 0.1 + static_cast<double>(c));
  const double per_cell = static_cast<double>(d.memory_bytes()) / static_cast<double>(kRows * kCols);
  EXPECT_LE(per_cell, 16.0) << d.memory_bytes() << " bytes";
  EXPECT_GE(per_cell, 8.0) << "memory_bytes counts the doubles";
  EXPECT_EQ(d.rows(), kRows);
  EXPECT_EQ(d.cell(99999, 9).number, 99999 * 0.1 + 9);
  EXPECT_EQ(d.numbers(3).size(), kRows);
  // A few statuses and missing cells stay cheap: sparse statuses, a kind byte in the mixed column.
  for (std::size_t r = 0; r < kRows; r += 1000) d.set(r, 2, Cell::missing(ValueStatus::Confidential));
  d.set(5, 4, Cell::of(1.0, ValueStatus::Estimated));
  EXPECT_LE(static_cast<double>(d.memory_bytes()) / (kRows * kCols), 16.0);
  EXPECT_EQ(d.cell(1000, 2), CellView(Cell::missing(ValueStatus::Confidential)));
  EXPECT_EQ(d.cell(1001, 2).kind, Cell::Kind::Number);
  EXPECT_EQ(d.cell(5, 4), CellView(Cell::of(1.0, ValueStatus::Estimated)));
  EXPECT_TRUE(d.numbers(2).empty()) << "a mixed column has no all-number span";
}

TEST(TableData, TextIsStoredOncePerDistinctValue) {
  TableData d(2);
  for (int r = 0; r < 10000; ++r) {
    d.push_text(0, r % 2 ? "Troms og Finnmark – Romsa ja Finnmárku" : "Vestland");
    d.push_text(1, "row " + std::to_string(r));
  }
  EXPECT_EQ(d.text_count(), 2u + 10000u);
  EXPECT_EQ(d.cell(1, 0).text, "Troms og Finnmark – Romsa ja Finnmárku");
  EXPECT_EQ(d.cell(9999, 1).text, "row 9999");
  // A copy reads the same and keeps interning (its dictionary is rebuilt).
  TableData copy = d;
  copy.push_text(0, "Vestland");
  copy.push_text(1, "row 0");
  EXPECT_EQ(copy.text_count(), d.text_count());
  EXPECT_EQ(copy.cell(10000, 0).text, "Vestland");
}

TEST(TableData, MixedColumnsKeepEveryKindAndStatus) {
  TableData d;
  d.append_row({Cell::of("Oslo"), Cell::of(12.5), Cell::missing(ValueStatus::NotAvailable)});
  d.append_row({Cell::missing(ValueStatus::NotApplicable), Cell::of("n/a"), Cell::of(3.0, ValueStatus::Provisional)});
  d.append_row({Cell::of("Bergen"), Cell::of(-0.0), Cell::of("x")});
  ASSERT_EQ(d.columns(), 3u);
  ASSERT_EQ(d.rows(), 3u);
  EXPECT_EQ(d.cell(0, 0), CellView(Cell::of("Oslo")));
  EXPECT_EQ(d.cell(1, 0), CellView(Cell::missing(ValueStatus::NotApplicable)));
  EXPECT_EQ(d.cell(1, 1), CellView(Cell::of("n/a")));
  EXPECT_EQ(d.cell(2, 1), CellView(Cell::of(-0.0)));
  EXPECT_EQ(d.cell(0, 2), CellView(Cell::missing(ValueStatus::NotAvailable)));
  EXPECT_EQ(d.cell(1, 2), CellView(Cell::of(3.0, ValueStatus::Provisional)));
  EXPECT_EQ(d.cell(2, 2), CellView(Cell::of("x")));
  EXPECT_TRUE(d.has_kind(1, Cell::Kind::Text));
  EXPECT_TRUE(d.has_kind(1, Cell::Kind::Number));
  EXPECT_FALSE(d.has_kind(1, Cell::Kind::Empty));
  EXPECT_TRUE(d.has_status(2));
  EXPECT_FALSE(d.has_status(1));
  // Column-wise reading gives the same cells.
  std::size_t r = 0;
  for (const CellView v : d.column(2)) EXPECT_EQ(v, d.cell(r++, 2));
  EXPECT_EQ(r, 3u);
  // Replacing cells changes kind and status in place.
  d.set(1, 2, Cell::of(4.0));
  EXPECT_EQ(d.cell(1, 2), CellView(Cell::of(4.0)));
  EXPECT_FALSE(d.has_status(2) && d.cell(1, 2).status != ValueStatus::None);
  EXPECT_EQ(d.cell(0, 2).status, ValueStatus::NotAvailable);
}

TEST(TableData, EqualityComparesCellsNotStorage) {
  // Row by row with a kind change late, and column by column: the same cells.
  TableData a;
  a.append_row({Cell::of("2022"), Cell::of(1.5)});
  a.append_row({Cell::of("2023"), Cell::missing(ValueStatus::Confidential)});
  TableData b(2);
  b.push_text(0, "2022");
  b.push_text(0, "2023");
  b.push_number(1, 0.0);
  b.push_missing(1, ValueStatus::Confidential);
  EXPECT_NE(a, b);
  b.set(0, 1, Cell::of(1.5));
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, TableData::of({{Cell::of("2022"), Cell::of(1.5)},
                              {Cell::of("2023"), Cell::missing(ValueStatus::Confidential)}}));
  b.set(1, 1, Cell::missing(ValueStatus::NotAvailable));
  EXPECT_NE(a, b) << "statuses count";
  TableData c = a;
  c.set(0, 0, Cell::of("2021"));
  EXPECT_NE(a, c) << "texts count";
  EXPECT_NE(a, TableData(2)) << "row counts count";
  // Tables compare through their data.
  Table t1, t2;
  t1.columns = t2.columns = {{"År", Column::Type::Text, "", 0}, {"Andel", Column::Type::Number, "%", 1}};
  t1.data = a;
  t2.data = a;
  EXPECT_EQ(t1, t2);
  t2.data.set(0, 1, Cell::of(1.6));
  EXPECT_NE(t1, t2);
}

Table numbers_table(std::size_t rows) {
  Table t;
  t.caption = "Tall";
  t.columns = {{"Kommune", Column::Type::Text, "", 0}, {"Verdi", Column::Type::Number, "", 1}};
  t.data.reset(2);
  for (std::size_t r = 0; r < rows; ++r) t.data.push_text(0, "K" + std::to_string(r % 7));
  for (std::size_t r = 0; r < rows; ++r) t.data.push_number(1, static_cast<double>(r));
  return t;
}

TEST(TableData, ModelChecksEachColumnAndEachText) {
  EXPECT_NO_THROW(check_block(numbers_table(1000)));
  Table t = numbers_table(1000);
  t.data.set(640, 1, Cell::of(std::numeric_limits<double>::infinity()));
  std::string e = model_error([&] { check_block(t); });
  EXPECT_NE(e.find("row 641, column 'Verdi'"), std::string::npos) << e;
  EXPECT_NE(e.find("not a finite number"), std::string::npos) << e;
  t = numbers_table(1000);
  t.data.set(17, 0, Cell::of("bl\xE5"));  // Latin-1, in the one text stored for it
  e = model_error([&] { check_block(t); });
  EXPECT_NE(e.find("row 18, column 'Kommune'"), std::string::npos) << e;
  EXPECT_NE(e.find("not valid UTF-8"), std::string::npos) << e;
  t = numbers_table(10);
  t.data.set(3, 0, Cell::missing(ValueStatus::None));
  e = model_error([&] { check_block(t); });
  EXPECT_NE(e.find("row 4, column 'Kommune'"), std::string::npos) << e;
  EXPECT_NE(e.find("needs a status"), std::string::npos) << e;
  t = numbers_table(10);
  t.data.set(2, 1, Cell::of("tekst"));
  e = model_error([&] { check_block(t); });
  EXPECT_NE(e.find("text 'tekst' in a number column"), std::string::npos) << e;
  t = numbers_table(10);
  t.columns[1].type = Column::Type::Text;
  e = model_error([&] { check_block(t); });
  EXPECT_NE(e.find("a number in a text column"), std::string::npos) << e;
}

TEST(TableData, TableCellsLimitCountsRowsTimesColumns) {
  const Limits saved = limits();
  Limits low = saved;
  ASSERT_TRUE(set_limit(low, "table_cells", 100));
  set_limits(low);
  EXPECT_NO_THROW(check_block(numbers_table(50)));
  const std::string e = model_error([&] { check_block(numbers_table(51)); });
  set_limits(saved);
  EXPECT_NE(e.find("51 rows × 2 columns"), std::string::npos) << e;
}

// The csv shaper builds one column at a time while the others are still raw
// text: reserving column c must not reserve the others.
TEST(TableData, ReserveColumnReservesThatColumnOnly) {
  TableData d(3);
  const std::size_t empty = d.memory_bytes();
  d.reserve_column(1, 100000, Cell::Kind::Number);
  const std::size_t one = d.memory_bytes() - empty;
  EXPECT_GE(one, 100000 * sizeof(double));
  EXPECT_LT(one, 2 * 100000 * sizeof(double)) << "only column 1's numbers";
  d.reserve_column(0, 100000, Cell::Kind::Text);
  const std::size_t text = d.memory_bytes() - empty - one;
  EXPECT_GE(text, 100000 * sizeof(std::uint32_t));
  EXPECT_LT(text, 100000 * sizeof(double)) << "text ids, no numbers, for a text column";
  for (std::size_t r = 0; r < 3; ++r) d.append_row({Cell::of("x"), Cell::of(1.5), Cell::missing(ValueStatus::Confidential)});
  EXPECT_EQ(d.cell(2, 1).number, 1.5);
  EXPECT_EQ(d.cell(2, 0).text, "x");
}

}  // namespace
}  // namespace sdg
