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
#include <tuple>
#include <unordered_map>
#include <vector>

#include "block_options.hpp"
#include "duplicates.hpp"
#include "html_text.hpp"
#include "indicator_blocks.hpp"
#include "indicator_csv.hpp"
#include "metadata.hpp"
#include "sdgreport/catalogue.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/files.hpp"
#include "sdgreport/i18n.hpp"
#include "sdgreport/numbers.hpp"

namespace sdg::opensdg {
namespace {

namespace fs = std::filesystem;

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

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

/// Reads the first of `<dir>/<name>.yml`, `.yaml`, `.md` that exists into `meta`.
bool read_meta_in(const fs::path& dir, const std::string& name, IndicatorMeta& meta, bool& any) {
  for (const char* ext : {".yml", ".yaml", ".md"}) {
    const fs::path p = dir / (name + ext);
    if (!is_file(p)) continue;
    IndicatorMeta m = parse_metadata(read_file(p, ErrorCode::Input, "'" + p.string() + "'", {}), p.string(), std::string(ext) == ".md");
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
  Language language = Language::En;
  Language metadata_language = Language::En;
  std::optional<std::string> source;
  std::string chart;  // auto, line, column, bar, none
  bool table = true;
  bool skip_unknown = false;
  std::vector<std::string> disaggregations;
  std::map<std::string, ProgressConfig> progress;  // normalised id → options
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;
  std::map<std::string, ValueStatus> status_map;  // `Observation status` text → status
};

struct Pending {
  std::string id;        // normalised: "7.2.1", "10.1"
  std::string block_id;  // on the blocks: "7.2.1"; national ids as published, "10-1"
  fs::path file;
  bool national = false;
  int goal = 0;
  std::string target;  // catalogue target, or "" (a national id may name none)
};

/// The metadata of one indicator: default language, and the report language's translation.
struct MetaFiles {
  IndicatorMeta meta, translated;
  bool have_meta = false, have_translation = false;
};

MetaFiles load_meta(const fs::path& folder, const std::string& dashed_id, Language language) {
  MetaFiles m;
  read_meta_in(folder / "meta", dashed_id, m.meta, m.have_meta);
  read_meta_in(folder / "indicator-config", dashed_id, m.meta, m.have_meta);
  read_meta_in(folder / "meta" / language_code(language), dashed_id, m.translated, m.have_translation);
  return m;
}

/// A normalised id that claims to be a global SDG indicator: goal (1–17), target
/// and a numeric indicator number, e.g. "1.1.1", "7.a.1". Such ids must be in the
/// catalogue; every other shape ("10.1", "3.1.f", "1.2.1.a") is a national id.
bool claims_global(const std::string& id) {
  if (std::count(id.begin(), id.end(), '.') != 2) return false;
  const int g = goal_number(id);
  if (g < 1 || g > 17) return false;
  const std::string last = id.substr(id.rfind('.') + 1);
  return !last.empty() && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// The goal of a national indicator: metadata `sdg_goal`, else its id's first
/// part when that is 1–17; 0 when neither names one.
int national_goal(const std::string& id, const IndicatorMeta& meta) {
  if (const std::string g = meta.get("sdg_goal"); !g.empty()) {
    int n = 0;
    auto [end, ec] = std::from_chars(g.data(), g.data() + g.size(), n);
    if (ec == std::errc() && end == g.data() + g.size() && n >= 1 && n <= 17) return n;
  }
  const int g = goal_number(id);
  return g >= 1 && g <= 17 ? g : 0;
}

/// How an id found in `file` is treated: a global indicator (in the catalogue),
/// a national one (its goal from the id or metadata), or nothing (nullopt) when
/// it claims to be global but the catalogue has no such indicator.
std::optional<Pending> classify(const std::string& id, const fs::path& file, const fs::path& folder,
                                Language language) {
  const Catalogue& cat = Catalogue::get();
  Pending p{id, id, file, false, 0, {}};
  if (const Indicator* ind = cat.find_indicator(id)) {
    p.goal = ind->goal;
    p.target = ind->target;
    return p;
  }
  if (claims_global(id)) return std::nullopt;
  p.national = true;
  p.block_id = dashed(id);
  p.goal = national_goal(id, load_meta(folder, dashed(id), language).meta);
  if (std::count(id.begin(), id.end(), '.') >= 2) {
    const std::string target = id.substr(0, id.find('.', id.find('.') + 1));
    if (const Target* t = cat.find_target(target); t && t->goal == p.goal) p.target = t->id;
  }
  return p;
}

/// Duplicate rows and unmapped observation statuses of a data file, as warnings.
void warn_about_rows(const IndicatorData& data, plugins::DuplicatePolicy policy, Context& ctx) {
  constexpr std::size_t kListed = 20;  // each named; the rest counted
  for (std::size_t i = 0; i < data.duplicates.size() && i < kListed; ++i) {
    const DuplicateRow& d = data.duplicates[i];
    ctx.warn(Code::DuplicateObservation,
             "lines " + std::to_string(d.first_line) + " and " + std::to_string(d.second_line) +
                 " are two rows for " + d.key + " (values '" + d.first_value + "' and '" + d.second_value +
                 "'); " + plugins::kept_word(policy) + " (option duplicates: first|last|error)",
             data.file + ":" + std::to_string(d.second_line));
  }
  if (data.duplicates.size() > kListed)
    ctx.warn(Code::DuplicateObservation,
             std::to_string(data.duplicates.size() - kListed) + " more duplicate rows (the first " + std::to_string(kListed) + " are listed above)",
             data.file);
  if (!data.unknown_statuses.empty()) {
    std::string list;
    for (const std::string& t : data.unknown_statuses) list += (list.empty() ? "'" : ", '") + t + "'";
    ctx.warn(Code::StatusUnmapped,
             "Observation status " + list + " has no status here and is not shown; map it with status_map: { \"<text>\": estimated }",
             data.file);
  }
}

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
  // Unknown keys and wrong types were refused by the host (the options in plugin.cpp).
  const Catalogue& cat = Catalogue::get();

  // Check every option before touching the file system or the section.
  Settings s;
  s.language = ctx.language();
  s.metadata_language = s.language;
  if (opts.has("metadata_language")) {
    const std::string code = opts.string("metadata_language");
    // An enum of the option table (the report languages): checked by the host.
    const std::optional<Language> l = parse_language(code);
    if (!l) plugins::option_check_missed(opts, "metadata_language");
    s.metadata_language = *l;
  }
  if (opts.has("source")) s.source = opts.string("source");
  s.chart = opts.string_or("chart", "auto");  // auto, line, column, bar or none: checked by the host
  if (s.chart != "auto" && s.chart != "none" && !chart_kind_from_name(s.chart))
    plugins::option_check_missed(opts, "chart");
  s.table = opts.boolean_or("table", true);
  s.skip_unknown = opts.string_or("unknown_indicators", "error") == "skip";  // error or skip
  s.disaggregations = opts.strings_or("disaggregations", {});
  if (opts.has("progress")) {
    const Options prog = opts.map("progress");
    for (const std::string& key : prog.keys()) {
      const auto id = normalise_indicator_id(key);
      if (!id || (claims_global(*id) && !cat.find_indicator(*id)))
        throw prog.error(key, "'" + key + "' is not an SDG indicator id (" +
                                  std::string(Catalogue::kIndicatorListName) + ") nor a national one");
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
  s.duplicates = plugins::duplicate_policy_of(opts);
  s.status_map = plugins::status_map_of(opts, "status_map");
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
      const auto p = classify(id, file, s.folder, s.language);
      if (!p) {
        if (s.skip_unknown) {
          ctx.warn(Code::UnknownIndicator,
                   id + " is not an SDG indicator; '" + file.string() + "' skipped",
                   where_of(opts, "indicators"));
          continue;
        }
        throw opts.error("indicators", id + " is not an SDG indicator (" +
                                           std::string(Catalogue::kIndicatorListName) + "); data file '" +
                                           file.string() + "'");
      }
      if (goal && p->goal != *goal) continue;
      if (!is_file(file))
        throw Error(ErrorCode::Input, "no data file '" + file.string() + "' for indicator " + id,
                    opts.get("indicators")->where());
      todo.push_back(*p);
    }
  } else {
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".csv")) continue;
      const auto id = indicator_id_of_file(name);
      if (!id) {
        ctx.warn(Code::OpensdgFileIgnored,
                 "'" + entry.path().string() + "' is not named indicator_<id>.csv; ignored",
                 where_of(opts, "folder"));
        continue;
      }
      const auto p = classify(*id, entry.path(), s.folder, s.language);
      if (!p) {
        if (s.skip_unknown) {
          ctx.warn(Code::UnknownIndicator,
                   *id + " is not an SDG indicator; '" + entry.path().string() + "' skipped",
                   entry.path().string());
          continue;
        }
        throw Error(ErrorCode::Input,
                    "'" + name + "': " + *id + " is not an SDG indicator (" +
                        std::string(Catalogue::kIndicatorListName) +
                        "); use unknown_indicators: skip to leave such files out (national ids such as "
                        "10-1 or 3-1-f are accepted: they are not goal.target.number)",
                    Location{entry.path().string(), 0, 0});
      }
      if (p->national && p->goal == 0) {
        ctx.warn(Code::OpensdgNationalNoGoal,
                 "national indicator " + p->block_id +
                     " names no goal (its id does not start with 1–17 "
                     "and its metadata has no sdg_goal); '" +
                     entry.path().string() + "' skipped",
                 entry.path().string());
        continue;
      }
      if (goal && p->goal != *goal) continue;
      todo.push_back(*p);
    }
    if (ec)
      throw Error(ErrorCode::Input, "cannot list '" + data_dir.string() + "': " + ec.message(),
                  opts.get("folder")->where());
  }
  // Catalogue order; national indicators after the global ones of their goal, by id.
  std::sort(todo.begin(), todo.end(), [](const Pending& a, const Pending& b) {
    return std::tuple(a.goal, catalogue_rank(a.id), a.id) < std::tuple(b.goal, catalogue_rank(b.id), b.id);
  });

