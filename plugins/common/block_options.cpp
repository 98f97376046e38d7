// sdgreport data plugins — the common options of a data block (block_options.hpp).
#include "block_options.hpp"

namespace sdg::plugins {

BlockOptions block_options_of(const Options& opts) {
  BlockOptions b;
  b.id = opts.string_or("id", "");
  b.caption = opts.string_or("caption", "");
  b.title = opts.string_or("title", "");
  b.source = opts.string_or("source", "");
  b.indicator = opts.string_or("indicator", "");
  b.table = opts.boolean_or("table", true);
  // An enum of the option table (line, column, bar, none): checked by the host.
  if (const std::string chart = opts.string_or("chart", "none"); chart != "none") {
    b.chart = chart_kind_from_name(chart);
    if (!b.chart) option_check_missed(opts, "chart");
  }
  if (!b.table && !b.chart)
    throw opts.error("table", "with 'table: false', give 'chart: line|column|bar' (else nothing is added)");
  return b;
}

std::map<std::string, ValueStatus> status_map_of(const Options& opts, const std::string& key) {
  std::map<std::string, ValueStatus> out;
  if (!opts.has(key)) return out;
  const Options st = opts.map(key);
  for (const std::string& code : st.keys()) {
    const std::string name = st.string(code);
    const auto s = value_status_from_name(name);
    if (!s)
      throw st.error(code, "unknown status '" + name +
                               "' (use none, not_available, not_applicable, confidential, nil, provisional, "
                               "estimated or break_in_series)");
    out[code] = *s;
  }
  return out;
}

void set_data_origin(Block& b, const std::string& source) {
  std::string id;
  if (b.is<Table>()) id = b.as<Table>().id;
  else if (b.is<Chart>()) id = b.as<Chart>().id;
  else if (b.is<IndicatorSummary>()) id = b.as<IndicatorSummary>().indicator;
  b.origin = source + " / " + (id.empty() ? std::string(b.kind_name()) : id);
}

}  // namespace sdg::plugins
