#include "sdgreport/files.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace sdg {

namespace {

/// Why `path` cannot be read, or "" when it was read into `out`.
std::string read_into(const std::filesystem::path& path, std::string& out) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return "file not found";
  if (std::filesystem::is_directory(status)) return "it is a folder, not a file";
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::string("not readable") + (errno ? std::string(" (") + std::strerror(errno) + ")" : "");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return "not readable (a read error)";
  out = std::move(buf).str();
  return {};
}

}  // namespace

std::optional<std::string> try_read_file(const std::filesystem::path& path) {
  std::string out;
  if (!read_into(path, out).empty()) return std::nullopt;
  return out;
}

std::string read_file(const std::filesystem::path& path, ErrorCode code, std::string_view what,
                      const Location& where) {
  std::string out;
  if (const std::string why = read_into(path, out); !why.empty())
    throw Error(code, "cannot read " + std::string(what) + ": " + why, where);
  return out;
}

}  // namespace sdg
