// Building one report from a parsed definition; shared by `build` and `build --each`.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "host.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/pipeline.hpp"
#include "sdgreport/validate.hpp"

namespace sdg::cli {

/// Checks plugins and the output directory (unless the caller has:
/// `out_dir_checked`, as `--each` does once for all rows), assembles the
/// document with the validator's checks, stops on errors (logging warnings),
/// and writes `outputs`.
void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts,
                      bool out_dir_checked = false);
/// The same with the caller's context (whose inputs() then lists what the build read).
void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts, Context& ctx,
                      bool out_dir_checked = false);

/// What `build` and `validate` share, so that they say the same: the definition's
/// limits, then the document assembled with the validator's per-source checks and
/// its whole-report checks. With `keep_going` (validate) a failing source becomes
/// an error finding and the other sources still run; else assemble() throws.
/// The caller has run check_plugins(). Writes nothing.
Document assemble_checked(const ReportDefinition& def, PluginHost& host, const AssembleOptions& assemble_opts,
                          Context& ctx, Validator& validator, bool keep_going);

/// Loads the default and user plugin directories plus `extra` into a host.
using PluginLoader = std::function<void(PluginHost&, const std::vector<std::filesystem::path>& extra)>;

/// `build --each ROWS.csv`: one report per row, ${column} replaced by the row's
/// values, `jobs` reports at a time in child processes, a progress bar on a
/// terminal, and a summary. Returns 0 when every row was built, 1 otherwise.
int build_each(const std::filesystem::path& definition, const std::filesystem::path& rows_csv, int jobs,
               const PluginLoader& load_plugins, const std::filesystem::path& out_dir,
               const std::vector<std::string>& formats, const AssembleOptions& assemble_opts);

}  // namespace sdg::cli
