// sdgreport data plugins — the options of a cube view (select, rows, columns,
// series, table, chart, caption, title, source, indicator, decimals, duplicates,
// status) read into a ViewSpec, the same for every cube plugin (jsonstat, px).
#include "cube.hpp"

namespace sdg::plugins::cube {
namespace {

Location location_of(const Options& opts, const std::string& key) {
  const Value* v = opts.get(key);
  return (v && !v->where().empty()) ? v->where() : opts.where();
}

}  // namespace

ViewSpec view_spec_of(const Options& opts, const std::string& language) {
  ViewSpec spec;
  spec.language = language;
  spec.dataset = opts.string_or("dataset", "");
  if (const Value* sel = opts.get("select"); sel && !sel->is_null()) {
    if (!sel->is_map())
      throw opts.error("select",
                       "expected a map of dimension: categories, e.g. { Region: K-0301, Tid: [2015..2023] }");
    for (const auto& [dim, v] : sel->entries()) {
      Selection s;
      s.dimension = dim;
      s.where = v.where().empty() ? sel->where() : v.where();
      if (v.is_scalar()) {
        s.selectors.push_back(v.text());
      } else if (v.is_list()) {
        for (const Value& item : v.items()) {
          if (!item.is_scalar())
            throw opts.error("select",
                             "dimension '" + dim + "': expected category ids, not a nested list or map");
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

}  // namespace sdg::plugins::cube
