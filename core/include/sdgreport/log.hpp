// sdgreport — logging. One spdlog logger named "sdgreport" lives in libsdgreport
// and is shared by the CLI and every plugin. Messages go to stderr.
//
//   sdg::log().info("read {} indicators from {}", n, path.string());
//   sdg::log().debug("…");   // shown with -v
#pragma once

#include <spdlog/logger.h>

namespace sdg {

/// The shared logger.
spdlog::logger& log();

/// Sets the threshold: -1 quiet (errors only), 0 normal (info), 1 verbose (debug), 2 trace.
void set_verbosity(int level);

}  // namespace sdg
