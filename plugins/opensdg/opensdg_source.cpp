// sdgreport opensdg plugin — options, files and the section; the data files,
// metadata and blocks are handled by indicator_csv.cpp, metadata.cpp and
// indicator_blocks.cpp.
#include "opensdg_source.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <vector>

#include "indicator_blocks.hpp"
#include "indicator_csv.hpp"
#include "metadata.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"

namespace sdg::opensdg {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kKnownOptions = {
    "plugin", "folder", "indicators", "disaggregations",   "progress",
    "source", "chart",  "table",      "metadata_language", "unknown_indicators"};
const std::vector<std::string> kProgressKeys = {"direction", "target", "target_year", "base_year",
                                                "limit",     "series", "unit"};

std::string where_of(const Options& opts, const std::string& key) {
  const Value* v = opts.get(key);
  return (v && !v->where().empty()) ? v->where().str() : opts.where().str();
}

std::string dashed(std::string id) {
  std::replace(id.begin(), id.end(), '.', '-');
  return id;
}

/// The goal of a normalised id ("16.1.3" → 16); −1 when the number is out of range.
int goal_number(const std::string& id) {
  int g = -1;
  const auto end = id.find('.');
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + end, g);
  return ec == std::errc() ? g : -1;
}

/// Position of an indicator in the catalogue, for a stable order.
std::size_t catalogue_rank(const std::string& id) {
  static const std::unordered_map<std::string, std::size_t> ranks = [] {
    std::unordered_map<std::string, std::size_t> m;
    const auto& inds = Catalogue::get().indicators();
    for (std::size_t i = 0; i < inds.size(); ++i) m.emplace(inds[i].id, i);
    return m;
  }();
  auto it = ranks.find(id);
  return it == ranks.end() ? ranks.size() : it->second;
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  if (in) s << in.rdbuf();
  if (!in || in.bad()) throw Error(ErrorCode::Input, "cannot read '" + p.string() + "'");
  return std::move(s).str();
}

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

/// Reads the first of `<dir>/<name>.yml`, `.yaml`, `.md` that exists into `meta`.
bool read_meta_in(const fs::path& dir, const std::string& name, IndicatorMeta& meta, bool& any) {
  for (const char* ext : {".yml", ".yaml", ".md"}) {
    const fs::path p = dir / (name + ext);
    if (!is_file(p)) continue;
    IndicatorMeta m = parse_metadata(read_text(p), p.string(), std::string(ext) == ".md");
    if (any) {
      merge_metadata(meta, m);
    } else {
      meta = std::move(m);
      any = true;
    }
    return true;
  }
  return false;
}

ProgressConfig progress_option(const Options& o) {
  ProgressConfig c;
  const std::string dir = o.string_or("direction", "negative");
  if (dir == "positive")
    c.direction = Direction::Positive;
  else if (dir != "negative")
    throw o.error("direction", "expected 'positive' or 'negative', got '" + dir + "'");
  if (o.has("target")) c.target = o.number("target");
  c.target_year = static_cast<int>(o.integer_or("target_year", 2030));
  c.base_year = static_cast<int>(o.integer_or("base_year", 2015));
  if (o.has("limit")) c.limit = o.number("limit");
  c.series = o.string_or("series", "");
  c.unit = o.string_or("unit", "");
  for (const std::string& key : o.unknown_keys(kProgressKeys))
    throw o.error(key,
                  "not a progress option (known: direction, target, target_year, base_year, "
                  "limit, series, unit)");
  return c;
}

struct Settings {
  fs::path folder;
  std::string language;
  std::string metadata_language;
  std::optional<std::string> source;
  std::string chart;  // auto, line, column, bar, none
  bool table = true;
  bool skip_unknown = false;
  std::vector<std::string> disaggregations;
  std::map<std::string, ProgressConfig> progress;  // normalised id → options
};

struct Pending {
  std::string id;
  fs::path file;
};

}  // namespace

