// sdgreport jsonstat plugin — the pure layer: JSON-stat text in, datasets out
// (read_jsonstat), and a dataset plus a choice of categories and layout in, a
// table and a chart out (make_view). No plugin loader, no Context, no file
// access; the plugin (jsonstat_source.cpp) reads the file and the options.
//
//   auto sets = sdg::jsonstat::read_jsonstat(text, "data/ssb/12345.json");
//   sdg::jsonstat::ViewSpec spec;
//   spec.select.push_back({"Region", {"K-0301"}});
//   spec.select.push_back({"Tid", {"2015..2023"}});
//   spec.rows = "Region";
//   spec.columns = "Tid";
//   sdg::jsonstat::View v = sdg::jsonstat::make_view(sets.at(0), spec);
//   // v.table: one row "Oslo", one column per year 2015–2023, labels from the file.
//
// Both JSON-stat 2.0 (a `dataset`, or a `collection` whose items embed datasets)
// and 1.x (a bundle: an object of named datasets with `id`/`size`/`role` inside
// `dimension`) are read. Errors are sdg::Error(ErrorCode::Input) naming the file
// and line:column (bad JSON) or the JSON path (e.g. "$.oecd.dimension.area.category.index")
// and what was wrong; option errors in make_view are ErrorCode::Definition,
// located at the option when the spec carries its location.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "duplicates.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"

namespace sdg::jsonstat {

/// `category.unit` of one category (normally of the metric dimension).
struct Unit {
  std::optional<int> decimals;  ///< `decimals`, when given
  std::string label;            ///< `label` (2.0)
  std::string symbol;           ///< `symbol`, e.g. "%"
  std::string base;             ///< `base` (1.x style), e.g. "Per cent"
  int multiplier = 0;           ///< values are in units of 10^multiplier
  bool operator==(const Unit&) const = default;
};

struct Category {
  std::string id;
  std::string label;                  ///< from `category.label`; the id when the file gives none
  std::optional<Unit> unit;
  std::vector<std::string> children;  ///< ids, from `category.child`
  std::string parent;                 ///< id of the category whose child this is, or empty
};

struct Dimension {
  std::string id;
  std::string label;  ///< the id when the file gives none
  std::string role;   ///< "time", "geo", "metric" or empty
  std::vector<Category> categories;  ///< in index order

  /// Position of the category with this id, if any.
  std::optional<std::size_t> find(std::string_view category_id) const;
};

/// One cell of the data cube.
struct Observation {
  std::optional<double> value;  ///< nullopt: null in the file
  int decimals = 0;             ///< sdg::decimals_needed of the value (0–10)
  std::string status;           ///< the file's status code for this cell, or empty
};

class Dataset {
 public:
  std::string name;     ///< bundle member name ("oecd"); empty for a 2.0 dataset
  std::string label;
  std::string source;
  std::string updated;
  /// The language of the labels where the file says it (language of parts):
  /// PxWeb's `extension.px.language` ("no" is Statistics Norway's Bokmål: "nb"),
  /// else "nb" for a dataset whose `source` is "Statistisk sentralbyrå" (the
  /// Norwegian edition of Statistics Norway's API; the English one says
  /// "Statistics Norway"). Empty when unknown.
  std::string language;
  std::vector<std::string> notes;
  std::vector<Dimension> dimensions;  ///< in `id` order: the last varies fastest

  /// Number of cells (product of the dimension sizes).
  std::size_t size() const noexcept { return size_; }
  /// The cell at one category position per dimension.
  Observation at(const std::vector<std::size_t>& position) const;
  /// The dimension with this id, or nullptr.
  const Dimension* dimension(std::string_view id) const;
  std::optional<std::size_t> dimension_index(std::string_view id) const;

 private:
  friend class Parser;
  std::size_t size_ = 0;
  bool sparse_ = false;
  std::vector<double> dense_;          ///< NaN = null
  std::map<std::size_t, double> sparse_values_;  ///< `value` given as an object
  std::string status_all_;             ///< `status` as one string (or a one-element array)
  std::vector<std::string> status_dense_;
  std::map<std::size_t, std::string> status_sparse_;
};

/// Reads a JSON-stat file: every dataset in it (one for a 2.0 dataset; one per
/// member of a 1.x bundle or embedded item of a 2.0 collection, in file order).
/// `file_name` names the file in messages. Throws sdg::Error(ErrorCode::Input).
std::vector<Dataset> read_jsonstat(std::string_view text, const std::string& file_name);

// ---------------------------------------------------------------- views

/// Categories chosen for one dimension. Each selector is one of:
///   "K-0301"        the category with this id (or, failing that, this label)
///   "2015..2023"    ids from 2015 to 2023 inclusive, in the file's order ("2015.." and
///                   "..2023" are open ranges)
///   "*"             every category
///   "last 5"        the last five categories
///   "EU15/*"        the children of EU15 (`category.child`)
struct Selection {
  std::string dimension;               ///< id, or the dimension's label
  std::vector<std::string> selectors;
  Location where;                      ///< of the option, for messages
};

struct ViewSpec {
  std::string dataset;   ///< bundle member; may be empty when the file has one dataset
  std::vector<Selection> select;
  std::string rows;      ///< dimension whose categories are table rows (empty: chosen)
  std::string columns;   ///< dimension whose categories are number columns (empty: chosen)
  std::string series;    ///< dimension whose categories are chart series (default: rows)
  Location rows_at, columns_at, series_at;

  bool table = true;
  std::optional<Chart::Kind> chart;
  std::string id;  ///< table id; empty: "jsonstat-<file>-<hash of the view>", stable across builds
  std::string caption, title, source, indicator;
  std::optional<int> decimals;  ///< overrides unit decimals and the decimals found in the values
  /// Status codes of the file mapped to model statuses, before the built-in mapping.
  std::map<std::string, ValueStatus> status_map;
  /// Two chosen categories of the rows (or columns) dimension with the same
  /// label would print as two rows of one name: first keeps the first, last the
  /// last (in the first's place), error refuses. Both are named in a warning.
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;
  std::string language = "en";  ///< for words the file does not give ("thousands", "Value")
  std::string file;             ///< names the file in the default source note
};

struct View {
  std::optional<Table> table;
  std::optional<Chart> chart;
  /// Survivable problems (status codes not shown, no source in the file…).
  std::vector<std::string> warnings;
  /// Categories of the rows or columns that share a label (warning code
  /// "jsonstat-same-label"), naming both positions: both are kept, shown with
  /// their ids ("Oslo (0301)", "Oslo (K-0301)"); nothing is left out.
  std::vector<std::string> duplicates;
};

/// Picks a dataset of a file by name (`spec.dataset`) or the only one.
const Dataset& pick_dataset(const std::vector<Dataset>& sets, const ViewSpec& spec,
                            const Location& where = {});

/// Builds the table and/or chart. Every dimension other than rows and columns
/// must come down to one category (by `select`, or by having one). Throws
/// sdg::Error(ErrorCode::Definition) for a bad choice, naming what is available.
View make_view(const Dataset& ds, const ViewSpec& spec);

/// The model status for a JSON-stat status code: "e" estimated, "p" provisional,
/// "b" break in series, "c"/":" confidential, ".."/"m" not available,
/// "."/"-"/"z" not applicable; nullopt for other codes.
std::optional<ValueStatus> status_of_code(std::string_view code);

}  // namespace sdg::jsonstat
