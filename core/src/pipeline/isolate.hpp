// Running one data source in a child process (fault containment). Internal to libsdgreport.
#pragma once

#include "sdgreport/context.hpp"
#include "sdgreport/model.hpp"
#include "sdgreport/plugin.hpp"

namespace sdg {

struct IsolationLimits {
  int timeout_seconds = 600;
  /// Megabytes of private writable memory (RLIMIT_DATA) the child may add to
  /// what it inherited; 0 = none.
  std::int64_t memory_mb = 4096;
};

/// Forks; the child calls `plugin.fill()` on a copy of `target` and sends the
/// resulting section (its JSON, unescaped, after a small CBOR header with the
/// warnings or the error) back through a pipe. The parent replaces `target` with the section, checked again by the
/// model's rules. A child that crashes, aborts, exceeds the time or memory limit
/// or throws becomes an Error naming the signal or reason.
void fill_isolated(DataSource& plugin, const SourceRequest& req, Section& target, Context& ctx,
                   const IsolationLimits& limits);

}  // namespace sdg
