// `sdgreport new-plugin NAME`: writes a plugin project that builds against an
// installed sdgreport with find_package(sdgreport).
#pragma once

#include <filesystem>
#include <string>

namespace sdg::cli {

/// Creates `dir` (which must not exist or be empty) holding the project of a data-source
/// plugin named `name`. Throws sdg::Error on a bad name or an unusable directory.
void scaffold_plugin(const std::string& name, const std::filesystem::path& dir, const std::string& sdgreport_version);

}  // namespace sdg::cli
