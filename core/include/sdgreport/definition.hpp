// sdgreport — the report definition: one YAML file naming metadata, chapters and
// their sources, goal sections, plugin directories and outputs. Paths in it are
// relative to the file. See docs/report-definition.md for the full format.
//
//   sdg::ReportDefinition def = sdg::load_definition("samples/vsr-norway/report.yaml");
//
// Errors are sdg::Error(ErrorCode::Definition) located at file:line:column, saying
// what was expected.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sdgreport/limits.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/options.hpp"

namespace sdg {

/// One `source:` entry: a data-source plugin and its options.
struct SourceSpec {
  std::string plugin;
  Options options;  ///< the whole entry, including `plugin`
  Location where;
};

struct ChapterSpec {
  std::string title;
  std::string id;
  std::string role;      ///< part of the UN reporting guidelines it fulfils, e.g. "highlights" (see validate.hpp)
  int word_limit = 0;    ///< most words allowed in the chapter's text; 0 = no limit
  bool numbered = true;
  Location where;
  std::vector<SourceSpec> sources;       ///< fill the chapter itself, in order
  std::vector<int> goals;                ///< goal sections to create (empty: none)
  std::vector<SourceSpec> goal_sources;  ///< run once per goal section, with req.goal set
  std::map<int, std::vector<SourceSpec>> per_goal_sources;  ///< then these, for one goal each
  /// Goal section titles that replace the catalogue's short title ({ goal: 7, title: "…" }).
  std::map<int, std::string> goal_titles;
  std::vector<ChapterSpec> sections;     ///< nested sections defined in the YAML
};

struct OutputSpec {
  std::string format;
  std::string file;  ///< relative to the output directory
  Options options;
  Location where;
};

/// A goal the report leaves out on purpose, with the reason (checked by validate).
struct ExcludedGoal {
  int goal = 0;
  std::string reason;
  Location where;
};

struct ReportDefinition {
  std::filesystem::path path;  ///< the definition file
  std::filesystem::path base_dir() const { return path.parent_path(); }
  std::string name;  ///< base name of output files, e.g. "vsr-norway"
  Metadata meta;
  std::vector<std::filesystem::path> plugin_dirs;  ///< absolute
  std::vector<ChapterSpec> chapters;
  std::vector<OutputSpec> outputs;
  std::vector<ExcludedGoal> excluded_goals;
  /// Chapter roles the report must have; unset = the UN common reporting guidelines' list.
  std::optional<std::vector<std::string>> required_chapters;
  Location required_chapters_where;
  /// `limits:` — the defaults with the definition's raised values (see limits.hpp).
  Limits limits;
  /// `main_messages_word_limit:` — most words in the main messages chapter (DESA's
  /// guidance of the year); 0 = no limit. `validate` warns above it.
  int main_messages_word_limit = 0;
  Location main_messages_word_limit_where;
  /// `allow_paths:` — folders besides the report's own that images may come from (absolute).
  std::vector<std::filesystem::path> allow_paths;
};

/// True when relative path `p`, lexically normalised, stays inside its base
/// folder: not absolute, no leading "..", not "." itself.
bool stays_inside(const std::filesystem::path& p);

/// Values for ${name} placeholders in the definition's text values (`build --each`).
using Variables = std::map<std::string, std::string>;

/// Reads a definition; with `vars`, every ${name} in a value is replaced first
/// (an unknown name is an error at its position).
ReportDefinition load_definition(const std::filesystem::path& path, const Variables* vars = nullptr);
/// Parses definition text; `path` names the file in messages and anchors relative paths.
ReportDefinition parse_definition(std::string_view yaml, const std::filesystem::path& path,
                                  const Variables* vars = nullptr);

/// A definition file read and parsed once, for many sets of variables (the rows
/// of `build --each`): `with(vars)` gives what load_definition(path, &vars)
/// gives, without reading and parsing the YAML again. The constructor throws
/// what load_definition throws for an unreadable file or invalid YAML.
class DefinitionTemplate {
 public:
  explicit DefinitionTemplate(const std::filesystem::path& path);
  ReportDefinition with(const Variables& vars) const;

 private:
  struct Parsed;
  std::filesystem::path path_;
  std::shared_ptr<const Parsed> parsed_;
};

/// Chapter roles from the UN Secretary-General's common reporting guidelines for
/// VNRs (which VSRs follow), in order: opening, highlights, introduction,
/// methodology, policy, progress, means, conclusion, annex.
/// (Not required by default, but a role too: `main_messages`, the main messages
/// DESA takes before the report and publishes on their own; such a chapter also
/// counts as the highlights.)
const std::vector<std::string>& chapter_roles();
/// One of chapter_roles(), or "main_messages".
bool is_chapter_role(const std::string& role);
std::string chapter_roles_list();  ///< "opening, highlights, …, annex, main_messages"

}  // namespace sdg
