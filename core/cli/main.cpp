// sdgreport — command-line interface.
//
//   sdgreport build REPORT.yaml [-o DIR] [--format pdf,xlsx,json] [--plugin-dir DIR]
//   sdgreport render MODEL.json [-o DIR] --format pdf,xlsx,json
//   sdgreport package REPORT.yaml -o DIR [--allow-warnings]
//   sdgreport preview REPORT.yaml [--port N]
//   sdgreport review REVIEWED.docx [--json]
//   sdgreport plugins [--plugin-dir DIR]
//   sdgreport new DIR [--lang en|nb|nn]
//   sdgreport new-plugin NAME [-o DIR]
//
// Exit codes, one convention for every command (docs/cli.md): 0 success (warnings
// may have been printed), 1 failed — an error in the definition, a source or an
// output, or for `validate` an error finding (`--strict`: any finding) —, 2 bad
// command line.
#include <CLI/CLI.hpp>

#include <fstream>
#include <optional>
#include <thread>
#include <iostream>
#include <sstream>

#include "host.hpp"
#include "build.hpp"
#include "json_schema.hpp"
#include "review.hpp"
#include "package.hpp"
#include "preview.hpp"
#include "scaffold.hpp"
#include "sdgreport/codes.hpp"
#include "sdgreport/definition.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/json.hpp"
#include "sdgreport/log.hpp"
#include "sdgreport/pipeline.hpp"
#include "sdgreport/suggest.hpp"
#include "sdgreport/validate.hpp"

namespace fs = std::filesystem;

namespace {

struct Common {
  int verbose = 0;
  bool quiet = false;
  std::vector<std::string> plugin_dirs;
};

void load_plugins(sdg::PluginHost& host, const Common& common, const std::vector<fs::path>& extra = {}) {
  for (const fs::path& d : sdg::PluginHost::default_directories()) host.add_directory(d);
  for (const std::string& d : common.plugin_dirs) host.add_directory(d);
  for (const fs::path& d : extra) host.add_directory(d);
}

std::vector<std::string> split_formats(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const std::string& item : raw) {
    std::stringstream ss(item);
    std::string f;
    while (std::getline(ss, f, ','))
      if (!f.empty()) out.push_back(f);
  }
  return out;
}

// `validate` is `build` without writing: the same checks, the same sources run
// in-process, every warning printed once and counted (docs/cli.md).
int cmd_validate(const Common& common, const std::string& report, bool as_json, bool strict,
                 const sdg::AssembleOptions& assemble_opts) {
  const fs::path def_path(report);
  std::optional<sdg::ReportDefinition> def;
  std::optional<sdg::Validator> validator;
  std::optional<sdg::Context> ctx;
  try {
    def = sdg::load_definition(def_path);
    sdg::PluginHost host;
    load_plugins(host, common, def->plugin_dirs);
    sdg::check_plugins(*def, sdg::select_outputs(*def, {}), host);
    validator.emplace(*def);
    ctx.emplace(def->base_dir(), def->meta.language, sdg::build_epoch());
    ctx->set_echo(false);  // printed below with the findings, once
    sdg::cli::assemble_checked(*def, host, assemble_opts, *ctx, *validator, true);
  } catch (const sdg::Error& e) {
    // The definition could not be read or the document not built: one error finding.
    if (!def) {
      def.emplace();
      def->path = def_path;
    }
    if (!validator) validator.emplace(*def);
    validator->record(e);
  }
  if (ctx) validator->record(ctx->warnings());
  if (as_json) {
    std::cout << validator->to_json();
  } else {
    for (const sdg::Finding& f : validator->findings()) std::cout << f.str() << "\n";
    std::cout << validator->errors() << (validator->errors() == 1 ? " error, " : " errors, ") << validator->warnings()
              << (validator->warnings() == 1 ? " warning\n" : " warnings\n");
  }
  return validator->exit_code(strict);
}

