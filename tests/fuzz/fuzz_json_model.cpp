// Fuzz target: the JSON model reader (document_from_json, section_from_json), what
// `sdgreport render` and isolated plugins read. First byte: whole document or one
// section; the rest is the JSON text. A document that reads is written back and
// read again: the writer must accept whatever the reader accepted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_input.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  sdg::fuzz::Input in(data, size);
  const bool section = in.flag();
  try {
    if (section) {
      sdg::Section s = sdg::section_from_json(in.rest(), "/fuzz/section.json");
      (void)sdg::section_from_json(sdg::section_to_json(s), "/fuzz/again.json");
    } else {
      sdg::Document d = sdg::document_from_json(in.rest(), "/fuzz/report.json");
      (void)sdg::document_from_json(sdg::to_json(d), "/fuzz/again.json");
    }
  } catch (const sdg::Error&) {
  }
  return 0;
}
