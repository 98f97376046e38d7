// sdgreport opensdg plugin — the data source: reads the options of a report
// definition entry, finds the indicators of the goal being filled in an Open SDG
// data folder, and adds each one's summary, tables and charts to the section.
// Exported by plugin.cpp; see docs/plugins/opensdg.md.
//
//   # report.yaml
//   goal_sources:
//     - { plugin: opensdg, folder: data/open-sdg }                 # every indicator found
//     - { plugin: opensdg, folder: data/open-sdg, indicators: [7.2.1, 13.2.2],
//         disaggregations: [Sex], progress: { 7.2.1: { direction: positive, target: 80 } } }
#pragma once

#include <optional>
#include <string>

#include "sdgreport/plugin.hpp"

namespace sdg::opensdg {

class OpenSdgSource final : public DataSource {
 public:
  void fill(const SourceRequest& req, Section& target, Context& ctx) override;
};

/// "7.2.1" or "7-2-1" → "7.2.1"; nullopt when it is not dot- or dash-separated
/// parts of letters and digits starting with a goal number.
std::optional<std::string> normalise_indicator_id(const std::string& id);

/// The id in a data file name: "indicator_7-2-1.csv" → "7.2.1"; nullopt otherwise.
std::optional<std::string> indicator_id_of_file(const std::string& file_name);

}  // namespace sdg::opensdg
