// sdgreport survey plugin — the size limits of a survey export (docs/limits.md,
// "Survey exports"). Past one, the reader stops with an error naming the file,
// the limit and its value; nothing is half-read.
#pragma once

#include <cstddef>
#include <string>

namespace sdg::survey {

struct SurveyLimits {
  std::size_t respondents = 2'000'000;  ///< rows (cases) of one export
  std::size_t variables = 20'000;       ///< columns (variables) of one export
  std::size_t value_labels = 5'000;     ///< value labels of one variable (or label set)
  std::size_t categories = 500;         ///< distinct answers of one question in a table
  std::size_t groups = 500;             ///< groups (columns) of one cross-tabulation
};

inline const SurveyLimits& survey_limits() noexcept {
  static const SurveyLimits l;
  return l;
}

/// "<what>: over the survey limit <name> = <value> (see docs/limits.md)".
inline std::string survey_limit_message(const std::string& name, std::size_t value, const std::string& what) {
  return what + ": over the survey limit " + name + " = " + std::to_string(value) + " (see docs/limits.md)";
}

}  // namespace sdg::survey
