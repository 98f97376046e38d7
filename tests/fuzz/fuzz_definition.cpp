// Fuzz target: the report definition (YAML) reader, parse_definition(). The whole
// input is the file. sdg::Error is the expected outcome of bad input; anything
// else escaping (another exception, a crash, a hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sdgreport/definition.hpp"
#include "sdgreport/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    sdg::ReportDefinition def = sdg::parse_definition(text, "/fuzz/report.yaml");
    (void)def;
  } catch (const sdg::Error&) {
  }
  return 0;
}
