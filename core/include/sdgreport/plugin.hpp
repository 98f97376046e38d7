// sdgreport — the plugin contract: two abstract interfaces and one export macro.
//
// A data-source plugin fills a section of the document; a format plugin writes a
// whole document to a file. A plugin is a shared library that exports, with C
// linkage:
//   std::uint32_t            sdgreport_plugin_abi();    // read first
//   const sdg::PluginInfo*   sdgreport_plugin_info();   // read before creating anything;
//                                                       // holds the build's fingerprint
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
//   constexpr sdg::OptionSpec kOptions[] = {
//       {.name = "file", .type = sdg::OptionType::Path, .description = "The survey export",
//        .required = true},
//   };
//   SDGREPORT_DATA_SOURCE_PLUGIN(Survey, "survey", "1.0.0", "Municipal survey export", kOptions)
//
// The options array (plugin ABI 3) declares every option the plugin reads besides
// the generic keys (plugin, id, isolate, timeout, memory_limit; for formats:
// format, file); the host refuses any other key before a plugin runs. Leave it
// out for a plugin that takes no options of its own.
//
// Errors: throw sdg::Error (or any std::exception); the host reports it with the
// plugin's name and the section being filled, and the build fails cleanly.
#pragma once

#include <spdlog/fmt/fmt.h>  // FMT_VERSION, of the fmt that spdlog uses
#include <spdlog/version.h>

#include <cstddef>
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
inline constexpr std::uint32_t kPluginAbiVersion = 4;

enum class PluginKind : std::uint32_t { DataSource = 1, Format = 2 };
const char* plugin_kind_name(PluginKind k) noexcept;  ///< "data", "format"

/// What a plugin was compiled against, besides the ABI number: things that break
/// the in-memory contract without any header changing (another compiler ABI, the
/// other libstdc++ std::string, other spdlog/fmt headers, a model type of another
/// size). Plain numbers; the host compares them one by one with its own and
/// refuses the plugin naming the first that differs. Since ABI 2.
struct PluginFingerprint {
  std::uint32_t gxx_abi_version;  ///< __GXX_ABI_VERSION (gcc 12: 1017; clang: 1002)
  std::uint32_t cxx11_abi;        ///< _GLIBCXX_USE_CXX11_ABI: 1 = C++11 std::string/std::list
  std::uint32_t spdlog_version;   ///< SPDLOG_VERSION, e.g. 11000 (log.hpp exposes spdlog)
  std::uint32_t fmt_version;      ///< FMT_VERSION, e.g. 90100
  // sizeof of the types a plugin and the host exchange
  std::uint32_t size_inline, size_block, size_cell, size_column, size_table, size_series, size_chart,
      size_figure, size_indicator_summary, size_container, size_section, size_metadata, size_document,
      size_value, size_options, size_context, size_warning, size_source_request, size_write_request;
};

/// The fingerprint of the code that calls it. Expanded inside the export macros it
/// records the plugin's build; called by the host, the host's.
constexpr PluginFingerprint plugin_fingerprint() noexcept;

/// Plain-data metadata a plugin exports; readable without creating the plugin.
struct PluginInfo {
  std::uint32_t abi_version;
  PluginKind kind;
  const char* name;         ///< [a-z0-9_-]+, unique
  const char* version;      ///< the plugin's own version, e.g. "1.2.0"
  const char* description;  ///< one line
  PluginFingerprint fingerprint;  ///< plugin_fingerprint() of the plugin's build (ABI 2)
  OptionTable options;            ///< the options it takes besides the generic keys (ABI 3)
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

constexpr PluginFingerprint plugin_fingerprint() noexcept {
  auto size = [](std::size_t n) { return static_cast<std::uint32_t>(n); };
  return PluginFingerprint{
      __GXX_ABI_VERSION,
      _GLIBCXX_USE_CXX11_ABI,
      SPDLOG_VERSION,
      FMT_VERSION,
      size(sizeof(Inline)),
      size(sizeof(Block)),
      size(sizeof(Cell)),
      size(sizeof(Column)),
      size(sizeof(Table)),
      size(sizeof(Series)),
      size(sizeof(Chart)),
      size(sizeof(Figure)),
      size(sizeof(IndicatorSummary)),
      size(sizeof(Container)),
      size(sizeof(Section)),
      size(sizeof(Metadata)),
      size(sizeof(Document)),
      size(sizeof(Value)),
      size(sizeof(Options)),
      size(sizeof(Context)),
      size(sizeof(Warning)),
      size(sizeof(SourceRequest)),
      size(sizeof(WriteRequest)),
  };
}

}  // namespace sdg

#define SDGREPORT_PLUGIN_EXPORT extern "C" __attribute__((visibility("default")))

#define SDGREPORT_PLUGIN_INFO_(KIND, NAME, VERSION, DESCRIPTION, OPTIONS)                 \
  SDGREPORT_PLUGIN_EXPORT std::uint32_t sdgreport_plugin_abi() {                          \
    return ::sdg::kPluginAbiVersion;                                                       \
  }                                                                                        \
  SDGREPORT_PLUGIN_EXPORT const ::sdg::PluginInfo* sdgreport_plugin_info() {              \
    static const ::sdg::PluginInfo info{::sdg::kPluginAbiVersion, KIND, NAME, VERSION,    \
                                        DESCRIPTION, ::sdg::plugin_fingerprint(), OPTIONS}; \
    return &info;                                                                          \
  }

/// Exports a data-source plugin whose class CLASS is default-constructible; the
/// optional last argument is its array of sdg::OptionSpec.
#define SDGREPORT_DATA_SOURCE_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION, ...)               \
  SDGREPORT_PLUGIN_INFO_(::sdg::PluginKind::DataSource, NAME, VERSION, DESCRIPTION,       \
                         ::sdg::option_table(__VA_ARGS__))                                 \
  SDGREPORT_PLUGIN_EXPORT ::sdg::DataSource* sdgreport_create_data_source() {             \
    return new CLASS();                                                                    \
  }

/// Exports a format plugin whose class CLASS is default-constructible; the
/// optional last argument is its array of sdg::OptionSpec.
#define SDGREPORT_FORMAT_PLUGIN(CLASS, NAME, VERSION, DESCRIPTION, ...)                    \
  SDGREPORT_PLUGIN_INFO_(::sdg::PluginKind::Format, NAME, VERSION, DESCRIPTION,           \
                         ::sdg::option_table(__VA_ARGS__))                                 \
  SDGREPORT_PLUGIN_EXPORT ::sdg::FormatWriter* sdgreport_create_format_writer() {         \
    return new CLASS();                                                                    \
  }
