// sdgreport csv plugin — options, opening the file, adding the blocks.
#include "csv_source.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <system_error>

#include "block_options.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/text.hpp"

namespace sdg::csvtable {
namespace {

/// The scalars of a scalar-or-list value.
std::vector<std::string> scalars(const Options& opts, const std::string& key, const Value& v,
                                 const std::string& what) {
  if (v.is_scalar()) return {v.text()};
  if (!v.is_list()) throw opts.error(key, what + ": expected a value or a list of values");
  std::vector<std::string> out;
  for (const Value& item : v.items()) {
    if (!item.is_scalar()) throw opts.error(key, what + ": expected a value or a list of values");
    out.push_back(item.text());
  }
  return out;
}


// The enums and ranges of plugin.cpp's option table are checked by the host
// before the plugin runs: they are read plainly here (option_check_missed() for
// a value the table refuses: a bug, never a user's error).
char delimiter_of(const Options& opts) {
  const std::string d = opts.string_or("delimiter", "auto");
  if (d == "auto") return 0;
  if (d == "tab" || d == "\t" || d == "\\t") return '\t';
  if (d == ";" || d == "," || d == "|") return d[0];
  plugins::option_check_missed(opts, "delimiter");
}

}  // namespace

ReadSpec read_spec(const Options& opts, Language language) {
  ReadSpec spec;
  spec.language = language;
  spec.delimiter = delimiter_of(opts);

  const std::string enc = lower(opts.string_or("encoding", "utf-8"));
  if (enc == "utf-8" || enc == "utf8")
    spec.encoding = Encoding::Utf8;
  else if (enc == "windows-1252" || enc == "cp1252" || enc == "latin-1" || enc == "latin1" ||
           enc == "iso-8859-1")
    spec.encoding = Encoding::Windows1252;
  else
    plugins::option_check_missed(opts, "encoding");

  spec.header = opts.boolean_or("header", true);
  const std::string dec = opts.string_or("decimal", "auto");
  if (dec == "," || dec == ".") {
    spec.decimal_auto = false;
    spec.number.decimal = dec[0];
  } else if (dec != "auto") {
    plugins::option_check_missed(opts, "decimal");
  }
  const std::string th = opts.string_or("thousands", "space");
  if (th == "," || th == ".") {
    spec.number.group = th[0];
    if (spec.decimal_auto) {  // a thousands mark fixes the decimal mark
      spec.decimal_auto = false;
      spec.number.decimal = th[0] == ',' ? '.' : ',';
    }
    if (spec.number.group == spec.number.decimal)
      throw opts.error("thousands", "the thousands and decimal marks must differ");
  } else if (th != "space" && th != "none") {
    plugins::option_check_missed(opts, "thousands");
  }

  if (opts.has("missing")) {
    const Options m = opts.map("missing");
    for (const std::string& marker : m.keys()) {
      const std::string name = m.string(marker);
      auto s = value_status_from_name(name);
      if (!s || *s == ValueStatus::None)
        throw m.error(marker, "unknown status '" + name +
                                  "' (use not_available, not_applicable, confidential, nil, provisional, "
                                  "estimated or break_in_series)");
      spec.missing[marker] = *s;
    }
  }

  spec.columns = opts.strings_or("columns", {});
  if (const Value* f = opts.get("filter"); f && !f->is_null()) {
    if (!f->is_map()) throw opts.error("filter", "expected a map of column: value(s)");
    for (const auto& [col, v] : f->entries())
      spec.filters.emplace_back(col, scalars(opts, "filter", v, "column '" + col + "'"));
  }
  spec.numbers = opts.strings_or("numbers", {});
  spec.duplicates = plugins::duplicate_policy_of(opts);
  if (opts.has("max_cells")) spec.max_cells = static_cast<std::size_t>(opts.integer("max_cells"));  // at least 1
  spec.text = opts.strings_or("text", {});

  if (opts.has("pivot")) {
    const Options p = opts.map("pivot");
    spec.pivot = Pivot{p.string("rows"), p.string("columns"), p.string("values")};
  }
  if (opts.has("wide_to_long")) {
    const Options w = opts.map("wide_to_long");
    WideToLong wl;
    wl.id = w.strings_or("id", {});
    wl.name = w.string_or("name", is_norwegian(language) ? "År" : "Year");
    wl.value = w.string_or("value", is_norwegian(language) ? "Verdi" : "Value");
    spec.wide_to_long = wl;
  }
  if (opts.has("rename")) {
    const Options r = opts.map("rename");
    for (const std::string& k : r.keys()) spec.rename.emplace_back(k, r.string(k));
  }
  if (const Value* u = opts.get("unit"); u && !u->is_null()) {
    if (u->is_scalar()) {
      spec.unit = u->text();
    } else {
      const Options m = opts.map("unit");
      for (const std::string& k : m.keys()) spec.units[k] = m.string(k);
    }
  }
  spec.unit_column = opts.string_or("unit_column", "");
  if (const Value* d = opts.get("decimals"); d && !d->is_null()) {
    if (d->is_scalar()) {
      spec.decimals = static_cast<int>(opts.integer("decimals"));  // 0–10
    } else {
      // A column map: the host checks its shape, not the values inside (or_map).
      const Options m = opts.map("decimals");
      for (const std::string& k : m.keys()) {
        const auto n = m.integer(k);
        if (n < 0 || n > 10) throw m.error(k, "expected 0–10, got " + std::to_string(n));
        spec.column_decimals[k] = static_cast<int>(n);
      }
    }
  }
  plugins::read_block_options(opts, spec);
  const std::string by = opts.string_or("chart_series", "rows");
  if (by != "rows" && by != "columns") plugins::option_check_missed(opts, "chart_series");
  spec.chart_series_are_columns = by == "columns";

  // Options that name columns are checked against the header when it is read.
  spec.option_error = [opts](const std::string& key, const std::string& what) { return opts.error(key, what); };
  return spec;
}

void CsvSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  const ReadSpec spec = read_spec(opts, ctx.language());
  const std::filesystem::path path = ctx.resolve(opts.string("file"));
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::Input, "CSV file '" + path.string() + "' not found", opts.where_of("file"));
  if (std::filesystem::is_directory(path, ec))
    throw Error(ErrorCode::Input, "'" + path.string() + "' is a directory, not a CSV file", opts.where_of("file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Input, "cannot open CSV file '" + path.string() + "'", opts.where_of("file"));

  // The raw columns are freed as they become the table's: the file is not held twice.
  Shaped out = shape(read_csv(in, path.string(), spec), spec);
  // One file name a message: in the place when the warning has a line, else in the text
  // (the place is then the source entry in the report definition).
  for (const ShapeWarning& w : out.warnings)
    if (w.line)
      ctx.warn(w.code, w.message, path.string() + ":" + std::to_string(w.line));
    else
      ctx.warn(w.code, path.string() + ": " + w.message, opts.where().str());

  Blocks blocks;
  if (out.table) blocks.push_back(std::move(*out.table));
  if (out.chart) blocks.push_back(std::move(*out.chart));
  const std::string source = opts.has("id") ? opts.string("id") : opts.string("file");
  for (Block& b : blocks) plugins::set_data_origin(b, source);
  try {
    target.add_blocks(std::move(blocks));  // both or neither
  } catch (const Error& e) {
    throw Error(ErrorCode::Input, path.string() + ": " + e.message(), opts.where());
  }
}

}  // namespace sdg::csvtable
