#include "sdgreport/plugin.hpp"

#include "sdgreport/pipeline.hpp"

namespace sdg {

// Key functions: the vtables and type information of the interfaces live in
// libsdgreport, never in a plugin that may be unloaded.
DataSource::~DataSource() = default;
FormatWriter::~FormatWriter() = default;
PluginProvider::~PluginProvider() = default;

std::optional<OptionTable> PluginProvider::declared_options(const std::string&, PluginKind) { return std::nullopt; }

const char* plugin_kind_name(PluginKind k) noexcept {
  switch (k) {
    case PluginKind::DataSource: return "data";
    case PluginKind::Format: return "format";
  }
  return "unknown";
}

}  // namespace sdg
