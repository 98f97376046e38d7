// sdgreport opensdg plugin — Open SDG indicator metadata: `meta/<id>.yml` (plain
// YAML), `meta/<id>.md` (YAML front matter between `---` lines, Markdown body
// ignored), and `indicator-config/<id>.yml` (the newer split of configuration
// from display metadata). Pure: text in, fields out.
//
//   auto meta = sdg::opensdg::parse_metadata(text, "meta/16-1-3.yml", false);
//   meta.get("graph_type");   // "line", or "" when absent
//   meta.sources();           // {"Statistics Canada"} (active source_organisation_N, unique)
//
// Errors are sdg::Error(ErrorCode::Input) with file:line: malformed YAML, a
// top-level value that is not a map, a bad `progress_calculation_options` entry.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "progress.hpp"
#include "sdgreport/language.hpp"

namespace sdg::opensdg {

struct IndicatorMeta {
  std::vector<std::string> files;             ///< what was read, for messages
  std::map<std::string, std::string> fields;  ///< top-level scalar fields
  std::optional<bool> auto_progress;          ///< `auto_progress_calculation`
  std::vector<ProgressConfig> progress;       ///< `progress_calculation_options`
  int progress_line = 0;                      ///< where those options are, for messages

  /// A field's text, or "" when absent.
  std::string get(const std::string& key) const;
  /// `source_organisation_N` (N = 1, 2, …, skipping those with `source_active_N: false`),
  /// then `source_organisation`; duplicates removed, order kept.
  std::vector<std::string> sources() const;
};

/// Reads metadata text. `front_matter`: the text is Markdown whose YAML sits
/// between a first line `---` and the next `---` (or `...`); without that block
/// the metadata is empty.
IndicatorMeta parse_metadata(std::string_view text, const std::string& file_name, bool front_matter);

/// Fields of `over` replace those of `into`; progress options too, when given.
void merge_metadata(IndicatorMeta& into, const IndicatorMeta& over);

/// True for text shaped like an Open SDG translation key: a group, a dot and a
/// key, no spaces ("global_indicators.5-4-1-title", "global_goals.5-short").
bool is_translation_key(std::string_view text);

/// The catalogue's text for an Open SDG translation key in `language`:
/// `global_indicators.<id>-title`, `global_targets.<id>-title`,
/// `global_goals.<n>-title` and `global_goals.<n>-short`; nullopt when the key
/// names nothing the catalogue has (or another group, e.g. a site's own keys).
std::optional<std::string> resolve_translation_key(std::string_view key, Language language);

}  // namespace sdg::opensdg
