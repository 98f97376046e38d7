#include "embed.hpp"

#include "sdgreport/files.hpp"

namespace sdg::html {

std::string base64(std::string_view bytes) {
  static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += abc[(v >> 18) & 63];
    out += abc[(v >> 12) & 63];
    out += abc[(v >> 6) & 63];
    out += abc[v & 63];
  }
  if (i < bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += abc[(v >> 18) & 63];
    out += abc[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? abc[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::optional<std::string> image_data_url(const std::filesystem::path& file) {
  const std::optional<std::string> read = try_read_file(file);
  if (!read) return std::nullopt;
  const std::string& bytes = *read;
  auto starts = [&](std::string_view magic, std::size_t at = 0) {
    return bytes.size() >= at + magic.size() && std::string_view(bytes).substr(at, magic.size()) == magic;
  };
  const char* mime = nullptr;
  if (starts("\x89PNG\r\n\x1a\n"))
    mime = "image/png";
  else if (starts("\xFF\xD8\xFF"))
    mime = "image/jpeg";
  else if (starts("GIF87a") || starts("GIF89a"))
    mime = "image/gif";
  else if (starts("RIFF") && starts("WEBP", 8))
    mime = "image/webp";
  else if (bytes.find("<svg") != std::string::npos && bytes.find("<svg") < 1024)
    mime = "image/svg+xml";
  if (mime == nullptr) return std::nullopt;
  return std::string("data:") + mime + ";base64," + base64(bytes);
}

}  // namespace sdg::html