  // Read and build everything before changing the section.
  std::vector<Block> blocks;
  std::vector<std::string> targets;
  std::vector<bool> disagg_seen(s.disaggregations.size(), false);
  for (const Pending& p : todo) {
    const Indicator* ind = cat.find_indicator(p.id);  // nullptr for a national indicator
    if (p.national && p.goal == 0)
      throw Error(ErrorCode::Input,
                  "national indicator " + p.block_id +
                      " names no goal: its id does not start with 1–17 and its metadata has no sdg_goal",
                  Location{p.file.string(), 0, 0});
    std::ifstream in(p.file, std::ios::binary);
    if (!in) throw Error(ErrorCode::Input, "cannot read '" + p.file.string() + "'");
    CsvOptions csv{s.disaggregations, {}, s.duplicates, s.status_map};
    const IndicatorData data = read_indicator_csv(in, p.file.string(), csv);
    for (std::size_t i = 0; i < s.disaggregations.size(); ++i)
      if (std::find(data.header.begin(), data.header.end(), s.disaggregations[i]) != data.header.end())
        disagg_seen[i] = true;
    warn_about_rows(data, s.duplicates, ctx);

    const MetaFiles mf = load_meta(s.folder, dashed(p.id), s.language);
    const IndicatorMeta& meta = mf.meta;
    const std::string meta_file = meta.files.empty() ? p.file.string() : meta.files.front();
    // HTML decoded, an unreadable one located at the metadata file.
    auto html_of = [&](const std::string& raw, const IndicatorMeta& m) {
      try {
        return plugins::html_to_text(raw);
      } catch (const Error& e) {
        throw Error(ErrorCode::Input, e.message(),
                    Location{m.files.empty() ? p.file.string() : m.files.front(), 0, 0});
      }
    };
    // A metadata field as text: a translation key resolved, HTML decoded.
    auto text_of = [&](const IndicatorMeta& m, const std::string& key) {
      const std::string raw = m.get(key);
      if (raw.empty()) return plugins::LinkedText{};
      if (is_translation_key(raw)) {
        if (auto t = resolve_translation_key(raw, s.language)) return plugins::LinkedText{*t, {}, {}};
        ctx.warn(Code::OpensdgTranslationKey,
                 key + " of " + p.block_id + " is the translation key '" + raw +
                     "', which names no indicator, target or goal of the SDG catalogue; not shown",
                 m.files.empty() ? p.file.string() : m.files.front());
        return plugins::LinkedText{};
      }
      return html_of(raw, m);
    };

    BuildOptions b;
    b.language = s.language;
    b.table = s.table;
    b.national = p.national;
    // Title: translated metadata, then metadata in the report's language, then the catalogue.
    const std::string catalogue_title = ind ? ind->title(s.language) : std::string();
    if (mf.have_translation && !mf.translated.get("indicator_name").empty()) {
      b.title = text_of(mf.translated, "indicator_name").text;
      b.chart_title = text_of(mf.translated, "graph_title").text;
    } else if (s.metadata_language == s.language && !meta.get("indicator_name").empty()) {
      b.title = text_of(meta, "indicator_name").text;
      b.chart_title = text_of(meta, "graph_title").text;
    }
    if (b.title.empty() && ind) {
      b.title = catalogue_title;
      if (!ind->has_title(s.language))
        ctx.warn(Code::TitleFallback,
                 "indicator " + ind->id +
                     " has no checked translation in the SDG catalogue; its English title is used");
    } else if (b.title.empty()) {
      b.title = label(Label::NationalIndicator, s.language) + " " + p.block_id;
      ctx.warn(Code::OpensdgNoTitle,
               "national indicator " + p.block_id + " has no indicator_name in its metadata; it is titled '" +
                   b.title + "'",
               meta_file);
    }
    // Source: option, then metadata (HTML decoded, the first link kept as the note's link).
    if (s.source) {
      b.source = *s.source;
    } else {
      std::string joined;
      for (const std::string& org : meta.sources()) {
        plugins::LinkedText t = html_of(org, meta);
        if (t.text.empty() || joined.find(t.text) != std::string::npos) continue;
        joined += (joined.empty() ? "" : "; ") + t.text;
        if (b.source_url.empty()) b.source_url = t.url;
      }
      if (joined.empty()) {
        joined = (is_norwegian(s.language) ? "Open SDG-data, " : "Open SDG data, ") +
                 p.file.filename().string();
        ctx.warn(Code::SourceFromFile,
                 "no source_organisation_N in the metadata of " + p.block_id +
                     " and no 'source' option; the data file is cited instead",
                 p.file.string());
      }
      b.source = joined;
    }
    for (int n = 1; b.source_url.empty() && n <= 9; ++n) {
      const std::string u(trim_spaces(meta.get("source_url_" + std::to_string(n))));
      if (u.starts_with("http://") || u.starts_with("https://")) b.source_url = u;
    }
    b.unit = text_of(meta, "computation_units").text;
    // Metadata for annexes (the workbook's Metadata sheet).
    auto put = [&b](const std::string& key, const std::string& value) {
      if (!value.empty()) b.metadata[key] = value;
    };
    put("title", b.title);
    put("unit", b.unit);
    put("definition", text_of(meta, "indicator_definition").text);
    if (!b.metadata.contains("definition"))
      put("definition", text_of(meta, "national_indicator_description").text);
    for (const char* key :
         {"national_data_update_date", "data_last_updated", "national_metadata_update_date"})
      if (!b.metadata.contains("updated")) put("updated", text_of(meta, key).text);
    put("organisation", b.source);
    put("url", b.source_url);
    // Chart kind: option, then metadata graph_type, then line.
    if (s.chart == "none") {
      b.chart.reset();
    } else if (s.chart != "auto") {
      b.chart = chart_kind_from_name(s.chart);
    } else if (const std::string gt = meta.get("graph_type"); !gt.empty()) {
      b.chart = chart_kind_from_graph_type(gt);
      if (!b.chart) {
        ctx.warn(Code::OpensdgGraphType,
                 "graph_type '" + gt + "' of " + p.id + " has no equivalent here; drawn as a line chart",
                 meta_file);
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
        ctx.warn(Code::OpensdgProgressStatus,
                 "progress_status '" + ps + "' of " + p.id + " is not a known status; not shown",
                 meta.files.empty() ? p.file.string() : meta.files.front());
    }

    BuildResult built = build_indicator_blocks(p.block_id, data, b);
    for (const CodedMessage& note : built.notes) ctx.warn(note.code, note.message, p.file.string());
    if (data.rows.empty())
      ctx.warn(Code::OpensdgNoHeadline,
               "no headline rows (all disaggregations empty) in '" + p.file.string() + "'", p.file.string());
    const std::string source =
        opts.has("id") ? opts.string("id") : opts.string("folder") + "/data/" + p.file.filename().string();
    for (Block& blk : built.blocks) {
      plugins::set_data_origin(blk, source);
      try {
        check_block(blk, p.file.string());
      } catch (const Error& e) {
        throw Error(ErrorCode::Input, e.message(), Location{p.file.string(), 0, 0});
      }
      blocks.push_back(std::move(blk));
    }
    if (!p.target.empty() && std::find(targets.begin(), targets.end(), p.target) == targets.end())
      targets.push_back(p.target);
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
        ctx.warn(Code::OpensdgUnknownDisaggregation,
                 "no data file in '" + data_dir.string() + "' has a column '" + s.disaggregations[i] + "'",
                 where_of(opts, "disaggregations"));
  }
  if (todo.empty())
    ctx.warn(Code::OpensdgNoIndicators,
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
