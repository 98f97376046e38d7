// `sdgreport new-plugin NAME`: writes a plugin project that builds against an
// installed sdgreport with find_package(sdgreport).
#pragma once

#include <filesystem>
#include <string>

#include "sdgreport/language.hpp"

namespace sdg::cli {

/// Creates `dir` (which must not exist or be empty) holding the project of a data-source
/// plugin named `name`. Throws sdg::Error on a bad name or an unusable directory.
void scaffold_plugin(const std::string& name, const std::filesystem::path& dir, const std::string& sdgreport_version);

/// Creates `dir` (which must not exist or be empty) holding a report project that follows
/// the UN common reporting guidelines: report.yaml, a Markdown file per chapter and per goal
/// with a hint (as a comment) of what belongs there, and data/README.md. It builds at once.
/// With `schema_json` (from `sdgreport schema`), also report.schema.json, named on the
/// first line of report.yaml for editors (`# yaml-language-server: $schema=…`).
void scaffold_report(const std::filesystem::path& dir, Language lang, const std::string& schema_json = {});

}  // namespace sdg::cli
