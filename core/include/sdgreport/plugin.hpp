// sdgreport — the plugin contract: two abstract interfaces and one export macro.
//
// A data-source plugin fills a section of the document; a format plugin writes a
// whole document to a file. A plugin is a shared library that exports, with C
// linkage:
//   std::uint32_t            sdgreport_plugin_abi();    // read first
//   const sdg::PluginInfo*   sdgreport_plugin_info();   // read before creating anything
//   sdg::DataSource*         sdgreport_create_data_source();   or
//   sdg::FormatWriter*       sdgreport_create_format_writer();
// The SDGREPORT_*_PLUGIN macros below write all of these.
//
//   class Survey : public sdg::DataSource {
//    public:
//     void fill(const sdg::SourceRequest& req, sdg::Section& target, sdg::Context& ctx) override {
//       auto path = ctx.resolve(req.options.string("file"));
//       target.add_block(sdg::Paragraph{{sdg::Inline::plain("…")}});
//     }
//   };
//   SDGREPORT_DATA_SOURCE_PLUGIN(Survey, "survey", "1.0.0", "Municipal survey export")
//
// Errors: throw sdg::Error (or any std::exception); the host reports it with the
// plugin's name and the section being filled, and the build fails cleanly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/options.hpp"

namespace sdg {

/// Version of the binary interface between the host and plugins: the model types,
/// the interfaces below and PluginInfo. A plugin built for another version is
/// refused. See docs/plugin-abi.md.
inline constexpr std::uint32_t kPluginAbiVersion = 1;

enum class PluginKind : std::uint32_t { DataSource = 1, Format = 2 };
const char* plugin_kind_name(PluginKind k) noexcept;  ///< "data", "format"

/// Plain-data metadata a plugin exports; readable without creating the plugin.
struct PluginInfo {
  std::uint32_t abi_version;
  PluginKind kind;
  const char* name;         ///< [a-z0-9_-]+, unique
  const char* version;      ///< the plugin's own version, e.g. "1.2.0"
  const char* description;  ///< one line
};

/// What a data source is asked to do.
struct SourceRequest {
  const Options& options;         ///< the source entry of the report definition
  std::optional<int> goal;        ///< set when filling a goal section (goal_sources)
};

class DataSource {
 public:
  virtual ~DataSource();
  /// Adds blocks and subsections to `target`. May throw.
  virtual void fill(const SourceRequest& req, Section& target, Context& ctx) = 0;
};

/// What a format writer is asked to do.
struct WriteRequest {
  const Options& options;        ///< the output entry of the report definition
  std::filesystem::path path;    ///< write here (a temporary file the host renames)
  std::filesystem::path final_path;  ///< where the file will end up, for messages
};

class FormatWriter {
 public:
  virtual ~FormatWriter();
  /// File extension without dot, e.g. "pdf".
  virtual const char* extension() const = 0;
  /// Writes `doc` to req.path. May throw.
  virtual void write(const Document& doc, const WriteRequest& req, Context& ctx) = 0;
};

}  // namespace sdg

#define SDGREPORT_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

#define SDGREPORT_PLUGIN_INFO_(KIND, NAME, VERSION, DESCRIPTION)                          \
  SDGREPORT_PLUGIN_EXPORT std::uint32_t sdgreport_plugin_abi() {                          \
    return ::sdg::kPluginAbiVersion;                                                       \
  }                                                                                        \
  SDGREPORT_PLUGIN_EXPORT const ::sdg::PluginInfo* sdgreport_plugin_info() {              \
    static const ::sdg::PluginInfo info{::sdg::kPluginAbiVersion, KIND, NAME, VERSION,    \
                                        DESCRIPTION};                                      \
    return &info;                                                                          \
  }

/// Exports a data-source plugin whose class CLASS is default-constructible.
#define SDGREPORT_DATA_SOURCE_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION)                    \
  SDGREPORT_PLUGIN_INFO_(::sdg::PluginKind::DataSource, NAME, VERSION, DESCRIPTION)       \
  SDGREPORT_PLUGIN_EXPORT ::sdg::DataSource* sdgreport_create_data_source() {             \
    return new CLASS();                                                                    \
  }

/// Exports a format plugin whose class CLASS is default-constructible.
#define SDGREPORT_FORMAT_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION)                         \
  SDGREPORT_PLUGIN_INFO_(::sdg::PluginKind::Format, NAME, VERSION, DESCRIPTION)           \
  SDGREPORT_PLUGIN_EXPORT ::sdg::FormatWriter* sdgreport_create_format_writer() {         \
    return new CLASS();                                                                    \
  }
