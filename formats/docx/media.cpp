#include "media.hpp"

#include <fstream>
#include <iterator>
#include "sdgreport/files.hpp"

namespace sdg::docx {

namespace {

unsigned be16(const std::string& b, std::size_t i) {
  return (static_cast<unsigned char>(b[i]) << 8) | static_cast<unsigned char>(b[i + 1]);
}
unsigned long be32(const std::string& b, std::size_t i) {
  return (static_cast<unsigned long>(be16(b, i)) << 16) | be16(b, i + 2);
}

bool jpeg_size(const std::string& b, int& w, int& h) {
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (static_cast<unsigned char>(b[i]) != 0xFF) return false;
    const unsigned char m = static_cast<unsigned char>(b[i + 1]);
    if (m == 0xFF) {
      ++i;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
      i += 2;
      continue;
    }
    const unsigned len = be16(b, i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
      h = static_cast<int>(be16(b, i + 5));
      w = static_cast<int>(be16(b, i + 7));
      return w > 0 && h > 0;
    }
    if (len < 2) return false;
    i += 2 + len;
  }
  return false;
}

}  // namespace

std::optional<Image> read_image(const std::filesystem::path& path) {
  std::optional<std::string> bytes = try_read_file(path);
  if (!bytes) return std::nullopt;
  Image img;
  img.bytes = std::move(*bytes);
  const std::string& b = img.bytes;
  if (b.size() > 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0) {
    img.extension = "png";
    img.width = static_cast<int>(be32(b, 16));
    img.height = static_cast<int>(be32(b, 20));
  } else if (b.size() > 4 && static_cast<unsigned char>(b[0]) == 0xFF &&
             static_cast<unsigned char>(b[1]) == 0xD8) {
    img.extension = "jpeg";
    if (!jpeg_size(b, img.width, img.height)) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (img.width <= 0 || img.height <= 0 || img.width > 100000 || img.height > 100000) return std::nullopt;
  return img;
}

}  // namespace sdg::docx
