// Fuzz target: the markdown plugin's reader, read_markdown(). First byte: heading
// mode (sections or blocks); the rest is the Markdown file. The blocks it makes
// also go through the model's checks (Section::add_block and friends).
#include <cstddef>
#include <cstdint>

#include "fuzz_input.hpp"
#include "markdown_reader.hpp"
#include "sdgreport/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  sdg::markdown::ReadOptions opts;
  opts.headings = in.flag() ? sdg::markdown::HeadingMode::Blocks : sdg::markdown::HeadingMode::Sections;
  opts.image_dir = "/fuzz/text";
  opts.warn = [](const sdg::Warning&) {};
  sdg::Section target("Fuzz");
  try {
    sdg::markdown::read_markdown(in.rest(), "/fuzz/text/goal.md", target, opts);
  } catch (const sdg::Error&) {
  }
  return 0;
}
