// The right ABI number, but a fingerprint whose sizeof(sdg::Table) differs from the
// host's: what a plugin compiled against a model header of another build would
// export. The exports are written by hand (as SDGREPORT_DATA_SOURCE_PLUGIN would)
// so that one item can be overridden.
#include "sdgreport/plugin.hpp"

namespace {
class Shifted final : public sdg::DataSource {
 public:
  void fill(const sdg::SourceRequest&, sdg::Section&, sdg::Context&) override {}
};

constexpr sdg::PluginFingerprint shifted_fingerprint() {
  sdg::PluginFingerprint f = sdg::plugin_fingerprint();
  f.size_table += 8;
  return f;
}
}  // namespace

SDGREPORT_PLUGIN_EXPORT std::uint32_t sdgreport_plugin_abi() { return sdg::kPluginAbiVersion; }
SDGREPORT_PLUGIN_EXPORT const sdg::PluginInfo* sdgreport_plugin_info() {
  static const sdg::PluginInfo info{sdg::kPluginAbiVersion, sdg::PluginKind::DataSource, "test-wrong-fingerprint",
                                    "0.0.1", "model of another size", shifted_fingerprint(), {}};
  return &info;
}
SDGREPORT_PLUGIN_EXPORT sdg::DataSource* sdgreport_create_data_source() { return new Shifted(); }
