// Fuzz target: the csv plugin's reader and shaping, read_csv() then shape(). The
// first bytes choose the options a report definition could give (delimiter,
// encoding, header, decimal mark, pivot or wide-to-long over columns of the file,
// a chart, decimals); the rest is the CSV file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "csv_table.hpp"
#include "fuzz_input.hpp"
#include "sdgreport/error.hpp"

using namespace sdg::csvtable;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  ReadSpec spec;
  static const char kDelimiters[] = {0, ';', ',', '\t', '|'};
  spec.delimiter = kDelimiters[in.pick(sizeof kDelimiters)];
  spec.encoding = in.flag() ? Encoding::Windows1252 : Encoding::Utf8;
  spec.header = in.pick(4) != 0;
  const std::uint8_t number = in.byte();
  if (number & 1) {
    spec.decimal_auto = false;
    spec.number.decimal = (number & 2) ? ',' : '.';
  }
  const std::uint8_t shape_kind = in.byte();
  const std::uint8_t a = in.byte(), b = in.byte(), c = in.byte();
  const std::uint8_t chart = in.byte();
  if (chart & 1) spec.chart = (chart & 2) ? sdg::Chart::Kind::Line : sdg::Chart::Kind::Column;
  spec.chart_series_are_columns = (chart & 4) != 0;
  if (chart & 8) spec.decimals = chart >> 4;
  spec.language = (chart & 0x80) ? sdg::Language::Nb : sdg::Language::En;
  const std::string file(in.rest());

  try {
    std::istringstream first(file);
    RawTable raw = read_csv(first, "/fuzz/data.csv", spec);
    const auto& h = raw.header;
    if (!h.empty()) {
      // Shapes over columns the file really has, so that shape() gets past the
      // option checks most of the time.
      if (shape_kind % 3 == 1)
        spec.pivot = Pivot{h[a % h.size()], h[b % h.size()], h[c % h.size()]};
      else if (shape_kind % 3 == 2)
        spec.wide_to_long = WideToLong{{h[a % h.size()]}, "Year", "Value"};
      if (shape_kind & 4) spec.unit_column = h[b % h.size()];
    }
    std::istringstream again(file);
    raw = read_csv(again, "/fuzz/data.csv", spec);
    Shaped out = shape(raw, spec);
    (void)out;
  } catch (const sdg::Error&) {
  }
  return 0;
}
