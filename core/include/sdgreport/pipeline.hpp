// sdgreport — the build pipeline: run the data sources a definition names to fill
// the document model, check it, and hand it to format writers, writing each output
// to a temporary file that is renamed only on success.
//
// The pipeline does not load libraries itself: it asks a PluginProvider (the
// Boost.DLL host in the CLI, or an in-memory fake in tests) for plugin instances.
//
//   sdg::Document doc = sdg::assemble(def, provider, ctx);
//   sdg::write_output(doc, def.outputs[0], out_dir, provider, ctx);
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sdgreport/context.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg {

class PluginProvider {
 public:
  virtual ~PluginProvider();
  /// An instance of the named plugin; throws Error(ErrorCode::Plugin) listing the
  /// available names when there is none. The instance keeps its library loaded.
  virtual std::shared_ptr<DataSource> data_source(const std::string& name) = 0;
  virtual std::shared_ptr<FormatWriter> format_writer(const std::string& name) = 0;
  /// The options the named plugin declares (PluginInfo::options), read without
  /// creating it; nullopt when the provider has no schemas (a test fake), and then
  /// entries are not checked against one.
  virtual std::optional<OptionTable> declared_options(const std::string& name, PluginKind kind);
};

/// Checks that every plugin the definition names exists and that every source and
/// output entry fits its plugin's declared options (option_check.hpp), before
/// anything runs; throws Error(ErrorCode::Plugin) at the first unknown plugin and
/// Error(ErrorCode::Definition) at the first bad option, with its location.
void check_plugins(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginProvider& plugins);

struct AssembleOptions {
  /// Run every data source in a child process (a source's `isolate: true|false` overrides).
  bool isolate = false;
  /// Limits for isolated sources (a source's `timeout` / `memory_limit` override).
  int timeout_seconds = 600;
  std::int64_t memory_limit_mb = 4096;
  /// Called after each source ran, with the section it filled and the index of
  /// the first block and first subsection it added (used by the validator).
  std::function<void(const Section&, std::size_t, std::size_t, const SourceSpec&)> on_source_done;
  /// When set, a failing source is passed here and assemble() returns what it
  /// could build instead of throwing (used by `validate` to report every problem).
  std::function<void(const Error&)> on_source_error;
};

/// Builds the document: metadata, chapters, goal sections; runs every source.
/// What a plugin throws (or, isolated, a crash, abort, time-out or memory
/// exhaustion) is reported as an Error naming the plugin and the section it was
/// filling. The other sources still run; then the first… last failure is thrown
/// (all but the last are logged), so no output is written.
Document assemble(const ReportDefinition& def, PluginProvider& plugins, Context& ctx,
                  const AssembleOptions& opts = {});

/// The outputs to write: those of the definition whose format is in `formats`
/// (all when empty); a requested format the definition does not list is added.
/// Outputs without a file name get "<def.name>.<format>".
std::vector<OutputSpec> select_outputs(const ReportDefinition& def, const std::vector<std::string>& formats);

/// Creates `out_dir` if needed and checks that a file can be created in it, so a
/// build fails before any plugin runs. Throws Error(ErrorCode::Output).
void check_output_dir(const std::filesystem::path& out_dir);

/// Writes all `outputs` of one build under `out_dir`, all or nothing: each writer
/// writes a temporary file beside its target; only when every writer succeeded
/// are they renamed into place (a replaced file is kept as a hard link until all
/// are moved, and restored if a rename fails). On any failure the earlier files
/// are byte-identical and no temporary file is left; OS errors carry their real
/// message. Every target must stay inside `out_dir`, lexically and after
/// resolving symbolic links of existing parents, else Error(ErrorCode::Definition)
/// at the output's definition line. Returns the final paths.
/// With `def`, an output with `part: main_messages` writes that chapter alone
/// (document_part()).
std::vector<std::filesystem::path> write_outputs(const Document& doc, const std::vector<OutputSpec>& outputs,
                                                 const std::filesystem::path& out_dir, PluginProvider& plugins,
                                                 Context& ctx, const ReportDefinition* def = nullptr);

/// The part of the report an output writes (its `part:` option, for formats that
/// take one): nullopt for the whole report (`part: all` or none), or for `part:
/// main_messages` a document holding the main messages chapter alone (the
/// chapter with `role: main_messages`, validate.hpp), with the report's metadata
/// and no at-a-glance page, so it travels on its own. Throws
/// Error(ErrorCode::Definition) at the output's line when the definition has no
/// main messages chapter, or when `def` is null (a model rendered without its
/// definition knows no roles).
std::optional<Document> document_part(const Document& doc, const ReportDefinition* def, const OutputSpec& out);

/// write_outputs() for one output. Returns the final path.
std::filesystem::path write_output(const Document& doc, const OutputSpec& out,
                                   const std::filesystem::path& out_dir, PluginProvider& plugins,
                                   Context& ctx);

}  // namespace sdg
