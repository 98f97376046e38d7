// sdgreport markdown plugin — the data source: reads the options of a report
// definition entry, finds and reads the Markdown file, and hands its text to
// read_markdown(). Exported by plugin.cpp; see docs/plugins/markdown.md.
//
//   # report.yaml
//   sources:      [{ plugin: markdown, file: text/opening.md }]
//   goal_sources: [{ plugin: markdown, pattern: "text/goals/goal-{goal:02}.md", optional: true }]
#pragma once

#include <string>

#include "sdgreport/plugin.hpp"

namespace sdg::markdown {

class MarkdownSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

/// Expands `{goal}` ("7") and `{goal:0N}` (zero-padded to N digits, e.g.
/// `{goal:02}` → "07") in a file pattern. Throws std::invalid_argument naming an
/// unknown or unterminated placeholder.
std::string expand_pattern(const std::string& pattern, int goal);

}  // namespace sdg::markdown
