// HTML writer (private): images embedded in the page as data: URLs, so the
// edition is one self-contained file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace sdg::html {

/// RFC 4648 base64.
std::string base64(std::string_view bytes);

/// "data:image/png;base64,…" for a PNG, JPEG, GIF, WebP or SVG file (told by its
/// first bytes, not its name); nullopt when the file cannot be read or is none of these.
std::optional<std::string> image_data_url(const std::filesystem::path& file);

}  // namespace sdg::html
