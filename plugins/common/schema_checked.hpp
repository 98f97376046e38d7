// sdgreport data plugins — what a plugin does with a value its option table
// (plugin.cpp) refuses. The host checks every entry against the table before the
// plugin runs (core/src/pipeline/option_check.cpp), so a plugin reads an enum or
// a ranged integer plainly; the one way such a value still reaches it is a bug
// (the table and the reading disagree, or a caller skipped the host's check).
// Header-only, so a plugin that links nothing else of plugins/common can use it.
//
//   if (mode == "sections") return HeadingMode::Sections;
//   if (mode == "blocks") return HeadingMode::Blocks;
//   plugins::option_check_missed(opts, "headings");   // an Internal error, never a user's
#pragma once

#include <string>

#include "sdgreport/error.hpp"
#include "sdgreport/options.hpp"

namespace sdg::plugins {

/// Throws Error(ErrorCode::Internal) at the option `key`, naming its value.
[[noreturn]] inline void option_check_missed(const Options& opts, const std::string& key) {
  const Value* v = opts.get(key);
  const std::string shown = v && v->is_scalar() ? " '" + v->text() + "'" : "";
  const Location at = (v && !v->where().empty()) ? v->where() : opts.where();
  throw Error(ErrorCode::Internal,
              "option '" + key + "'" + (opts.owner().empty() ? "" : " of " + opts.owner()) + ": the value" + shown +
                  " was not checked against the plugin's option table (a bug: the host checks it first)",
              at);
}

}  // namespace sdg::plugins
