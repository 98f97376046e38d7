// `sdgreport package REPORT.yaml -o DIR`: the submission package — every output
// of the definition plus the main messages on their own and the indicator
// factsheets, checked first (validate --strict), then a manifest.json (each
// file's name, size, SHA-256, pages or sheets; the sdgreport version; the
// SHA-256 of every input the build read) and one zip of it all. The same inputs
// give the same manifest and the same zip, byte for byte. See docs/cli.md.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "host.hpp"
#include "sdgreport/pipeline.hpp"

namespace sdg::cli {

struct PackageOptions {
  bool allow_warnings = false;  ///< go on when validate finds warnings (errors always stop)
  AssembleOptions assemble;
};

/// Builds the package of `definition` into `out_dir`. Returns the exit code (0
/// done, 1 stopped by findings); other failures throw sdg::Error.
int package(const std::filesystem::path& definition, const std::filesystem::path& out_dir,
            const std::function<void(PluginHost&, const std::vector<std::filesystem::path>&)>& load_plugins,
            const PackageOptions& opts);

/// The SHA-256 of a file's bytes as 64 lower-case hex digits (OpenSSL).
std::string sha256_file(const std::filesystem::path& path);
/// The pages of a PDF file (PoDoFo); throws sdg::Error when it cannot be read.
int pdf_page_count(const std::filesystem::path& path);
/// The sheet names of an XLSX workbook in tab order (libzip, libxml2).
std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path);

}  // namespace sdg::cli
