// sdgreport opensdg plugin — progress status (see progress.hpp for the method).
#include "progress.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sdg::opensdg {
namespace {

constexpr double kZeroReplacement = 0.001;  // Open SDG's stand-in for a zero base value or target
constexpr double kLimitExponent = 4.44;

ProgressStatus status_for(double p, const Thresholds& t) {
  if (p >= t.high) return ProgressStatus::Substantial;
  if (p >= t.med) return ProgressStatus::Moderate;
  if (p >= t.low) return ProgressStatus::Limited;
  return ProgressStatus::Deterioration;
}

// Open SDG's scores map the default thresholds to 2.5, 0 and −2.5, so that the
// mean over several series falls in the band of the combined status.
double score_no_target(double p, double coeff) {
  if (p < 0) return std::max(125 * p - 2.5, -5.0);
  if (coeff == 0) return 5;
  if (p >= 0.015 * coeff) return std::min(500 * p / coeff - 5, 5.0);
  if (p >= 0.005 * coeff) return 250 * p / coeff - 1.25;
  return 500 * p / coeff - 2.5;
}

double score_target(double r) {
  if (r >= 0.6) return std::min(7.1429 * r - 4.2857, 5.0);
  return std::max(4.1667 * r - 2.5, -5.0);
}

std::string number_text(double v) {
  std::string s = std::to_string(v);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

double cagr(double y0, double y1, double t0, double t1) {
  return std::pow(y1 / y0, 1.0 / (t1 - t0)) - 1.0;
}

double limit_coefficient(double base_value, double limit) {
  const double b = std::abs(base_value), l = std::abs(limit);
  if (b >= 2 * l) return 1;  // also when both are zero
  if (b <= l) return 1 - std::pow(b / l, kLimitExponent);
  return 1 - std::pow((2 * l - b) / l, kLimitExponent);
}

ProgressResult measure_progress(std::vector<YearValue> data, const ProgressConfig& config) {
  ProgressResult r;
  if (data.empty()) {
    r.note = "no values";
    return r;
  }
  std::sort(data.begin(), data.end(), [](const YearValue& a, const YearValue& b) { return a.year < b.year; });
  for (std::size_t i = 1; i < data.size(); ++i) {
    if (data[i].year == data[i - 1].year) {
      r.note = "more than one value for " + std::to_string(data[i].year);
      return r;
    }
  }
  const YearValue& current = data.back();
  r.current_year = current.year;
  r.current_value = current.value;
  const auto base = std::find_if(data.begin(), data.end(),
                                 [&](const YearValue& yv) { return yv.year >= config.base_year; });
  if (base == data.end()) {
    r.note = "no value in or after the base year " + std::to_string(config.base_year);
    return r;
  }
  r.base_year = base->year;
  r.base_value = base->value;

  const int d = static_cast<int>(config.direction);
  std::optional<double> target = config.target;
  if (target && *target == 0) {
    target = kZeroReplacement;
    r.note = "target 0 taken as 0.001";
  }
  const bool achieved = target && (d < 0 ? r.current_value <= *target : r.current_value >= *target);
  if (achieved) {
    r.status = ProgressStatus::TargetAchieved;
    r.score = 5;
    return r;
  }
  if (r.current_year - r.base_year < 1) {
    r.note = "fewer than two years with values from the base year on";
    return r;
  }
  double base_value = r.base_value;
  if (base_value == 0) {
    base_value = kZeroReplacement;
    r.note = "base value 0 taken as 0.001";
  }
  if ((base_value > 0 && r.current_value < 0) || (base_value < 0 && r.current_value > 0)) {
    r.note = "base value " + number_text(r.base_value) + " and latest value " + number_text(r.current_value) +
             " are not of the same sign";
    return r;
  }
  const double sign = base_value < 0 ? -1 : 1;
  const double observed = cagr(base_value, r.current_value, r.base_year, r.current_year);

  if (!target) {
    Thresholds t = config.thresholds.value_or(kNoTargetThresholds);
    double coeff = 1;
    if (config.limit) {
      coeff = limit_coefficient(base_value, *config.limit);
      t.high *= coeff;
      t.med *= coeff;
      t.low *= coeff;
    }
    const double p = sign * d * observed;
    r.value = p;
    r.status = status_for(p, t);
    r.score = score_no_target(p, coeff);
    return r;
  }

  if (config.target_year <= r.base_year) {
    r.note = "target year " + std::to_string(config.target_year) + " is not after the base year " +
             std::to_string(r.base_year);
    return r;
  }
  if ((*target > 0) != (base_value > 0)) {
    r.note = "target " + number_text(*target) + " and base value " + number_text(r.base_value) +
             " are not of the same sign";
    return r;
  }
  const double required = cagr(base_value, *target, r.base_year, config.target_year);
  double p;
  if (required != 0) {
    p = sign * d * observed / std::abs(required);
  } else {  // the base value is the target: any move the right way is progress
    const double move = sign * d * observed;
    p = move > 0 ? std::numeric_limits<double>::infinity()
                 : (move < 0 ? -std::numeric_limits<double>::infinity() : 0.0);
  }
  r.value = p;
  r.status = status_for(p, config.thresholds.value_or(kTargetThresholds));
  r.score = score_target(p);
  return r;
}

ProgressStatus combine_progress(const std::vector<ProgressResult>& results) {
  double sum = 0;
  int n = 0;
  bool all_achieved = true;
  for (const ProgressResult& r : results) {
    if (!r.score) continue;
    sum += *r.score;
    ++n;
    all_achieved = all_achieved && r.status == ProgressStatus::TargetAchieved;
  }
  if (n == 0) return ProgressStatus::NotAvailable;
  if (all_achieved) return ProgressStatus::TargetAchieved;
  const double mean = sum / n;
  if (mean >= 2.5) return ProgressStatus::Substantial;
  if (mean >= 0) return ProgressStatus::Moderate;
  if (mean >= -2.5) return ProgressStatus::Limited;
  return ProgressStatus::Deterioration;
}

std::optional<ProgressStatus> progress_status_from_open_sdg(const std::string& name) {
  if (name == "substantial_progress") return ProgressStatus::Substantial;
  if (name == "moderate_progress") return ProgressStatus::Moderate;
  if (name == "limited_progress") return ProgressStatus::Limited;
  return progress_status_from_name(name);  // target_achieved, deterioration, not_available, …
}

}  // namespace sdg::opensdg
