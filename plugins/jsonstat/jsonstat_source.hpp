// sdgreport jsonstat plugin — the data source: reads the options of a report
// definition entry, reads the JSON-stat file and adds the table and chart that
// make_view() builds. Exported by plugin.cpp; see docs/plugins/jsonstat.md.
//
//   # report.yaml, in a chapter's goals list
//   - goal: 7
//     sources:
//       - plugin: jsonstat
//         file: data/ssb/elektrisitet.json
//         select: { Tid: [2019..2023] }
//         rows: Region
//         columns: Tid
//         chart: line
#pragma once

#include "jsonstat.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg::jsonstat {

class JsonStatSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

/// The view asked for by the options of one source entry (checked; no file access).
ViewSpec view_spec(const Options& opts, Language language);

}  // namespace sdg::jsonstat
