// Throws while filling. The exception type is defined here, so its type
// information and what() live in this library: the host must report it while the
// library is still loaded. `mode: sdg` throws sdg::Error instead; `mode: int`
// throws a non-std exception.
#include <stdexcept>

#include "sdgreport/plugin.hpp"

namespace {
struct SurveyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Throwing final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context&) override {
    target.add_block(sdg::Paragraph{{sdg::Inline::plain("half-done")}});
    const std::string mode = req.options.string_or("mode", "std");
    if (mode == "sdg") throw sdg::Error(sdg::ErrorCode::Input, "bad row in survey.csv", {"survey.csv", 7, 0});
    if (mode == "int") throw 42;
    throw SurveyError("survey export has no header row");
  }
};
}  // namespace

namespace {
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "mode", .type = sdg::OptionType::String, .description = "What to throw", .default_value = "std"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(Throwing, "test-throwing", "0.1.0", "Test plugin that throws", kOptions)
