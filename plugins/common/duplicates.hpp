// sdgreport data plugins — what to do with two observations for one key (same
// period and the same breakdown), shared by the opensdg, csv and jsonstat plugins
// so that the option `duplicates: first|last|error` means the same everywhere.
//
//   const auto policy = sdg::plugins::duplicate_policy_of(opts);   // default: first
//   if (policy == sdg::plugins::DuplicatePolicy::Error) throw ...;
//
// Whatever the policy, a duplicate is never resolved silently: with `first` and
// `last` the plugin warns with sdg::Code::DuplicateObservation, naming both lines (or
// positions); with `error` it stops with both.
#pragma once

#include <string>

#include "schema_checked.hpp"
#include "sdgreport/options.hpp"

namespace sdg::plugins {

enum class DuplicatePolicy {
  First,  ///< keep the first observation, warn (the default)
  Last,   ///< keep the last observation, warn
  Error,  ///< refuse the file
};

/// The `duplicates` option of a source entry; First when absent. The value is
/// an enum of the plugin's option table (first, last, error), checked by the host
/// before the plugin runs; anything else here is a bug (the table and this
/// reading disagree, or the host's check was skipped): an Internal error, not a
/// second user message for the same rule.
inline DuplicatePolicy duplicate_policy_of(const Options& opts) {
  const std::string v = opts.string_or("duplicates", "first");
  if (v == "first") return DuplicatePolicy::First;
  if (v == "last") return DuplicatePolicy::Last;
  if (v == "error") return DuplicatePolicy::Error;
  option_check_missed(opts, "duplicates");
}

/// "kept the first" / "kept the last" for messages.
inline const char* kept_word(DuplicatePolicy p) {
  return p == DuplicatePolicy::Last ? "the last value was kept" : "the first value was kept";
}

}  // namespace sdg::plugins
