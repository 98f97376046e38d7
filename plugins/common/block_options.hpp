// sdgreport data plugins — the options every table-and-chart source reads the
// same way (csv, sdmx and the cube plugins jsonstat and px), read in one place:
//
//   id, caption, title, source, indicator   text (default: empty)
//   table                                   boolean (default: true)
//   chart                                   line|column|bar|none (default: none)
//   status                                  a map code → status name
//
// and the origin of a data block. The host has checked the values against the
// plugin's option table (plugin.cpp) before the plugin runs, so an enum is read
// plainly here; what a table cannot say stays: "table: false needs a chart", and
// the status names inside the free `status` map. (opensdg and survey take chart
// "auto" and fewer of these options: they read their own.)
//
//   plugins::read_block_options(opts, spec);   // spec.id … spec.chart
//   spec.status_map = plugins::status_map_of(opts);
#pragma once

#include <map>
#include <optional>
#include <string>

#include "schema_checked.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/options.hpp"

namespace sdg::plugins {

struct BlockOptions {
  std::string id, caption, title, source, indicator;
  bool table = true;
  std::optional<Chart::Kind> chart;  ///< none: no chart
};

/// The block options of a source entry. Throws the option error of `table` for
/// `table: false` without a chart.
BlockOptions block_options_of(const Options& opts);

/// block_options_of() into the same-named fields of a plugin's spec.
template <typename Spec>
void read_block_options(const Options& opts, Spec& spec) {
  BlockOptions b = block_options_of(opts);
  spec.id = std::move(b.id);
  spec.caption = std::move(b.caption);
  spec.title = std::move(b.title);
  spec.source = std::move(b.source);
  spec.indicator = std::move(b.indicator);
  spec.table = b.table;
  spec.chart = b.chart;
}

/// The `status` map (opensdg: `status_map`): code or text of the file → model
/// status (any status name, `none` included); an unknown name is an error at its
/// code. Empty when absent.
std::map<std::string, ValueStatus> status_map_of(const Options& opts, const std::string& key = "status");

/// Block::origin of a data block: "<source> / <table, chart or indicator id>"
/// (the block's kind when it has no id).
void set_data_origin(Block& b, const std::string& source);

}  // namespace sdg::plugins
