// sdgreport data plugins — the options of a cube view (select, rows, columns,
// series, table, chart, caption, title, source, indicator, decimals, duplicates,
// status) read into a ViewSpec, the same for every cube plugin (jsonstat, px).
#include "block_options.hpp"
#include "cube.hpp"

namespace sdg::plugins::cube {
ViewSpec view_spec_of(const Options& opts, Language language) {
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
  spec.rows_at = opts.where_of("rows");
  spec.columns_at = opts.where_of("columns");
  spec.series_at = opts.where_of("series");
  spec.duplicates = plugins::duplicate_policy_of(opts);
  plugins::read_block_options(opts, spec);
  // 0–10: the option table's range, checked by the host.
  if (opts.has("decimals")) spec.decimals = static_cast<int>(opts.integer("decimals"));
  spec.status_map = plugins::status_map_of(opts);
  return spec;
}

}  // namespace sdg::plugins::cube
