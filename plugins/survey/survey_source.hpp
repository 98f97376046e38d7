// sdgreport survey plugin — the data source: reads the options of a source
// entry, loads the export(s) (.sav, .zsav, or CSV + codebook), joins the
// register, tabulates the questions asked for, applies disclosure control and
// adds tables, charts and indicator summaries. Exported by plugin.cpp; see
// docs/plugins/survey.md.
//
//   # report.yaml
//   - plugin: survey
//     id: barriers
//     file: data/survey/kartlegging-2026.sav
//     codebook: data/survey/codebook.yaml
//     register: data/survey/register.csv
//     questions: [barriers]
//     by: [size_class]
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "codebook.hpp"
#include "register.hpp"
#include "sdgreport/plugin.hpp"
#include "tabulate.hpp"

namespace sdg::survey {

/// What one source entry asks for (options checked; no file access).
struct Spec {
  std::vector<std::pair<std::string, std::string>> waves;  ///< label → path ("" label for `file`)
  Location waves_at;
  Location file_at, codebook_at, register_at;
  std::string codebook, register_file, key, register_key, invited = "invited", weight;
  char delimiter = 0;
  double min_n = 3;
  std::vector<std::string> questions;
  bool questions_given = false;  ///< `questions: []` asks for none (a response-rate entry)
  Location questions_at;
  std::vector<std::string> by;
  bool counts = false, intervals = false, table = true, indicators = true, response_rate = false;
  std::string chart = "auto";  ///< auto, bar, column, none
  int decimals = 0;
  std::string id, caption, source, year;
};

Spec spec_of(const Options& opts);

/// Everything loaded for one source entry.
struct Loaded {
  Codebook cb;
  std::optional<Register> reg;
  std::vector<Wave> waves;
  std::vector<Note> notes;
};

/// Reads a whole file (the plugin: from disk, refusing a missing one at `where`).
using ReadFile = std::function<std::string(const std::string& path, const Location& where)>;

/// Loads the files of `spec` (paths as `read` takes them): exports, codebook,
/// register; joins respondents to the register and checks weights.
Loaded load(const Spec& spec, const ReadFile& read, const std::string& lang);

/// The blocks for `spec` in `lang`; `goal` set under goal_sources.
Blocks make_blocks(const Spec& spec, Loaded& l, const std::string& lang, std::optional<int> goal);

class SurveySource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

}  // namespace sdg::survey