std::optional<std::string> normalise_indicator_id(const std::string& id) {
  std::string out;
  int parts = 0;
  std::size_t part_len = 0;
  for (char c : id) {
    if (c == '.' || c == '-') {
      if (part_len == 0) return std::nullopt;
      out += '.';
      ++parts;
      part_len = 0;
    } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      if (part_len == 0 && parts == 0 && !(c >= '0' && c <= '9')) return std::nullopt;
      out += c;
      ++part_len;
    } else {
      return std::nullopt;
    }
  }
  if (part_len == 0 || parts < 1) return std::nullopt;
  for (char c : out.substr(0, out.find('.')))
    if (c < '0' || c > '9') return std::nullopt;
  return out;
}

std::optional<std::string> indicator_id_of_file(const std::string& file_name) {
  const std::string prefix = "indicator_", suffix = ".csv";
  if (!file_name.starts_with(prefix) || !file_name.ends_with(suffix) ||
      file_name.size() <= prefix.size() + suffix.size())
    return std::nullopt;
  return normalise_indicator_id(
      file_name.substr(prefix.size(), file_name.size() - prefix.size() - suffix.size()));
}

void OpenSdgSource::fill(const SourceRequest& req, Section& target, Context& ctx) {
  const Options& opts = req.options;
  for (const std::string& key : opts.unknown_keys(kKnownOptions))
    ctx.warn("unknown-option",
             "option '" + key +
                 "' of plugin 'opensdg' is not known and was ignored (known: folder, "
                 "indicators, disaggregations, progress, source, chart, table, metadata_language, "
                 "unknown_indicators)",
             where_of(opts, key));
  const Catalogue& cat = Catalogue::get();

  // Check every option before touching the file system or the section.
  Settings s;
  s.language = ctx.language();
  s.metadata_language = opts.string_or("metadata_language", s.language);
  if (opts.has("source")) s.source = opts.string("source");
  s.chart = opts.string_or("chart", "auto");
  if (s.chart != "auto" && s.chart != "line" && s.chart != "column" && s.chart != "bar" && s.chart != "none")
    throw opts.error("chart", "expected auto, line, column, bar or none, got '" + s.chart + "'");
  s.table = opts.boolean_or("table", true);
  const std::string unknown = opts.string_or("unknown_indicators", "error");
  if (unknown != "error" && unknown != "skip")
    throw opts.error("unknown_indicators", "expected 'error' or 'skip', got '" + unknown + "'");
  s.skip_unknown = unknown == "skip";
  s.disaggregations = opts.strings_or("disaggregations", {});
  if (opts.has("progress")) {
    const Options prog = opts.map("progress");
    for (const std::string& key : prog.keys()) {
      const auto id = normalise_indicator_id(key);
      if (!id || !cat.find_indicator(*id))
        throw prog.error(key, "'" + key + "' is not an SDG indicator id (" +
                                  std::string(Catalogue::kIndicatorListName) + ")");
      s.progress[*id] = progress_option(prog.map(key));
    }
  }
  std::vector<std::string> listed;
  if (opts.has("indicators")) {
    for (const std::string& raw : opts.strings("indicators")) {
      const auto id = normalise_indicator_id(raw);
      if (!id) throw opts.error("indicators", "'" + raw + "' is not an indicator id such as 7.2.1");
      listed.push_back(*id);
    }
  }
  const std::optional<int> goal = req.goal ? req.goal : target.goal();

  s.folder = ctx.resolve(opts.string("folder"));
  const fs::path data_dir = s.folder / "data";
  std::error_code ec;
  if (!fs::is_directory(data_dir, ec))
    throw Error(ErrorCode::Input,
                "'" + s.folder.string() + "' is not an Open SDG data folder: it has no data/ folder",
                opts.get("folder")->where());

  // The indicators of this section and their data files.
  std::vector<Pending> todo;
  if (!listed.empty()) {
    for (const std::string& id : listed) {
      const fs::path file = data_dir / ("indicator_" + dashed(id) + ".csv");
      if (goal && goal_number(id) != *goal) continue;
      if (!cat.find_indicator(id)) {
        if (s.skip_unknown) {
          ctx.warn("opensdg-unknown-indicator",
                   id + " is not an SDG indicator; '" + file.string() + "' skipped",
                   where_of(opts, "indicators"));
          continue;
        }
        throw opts.error("indicators", id + " is not an SDG indicator (" +
                                           std::string(Catalogue::kIndicatorListName) + "); data file '" +
                                           file.string() + "'");
      }
      if (!is_file(file))
        throw Error(ErrorCode::Input, "no data file '" + file.string() + "' for indicator " + id,
                    opts.get("indicators")->where());
      todo.push_back({id, file});
    }
  } else {
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".csv")) continue;
      const auto id = indicator_id_of_file(name);
      if (!id) {
        ctx.warn("opensdg-file-ignored",
                 "'" + entry.path().string() + "' is not named indicator_<id>.csv; ignored",
                 where_of(opts, "folder"));
        continue;
      }
      if (goal && goal_number(*id) != *goal) continue;
      if (!cat.find_indicator(*id)) {
        if (s.skip_unknown) {
          ctx.warn("opensdg-unknown-indicator",
                   *id + " is not an SDG indicator; '" + entry.path().string() + "' skipped",
                   entry.path().string());
          continue;
        }
        throw Error(ErrorCode::Input,
                    "'" + name + "': " + *id + " is not an SDG indicator (" +
                        std::string(Catalogue::kIndicatorListName) +
                        "); use unknown_indicators: skip to leave such files out",
                    Location{entry.path().string(), 0, 0});
      }
      todo.push_back({*id, entry.path()});
    }
    if (ec)
      throw Error(ErrorCode::Input, "cannot list '" + data_dir.string() + "': " + ec.message(),
                  opts.get("folder")->where());
  }
  std::sort(todo.begin(), todo.end(),
            [](const Pending& a, const Pending& b) { return catalogue_rank(a.id) < catalogue_rank(b.id); });

  // Read and build everything before changing the section.
  std::vector<Block> blocks;
  std::vector<std::string> targets;
  std::vector<bool> disagg_seen(s.disaggregations.size(), false);
  for (const Pending& p : todo) {
    const Indicator& ind = cat.indicator(p.id);
    std::ifstream in(p.file, std::ios::binary);
    if (!in) throw Error(ErrorCode::Input, "cannot read '" + p.file.string() + "'");
    const IndicatorData data = read_indicator_csv(in, p.file.string(), CsvOptions{s.disaggregations, {}});
    for (std::size_t i = 0; i < s.disaggregations.size(); ++i)
      if (std::find(data.header.begin(), data.header.end(), s.disaggregations[i]) != data.header.end())
        disagg_seen[i] = true;

    IndicatorMeta meta;
    bool have_meta = false;
    read_meta_in(s.folder / "meta", dashed(p.id), meta, have_meta);
    read_meta_in(s.folder / "indicator-config", dashed(p.id), meta, have_meta);
    IndicatorMeta translated;
    bool have_translation = false;
    read_meta_in(s.folder / "meta" / s.language, dashed(p.id), translated, have_translation);

    BuildOptions b;
    b.language = s.language;
    b.table = s.table;
    // Title: translated metadata, then metadata in the report's language, then the catalogue.
    if (have_translation && !translated.get("indicator_name").empty()) {
      b.title = translated.get("indicator_name");
      b.chart_title = translated.get("graph_title");
    } else if (s.metadata_language == s.language && !meta.get("indicator_name").empty()) {
      b.title = meta.get("indicator_name");
      b.chart_title = meta.get("graph_title");
    } else {
      b.title = ind.title(s.language);
      if (!ind.has_title(s.language))
        ctx.warn("title-fallback", "indicator " + ind.id + " has no checked translation in the SDG catalogue; its English title is used");
    }
    // Source: option, then metadata.
    if (s.source) {
      b.source = *s.source;
    } else {
      std::string joined;
      for (const std::string& org : meta.sources()) joined += (joined.empty() ? "" : "; ") + org;
      if (joined.empty()) {
        joined = "Open SDG data, " + p.file.filename().string();
        ctx.warn("opensdg-no-source",
                 "no source_organisation_N in the metadata of " + p.id +
                     " and no 'source' option; the data file is cited instead",
                 p.file.string());
      }
      b.source = joined;
    }
    b.unit = meta.get("computation_units");
    // Chart kind: option, then metadata graph_type, then line.
    if (s.chart == "none") {
      b.chart.reset();
    } else if (s.chart != "auto") {
      b.chart = chart_kind_from_name(s.chart);
    } else if (const std::string gt = meta.get("graph_type"); !gt.empty()) {
      b.chart = chart_kind_from_graph_type(gt);
      if (!b.chart) {
        ctx.warn("opensdg-graph-type",
                 "graph_type '" + gt + "' of " + p.id + " has no equivalent here; drawn as a line chart",
                 meta.files.empty() ? p.file.string() : meta.files.front());
        b.chart = Chart::Kind::Line;
      }
    }
    // Progress: option, then metadata (auto_progress_calculation), then a manual status.
    if (auto it = s.progress.find(p.id); it != s.progress.end()) {
      b.assess = true;
      b.progress = {it->second};
    } else if (meta.auto_progress.value_or(false)) {
      b.assess = true;
      b.progress = meta.progress;
    } else if (const std::string ps = meta.get("progress_status"); !ps.empty()) {
      b.manual = progress_status_from_open_sdg(ps);
      if (!b.manual)
        ctx.warn("opensdg-progress-status",
                 "progress_status '" + ps + "' of " + p.id + " is not a known status; not shown",
                 meta.files.empty() ? p.file.string() : meta.files.front());
    }

    BuildResult built = build_indicator_blocks(p.id, data, b);
    for (const std::string& note : built.notes) ctx.warn("opensdg-data", note, p.file.string());
    if (data.rows.empty())
      ctx.warn("opensdg-no-headline",
               "no headline rows (all disaggregations empty) in '" + p.file.string() + "'", p.file.string());
    for (Block& blk : built.blocks) {
      try {
        check_block(blk, p.file.string());
      } catch (const Error& e) {
        throw Error(ErrorCode::Input, e.message(), Location{p.file.string(), 0, 0});
      }
      blocks.push_back(std::move(blk));
    }
    if (std::find(targets.begin(), targets.end(), ind.target) == targets.end()) targets.push_back(ind.target);
  }
  // A column named in `disaggregations` that no file of the folder has is likely a typo.
  if (std::find(disagg_seen.begin(), disagg_seen.end(), false) != disagg_seen.end()) {
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
      if (!indicator_id_of_file(entry.path().filename().string())) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      const auto header = read_indicator_header(in, entry.path().string());
      for (std::size_t i = 0; i < s.disaggregations.size(); ++i)
        if (std::find(header.begin(), header.end(), s.disaggregations[i]) != header.end())
          disagg_seen[i] = true;
    }
    for (std::size_t i = 0; i < s.disaggregations.size(); ++i)
      if (!disagg_seen[i])
        ctx.warn("opensdg-unknown-disaggregation",
                 "no data file in '" + data_dir.string() + "' has a column '" + s.disaggregations[i] + "'",
                 where_of(opts, "disaggregations"));
  }
  if (todo.empty())
    ctx.warn("opensdg-no-indicators",
             "no indicator data " + (goal ? "for goal " + std::to_string(*goal) + " " : std::string()) +
                 "in '" + data_dir.string() + "'",
             where_of(opts, "folder"));

  if (target.goal())
    for (const std::string& t : targets)
      if (cat.goal_of(t) == *target.goal() &&
          std::find(target.targets().begin(), target.targets().end(), t) == target.targets().end())
        target.add_target(t);
  for (Block& blk : blocks) target.add_block(std::move(blk));
}

}  // namespace sdg::opensdg
