// Format plugin `json`: the document model in its versioned JSON serialisation
// (core/include/sdgreport/json.hpp) — the debugging view of a report and the
// input of `sdgreport render`.
#include <fstream>

#include "sdgreport/error.hpp"
#include "sdgreport/json.hpp"
#include "sdgreport/plugin.hpp"

namespace {

class JsonWriter final : public sdg::FormatWriter {
 public:
  const char* extension() const override { return "json"; }

  void write(const sdg::Document& doc, const sdg::WriteRequest& req, sdg::Context&) override {
    const std::string text = sdg::to_json(doc);
    std::ofstream out(req.path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw sdg::Error(sdg::ErrorCode::Output, "cannot write '" + req.final_path.string() + "'");
  }
};

// `part: main_messages`: the pipeline hands over that chapter alone (sdg::document_part()).
constexpr const char* kParts[] = {"all", "main_messages", nullptr};
constexpr sdg::OptionSpec kOptions[] = {
    {.name = "part", .type = sdg::OptionType::Enum,
     .description = "all: the whole report; main_messages: the main messages chapter alone",
     .default_value = "all", .values = kParts},
};

}  // namespace

SDGREPORT_FORMAT_PLUGIN(JsonWriter, "json", "1.0.0", "Document model as versioned JSON (lossless)", kOptions)
