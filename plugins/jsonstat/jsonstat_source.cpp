// sdgreport jsonstat plugin — options, file reading, adding the blocks.
#include "jsonstat_source.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "block_options.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/i18n.hpp"

namespace sdg::jsonstat {
ViewSpec view_spec(const Options& opts, Language language) {
  return plugins::cube::view_spec_of(opts, language);
}

void JsonStatSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  // Options first, then the file, then the target.
  ViewSpec spec = view_spec(opts, ctx.language());
  const std::string file = opts.string("file");
  const std::filesystem::path path = ctx.resolve(file);
  spec.file = path.filename().string();
  const std::string text = read_file(path, ErrorCode::Input, "JSON-stat file '" + path.string() + "'", opts.where_of("file"));
  const std::vector<Dataset> sets = read_jsonstat(text, path.string());
  const Dataset& ds = pick_dataset(sets, spec, opts.where_of("dataset"));
  View view = make_view(ds, spec);
  for (const auto& w : view.warnings) ctx.warn(w.code, path.string() + ": " + w.text, opts.where().str());
  for (const std::string& w : view.duplicates)
    ctx.warn(Code::SameLabel, path.string() + ": " + w, opts.where().str());

  // Check both blocks before adding either, so a failure leaves the target unchanged.
  Blocks blocks;
  if (view.table) blocks.push_back(std::move(*view.table));
  if (view.chart) blocks.push_back(std::move(*view.chart));
  const std::string source = opts.has("id") ? opts.string("id") : file;
  for (Block& b : blocks) plugins::set_data_origin(b, source);
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
