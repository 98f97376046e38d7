// A well-behaved data source: adds a paragraph with its `text` option and, in a
// goal section, an indicator summary for `indicator`.
#include "sdgreport/plugin.hpp"

namespace {
class Good final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context&) override {
    target.add_block(sdg::Paragraph{{sdg::Inline::plain(req.options.string_or("text", "good"))}});
    if (req.goal && req.options.has("indicator")) {
      sdg::IndicatorSummary s;
      s.indicator = req.options.string("indicator");
      s.value = 42.5;
      s.year = "2024";
      target.add_block(s);
    }
  }
};
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "text", .type = sdg::OptionType::String, .description = "The paragraph's text", .default_value = "good"},
    {.name = "indicator", .type = sdg::OptionType::String, .description = "Indicator of a summary in goal sections"},
};
}  // namespace

SDGREPORT_DATA_SOURCE_PLUGIN(Good, "test-good", "1.2.3", "Test plugin that behaves", kOptions)
