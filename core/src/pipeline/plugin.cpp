#include "sdgreport/plugin.hpp"


namespace sdg {

// Key functions: the vtables and type information of the interfaces live in
// libsdgreport, never in a plugin that may be unloaded.
DataSource::~DataSource() = default;
FormatWriter::~FormatWriter() = default;

const char* plugin_kind_name(PluginKind k) noexcept {
  switch (k) {
    case PluginKind::DataSource: return "data";
    case PluginKind::Format: return "format";
  }
  return "unknown";
}

}  // namespace sdg
