// sdgreport — checks a report against the rules of a UN submission before
// anything is written: goal coverage, ids in the right goal sections, sources on
// every table and chart, alt text, the guidelines' chapters, a statistical annex,
// word limits, and local files and links that resolve.
//
//   sdg::Validator v(def);
//   sdg::AssembleOptions opts;
//   v.attach(opts);                       // checks each source's output as it runs
//   sdg::Document doc = sdg::assemble(def, plugins, ctx, opts);
//   v.finish(doc);                        // whole-report checks
//   for (const sdg::Finding& f : v.findings()) …;   v.exit_code()  // 0 no error, 1 an error (strict: any finding)
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sdgreport/definition.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/pipeline.hpp"

namespace sdg {

/// True when chapter `c` plays `role`: its `role:`, or without one a usual English
/// or Norwegian title ("Main messages", "Hovedbudskap" for main_messages).
bool chapter_has_role(const ChapterSpec& c, const std::string& role);
/// The main messages chapter: the first with `role: main_messages`, else the first
/// titled so; nullptr when there is none. `index` receives its position.
const ChapterSpec* main_messages_chapter(const ReportDefinition& def, std::size_t* index = nullptr);
/// Words of running text (headings and paragraphs, at any depth; not tables or
/// charts) in a section and its subsections, as `word_limit` counts them.
std::size_t count_running_words(const Section& s);

struct Finding {
  enum class Severity { Warning, Error };
  Severity severity = Severity::Warning;
  std::string code;     ///< stable, e.g. "goal-not-covered", "table-without-source"
  std::string message;
  Location where;       ///< the report definition entry (or file) it concerns
  /// "file:line:col: error: message [code]"
  std::string str() const;
};

class Validator {
 public:
  explicit Validator(const ReportDefinition& def);

  /// Makes `opts` report each source's output and failures to this validator.
  void attach(AssembleOptions& opts);
  /// Whole-report checks on the assembled document.
  void finish(const Document& doc);
  /// Records an error that stopped the checks (e.g. a malformed definition).
  void record(const Error& e);
  /// Records the warnings plugins and the pipeline gave (Context::warnings()) as
  /// findings, before the validator's own, so that every warning is counted.
  void record(const std::vector<Warning>& warnings);

  const std::vector<Finding>& findings() const noexcept { return findings_; }
  int errors() const noexcept;
  int warnings() const noexcept;
  /// The convention every command shares (docs/cli.md): 0 no errors, 1 errors;
  /// with `strict`, warnings count as errors.
  int exit_code(bool strict = false) const noexcept;
  /// The findings as JSON: {"errors": n, "warnings": n, "findings": [...]}.
  std::string to_json() const;

 private:
  void source_done(const Section& target, std::size_t first_block, std::size_t first_section,
                   const SourceSpec& src);
  void check_blocks(std::span<const Block> blocks, int goal, const std::string& where, const SourceSpec& src);
  void add(Finding::Severity s, std::string code, std::string message, Location where);

  const ReportDefinition& def_;
  std::vector<Finding> findings_;
};

}  // namespace sdg
