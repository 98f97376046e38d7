// Fuzz target: the opensdg plugin's readers: indicator metadata (parse_metadata,
// YAML or Markdown front matter) and the indicator CSV (read_indicator_csv), then
// the blocks built from both (build_indicator_blocks, with progress assessed).
// First byte: metadata as front matter or YAML, chart or not, assess or not.
// The rest: metadata text, a line "~~~~", then the CSV file (no separator: all CSV).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_input.hpp"
#include "indicator_blocks.hpp"
#include "indicator_csv.hpp"
#include "metadata.hpp"
#include "sdgreport/error.hpp"

using namespace sdg::opensdg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const std::uint8_t flags = in.byte();
  const std::string_view text = in.rest();
  const std::size_t cut = text.find("\n~~~~\n");
  const std::string_view meta_text = cut == std::string_view::npos ? std::string_view{} : text.substr(0, cut);
  const std::string csv(cut == std::string_view::npos ? text : text.substr(cut + 6));
  try {
    IndicatorMeta meta = parse_metadata(meta_text, "/fuzz/meta/7-2-1.md", (flags & 1) != 0);
    std::istringstream csv_in(csv);
    CsvOptions copts;
    copts.keep = {"Gender", "Age", "Region"};
    IndicatorData ind = read_indicator_csv(csv_in, "/fuzz/data/indicator_7-2-1.csv", copts);
    BuildOptions opts;
    opts.title = meta.get("indicator_name");
    opts.unit = meta.get("computation_units");
    opts.source = meta.get("source_organisation");
    if (flags & 2) opts.chart = chart_kind_from_graph_type(meta.get("graph_type"));
    opts.assess = (flags & 4) != 0;
    opts.progress = meta.progress;
    BuildResult r = build_indicator_blocks("7.2.1", ind, opts);
    (void)r;
  } catch (const sdg::Error&) {
  }
  return 0;
}
