// sdgreport — reading a whole file, one way (part of the toolkit, see
// docs/architecture.md "Toolkit"): a missing file, a folder and an unreadable
// file are told apart in the message, which names the file and what it is.
//
//   std::string text = sdg::read_file(path, sdg::ErrorCode::Input, "Markdown file '" + path.string() + "'",
//                                     opts.where());
//   // throws "cannot read Markdown file 'text/a.md': file not found" at the definition's line
//   if (auto bytes = sdg::try_read_file(image)) { ... }   // nullopt when it cannot be read
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sdgreport/error.hpp"

namespace sdg {

/// The bytes of the file at `path`; nullopt when it is missing, a folder or unreadable.
std::optional<std::string> try_read_file(const std::filesystem::path& path);

/// The bytes of the file at `path`. Throws Error(`code`, "cannot read <what>: <reason>",
/// `where`) when it cannot: the reason is "file not found", "it is a folder, not a
/// file" or "not readable" (with the system's reason).
std::string read_file(const std::filesystem::path& path, ErrorCode code, std::string_view what,
                      const Location& where);

}  // namespace sdg
