// `sdgreport preview REPORT.yaml [--port N]`: builds the HTML edition, serves it
// on http://127.0.0.1:N/ (cpp-httplib), watches every input the build read
// (inotify) and rebuilds on change (debounced). The page polls /__version and
// reloads after a rebuild; that script is added only by the preview. A failed
// build is shown on the page (with its file:line) and on the terminal, and the
// last good page stays. SIGINT or SIGTERM stops the server and removes its files.
#pragma once

#include <filesystem>

#include "build.hpp"

namespace sdg::cli {

/// Runs until SIGINT/SIGTERM. `port` 0 picks a free port. The URL is printed on
/// stdout as "Serving http://127.0.0.1:PORT/". Returns 0 after a clean stop, 1 when
/// the server cannot start.
int preview(const std::filesystem::path& definition, int port, const PluginLoader& load_plugins);

}  // namespace sdg::cli
