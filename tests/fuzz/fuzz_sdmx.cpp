// Fuzz target: the sdmx plugin's reader and shaping (read_sdmx_bytes), and its
// structure reader. First byte: flags (1 wide layout, 2 chart, 4 labels both,
// 8 filter the first component on "_T", 16 the rest is a structure message);
// the rest is the SDMX data message (SDMX-ML or SDMX-CSV) or structure message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "sdgreport/error.hpp"
#include "sdmx_structure.hpp"
#include "sdmx_table.hpp"

using namespace sdg::sdmx;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const std::uint8_t flags = in.byte();
  try {
    if (flags & 16) {
      Structure st;
      st.read_bytes(in.rest(), "/fuzz/structure.xml", "en");
      (void)st.code_name("SEX", "F");
      return 0;
    }
    Spec spec;
    spec.layout = (flags & 1) ? Layout::Wide : Layout::Long;
    if (flags & 2) spec.chart = sdg::Chart::Kind::Line;
    spec.labels = (flags & 4) ? Labels::Both : Labels::Name;
    if (flags & 8) spec.filters.push_back({"SEX", {"_T"}});
    Result r = read_sdmx_bytes(in.rest(), "/fuzz/data", spec);
    if (r.table) sdg::check_block(*r.table);
    if (r.chart) sdg::check_block(*r.chart);
  } catch (const sdg::Error&) {
  }
  return 0;
}
