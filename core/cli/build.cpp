#include "build.hpp"

#include "sdgreport/log.hpp"
#include "sdgreport/validate.hpp"

namespace sdg::cli {

namespace {

// Logs the validator's findings; throws the last error (after logging the others) if there are errors.
void report_findings(const Validator& v) {
  const Finding* last_error = nullptr;
  for (const Finding& f : v.findings()) {
    if (f.severity == Finding::Severity::Error) {
      if (last_error) log().error("{}: {} [{}]", last_error->where.str(), last_error->message, last_error->code);
      last_error = &f;
    } else {
      log().warn("{}: {} [{}]", f.where.str(), f.message, f.code);
    }
  }
  if (last_error) {
    std::string more = v.errors() > 1 ? " (" + std::to_string(v.errors()) + " errors; the others are listed above)" : "";
    throw Error(ErrorCode::Definition, last_error->message + " [" + last_error->code + "]" + more, last_error->where);
  }
}

}  // namespace

void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts,
                      bool out_dir_checked) {
  Context ctx(def.base_dir(), def.meta.language, build_epoch());
  build_definition(def, outputs, host, out_dir, assemble_opts, ctx, out_dir_checked);
}

void build_definition(const ReportDefinition& def, const std::vector<OutputSpec>& outputs, PluginHost& host,
                      const std::filesystem::path& out_dir, const AssembleOptions& assemble_opts, Context& ctx,
                      bool out_dir_checked) {
  if (outputs.empty())
    throw Error(ErrorCode::Definition, "the definition lists no outputs; add 'outputs:' or pass --format pdf,xlsx,json",
                Location{def.path.string(), 0, 0});
  // Check what can be checked before any plugin runs.
  check_plugins(def, outputs, host);
  if (!out_dir_checked) check_output_dir(out_dir);  // a probe file made and removed

  // The checks of `validate` run first: each source's output as it comes, then the whole report.
  Validator validator(def);
  Document doc = assemble_checked(def, host, assemble_opts, ctx, validator, false);
  report_findings(validator);
  write_outputs(doc, outputs, out_dir, host, ctx, &def);
  // Every warning printed: the plugins' (logged as they came) and the validator's.
  const std::size_t warnings = ctx.warnings().size() + static_cast<std::size_t>(validator.warnings());
  if (warnings > 0) log().info("{} warning{}", warnings, warnings == 1 ? "" : "s");
}

Document assemble_checked(const ReportDefinition& def, PluginHost& host, const AssembleOptions& assemble_opts,
                          Context& ctx, Validator& validator, bool keep_going) {
  set_limits(def.limits);  // the definition's `limits:` apply to every source and check
  AssembleOptions opts = assemble_opts;
  validator.attach(opts);
  if (!keep_going) opts.on_source_error = nullptr;  // a failing source stops the build
  Document doc = assemble(def, host, ctx, opts);
  validator.finish(doc);
  return doc;
}

}  // namespace sdg::cli
