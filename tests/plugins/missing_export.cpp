// Metadata says "data source" but there is no factory.
#include "sdgreport/plugin.hpp"

SDGREPORT_PLUGIN_EXPORT std::uint32_t sdgreport_plugin_abi() { return sdg::kPluginAbiVersion; }
SDGREPORT_PLUGIN_EXPORT const sdg::PluginInfo* sdgreport_plugin_info() {
  static const sdg::PluginInfo info{sdg::kPluginAbiVersion, sdg::PluginKind::DataSource,
                                    "test-missing-export", "0.0.1", "no factory",
                                    sdg::plugin_fingerprint(), {}};
  return &info;
}
