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

#include "cube.hpp"
#include "sdgreport/error.hpp"
#include "sdgreport/model.hpp"

namespace sdg::jsonstat {

// The cube model and the view are shared with the px plugin (plugins/common/cube.hpp).
using plugins::cube::Category;
using plugins::cube::Dimension;
using plugins::cube::Observation;
using plugins::cube::Selection;
using plugins::cube::Unit;
using plugins::cube::View;
using plugins::cube::ViewSpec;

class Dataset final : public plugins::cube::Cube {
 public:
  /// The language of the labels where the file says it (language of parts):
  /// PxWeb's `extension.px.language` ("no" is Statistics Norway's Bokmål: "nb"),
  /// else "nb" for a dataset whose `source` is "Statistisk sentralbyrå" (the
  /// Norwegian edition of Statistics Norway's API; the English one says
  /// "Statistics Norway"). Empty when unknown.
  std::string language;

  /// Number of cells (product of the dimension sizes).
  std::size_t size() const noexcept { return size_; }
  /// The cell at one category position per dimension.
  Observation at(const std::vector<std::size_t>& position) const override;

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

/// What the shared view needs to know of JSON-stat (messages, ids, status codes).
extern const plugins::cube::Format kFormat;

/// Picks a dataset of a file by name (`spec.dataset`) or the only one.
const Dataset& pick_dataset(const std::vector<Dataset>& sets, const ViewSpec& spec,
                            const Location& where = {});

/// Builds the table and/or chart (plugins::cube::make_view with kFormat). Every
/// dimension other than rows and columns must come down to one category (by
/// `select`, or by having one). Throws sdg::Error(ErrorCode::Definition) for a
/// bad choice, naming what is available.
View make_view(const Dataset& ds, const ViewSpec& spec);

/// The model status for a JSON-stat status code: "e" estimated, "p" provisional,
/// "b" break in series, "c"/":" confidential, ".."/"m" not available,
/// "."/"-"/"z" not applicable; nullopt for other codes.
std::optional<ValueStatus> status_of_code(std::string_view code);

}  // namespace sdg::jsonstat
