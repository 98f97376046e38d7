// sdgreport jsonstat plugin — options, file reading, adding the blocks.
#include "jsonstat_source.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::jsonstat {
namespace {

Location location_of(const Options& opts, const std::string& key) {
  const Value* v = opts.get(key);
  return (v && !v->where().empty()) ? v->where() : opts.where();
}

}  // namespace

ViewSpec view_spec(const Options& opts, const std::string& language) {
  ViewSpec spec;
  spec.language = language;
  spec.dataset = opts.string_or("dataset", "");
  if (const Value* sel = opts.get("select"); sel && !sel->is_null()) {
    if (!sel->is_map())
      throw opts.error("select", "expected a map of dimension: categories, e.g. { Region: K-0301, Tid: [2015..2023] }");
    for (const auto& [dim, v] : sel->entries()) {
      Selection s;
      s.dimension = dim;
      s.where = v.where().empty() ? sel->where() : v.where();
      if (v.is_scalar()) {
        s.selectors.push_back(v.text());
      } else if (v.is_list()) {
        for (const Value& item : v.items()) {
          if (!item.is_scalar())
            throw opts.error("select", "dimension '" + dim + "': expected category ids, not a nested list or map");
          s.selectors.push_back(item.text());
        }
      } else {
        throw opts.error("select", "dimension '" + dim + "': expected a category id or a list of them");
      }
      spec.select.push_back(std::move(s));
    }
  }
  spec.rows = opts.string_or("rows", "");
  spec.columns = opts.string_or("columns", "");
  spec.series = opts.string_or("series", "");
  spec.rows_at = location_of(opts, "rows");
  spec.columns_at = location_of(opts, "columns");
  spec.series_at = location_of(opts, "series");
  spec.table = opts.boolean_or("table", true);
  spec.duplicates = plugins::duplicate_policy_of(opts);
  const std::string chart = opts.string_or("chart", "none");
  if (chart != "none") {
    spec.chart = chart_kind_from_name(chart);
    if (!spec.chart) throw opts.error("chart", "expected line, column, bar or none, got '" + chart + "'");
  }
  if (!spec.table && !spec.chart)
    throw opts.error("table", "with 'table: false', give 'chart: line|column|bar' (else nothing is added)");
  spec.id = opts.string_or("id", "");
  spec.caption = opts.string_or("caption", "");
  spec.title = opts.string_or("title", "");
  spec.source = opts.string_or("source", "");
  spec.indicator = opts.string_or("indicator", "");
  if (opts.has("decimals")) {
    const auto d = opts.integer("decimals");
    if (d < 0 || d > 10) throw opts.error("decimals", "expected 0–10, got " + std::to_string(d));
    spec.decimals = static_cast<int>(d);
  }
  if (opts.has("status")) {
    const Options st = opts.map("status");
    for (const std::string& code : st.keys()) {
      const std::string name = st.string(code);
      auto s = value_status_from_name(name);
      if (!s)
        throw st.error(code, "unknown status '" + name +
                                 "' (use none, not_available, not_applicable, confidential, "
                                 "nil, provisional, estimated or break_in_series)");
      spec.status_map[code] = *s;
    }
  }
  return spec;
}

void JsonStatSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  // Options first, then the file, then the target.
  ViewSpec spec = view_spec(opts, ctx.language());
  const std::string file = opts.string("file");
  const std::filesystem::path path = ctx.resolve(file);
  spec.file = path.filename().string();
  const std::string text = read_file(path, ErrorCode::Input, "JSON-stat file '" + path.string() + "'", location_of(opts, "file"));
  const std::vector<Dataset> sets = read_jsonstat(text, path.string());
  const Dataset& ds = pick_dataset(sets, spec, location_of(opts, "dataset"));
  View view = make_view(ds, spec);
  for (const std::string& w : view.warnings) ctx.warn("jsonstat", path.string() + ": " + w, opts.where().str());
  for (const std::string& w : view.duplicates)
    ctx.warn("jsonstat-same-label", path.string() + ": " + w, opts.where().str());

  // Check both blocks before adding either, so a failure leaves the target unchanged.
  Blocks blocks;
  if (view.table) blocks.push_back(std::move(*view.table));
  if (view.chart) blocks.push_back(std::move(*view.chart));
  // Language of parts: labels in the file's language when it says which (the
  // generic `language:` option, applied by the host after this, wins).
  if (!ds.language.empty() && !same_language(ds.language, ctx.language()))
    for (Block& b : blocks) b.lang = ds.language;
  try {
    target.add_blocks(std::move(blocks));  // both or neither
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, path.string() + ": " + e.message(), opts.where());
  }
}

}  // namespace sdg::jsonstat
