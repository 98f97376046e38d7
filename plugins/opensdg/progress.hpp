// sdgreport opensdg plugin — progress status of an indicator series, as Open SDG
// computes it (Statistics Canada's methodology, after Eurostat's): the compound
// annual growth rate (CAGR) between a base year and the latest year, compared
// with fixed thresholds (no target) or with the growth rate needed to reach a
// target on time. Pure arithmetic: no files, no model blocks.
//
//   sdg::opensdg::ProgressConfig cfg;
//   cfg.direction = sdg::opensdg::Direction::Positive;
//   cfg.target = 100;                         // per cent, by 2030
//   auto r = sdg::opensdg::measure_progress({{2015, 60}, {2020, 70}}, cfg);
//   // r.status == ProgressStatus::Limited, r.value ≈ 0.54 (R = CAGR_o / |CAGR_T|)
//
// The methodology (docs/plugins/opensdg.md has the worked numbers):
//   CAGR(y0 → y1 over t0 → t1) = (y1 / y0)^(1 / (t1 − t0)) − 1
//   base year t0: `base_year` (default 2015), or the first later year with data
//   latest year t1: the last year with a value; at least one year after t0
//   no target:  P = s·d·CAGR_o, thresholds 1.5 % / 0.5 % / 0 (scaled by C near a
//               natural `limit`)
//   target:     P = s·d·CAGR_o / |CAGR_T|, CAGR_T from the base value to the
//               target at `target_year` (default 2030); thresholds 95 % / 60 % / 0
//   d = +1 when higher is better ("positive"), −1 otherwise (Open SDG's default);
//   s = −1 when the base value is negative.
//   Status: target achieved (latest value on the right side of the target),
//   substantial ≥ high, moderate ≥ med, limited ≥ low, deterioration below;
//   not available when there are too few or unusable data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sdgreport/model.hpp"

namespace sdg::opensdg {

enum class Direction { Negative = -1, Positive = 1 };

struct Thresholds {
  double high, med, low;
};
inline constexpr Thresholds kNoTargetThresholds{0.015, 0.005, 0.0};
inline constexpr Thresholds kTargetThresholds{0.95, 0.6, 0.0};

/// One entry of `progress_calculation_options` (metadata) or of the plugin's
/// `progress:` option.
struct ProgressConfig {
  Direction direction = Direction::Negative;  ///< Open SDG's default
  std::optional<double> target;
  int target_year = 2030;
  int base_year = 2015;
  std::optional<double> limit;           ///< natural limit (no-target method only)
  std::optional<Thresholds> thresholds;  ///< defaults by method
  std::string series;                    ///< pick this value of the `Series` column
  std::string unit;                      ///< pick this value of the `Units` column
};

struct YearValue {
  int year = 0;
  double value = 0;
};

struct ProgressResult {
  ProgressStatus status = ProgressStatus::NotAvailable;
  std::optional<double> value;  ///< P: the growth rate (no target) or the ratio R (target)
  std::optional<double> score;  ///< Open SDG's score in [−5, 5], used to combine series
  int base_year = 0, current_year = 0;
  double base_value = 0, current_value = 0;
  std::string note;  ///< why the status is "not available", or an adjustment made
};

/// Compound annual growth rate from (t0, y0) to (t1, y1); t1 > t0, y0 ≠ 0.
double cagr(double y0, double y1, double t0, double t1);

/// Open SDG's reduction factor C for thresholds near a natural limit
/// (1 − (y0/lim)^4.44 below the limit, mirrored above it, 1 from twice the limit on).
double limit_coefficient(double base_value, double limit);

/// The status of one series. `data`: one value per year, in any order; a
/// repeated year gives "not available" with a note.
ProgressResult measure_progress(std::vector<YearValue> data, const ProgressConfig& config);

/// Combines the results of several series of one indicator as Open SDG does:
/// the mean of the scores, "target achieved" only when every series achieved it.
ProgressStatus combine_progress(const std::vector<ProgressResult>& results);

/// Open SDG's status names ("substantial_progress", "target_achieved", …) and
/// the model's ("substantial", …); nullopt for anything else.
std::optional<ProgressStatus> progress_status_from_open_sdg(const std::string& name);

}  // namespace sdg::opensdg
