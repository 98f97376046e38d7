// Building one report from a parsed definition; shared by `build` and `build --each`.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "host.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/pipeline.hpp"

namespace sdg::cli {

/// Checks plugins and the output directory, assembles the document with the
/// validator's checks, stops on errors (logging warnings), and writes `outputs`.
void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts);
/// The same with the caller's context (whose inputs() then lists what the build read).
void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts, Context& ctx);

/// Loads the default and user plugin directories plus `extra` into a host.
using PluginLoader = std::function<void(PluginHost&, const std::vector<std::filesystem::path>& extra)>;

/// `build --each ROWS.csv`: one report per row, ${column} replaced by the row's
/// values, `jobs` reports at a time in child processes, a progress bar on a
/// terminal, and a summary. Returns 0 when every row was built, 1 otherwise.
int build_each(const std::filesystem::path& definition, const std::filesystem::path& rows_csv, int jobs,
               const PluginLoader& load_plugins, const std::filesystem::path& out_dir,
               const std::vector<std::string>& formats, const AssembleOptions& assemble_opts);

}  // namespace sdg::cli
