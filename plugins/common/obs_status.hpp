// sdgreport data plugins — what an SDMX observation status says, by code
// ("Q") or by its text ("Missing value; suppressed"), shared by the sdmx plugin
// (OBS_STATUS codes) and the opensdg plugin (the `Observation status` column,
// which holds the same code list's names). One table, so that a status means
// the same in every reader.
//
//   auto s = sdg::plugins::sdmx_obs_status("Q");      // {Confidential, missing}
//   auto t = sdg::plugins::sdmx_obs_status("Missing value; suppressed");  // the same
//
// The code list is SDMX's cross-domain CL_OBS_STATUS (version 2.2, as used by
// the UN Global SDG Database, Eurostat and the BIS):
//   A normal value                          → no status
//   B time series break                     → break in series (flag)
//   E estimated, F forecast, I imputed      → estimated (flag)
//   P provisional                           → provisional (flag)
//   L missing; data exist but not collected → not available
//   O missing value, H missing; holiday     → not available
//   M missing; data cannot exist            → not applicable
//   Q missing; suppressed                   → confidential
// Other codes (D definition differs, G experimental, N not significant, S
// strike, U low reliability, V unvalidated, …) have no status in the model:
// nullopt, and the reader warns rather than guess.
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "sdgreport/table_data.hpp"
#include "sdgreport/text.hpp"

namespace sdg::plugins {

struct ObsStatus {
  ValueStatus status = ValueStatus::None;
  /// True for the statuses that say why a value is missing (not available, not
  /// applicable, confidential); false for flags of a present value.
  bool missing = false;
};

/// The status of an SDMX OBS_STATUS code or of its English name (case and
/// surrounding spaces ignored); nullopt when the table has none.
inline std::optional<ObsStatus> sdmx_obs_status(std::string_view code_or_text) {
  const std::string s = lower(trim_spaces(code_or_text));
  if (s == "a" || s == "normal value" || s == "normal") return ObsStatus{ValueStatus::None, false};
  if (s == "b" || s == "time series break" || s == "break in series") return ObsStatus{ValueStatus::BreakInSeries, false};
  if (s == "e" || s == "estimated value" || s == "f" || s == "forecast value" || s == "i" || s == "imputed value" ||
      s == "imputed value (ccsa definition)")
    return ObsStatus{ValueStatus::Estimated, false};
  if (s == "p" || s == "provisional value") return ObsStatus{ValueStatus::Provisional, false};
  if (s == "q" || s == "missing value; suppressed" || s == "confidential" || s == "confidential value")
    return ObsStatus{ValueStatus::Confidential, true};
  if (s == "m" || s == "missing value; data cannot exist" || s == "not applicable")
    return ObsStatus{ValueStatus::NotApplicable, true};
  if (s == "l" || s == "missing value; data exist but were not collected" || s == "o" || s == "missing value" ||
      s == "h" || s == "missing value; holiday or weekend" || s == "not available")
    return ObsStatus{ValueStatus::NotAvailable, true};
  return std::nullopt;
}

}  // namespace sdg::plugins
