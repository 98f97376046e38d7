// sdgreport sdmx plugin — observations of an SDMX data message into a table
// and a chart: the pure layer (no plugin loader, no Context).
//
//   sdg::sdmx::Spec spec;
//   spec.filters.push_back({"SERIES", {"SI_POV_DAY1"}});
//   spec.filters.push_back({"SEX", {"F", "M"}});
//   sdg::sdmx::Result r = sdg::sdmx::read_sdmx("1-1-1.xml", spec);
//   // r.table: one row per observation kept (layout long), or one row per
//   // series and a column per period (layout wide); r.chart when asked.
//
// Reading streams (sdmx_read.hpp): only the observations that pass the filters
// are kept, each as a few small ids, so memory follows what is kept, not the
// file. How codes, statuses, units and bounds become cells: docs/plugins/sdmx.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "duplicates.hpp"
#include "sdgreport/model.hpp"
#include "sdmx_read.hpp"
#include "sdmx_structure.hpp"

namespace sdg::sdmx {

enum class Layout { Long, Wide };
enum class Labels { Name, Code, Both };

struct Spec {
  /// Keep observations whose component (dimension or attribute id, as in the
  /// file; case is ignored when no id matches exactly) has one of the codes.
  std::vector<std::pair<std::string, std::vector<std::string>>> filters;
  Layout layout = Layout::Long;
  Labels labels = Labels::Name;
  std::string language = "en";
  std::string id, caption, title, source, indicator;
  bool table = true;
  std::optional<Chart::Kind> chart;
  std::optional<int> decimals;
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;
  /// SERIES code → SDG indicator id (the option `series_indicators`).
  std::map<std::string, std::string> series_indicators;
  /// More component ids that are attributes, not dimensions (without a structure file).
  std::vector<std::string> attributes;
  /// OBS_STATUS codes with the status they mean, before the built-in table.
  std::map<std::string, ValueStatus> status_map;
  /// Names of codes and components, roles of components (may be empty).
  const Structure* structure = nullptr;
  /// Makes the error for an option that does not fit the file (located at the option).
  std::function<Error(const std::string& key, const std::string& what)> option_error;
};

struct Warning {
  std::string code;  ///< "duplicate-observation", "sdmx-observation-status", …
  std::string message;
  int line = 0;  ///< line of the file, or 0
};

struct Result {
  std::optional<Table> table;
  std::optional<Chart> chart;
  std::vector<Warning> warnings;
  Format format = Format::Unknown;
  std::size_t observations = 0;  ///< read
  std::size_t kept = 0;          ///< after filters (and duplicates)
};

/// Reads the file at `path` (SDMX-ML 2.1 or SDMX-CSV, told by its first bytes)
/// and shapes the observations kept. Throws sdg::Error.
Result read_sdmx(const std::string& path, const Spec& spec);
/// The same for bytes in memory (`name` in messages): tests and fuzzing.
Result read_sdmx_bytes(std::string_view bytes, const std::string& name, const Spec& spec);

/// English name of a UN M49 area code ("578" → "Norway", "001" → "World"); nullptr when unknown.
const char* m49_name(std::string_view code) noexcept;

}  // namespace sdg::sdmx
