// sdgreport — the plugin host: finds plugin libraries, reads their ABI version and
// metadata before creating anything, and hands out instances that keep their
// library loaded. Uses Boost.DLL; linked into the CLI, not into libsdgreport.
//
//   sdg::PluginHost host;
//   for (auto& d : sdg::PluginHost::default_directories()) host.add_directory(d);
//   auto pdf = host.format_writer("pdf");   // throws, listing the available ones
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sdgreport/pipeline.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg {

/// What the host knows about one plugin library, loaded or refused.
struct PluginRecord {
  std::string name;         ///< from its metadata; the file name when unreadable
  PluginKind kind = PluginKind::DataSource;
  std::string version;
  std::string description;
  OptionTable options;      ///< the options it declares (in the plugin's memory, loaded while the host lives)
  std::filesystem::path path;
  bool enabled = false;
  std::string reason;       ///< why it is disabled
};

class PluginHost final : public PluginProvider {
 public:
  PluginHost();
  ~PluginHost() override;
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  /// The directory of the running binary, <prefix>/lib/sdgreport/plugins beside
  /// it, then each entry of SDGREPORT_PLUGIN_PATH (':'-separated), in that order.
  static std::vector<std::filesystem::path> default_directories();

  /// Loads every sdgreport-*.so in `dir` (sorted by name). A plugin whose name is
  /// already loaded from an earlier directory is recorded as disabled (shadowed).
  /// A missing directory is logged and skipped.
  void add_directory(const std::filesystem::path& dir);
  /// Loads one library file; returns its record (enabled or with a reason).
  PluginRecord load(const std::filesystem::path& file);

  /// Every library seen, in load order.
  const std::vector<PluginRecord>& plugins() const;

  std::shared_ptr<DataSource> data_source(const std::string& name) override;
  std::shared_ptr<FormatWriter> format_writer(const std::string& name) override;
  std::optional<OptionTable> declared_options(const std::string& name, PluginKind kind) override;
  /// The enabled plugin of that name, of any kind, or nullptr.
  const PluginRecord* find(const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sdg
