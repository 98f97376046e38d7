// `sdgreport schema`: a JSON Schema (draft-07, what the VS Code YAML extension
// supports best) of the report definition, with every loaded plugin's declared
// options — descriptions, defaults, enums, ranges — chosen by the entry's
// `plugin` / `format` (if/then), so that editors complete and check them.
#pragma once

#include <string>

#include "host.hpp"

namespace sdg::cli {

/// The schema as pretty-printed JSON text (stable order: plugins by name).
std::string definition_schema(const PluginHost& host);

/// `sdgreport plugins --options NAME`: one plugin's options as a readable table.
std::string describe_options(const PluginRecord& plugin);

}  // namespace sdg::cli
