// Fuzz target: the jsonstat plugin's reader (read_jsonstat) and view (make_view).
// First bytes: which dimensions become rows and columns, a chart or not; the rest
// is the JSON-stat file. Other dimensions are narrowed to their first category,
// as a report would with `select`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "jsonstat.hpp"
#include "sdgreport/error.hpp"

using namespace sdg::jsonstat;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const std::uint8_t rows = in.byte(), columns = in.byte(), flags = in.byte();
  try {
    std::vector<Dataset> sets = read_jsonstat(in.rest(), "/fuzz/data.json");
    for (const Dataset& ds : sets) {
      ViewSpec spec;
      spec.file = "data.json";
      if (flags & 1) spec.chart = sdg::Chart::Kind::Line;
      spec.table = (flags & 2) == 0 || !spec.chart;
      const auto& dims = ds.dimensions;
      if (!dims.empty()) {
        spec.rows = dims[rows % dims.size()].id;
        spec.columns = dims[columns % dims.size()].id;
        for (const auto& d : dims)
          if (d.id != spec.rows && d.id != spec.columns)
            spec.select.push_back({d.id, {(flags & 4) ? "last 1" : "*"}, {}});
      }
      try {
        View v = make_view(ds, spec);
        (void)v;
      } catch (const sdg::Error&) {
      }
    }
  } catch (const sdg::Error&) {
  }
  return 0;
}
