// sdgreport px plugin — the data source: reads the options of a report
// definition entry, reads the PC-Axis file and adds the table (with the notes
// that concern its cells) and the chart. Exported by plugin.cpp; see
// docs/plugins/px.md.
//
//   # report.yaml, in a chapter's goals list
//   - goal: 11
//     sources:
//       - plugin: px
//         file: data/ssb/06913.px
//         select: { contents: Levende }
//         rows: region
//         columns: year
//         chart: line
#pragma once

#include <filesystem>

#include "px.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg::px {

class PxSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

/// Which notes of the file go under the table.
enum class NotesPolicy { Mandatory, All, None };

/// The blocks of one view of a file: the table, a paragraph of the notes that
/// concern the cells shown (when any), the chart. `origin` and `lang` are set on each.
Blocks blocks_of(const PxFile& file, plugins::cube::View&& view, NotesPolicy notes, const std::string& origin,
                 const std::string& report_language);

}  // namespace sdg::px
