// sdgreport data plugins — a data cube (dimensions of categories, one cell per
// combination) and the view that turns a choice of its categories into a table
// and a chart. Shared by the jsonstat plugin (JSON-stat datasets) and the px
// plugin (PC-Axis files): both formats are cubes, and the options `select`,
// `rows`, `columns`, `series`, `status`, `duplicates` mean the same in both.
//
//   class MyCube final : public sdg::plugins::cube::Cube {   // a reader's cube
//     Observation at(const std::vector<std::size_t>& pos) const override { … }
//   };
//   sdg::plugins::cube::ViewSpec spec;
//   spec.select.push_back({"Region", {"K-0301"}, {}});
//   spec.rows = "Region";
//   spec.columns = "Tid";
//   View v = make_view(cube, spec, kMyFormat);   // v.table: one row, one column per year
//
// The view never changes what a cell means: a cell's status code goes through the
// report's `status` map, then the format's own mapping (Format::status_of); a
// code neither knows keeps the value (or "not available" for a missing one) and is
// named in a warning. A status of ValueStatus::Nil makes the cell the number 0.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "duplicates.hpp"
#include "sdgreport/codes.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/options.hpp"

namespace sdg::plugins::cube {

/// Unit of one category (normally of the metric dimension).
struct Unit {
  std::optional<int> decimals;  ///< when given
  std::string label;            ///< e.g. "persons"
  std::string symbol;           ///< e.g. "%"
  std::string base;             ///< e.g. "Per cent"
  int multiplier = 0;           ///< values are in units of 10^multiplier
  bool operator==(const Unit&) const = default;
};

struct Category {
  std::string id;
  std::string label;  ///< the id when the file gives none
  std::optional<Unit> unit;
  std::vector<std::string> children;  ///< ids of the categories below this one
  std::string parent;                 ///< id of the category whose child this is, or empty
};

struct Dimension {
  std::string id;
  std::string label;                 ///< the id when the file gives none
  std::string role;                  ///< "time", "geo", "metric" or empty
  std::vector<Category> categories;  ///< in file order
  /// The category that stands for the whole dimension (PC-Axis ELIMINATION, e.g.
  /// "Total"): used when the dimension is neither selected nor rows or columns.
  std::optional<std::size_t> elimination;

  /// Position of the category with this id, if any (linear: for options, not per cell).
  std::optional<std::size_t> find(std::string_view category_id) const;
};

/// One cell of the cube.
struct Observation {
  std::optional<double> value;  ///< nullopt: missing
  int decimals = 0;             ///< digits after the point the value is shown with
  std::string status;           ///< the file's status code for this cell, or empty
};

/// A cube: metadata, dimensions (the last varies fastest) and a way to read a cell.
class Cube {
 public:
  virtual ~Cube() = default;

  std::string name;                ///< name of the cube in a file holding several; may be empty
  std::string label;               ///< title
  std::string source;              ///< source note; may hold HTML
  std::string updated;             ///< last update, as given
  std::vector<std::string> notes;  ///< may hold HTML
  std::vector<Dimension> dimensions;
  /// Unit of every cell whose categories give none (PC-Axis `UNITS`).
  std::optional<Unit> unit;

  /// The cell at one category position per dimension.
  virtual Observation at(const std::vector<std::size_t>& position) const = 0;

  /// The dimension with this id, or nullptr.
  const Dimension* dimension(std::string_view id) const;
  std::optional<std::size_t> dimension_index(std::string_view id) const;
};

/// Categories chosen for one dimension. Each selector is one of:
///   "K-0301"        the category with this id (or, failing that, this label)
///   "2015..2023"    ids from 2015 to 2023 inclusive, in the file's order ("2015.." and
///                   "..2023" are open ranges)
///   "*"             every category
///   "last 5"        the last five categories
///   "EU15/*"        the children of EU15
struct Selection {
  std::string dimension;  ///< id, or the dimension's label
  std::vector<std::string> selectors;
  Location where;  ///< of the option, for messages
};

struct ViewSpec {
  std::string dataset;  ///< which cube of a file holding several; may be empty when it has one
  std::vector<Selection> select;
  std::string rows;     ///< dimension whose categories are table rows (empty: chosen)
  std::string columns;  ///< dimension whose categories are number columns (empty: chosen)
  std::string series;   ///< dimension whose categories are chart series (default: rows)
  Location rows_at, columns_at, series_at;

