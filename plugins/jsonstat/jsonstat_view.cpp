// sdgreport jsonstat plugin — what the shared cube view (plugins/common/cube.hpp)
// needs to know of JSON-stat: the plugin's name and its status codes.
#include "jsonstat.hpp"

namespace sdg::jsonstat {

std::optional<ValueStatus> status_of_code(std::string_view code) {
  if (code == "e" || code == "E") return ValueStatus::Estimated;
  if (code == "p" || code == "P") return ValueStatus::Provisional;
  if (code == "b" || code == "B") return ValueStatus::BreakInSeries;
  if (code == "c" || code == "C" || code == ":") return ValueStatus::Confidential;
  if (code == ".." || code == "m" || code == "M" || code == "...") return ValueStatus::NotAvailable;
  if (code == "." || code == "z" || code == "Z") return ValueStatus::NotApplicable;
  // "-": nil, a true zero (Statistics Norway; the UN's "nil or negligible").
  if (code == "-" || code == "\u2013") return ValueStatus::Nil;
  return std::nullopt;
}

const plugins::cube::Format kFormat{"jsonstat", "JSON-stat file", "JSON-stat-fil", &status_of_code};

const Dataset& pick_dataset(const std::vector<Dataset>& sets, const ViewSpec& spec, const Location& where) {
  return plugins::cube::pick(sets, spec, kFormat, where);
}

View make_view(const Dataset& ds, const ViewSpec& spec) {
  return plugins::cube::make_view(ds, spec, kFormat);
}

}  // namespace sdg::jsonstat
