// Word writer (private): the parts of an Office Open XML package, zipped with
// libzip. Parts are written in the order they were added ([Content_Types].xml
// first, as Word does), every entry with the same fixed time, so the same parts
// give the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sdg::docx {

class Package {
 public:
  void add(std::string name, std::string bytes, bool compress = true) {
    parts_.push_back({std::move(name), std::move(bytes), compress});
  }
  /// Writes the zip to `path`; entry times are `epoch` (clamped to 1980, the zip
  /// format's first year). Throws Error(Output) naming `shown` on failure.
  void write(const std::filesystem::path& path, std::int64_t epoch, const std::filesystem::path& shown) const;

 private:
  struct Part {
    std::string name, bytes;
    bool compress;
  };
  std::vector<Part> parts_;
};

/// Reads parts of a zip package (a DOCX); throws Error(Input) naming `shown`
/// when the file is not a zip archive.
class ZipReader {
 public:
  ZipReader(const std::filesystem::path& path, const std::string& shown);
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;
  /// The part's bytes; nullopt when there is no such part. Parts over 512 MB
  /// (uncompressed) are refused with Error(Input).
  std::optional<std::string> read(const std::string& name) const;
  /// The names of all entries, in the archive's order.
  std::vector<std::string> names() const;

 private:
  void* za_ = nullptr;
  std::string shown_;
};

}  // namespace sdg::docx
