// sdgreport opensdg plugin — one indicator's data as report blocks: an indicator
// summary, then per unit of measure a table of the headline series and a chart,
// then a table per kept disaggregation. Pure: no files, no Context.
//
//   sdg::opensdg::BuildOptions o;
//   o.title = "Proportion of population subjected to violence";
//   o.source = "Statistics Canada";
//   auto built = sdg::opensdg::build_indicator_blocks("16.1.3", data, o);
//   for (auto& b : built.blocks) section.add_block(std::move(b));
//
// Layout (a wide table per unit: one row per year, one number column per series):
// - Series: the `Series` value (with the `GeoCode` after a dash when the file has
//   one), or "Value" when the file has neither.
// - Years in order of their first year ("2004/05" sorts as 2004); a year without
//   an observation for a series is an empty cell "not available".
// - The summary's value is the latest value of the main series: the first unit
//   and the first series in the file, or those the first progress option names;
//   IndicatorSummary::series names it (unless the file has no Series column and
//   only one series).
// - Ids are stable: "opensdg-<id>" for the first unit's headline table, "-2",
//   "-3"… for further units, "-chart" appended for the chart, which names the
//   table of the same observations in Chart::data_table.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "indicator_csv.hpp"
#include "progress.hpp"
#include "sdgreport/codes.hpp"
#include "sdgreport/model.hpp"

namespace sdg::opensdg {

struct BuildOptions {
  std::string title;        ///< indicator title for the summary, captions and chart titles
  std::string chart_title;  ///< metadata `graph_title`; empty: `title`
  std::string source;       ///< source note on every block
  std::string source_url;   ///< link of the source note (http/https), or ""
  bool national = false;    ///< a national indicator: blocks carry `national`, no catalogue check
  /// Table::metadata of every table (title, unit, definition, updated, organisation, url).
  std::map<std::string, std::string> metadata;
  std::string unit;  ///< unit when the file has no `Units` column (metadata `computation_units`)
  Language language = Language::En;
  bool table = true;
  std::optional<Chart::Kind> chart = Chart::Kind::Line;  ///< nullopt: no chart
  /// Progress: assessed when `assess` is set, with these options (one per series;
  /// none: the main series with Open SDG's defaults); else `manual` or not assessed.
  bool assess = false;
  std::vector<ProgressConfig> progress;
  std::optional<ProgressStatus> manual;
  std::string id_prefix;  ///< prefix of table and chart ids; default "opensdg-<id>"
};

struct BuildResult {
  std::vector<Block> blocks;
  ProgressStatus status = ProgressStatus::NotAssessed;
  std::vector<ProgressResult> progress;  ///< one per assessed series
  std::vector<CodedMessage> notes;       ///< survivable problems, for warnings
};

BuildResult build_indicator_blocks(const std::string& indicator_id, const IndicatorData& data,
                                   const BuildOptions& options);

/// "line" → Line, "bar" / "column" → Column (Open SDG's "bar" is vertical),
/// "horizontalBar" → Bar; nullopt for anything else.
std::optional<Chart::Kind> chart_kind_from_graph_type(const std::string& graph_type);

}  // namespace sdg::opensdg