int cmd_build(const Common& common, const std::string& report, const std::string& out_dir,
              const std::vector<std::string>& formats, const sdg::AssembleOptions& assemble_opts,
              const std::string& each_csv, int jobs) {
  const fs::path def_path(report);
  if (!each_csv.empty()) {
    auto loader = [&common](sdg::PluginHost& host, const std::vector<fs::path>& extra) { load_plugins(host, common, extra); };
    return sdg::cli::build_each(def_path, each_csv, jobs, loader, out_dir, split_formats(formats), assemble_opts);
  }
  sdg::log().info("reading {}", def_path.string());
  sdg::ReportDefinition def = sdg::load_definition(def_path);
  std::vector<sdg::OutputSpec> outputs = sdg::select_outputs(def, split_formats(formats));
  if (outputs.empty())
    throw sdg::Error(sdg::ErrorCode::Definition,
                     "the definition lists no outputs; add 'outputs:' or pass --format pdf,xlsx,json",
                     sdg::Location{def_path.string(), 0, 0});
  sdg::PluginHost host;
  load_plugins(host, common, def.plugin_dirs);
  sdg::cli::build_definition(def, outputs, host, out_dir, assemble_opts);
  return 0;
}

int cmd_render(const Common& common, const std::string& model, const std::string& out_dir,
               const std::vector<std::string>& formats) {
  const fs::path path(model);
  sdg::Document doc = sdg::document_from_json(
      sdg::read_file(path, sdg::ErrorCode::Input, "the model", {path.string()}), path.string());

  sdg::ReportDefinition def;  // only for naming the outputs
  def.path = path;
  def.name = path.stem().string();
  std::vector<sdg::OutputSpec> outputs = sdg::select_outputs(def, split_formats(formats));
  if (outputs.empty()) throw sdg::Error(sdg::ErrorCode::Usage, "render needs --format");
  sdg::PluginHost host;
  load_plugins(host, common);
  for (const sdg::OutputSpec& o : outputs) host.format_writer(o.format);
  sdg::check_output_dir(out_dir);
  sdg::Context ctx(path.parent_path(), doc.meta.language, sdg::build_epoch());
  sdg::write_outputs(doc, outputs, out_dir, host, ctx);
  return 0;
}

int cmd_schema(const Common& common, const std::string& out_file) {
  sdg::PluginHost host;
  load_plugins(host, common);
  const std::string text = sdg::cli::definition_schema(host);
  if (out_file.empty() || out_file == "-") {
    std::cout << text;
    return 0;
  }
  // Written beside and renamed, so a failed write leaves the old schema.
  const fs::path tmp = fs::path(out_file).concat(".tmp");
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
    out.close();
    if (!out) throw sdg::Error(sdg::ErrorCode::Output, "cannot write '" + tmp.string() + "'");
  }
  std::error_code ec;
  fs::rename(tmp, out_file, ec);
  if (ec) throw sdg::Error(sdg::ErrorCode::Output, "cannot write '" + out_file + "': " + ec.message());
  return 0;
}

int cmd_plugin_options(const Common& common, const std::string& name) {
  sdg::PluginHost host;
  load_plugins(host, common);
  const sdg::PluginRecord* r = host.find(name);
  if (!r) {
    std::vector<std::string> names;
    for (const sdg::PluginRecord& p : host.plugins())
      if (p.enabled) names.push_back(p.name);
    std::string list;
    for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
    throw sdg::Error(sdg::ErrorCode::Usage, "no plugin '" + name + "'" + sdg::did_you_mean(name, names) +
                                                " (available: " + (list.empty() ? "none" : list) + ")");
  }
  std::cout << sdg::cli::describe_options(*r);
  return 0;
}

int cmd_plugins(const Common& common) {
  sdg::PluginHost host;
  load_plugins(host, common);
  std::vector<sdg::PluginRecord> records = host.plugins();
  std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
    return a.enabled != b.enabled ? a.enabled : a.name < b.name;
  });
  bool disabled_header = false;
  for (const sdg::PluginRecord& r : records) {
    if (r.enabled) {
      std::cout << r.name << "\t" << sdg::plugin_kind_name(r.kind) << "\t" << r.version << "\t"
                << r.path.string() << "\t" << r.description << "\n";
    } else {
      if (!disabled_header) {
        std::cout << "\ndisabled:\n";
        disabled_header = true;
      }
      std::cout << r.name << "\t" << r.path.string() << "\t" << r.reason << "\n";
    }
  }
  if (records.empty()) std::cout << "no plugins found\n";
  return 0;
}

