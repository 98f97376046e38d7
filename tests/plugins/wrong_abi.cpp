// Exports everything, but claims an ABI version this host does not speak.
#include "sdgreport/plugin.hpp"

namespace {
class Old final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest&, sdg::Section&, sdg::Context&) override {}
};
}  // namespace

SDGREPORT_PLUGIN_EXPORT std::uint32_t sdgreport_plugin_abi() { return 999; }
SDGREPORT_PLUGIN_EXPORT const sdg::PluginInfo* sdgreport_plugin_info() {
  static const sdg::PluginInfo info{999, sdg::PluginKind::DataSource, "test-wrong-abi", "0.0.1", "old", {}, {}};
  return &info;
}
SDGREPORT_PLUGIN_EXPORT sdg::DataSource* sdgreport_create_data_source() { return new Old(); }
