// sdgreport — the limits every reader and the model enforce, in one place.
//
// Hostile or broken input must never crash, hang or exhaust memory: readers count
// nesting depth instead of recursing past it, and the model refuses trees larger
// than these limits with an error naming the limit and its value. The values are
// documented in docs/limits.md. Limits a real report could outgrow (table size,
// chart size, label length) can be raised in the report definition:
//
//   limits:
//     table_cells: 5000000
//     chart_series: 1000
//
// Nesting limits protect the stack and cannot be raised.
//
//   if (depth > sdg::limits().block_depth)
//     throw sdg::Error(sdg::ErrorCode::Input, sdg::limit_message("block_depth", "blocks nested too deep"), where);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sdgreport/text.hpp"  // utf8_length (was declared here)

namespace sdg {

struct Limits {
  // ---- nesting (fixed: they protect the stack)
  std::size_t block_depth = 64;     ///< lists, quotes and containers inside each other
  std::size_t inline_depth = 64;    ///< emphasis, strong and links inside each other
  std::size_t section_depth = 32;   ///< sections inside sections (chapters are depth 1)
  std::size_t json_depth = 512;     ///< arrays and objects inside each other in any JSON input
  std::size_t yaml_depth = 64;      ///< sequences and maps inside each other in a report definition
  std::size_t yaml_nodes = 200000;  ///< YAML nodes after expanding aliases (stops "billion laughs")

  // ---- size (raisable in the report definition under `limits:`)
  std::size_t table_columns = 16384;    ///< the widest sheet a spreadsheet holds
  std::size_t table_cells = 20000000;    ///< rows × columns of one table
  std::size_t chart_series = 500;       ///< series in one chart
  std::size_t chart_categories = 10000; ///< categories (x values) in one chart
  std::size_t label_length = 1000;      ///< characters in a label: column, series, category, caption, title
};

/// The limits in force for this process (the defaults until set_limits()).
const Limits& limits() noexcept;

/// Replaces the limits in force; the CLI calls it with the report definition's
/// `limits:` before any source runs. Not thread-safe: call before building.
void set_limits(const Limits& l) noexcept;

/// True for the names of limits a report definition may raise ("table_cells", …).
bool is_raisable_limit(std::string_view name) noexcept;

/// Sets the limit called `name` in `l`; false when there is no such raisable limit.
bool set_limit(Limits& l, std::string_view name, std::size_t value) noexcept;

/// The value of the limit called `name` (0 for an unknown name).
std::size_t limit_value(std::string_view name) noexcept;

/// The standard wording of a limit error: "<what>: over the limit block_depth = 64"
/// plus, for raisable limits, "; raise it with 'limits: { table_cells: N }' in the
/// report definition", otherwise " (see docs/limits.md)". `what` names the offending
/// thing ("lists and quotes nested 65 deep").
std::string limit_message(std::string_view name, const std::string& what);

}  // namespace sdg
