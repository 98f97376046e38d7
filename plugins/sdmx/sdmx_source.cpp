// sdgreport sdmx plugin — options, files, blocks.
#include "sdmx_source.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "block_options.hpp"
#include "sdgreport/csv.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::sdmx {
namespace {

void check_file(const std::filesystem::path& path, const char* what, const Location& at) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::Input, std::string(what) + " '" + path.string() + "' not found", at);
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::Input, "'" + path.string() + "' is a directory, not " + what, at);
}

}  // namespace

Spec read_spec(const Options& opts, Language language) {
  Spec spec;
  spec.language = language;
  if (const Value* f = opts.get("filter"); f && !f->is_null()) {
    if (!f->is_map()) throw opts.error("filter", "expected a map of dimension: code(s), e.g. { SEX: [F, M] }");
    for (const auto& [dim, v] : f->entries()) {
      std::vector<std::string> codes;
      if (v.is_scalar()) {
        codes.push_back(v.text());
      } else if (v.is_list()) {
        for (const Value& item : v.items()) {
          if (!item.is_scalar()) throw opts.error("filter", "dimension '" + dim + "': expected codes, not a nested list or map");
          codes.push_back(item.text());
        }
      } else {
        throw opts.error("filter", "dimension '" + dim + "': expected a code or a list of codes");
      }
      spec.filters.emplace_back(dim, std::move(codes));
    }
  }
  const std::string layout = opts.string_or("layout", "long");
  spec.layout = layout == "wide" ? Layout::Wide : Layout::Long;
  const std::string labels = opts.string_or("labels", "name");
  spec.labels = labels == "code" ? Labels::Code : labels == "both" ? Labels::Both : Labels::Name;
  plugins::read_block_options(opts, spec);
  // 0–10: the option table's range, checked by the host.
  if (opts.has("decimals")) spec.decimals = static_cast<int>(opts.integer("decimals"));
  spec.duplicates = plugins::duplicate_policy_of(opts);
  spec.attributes = opts.strings_or("attributes", {});
  spec.status_map = plugins::status_map_of(opts);
  spec.option_error = [opts](const std::string& key, const std::string& what) { return opts.error(key, what); };
  return spec;
}

std::map<std::string, std::string> read_series_table(const std::string& path) {
  const std::string s = read_file(path, ErrorCode::Input, "the series table '" + path + "'", Location{path, 0, 0});
  std::map<std::string, std::string> out;
  CsvReader csv(s, path);
  bool first = true;
  while (auto rec = csv.next()) {
    if (rec->fields.size() == 1 && rec->fields[0].empty()) continue;
    if (rec->fields.size() < 2)
      throw Error(ErrorCode::Input, "expected two columns: SERIES code, indicator id", Location{path, rec->line, 0});
    const std::string series(trim_spaces(rec->fields[0])), indicator(trim_spaces(rec->fields[1]));
    const bool header = first && (indicator.empty() || indicator[0] < '0' || indicator[0] > '9');
    first = false;
    if (header) continue;
    if (!out.try_emplace(series, indicator).second && out[series] != indicator)
      throw Error(ErrorCode::Input, "SERIES '" + series + "' is given two indicators", Location{path, rec->line, 0});
  }
  return out;
}

void SdmxSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  Spec spec = read_spec(opts, ctx.language());
  const std::filesystem::path path = ctx.resolve(opts.string("file"));
  check_file(path, "SDMX file", opts.where_of("file"));

  Structure structure;
  for (const std::string& s : opts.strings_or("structure", {})) {
    const std::filesystem::path p = ctx.resolve(s);
    check_file(p, "SDMX structure file", opts.where_of("structure"));
    structure.read_file(p.string(), language_code(ctx.language()));
  }
  if (!structure.empty()) spec.structure = &structure;

  if (const Value* v = opts.get("series_indicators"); v && !v->is_null()) {
    if (v->is_map()) {
      const Options m = opts.map("series_indicators");
      for (const std::string& k : m.keys()) spec.series_indicators[k] = m.string(k);
    } else {
      const std::filesystem::path p = ctx.resolve(opts.string("series_indicators"));
      check_file(p, "series table", opts.where_of("series_indicators"));
      spec.series_indicators = read_series_table(p.string());
    }
  }

  Result out = read_sdmx(path.string(), spec);
  for (const Warning& w : out.warnings)
    if (w.line)
      ctx.warn(w.code, w.message, path.string() + ":" + std::to_string(w.line));
    else
      ctx.warn(w.code, path.string() + ": " + w.message, opts.where().str());

  // Where each block comes from: "<source id> / <table id>" (the file when the entry has no id).
  const std::string source_id = opts.string_or("id", opts.string("file"));
  Blocks blocks;
  if (out.table) {
    const std::string table_id = out.table->id;
    blocks.push_back(std::move(*out.table));
    blocks.back().origin = source_id + " / " + table_id;
  }
  if (out.chart) {
    const std::string chart_id = out.chart->id;
    blocks.push_back(std::move(*out.chart));
    blocks.back().origin = source_id + " / " + chart_id;
  }
  try {
    target.add_blocks(std::move(blocks));  // both or neither
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, path.string() + ": " + e.message(), opts.where());
  }
}

}  // namespace sdg::sdmx