// `sdgreport codes`: the registry (codes.hpp) and the error kinds, as a plain list or as docs/codes.md.
int cmd_codes(bool markdown) {
  if (markdown) {
    std::cout << sdg::codes_markdown();
    return 0;
  }
  for (const sdg::CodeInfo& c : sdg::all_codes())
    std::cout << c.name << (c.code == sdg::Code::CannotBuild || c.code == sdg::Code::SourceFailed ? "-<kind>" : "")
              << '\t' << sdg::severity_name(c.severity) << '\t' << c.meaning << '\n';
  for (sdg::ErrorCode e : sdg::all_error_codes())
    std::cout << sdg::error_code_name(e) << "\terror kind\t" << sdg::error_code_meaning(e) << '\n';
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sdgreport — builds SDG review reports (VNR, VSR, VLR) as PDF and Excel from sources"};
  app.set_version_flag("--version", std::string("sdgreport ") + SDGREPORT_VERSION + " (plugin ABI " +
                                        std::to_string(sdg::kPluginAbiVersion) + ")");
  app.require_subcommand(1);
  app.fallthrough();  // global options (-v, -q, --plugin-dir) also after the subcommand
  Common common;
  app.add_flag("-v,--verbose", common.verbose, "More detail on stderr (-vv for trace)");
  app.add_flag("-q,--quiet", common.quiet, "Only errors on stderr");
  app.add_option("--plugin-dir", common.plugin_dirs, "Also load plugins from DIR")->type_name("DIR");

  std::string report = "report.yaml", model, out_dir = ".";
  std::vector<std::string> formats;

  auto* build = app.add_subcommand("build", "Build the outputs of a report definition");
  build->add_option("report", report, "Report definition (YAML; default: ./report.yaml)")->type_name("REPORT.yaml");
  build->add_option("-o,--output-dir", out_dir, "Directory for the outputs (default: current)")->type_name("DIR");
  build->add_option("--format", formats, "Only these formats, comma-separated (pdf,xlsx,json)")->type_name("LIST");
  sdg::AssembleOptions assemble_opts;
  std::string each_csv;
  int jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));  // for --each
  build->add_option("--each", each_csv,
                    "Build one report per row of this CSV, replacing ${column} in the definition with the row's values")
      ->type_name("ROWS.csv");
  build->add_option("-j,--jobs", jobs, "Reports built at the same time with --each (default: the number of cores)")
      ->check(CLI::PositiveNumber);
  build->add_flag("--isolate", assemble_opts.isolate,
                  "Run each data source in a child process: a crash, hang or memory blow-up fails that source only");
  build->add_option("--timeout", assemble_opts.timeout_seconds, "Seconds an isolated source may run (default 600)")
      ->check(CLI::PositiveNumber);
  build->add_option("--memory-limit", assemble_opts.memory_limit_mb, "Megabytes an isolated source may use (default 4096, 0 = none)")
      ->check(CLI::NonNegativeNumber);

  bool validate_json = false, validate_strict = false;
  auto* validate = app.add_subcommand(
      "validate", "Build without writing: every check and warning of build, counted (exit 0 no errors, 1 errors)");
  validate->add_option("report", report, "Report definition (YAML; default: ./report.yaml)")->type_name("REPORT.yaml");
  validate->add_flag("--json", validate_json, "Findings as JSON on stdout");
  validate->add_flag("--strict", validate_strict, "Warnings fail too (exit 1)");
  validate->add_flag("--isolate", assemble_opts.isolate, "Run each data source in a child process");

  sdg::cli::PackageOptions package_opts;
  std::string package_dir;
  auto* package = app.add_subcommand(
      "package", "The submission package: validate --strict, every output plus the main messages and the factsheets, "
                 "manifest.json and one zip");
  package->add_option("report", report, "Report definition (YAML; default: ./report.yaml)")->type_name("REPORT.yaml");
  package->add_option("-o,--output-dir", package_dir, "Directory for the package")->required()->type_name("DIR");
  package->add_flag("--allow-warnings", package_opts.allow_warnings,
                    "Go on when validate finds warnings (they are listed in the manifest); errors still stop it");
  package->add_flag("--isolate", package_opts.assemble.isolate, "Run each data source in a child process");

  auto* render = app.add_subcommand("render", "Write a document model (JSON from --format json) to other formats");
  render->add_option("model", model, "Document model (JSON)")->required()->type_name("MODEL.json");
  render->add_option("-o,--output-dir", out_dir, "Directory for the outputs (default: current)")->type_name("DIR");
  render->add_option("--format", formats, "Formats to write, comma-separated")->required()->type_name("LIST");

  std::string new_dir, new_lang = sdg::language_code(sdg::Language::En);
  auto* new_report = app.add_subcommand("new", "Start a report project that follows the UN reporting guidelines");
  new_report->add_option("dir", new_dir, "Project directory (must not exist, or be empty)")->required()->type_name("DIR");
  new_report->add_option("--lang", new_lang, std::string("Report language: ") + sdg::language_codes_list())
      ->check([](const std::string& s) {
        return sdg::parse_language(s) ? std::string()
                                      : "--lang must be one of " + std::string(sdg::language_codes_list()) + ", not '" + s + "'";
      });

  std::string plugin_name, plugin_dir;
  auto* new_plugin = app.add_subcommand("new-plugin", "Start a data-source plugin project that builds against an installed sdgreport");
  new_plugin->add_option("name", plugin_name, "Plugin name (a-z, 0-9, '-', '_')")->required()->type_name("NAME");
  new_plugin->add_option("-o,--output-dir", plugin_dir, "Project directory (default: ./NAME)")->type_name("DIR");

  int preview_port = 8000;
  auto* preview = app.add_subcommand("preview", "Serve the HTML edition on 127.0.0.1 and rebuild it when an input changes");
  preview->add_option("report", report, "Report definition (YAML)")->required()->type_name("REPORT.yaml");
  preview->add_option("--port", preview_port, "Port on 127.0.0.1 (default 8000; 0 = any free port)")
      ->check(CLI::Range(0, 65535));

  std::string reviewed;
  bool review_json = false;
  auto* review = app.add_subcommand(
      "review", "List the comments, tracked changes and untracked edits of a reviewed Word edition by source file and line");
  review->add_option("docx", reviewed, "The DOCX that `build --format docx` wrote, as reviewers saved it")
      ->required()
      ->type_name("REVIEWED.docx");
  review->add_flag("--json", review_json, "The same as JSON on stdout");

  auto* plugins = app.add_subcommand("plugins", "List plugins: name, kind, version, path; and disabled ones with the reason");
  std::string options_of;
  plugins->add_option("--options", options_of, "Print the options one plugin takes")->type_name("NAME");

  std::string schema_file;
  auto* schema = app.add_subcommand(
      "schema", "Write a JSON Schema (draft-07) of the report definition with every plugin's options, for editors");
  schema->add_option("-o,--output", schema_file, "Write to FILE (default: standard output)")->type_name("FILE");

  bool codes_markdown = false;
  auto* codes = app.add_subcommand("codes", "List every warning, finding and error code with its severity and meaning");
  codes->add_flag("--markdown", codes_markdown, "As Markdown: the text of docs/codes.md");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  sdg::set_verbosity(common.quiet ? -1 : common.verbose);

  try {
    if (*build) return cmd_build(common, report, out_dir, formats, assemble_opts, each_csv, jobs);
    if (*render) return cmd_render(common, model, out_dir, formats);
    if (*package) {
      auto loader = [&common](sdg::PluginHost& host, const std::vector<fs::path>& extra) { load_plugins(host, common, extra); };
      return sdg::cli::package(report, package_dir, loader, package_opts);
    }
    if (*validate) return cmd_validate(common, report, validate_json, validate_strict, assemble_opts);
    if (*plugins) return options_of.empty() ? cmd_plugins(common) : cmd_plugin_options(common, options_of);
    if (*schema) return cmd_schema(common, schema_file);
    if (*codes) return cmd_codes(codes_markdown);
    if (*review) {
      const sdg::docx::Review r = sdg::docx::review(reviewed);
      for (const std::string& w : r.warnings) sdg::log().warn("{}", w);
      std::cout << (review_json ? sdg::docx::review_json(r) : sdg::docx::review_text(r));
      return 0;
    }
    if (*preview) {
      auto loader = [&common](sdg::PluginHost& host, const std::vector<fs::path>& extra) { load_plugins(host, common, extra); };
      return sdg::cli::preview(report, preview_port, loader);
    }
    if (*new_report) {
      sdg::PluginHost host;
      load_plugins(host, common);
      sdg::cli::scaffold_report(new_dir, *sdg::parse_language(new_lang), sdg::cli::definition_schema(host));
      return 0;
    }
    if (*new_plugin) {
      sdg::cli::scaffold_plugin(plugin_name, plugin_dir.empty() ? plugin_name : plugin_dir, SDGREPORT_VERSION);
      return 0;
    }
  } catch (const sdg::Error& e) {
    sdg::log().error("{}", e.what());
    return e.code() == sdg::ErrorCode::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    sdg::log().error("internal error: {}", e.what());
    return 1;
  }
  return 0;
}