  bool table = true;
  std::optional<Chart::Kind> chart;
  std::string id;  ///< table id; empty: "<plugin>-<file>-<hash of the view>", stable across builds
  std::string caption, title, source, indicator;
  std::optional<int> decimals;  ///< overrides unit decimals and the decimals of the cells
  /// Status codes of the file mapped to model statuses, before the format's mapping.
  std::map<std::string, ValueStatus> status_map;
  /// Two chosen categories of the rows (or columns) dimension with the same
  /// label: first and last keep both, shown with their ids; error refuses. Both
  /// are named in a warning.
  plugins::DuplicatePolicy duplicates = plugins::DuplicatePolicy::First;
  Language language = Language::En;  ///< for words the file does not give ("thousands", "Value")
  std::string file;             ///< names the file in the default source note
};

/// A survivable problem of a view, with its warning code.
struct Warning {
  Code code;
  std::string text;
};

struct View {
  std::optional<Table> table;
  std::optional<Chart> chart;
  /// Survivable problems (status codes not shown, no source in the file…).
  std::vector<Warning> warnings;
  /// Categories of the rows or columns that share a label (warning code
  /// same-label), naming both positions: both are kept, shown with
  /// their ids ("Oslo (0301)", "Oslo (K-0301)"); nothing is left out.
  std::vector<std::string> duplicates;
  /// The categories shown, per dimension (positions), after selection and duplicates.
  std::vector<std::vector<std::size_t>> chosen;
  std::size_t rows_dimension = 0;
  std::optional<std::size_t> columns_dimension;
};

/// What differs between the formats sharing the view.
struct Format {
  const char* plugin;   ///< "jsonstat": prefix of messages and default ids
  const char* file_en;  ///< "JSON-stat file": the default source note names the file so
  const char* file_nb;  ///< "JSON-stat-fil"
  /// The model status of a status code of the format (may depend on the file, as
  /// PC-Axis DATASYMBOLs do); nullopt for codes it does not know.
  std::function<std::optional<ValueStatus>(std::string_view code)> status_of;
  /// Without a link in the source, the first link of the notes becomes the source
  /// note's link (JSON-stat: notes point to the source's pages). PC-Axis notes link
  /// to anything (a UN classification page), so px sets false.
  bool link_from_notes = true;
};

/// The view asked for by the options of one source entry (checked; no file
/// access). `language` is the report's. Throws the option's error for a bad value.
ViewSpec view_spec_of(const Options& opts, Language language);

/// Picks a cube of a file by name (`spec.dataset`) or the only one.
template <typename C>
const C& pick(const std::vector<C>& cubes, const ViewSpec& spec, const Format& format,
              const Location& where = {}) {
  std::string names;
  for (const C& d : cubes) names += (names.empty() ? "'" : ", '") + d.name + "'";
  const std::string p = std::string(format.plugin) + ": ";
  if (spec.dataset.empty()) {
    if (cubes.size() == 1) return cubes.front();
    throw Error(ErrorCode::Definition,
                p + "the file holds " + std::to_string(cubes.size()) +
                    " datasets; choose one with 'dataset' (" + names + ")",
                where);
  }
  for (const C& d : cubes)
    if (d.name == spec.dataset) return d;
  throw Error(ErrorCode::Definition,
              p + "no dataset '" + spec.dataset + "' in the file (datasets: " + names + ")", where);
}

/// Builds the table and/or chart. Every dimension other than rows and columns
/// must come down to one category (by `select`, or by having one). Throws
/// sdg::Error(ErrorCode::Definition) for a bad choice, naming what is available.
View make_view(const Cube& cube, const ViewSpec& spec, const Format& format);

/// "thousands" (nb "tusen") and the like for a unit multiplier of 3, 6, 9.
std::string unit_text(const std::optional<Unit>& u, Language lang);

}  // namespace sdg::plugins::cube
