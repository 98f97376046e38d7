// Fuzz target: the px plugin's reader (read_px) and the cube view with its
// format. First bytes: which variables become rows and columns, a chart or not,
// which language; the rest is the PC-Axis file. Other variables are narrowed to
// their first or last value, as a report would with `select`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "px.hpp"
#include "px_source.hpp"
#include "sdgreport/error.hpp"

using namespace sdg::px;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const std::uint8_t rows = in.byte(), columns = in.byte(), flags = in.byte(), lang = in.byte();
  try {
    ReadOptions ro;
    ro.report_language = (flags & 8) ? "nb" : "en";
    if (lang & 0x80) ro.language = (lang & 1) ? "da" : "en";
    PxFile f = read_px(in.rest(), "/fuzz/data.px", ro);
    sdg::plugins::cube::ViewSpec spec;
    spec.file = "data.px";
    if (flags & 1) spec.chart = sdg::Chart::Kind::Line;
    spec.table = (flags & 2) == 0 || !spec.chart;
    const auto& dims = f.cube.dimensions;
    if (!dims.empty()) {
      spec.rows = dims[rows % dims.size()].id;
      spec.columns = dims[columns % dims.size()].id;
      for (const auto& d : dims)
        if (d.id != spec.rows && d.id != spec.columns && !(flags & 16))
          spec.select.push_back({d.id, {(flags & 4) ? "last 1" : d.categories.front().id}, {}});
    }
    try {
      auto v = make_view(f.cube, spec, format_of(f));
      auto blocks =
          blocks_of(f, std::move(v), (flags & 32) ? NotesPolicy::All : NotesPolicy::Mandatory, "o", "en");
      (void)blocks;
    } catch (const sdg::Error&) {
    }
  } catch (const sdg::Error&) {
  }
  return 0;
}
