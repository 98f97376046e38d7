// Word writer (private): pictures embedded in the package (word/media/).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace sdg::docx {

struct Image {
  std::string bytes;
  std::string extension;      ///< "png" or "jpeg"
  int width = 0, height = 0;  ///< pixels
};

/// The PNG or JPEG at `path` with its pixel size (from the PNG header or the
/// JPEG frame header); nullopt when it is missing, unreadable or neither.
std::optional<Image> read_image(const std::filesystem::path& path);

}  // namespace sdg::docx
